/**
 * Lock options: the documented `LockOptions`, their validation (TypeError/RangeError naming the
 * option; unknown names rejected with the nearest valid one) and defaults, and the canonical lock
 * path (directory symlinks resolved, the file itself never followed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { assertKnownOptions, assertMs, assertObject, describe } from '../validate';
import { checkCommand } from '../identity';
import { type LockCompromisedError, LockPathError } from './errors';
import { type JudgeOptions, NO_OPTIONS } from './judge';
import { errCode } from './files';

/** Options of `acquireLock`, `acquireLockSync` and `withLock`. */
export interface LockOptions {
  /** Give up after this long (ms). Default 10 000; `0` tries once; `Infinity` waits for ever. */
  timeoutMs?: number;
  /** Cancels a wait: the acquire rejects with an `AbortError`. */
  signal?: AbortSignal;
  /**
   * Longest this holder may keep the lock (ms), default 5 min; `Infinity` for no limit. Past it an
   * in-process watchdog releases the lock and aborts `lock.signal`, and contenders may break it
   * (which works even when this process's event loop is blocked).
   */
  maxHoldMs?: number;
  /**
   * Optional lease (ms): the holder rewrites its heartbeat every `leaseMs / 3`; a contender may
   * break a lock whose heartbeat is older than `leaseMs` (a hung or SIGSTOPped holder).
   */
  leaseMs?: number;
  /**
   * Owner-scoped reentrancy: a second acquire of the same path with the same owner (compared
   * with `===`) in this process succeeds at once and shares the holding; each handle must be
   * released. Without an owner, a second acquire waits like any other contender.
   */
  owner?: unknown;
  /** Told when the lock is lost (it never throws). Default: one line to stderr. */
  onCompromised?: (err: LockCompromisedError) => void;
  /**
   * Permission bits of the lock file and its temp file (applied exactly, whatever the umask); the
   * replacement guard gets read access only for the classes that may also write the directory. Default `0o600`: no other user can read the lock, so none can hold its
   * kernel lock and pin it. Widen it (`0o640`, `0o644`, `0o660`) to let other users judge and
   * reclaim it; every user who can read a lock file can then hold its kernel lock too (see the
   * README's threat model). Must include `0o600`; only read/write bits. Ignored on Windows.
   */
  mode?: number;
  /**
   * Migration: a lock file pidproof cannot judge (empty, unparseable, unrecognised JSON, invalid
   * fields, a payload whose checksum never verifies) whose kernel lock is free becomes reclaimable
   * (stale reason `unknown-expired`) once older than this (ms; its stated creation time, else its
   * mtime). Default: never. A file whose kernel lock is held is never reclaimed this way.
   */
  reclaimUnknownAfterMs?: number;
  /**
   * Migration: evidence for bare PID files and token-less legacy locks, the command line their
   * process runs (substring or RegExp; see `ownerStatus`'s `command`). A live PID running anything
   * else is `recycled` (reclaimable); never consulted for a pidproof lock.
   */
  legacyCommand?: string | RegExp;
}

/** Options validated, with defaults applied. */
export interface Settings {
  timeoutMs: number;
  signal: AbortSignal | undefined;
  maxHoldMs: number;
  leaseMs: number | null;
  owner: unknown;
  onCompromised: (err: LockCompromisedError) => void;
  mode: number;
  /** What the judge may add for this caller (reclaimUnknownAfterMs, legacyCommand). */
  judge: JudgeOptions;
}

/** Every name `LockOptions` accepts. */
export const LOCK_OPTION_NAMES: readonly string[] = [
  'timeoutMs',
  'signal',
  'maxHoldMs',
  'leaseMs',
  'owner',
  'onCompromised',
  'mode',
  'reclaimUnknownAfterMs',
  'legacyCommand',
];

/** Default permission bits of lock files: owner read/write only (as systemd's lock files). */
export const DEFAULT_LOCK_MODE = 0o600;

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_HOLD_MS = 5 * 60_000;

function defaultOnCompromised(err: LockCompromisedError): void {
  try {
    process.stderr.write(`pidproof: ${err.message}\n`);
  } catch {
    // nowhere to report
  }
}

/** The settings of a call without options: one frozen object, nothing allocated per acquire. */
let defaults: Readonly<Settings> | undefined;

export function settingsOf(options: unknown): Settings {
  if (options === undefined) return (defaults ??= Object.freeze(settingsOf({})));
  const s: Settings = {
    timeoutMs: DEFAULT_TIMEOUT_MS,
    signal: undefined,
    maxHoldMs: DEFAULT_MAX_HOLD_MS,
    leaseMs: null,
    owner: undefined,
    onCompromised: defaultOnCompromised,
    mode: DEFAULT_LOCK_MODE,
    judge: NO_OPTIONS,
  };
  const o = assertObject(options, 'options');
  assertKnownOptions(o, LOCK_OPTION_NAMES);
  if (o.timeoutMs !== undefined) s.timeoutMs = assertMs(o.timeoutMs, 'options.timeoutMs', true);
  if (o.signal !== undefined) {
    if (!(o.signal instanceof AbortSignal)) {
      throw new TypeError(`options.signal must be an AbortSignal, got ${describe(o.signal)}`);
    }
    s.signal = o.signal;
  }
  if (o.maxHoldMs !== undefined) {
    s.maxHoldMs = assertMs(o.maxHoldMs, 'options.maxHoldMs', true);
    if (s.maxHoldMs === 0) throw new RangeError('options.maxHoldMs must be greater than 0');
  }
  if (o.leaseMs !== undefined) {
    const l = assertMs(o.leaseMs, 'options.leaseMs', false);
    if (l < 30) throw new RangeError(`options.leaseMs must be at least 30 ms, got ${l}`);
    s.leaseMs = l;
  }
  if (o.owner !== undefined && o.owner !== null) s.owner = o.owner;
  if (o.onCompromised !== undefined) {
    if (typeof o.onCompromised !== 'function') {
      throw new TypeError(`options.onCompromised must be a function, got ${describe(o.onCompromised)}`);
    }
    s.onCompromised = o.onCompromised as Settings['onCompromised'];
  }
  if (o.mode !== undefined) s.mode = checkMode(o.mode, 'options.mode');
  s.judge = judgeOptionsOf(o);
  return s;
}

/** `reclaimUnknownAfterMs` and `legacyCommand`, validated (shared with inspectLock and the doctor). */
export function judgeOptionsOf(o: Record<string, unknown>): JudgeOptions {
  if (o.reclaimUnknownAfterMs === undefined && o.legacyCommand === undefined) return NO_OPTIONS;
  return {
    reclaimUnknownAfterMs:
      o.reclaimUnknownAfterMs === undefined || o.reclaimUnknownAfterMs === Infinity
        ? null
        : assertMs(o.reclaimUnknownAfterMs, 'options.reclaimUnknownAfterMs', true),
    legacyCommand: o.legacyCommand === undefined ? null : checkCommand(o.legacyCommand, 'options.legacyCommand'),
  };
}

/** A lock file mode: an integer of read/write bits that includes 0o600. */
export function checkMode(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new TypeError(`${name} must be an integer such as 0o600 or 0o644, got ${describe(v)}`);
  }
  if (v < 0 || (v & ~0o666) !== 0) {
    throw new RangeError(`${name} may hold only read/write permission bits (0o666 at most), got 0o${v.toString(8)}`);
  }
  if ((v & 0o600) !== 0o600) {
    throw new RangeError(`${name} must let the owner read and write (include 0o600), got 0o${v.toString(8)}`);
  }
  return v;
}

/** An absolute lock path taken apart (pure string work, cached: only `realpath` needs the disk). */
interface PathShape {
  abs: string;
  base: string;
  parent: string;
  /** `<parent>/.`: a file where the directory should be fails (ENOTDIR) instead of resolving. */
  dot: string;
  /** The last resolution of `parent` and the directory it named (POSIX; see canonicalLockPath). */
  real?: { dir: string; dev: number; ino: number };
}
const shapes = new Map<string, PathShape>();

function shapeOf(p: string): PathShape {
  const cached = shapes.get(p);
  if (cached) return cached;
  const abs = path.resolve(p);
  const base = path.basename(abs);
  if (base === '' || base === '.' || base === '..') throw new LockPathError(abs, 'names no file');
  const parent = path.dirname(abs);
  const shape = { abs, base, parent, dot: `${parent}${path.sep}.` };
  // Absolute paths only: a relative one resolves against a working directory that can change.
  if (path.isAbsolute(p)) {
    if (shapes.size >= 256) shapes.clear();
    shapes.set(p, shape);
  }
  return shape;
}

/** The directory `d` names now (following symlinks), if it is one. */
function dirAt(d: string): fs.Stats | undefined {
  try {
    const st = fs.statSync(d, { throwIfNoEntry: false });
    return st?.isDirectory() ? st : undefined;
  } catch {
    return undefined; // realpath answers
  }
}

/**
 * Absolute lock path with its directory's symlinks resolved (the file itself is never followed).
 *
 * A symlink in the directory's path may be re-pointed at any time, so the path is checked on every
 * call, but resolved again only when it changed (issue 21: `realpath` costs a `readlink` per
 * component and an access check). POSIX: the directory a path resolved to is remembered with its
 * device and inode, and kept while the path given (and the resolved one, when they differ) still
 * leads to that very directory: one `stat` each, where a re-pointed symlink, a directory moved,
 * removed or replaced shows as another inode (or none), and then `realpath` runs again. Both lead
 * to the same directory, so every file operation of the lock lands where `realpath` would have
 * put it. Not seen: a directory moved away with a symlink to it left in its place (same inode):
 * the former path, still leading to the same directory and file, is kept (only its string, the
 * key of this process's line and owners' holdings, differs from what `realpath` would give now).
 */
export function canonicalLockPath(p: unknown): string {
  if (typeof p !== 'string') throw new TypeError(`path must be a string, got ${describe(p)}`);
  if (p.length === 0) throw new TypeError('path must not be empty');
  if (p.includes('\0')) throw new TypeError('path must not contain NUL bytes');
  const shape = shapeOf(p);
  const { abs, base, parent, dot } = shape;
  let dir: string | undefined;
  const real = shape.real;
  if (real !== undefined) {
    const st = dirAt(parent);
    if (st !== undefined && st.ino === real.ino && st.dev === real.dev) {
      const st2 = real.dir === parent ? st : dirAt(real.dir);
      if (st2 !== undefined && st2.ino === real.ino && st2.dev === real.dev) dir = real.dir;
    }
  }
  if (dir === undefined) {
    try {
      dir = fs.realpathSync.native(dot);
    } catch (err) {
      if (errCode(err) === 'ENOENT') throw new LockPathError(abs, `its directory ${parent} does not exist`);
      if (errCode(err) === 'ENOTDIR') throw new LockPathError(abs, `${parent} is not a directory`);
      throw err;
    }
    // Remembered only for cached shapes (absolute paths), POSIX (inode numbers identify directories).
    if (remember && shapes.get(p) === shape) {
      const st = dirAt(dir);
      shape.real = st !== undefined ? { dir, dev: st.dev, ino: st.ino } : undefined;
    }
  }
  // The same directory as last time (the common case): the same string, already flat and hashed
  // for the holdings registry, instead of a new one per acquire.
  if (dir === last.dir && base === last.base) return last.path;
  // `dir` is canonical and `base` a plain name: concatenation is path.join here.
  const result = dir.charCodeAt(dir.length - 1) === SEP ? `${dir}${base}` : `${dir}${path.sep}${base}`;
  last = { dir, base, path: result };
  return result;
}
const SEP = path.sep.charCodeAt(0);
const remember = process.platform !== 'win32';
let last = { dir: '', base: '', path: '' };
