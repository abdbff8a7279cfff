'use strict';
// Preloaded with `node -r` before jest's own entry. Jest 24 predates `node:`-prefixed built-in
// module names: its resolver (jest-resolve isBuiltinModule) takes its list of core modules from
// `require('module').builtinModules` once, when it loads, so `require('node:fs')` (pidproof's
// compiled code) fails with "Cannot find module 'node:fs'". The array is frozen but the property
// is writable: it is replaced by a copy that also lists every name with the `node:` prefix. Jest
// then hands such names to Node's own require, which knows them.
const Module = require('module');
const names = Module.builtinModules.filter((n) => !n.startsWith('node:'));
Module.builtinModules = Object.freeze([...new Set([...Module.builtinModules, ...names.map((n) => `node:${n}`)])]);
