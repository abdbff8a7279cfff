#!/usr/bin/env node
// Installs a packed pidproof tarball the way a user installs it, on the machine this runs on, and
// proves that the prebuilt binary shipped for this platform is what loads, with no compiler:
//
//   1. a fresh project (allowScripts names pidproof, so npm >= 11.16 / 12 run its install script)
//      runs `npm install <tarball>` with PREBUILDS_ONLY=1 and, on POSIX, cc/c++/gcc/g++/clang/make/
//      python shims first on PATH that record any call and fail (node-gyp cannot run without
//      python and make);
//   2. the install script (node-gyp-build) must have run, and nothing may have been built: no shim
//      called, no node-gyp output in the log, no build/ directory. (Windows has no shims: a
//      runner's Visual Studio cannot be hidden, so there a build attempt is caught by the last two.)
//   3. in a fresh process with PREBUILDS_ONLY=1: require() and import() give backend 'native', the
//      binary node-gyp-build resolves is exactly prebuilds/<platform>-<arch>/pidproof[.<libc>].node,
//      processIdentity(process.pid) has a start token, and the CLI (`pidproof identity --json`)
//      prints this machine's identity;
//   4. `pidproof/record.schema.json` resolves (require, and import on Node >= 20.10), and
//      `pidproof stamp` writes a record that the installed `pidproof inspect` judges alive.
//
// Used by `npm run test:pack` (.ci/pack-test.sh) here and by the CI/release workflows on every
// target (Linux glibc and musl, macOS, Windows). Node >= 20, no dependencies.
//
//   node .github/scripts/install-tarball.mjs <pidproof-x.y.z.tgz> [--keep]
//
// LIBC=musl|glibc overrides the libc this expects on Linux (node-gyp-build reads the same variable).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const positional = args.filter((a) => !a.startsWith('--'));
if (positional.length !== 1) {
  console.error('usage: node install-tarball.mjs <pidproof-x.y.z.tgz> [--keep]');
  process.exit(2);
}
const tarball = path.resolve(positional[0]);
if (!fs.existsSync(tarball)) {
  console.error(`install-tarball: no such tarball: ${tarball}`);
  process.exit(2);
}

const isWindows = process.platform === 'win32';
let passed = 0;
function ok(what) {
  passed += 1;
  console.log(`ok ${passed} - ${what}`);
}
function fail(what) {
  console.error(`not ok - ${what}`);
  console.log(`${passed} passed, 1 failed`);
  process.exit(1);
}

// What node-gyp-build must pick here (it tags Linux binaries by libc: prebuildify --tag-libc).
function expectedBinary() {
  const dir = `${process.platform}-${process.arch}`;
  if (process.platform !== 'linux') return path.join('prebuilds', dir, 'pidproof.node');
  const libc = process.env.LIBC || (fs.existsSync('/etc/alpine-release') ? 'musl' : 'glibc');
  return path.join('prebuilds', dir, `pidproof.${libc}.node`);
}

// npm's own CLI next to this node (setup-node, nodejs.org, Debian and Alpine layouts), run with
// this node so no shell is needed on Windows; `npm` from PATH otherwise.
function npmCommand() {
  const bin = path.dirname(process.execPath);
  const candidates = isWindows
    ? [path.join(bin, 'node_modules', 'npm', 'bin', 'npm-cli.js')]
    : [path.join(bin, '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js')];
  const cli = candidates.find((c) => fs.existsSync(c));
  if (cli) return { file: process.execPath, pre: [cli], shell: false };
  return { file: isWindows ? 'npm.cmd' : 'npm', pre: [], shell: isWindows };
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pidproof-install-'));
const consumer = path.join(work, 'consumer');
const shimLog = path.join(work, 'shims.log');
fs.mkdirSync(consumer);
process.on('exit', () => {
  if (keep) console.log(`kept ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
});

let PATH = process.env.PATH ?? process.env.Path ?? '';
if (!isWindows) {
  const shims = path.join(work, 'shims');
  fs.mkdirSync(shims);
  for (const tool of ['cc', 'c++', 'gcc', 'g++', 'clang', 'clang++', 'make', 'gmake', 'python', 'python3']) {
    const file = path.join(shims, tool);
    fs.writeFileSync(
      file,
      `#!/bin/sh\necho "${tool} $*" >>'${shimLog}'\necho "install-tarball: compiler shim '${tool}' called" >&2\nexit 1\n`,
    );
    fs.chmodSync(file, 0o755);
  }
  PATH = `${shims}${path.delimiter}${PATH}`;
}

// A clean npm environment: nothing inherited from an outer `npm run` decides where or how this
// installs; PREBUILDS_ONLY makes node-gyp-build ignore build/.
const env = {};
for (const [k, v] of Object.entries(process.env)) {
  if (/^(npm_(lifecycle|package)_|npm_command$|npm_config_(local_prefix|build_from_source|node_gyp|loglevel)$)/i.test(k)) continue;
  if (/^path$/i.test(k)) continue;
  env[k] = v;
}
Object.assign(env, {
  PATH,
  npm_config_foreground_scripts: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  npm_config_loglevel: 'warn',
  PREBUILDS_ONLY: '1',
});
delete env.PIDPROOF_BACKEND;

// npm 12 runs a dependency's install script only when the root package.json allows it; a name
// matches a registry install, a tarball install is matched by its `file:` spec (what
// `npm install-scripts approve` writes). npm < 11.16 ignores the field and runs the script.
const allowScripts = { pidproof: true, [`file:${tarball.split(path.sep).join('/')}`]: true };
fs.writeFileSync(
  path.join(consumer, 'package.json'),
  `${JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, allowScripts }, null, 2)}\n`,
);

const npm = npmCommand();
const npmVersion = spawnSync(npm.file, [...npm.pre, '--version'], { env, encoding: 'utf8', shell: npm.shell });
console.log(`# node ${process.version}, npm ${String(npmVersion.stdout).trim()}, ${process.platform}-${process.arch}`);
console.log(`# installing ${tarball}`);
const install = spawnSync(npm.file, [...npm.pre, 'install', '--no-package-lock', tarball], {
  cwd: consumer,
  env,
  encoding: 'utf8',
  shell: npm.shell,
});
const installLog = `${install.stdout ?? ''}${install.stderr ?? ''}`;
process.stdout.write(`${installLog.trimEnd().replace(/^/gm, '  | ')}\n`);
if (install.error) fail(`npm install could not start: ${install.error.message}`);
const shimCalls = fs.existsSync(shimLog) ? fs.readFileSync(shimLog, 'utf8').trim() : '';
if (install.status !== 0) {
  fail(`npm install exited ${install.status}${shimCalls ? ` (build attempted: ${shimCalls})` : ''}`);
}
ok('npm install of the tarball succeeded');

if (!/node-gyp-build/.test(installLog)) fail("pidproof's install script (node-gyp-build) did not run");
if (shimCalls) fail(`a build from source was attempted during install: ${shimCalls}`);
if (/^\s*(\| )?gyp (info|ERR!)/m.test(installLog)) fail('node-gyp ran during the install (see the log above)');
const pkgDir = path.join(consumer, 'node_modules', 'pidproof');
if (fs.existsSync(path.join(pkgDir, 'build'))) fail('the install created build/ (it compiled)');
ok('the install script ran and loaded the prebuild: no compiler, no node-gyp, no build/');

const expected = expectedBinary();
if (!fs.existsSync(path.join(pkgDir, expected))) fail(`the tarball has no ${expected.split(path.sep).join('/')}`);

const probe = `
const path = require('path');
const p = require('pidproof');
if (p.backend !== 'native') throw new Error('backend is ' + p.backend + ', not native');
const pkgDir = path.dirname(require.resolve('pidproof/package.json'));
const loaded = path.relative(pkgDir, require('node-gyp-build').path(pkgDir));
if (loaded !== ${JSON.stringify(expected)}) throw new Error('node-gyp-build resolved ' + loaded + ', expected ' + ${JSON.stringify(expected)});
const me = p.processIdentity(process.pid);
if (!me || !/^\\d+$/.test(me.startToken || '')) throw new Error('no identity for self: ' + JSON.stringify(me));
console.log('  require: native, ' + loaded + ', startToken ' + me.startToken + ' (' + me.startTokenUnit + ')');
`;
const runEnv = { ...env, PATH: process.env.PATH ?? process.env.Path ?? '' };
function node(argv, what, quiet = false) {
  const r = spawnSync(process.execPath, argv, { cwd: consumer, env: runEnv, encoding: 'utf8' });
  if (!quiet) process.stdout.write(`${r.stdout ?? ''}`);
  if (r.status !== 0) fail(`${what}: ${(r.stderr || r.error?.message || '').trim()}`);
  return r.stdout ?? '';
}
node(['-e', probe], "require('pidproof')");
ok(`require('pidproof') is native and loads ${expected.split(path.sep).join('/')}`);

node(
  [
    '--input-type=module',
    '-e',
    `const m = await import('pidproof');
     const backend = m.backend ?? m.default?.backend;
     if (backend !== 'native') throw new Error('backend is ' + backend);
     const id = (m.processIdentity ?? m.default.processIdentity)(process.pid);
     if (!id) throw new Error('no identity for self');
     console.log('  import: native');`,
  ],
  "import('pidproof')",
);
ok("import('pidproof') is native");

// The proper-lockfile drop-in, through the package's exports map (require and import).
node(
  [
    '-e',
    `const fs = require('fs'), os = require('os'), path = require('path');
     const pl = require('pidproof/proper-lockfile');
     if (typeof pl !== 'function' || pl.lock !== pl) throw new Error('require("pidproof/proper-lockfile") is not callable as lock');
     const d = fs.mkdtempSync(path.join(os.tmpdir(), 'pidproof-pl-'));
     const f = path.join(d, 'f');
     fs.writeFileSync(f, '');
     const release = pl.lockSync(f);
     if (!pl.checkSync(f)) throw new Error('checkSync: not locked while held');
     release();
     if (fs.existsSync(f + '.lock')) throw new Error('the lock directory outlived its release');
     fs.rmSync(d, { recursive: true, force: true });
     console.log('  require: pidproof/proper-lockfile lockSync/checkSync/release');`,
  ],
  "require('pidproof/proper-lockfile')",
);
node(
  [
    '--input-type=module',
    '-e',
    `import lockfile, { lock, unlock, check, lockSync, unlockSync, checkSync } from 'pidproof/proper-lockfile';
     if (lockfile !== lock || ![unlock, check, lockSync, unlockSync, checkSync].every((f) => typeof f === 'function')) throw new Error('named exports');
     console.log('  import: pidproof/proper-lockfile (default and named)');`,
  ],
  "import('pidproof/proper-lockfile')",
);
ok('pidproof/proper-lockfile loads (require, import) and locks');

const cli = node([path.join(pkgDir, 'dist', 'cli.js'), 'identity', '--json'], 'pidproof identity --json', true);
let ids;
try {
  ids = JSON.parse(cli);
} catch {
  fail(`pidproof identity --json printed no JSON: ${cli.slice(0, 200)}`);
}
if (!Array.isArray(ids) || ids.length !== 1 || !ids[0].startToken) fail(`unexpected identity output: ${cli.slice(0, 200)}`);
ok(`pidproof identity --json works (pid ${ids[0].pid}, ${ids[0].startTokenUnit})`);

// The record schema, by its exported subpath (require; import with a JSON attribute where Node has it).
const schemaCheck = `if (s.$schema !== 'https://json-schema.org/draft/2020-12/schema' || !s.$defs?.payload || !s.$defs?.record) throw new Error('unexpected schema: ' + JSON.stringify(s).slice(0, 120));`;
node(['-e', `const s = require('pidproof/record.schema.json'); ${schemaCheck}`], "require('pidproof/record.schema.json')");
const [major, minor] = process.versions.node.split('.').map(Number);
if (major > 20 || (major === 20 && minor >= 10)) {
  node(['--input-type=module', '-e', `import s from 'pidproof/record.schema.json' with { type: 'json' }; ${schemaCheck}`], "import 'pidproof/record.schema.json'");
}
ok('pidproof/record.schema.json resolves (JSON Schema 2020-12)');

// pidproof stamp writes a record the installed CLI judges: alive (this process), in pidproof's format.
const stampDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pidproof-stamp-'));
try {
  const rec = path.join(stampDir, 'me.pid');
  node([path.join(pkgDir, 'dist', 'cli.js'), 'stamp', '--pid', String(process.pid), rec], 'pidproof stamp', true);
  const inspected = JSON.parse(node([path.join(pkgDir, 'dist', 'cli.js'), 'inspect', '--json', rec], 'pidproof inspect', true));
  if (inspected.format !== 'pidproof' || inspected.verdict !== 'alive' || inspected.holder?.pid !== process.pid) {
    fail(`pidproof inspect of a stamp: ${JSON.stringify(inspected).slice(0, 300)}`);
  }
} finally {
  fs.rmSync(stampDir, { recursive: true, force: true });
}
ok('pidproof stamp writes a record that pidproof inspect judges alive');

console.log(`${passed} passed, 0 failed`);
