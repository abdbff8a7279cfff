/**
 * `pidproof/proper-lockfile`: a drop-in for proper-lockfile 4.x (change one import, keep the lock
 * files), written from its API and on-disk contract: `<file>.lock` is a directory made with
 * `mkdir`, its mtime refreshed every `update` ms, judged stale `stale` ms after its last refresh
 * and then removed with `rmdir`; the same options, results, error codes and messages, and the same
 * `options.fs` calls (`realpath`, `mkdir`, `stat`, `utimes`, `rmdir`, or their `*Sync` forms in
 * the sync API), each looked up on `options.fs` when it is made. Stock and drop-in processes share
 * one lock safely, in both directions.
 *
 * What it adds (`dir-record.ts`): the holder's identity in the lock directory's own extended
 * attribute and a kernel lock on the directory, so a waiter that finds the recorded holder
 * provably gone (dead, recycled, a zombie, or its kernel lock released on this kernel) takes the
 * lock at once instead of waiting for `stale`; replacements serialised under the lock core's
 * replacement guard (two drop-in processes never both win a stale lock); a retry wait cut short
 * by the holder's exit (`wait.ts`); `onReclaim`, told of every takeover with its reason and the old
 * holder's identity. A directory without a record (a stock holder) or a record this host cannot
 * judge (another host or boot) is judged by proper-lockfile's mtime rule exactly; a live holder is
 * never judged stale earlier than stock would.
 *
 * This module makes no filesystem call of its own: every one goes through the caller's
 * `options.fs` (proper-lockfile's contract, checked by its own test suite), and the record and
 * kernel lock live in `dir-record.ts`, on the real filesystem, only for a directory that
 * `options.fs` showed on it (the same device and inode; when those no longer match, the device
 * of its parent tells a directory replaced meanwhile from an `fs` that is not the disk).
 */
import nodeFs from 'node:fs';
import path from 'node:path';
import { sleepSync } from '../lock/files';
import { installCleanup, scheduleUninstall } from '../lock/cleanup';
import { describe } from '../validate';
import {
  type DirState,
  disengage,
  disengageAfterUnlock,
  dropGuard,
  engage,
  type Guard,
  type Held as DirHold,
  inspectDir,
  removableNow,
  takeGuard,
} from './dir-record';
import { type Operation, operationOf, type RetryOptions as RetryOptionsT } from './retry';
import type { GoneReason, RecordedHolder as RecordedHolderT } from './types';
import { waitForRetry } from './wait';

// ---- Options -----------------------------------------------------------------------------------

type Cb<T> = (err: NodeJS.ErrnoException | null, value?: T) => void;
interface StatLike {
  mtime: Date;
  dev: number;
  ino: number;
}
// Whatever the caller passes as `options.fs` (graceful-fs, a wrapper, a mock).
type FsLike = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The default `options.fs`: Node's `fs`, with the kernel's realpath(3) as `realpath` on Linux,
 * macOS and FreeBSD (one call, where the JavaScript `fs.realpath`, graceful-fs's too, makes one
 * lstat per path component: three thread-pool round trips for `/dev/shm/file`). Same canonical
 * path; an error names `realpath` rather than `lstat` (same `code`). Windows keeps the JavaScript
 * one (realpath.native there resolves drive mappings differently).
 */
const defaultFs: FsLike =
  process.platform === 'win32'
    ? nodeFs
    : Object.create(nodeFs, {
        realpath: { value: nodeFs.realpath.native, enumerable: true },
        realpathSync: { value: nodeFs.realpathSync.native, enumerable: true },
      });

interface Settings {
  stale: number;
  update: number;
  /** This call's retries (a fresh `retry` operation per `lock()`). */
  retries: Operation;
  realpath: boolean;
  fs: FsLike;
  onCompromised: (err: Error) => unknown;
  lockfilePath: string | undefined;
  onReclaim: ((info: lockfile.ReclaimInfo) => void) | undefined;
}

const own = (o: object, k: string): boolean => Object.prototype.propertyIsEnumerable.call(o, k);
/** An option as stock's `{ ...options }` has it: own enumerable properties only (an inherited one, or Object.prototype's, is not read). */
const opt = (o: Record<string, unknown>, k: string): unknown => (own(o, k) ? o[k] : undefined);

function optionsObject(v: unknown): Record<string, unknown> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object') throw new TypeError(`options must be an object, got ${describe(v)}`);
  return v as Record<string, unknown>;
}

/** A duration as proper-lockfile reads it: falsy is 0, numeric strings count; anything else is a TypeError. */
function duration(v: unknown, name: string): number {
  if (v === undefined || v === null || v === false || v === '') return 0;
  if (v === true) return 1;
  if (typeof v === 'number') return Number.isNaN(v) ? 0 : v;
  const n = typeof v === 'string' ? Number(v) : NaN;
  if (Number.isNaN(n)) throw new TypeError(`${name} must be a number of milliseconds, got ${describe(v)}`);
  return n;
}

const rethrow = (err: Error): never => {
  throw err;
};

function common(o: Record<string, unknown>): Pick<Settings, 'realpath' | 'fs' | 'lockfilePath'> {
  const fsv = opt(o, 'fs');
  if (fsv !== undefined && fsv !== null && typeof fsv !== 'object' && typeof fsv !== 'function') {
    throw new TypeError(`options.fs must be a filesystem module, got ${describe(fsv)}`);
  }
  const lp = opt(o, 'lockfilePath');
  if (lp !== undefined && lp !== null && lp !== '' && typeof lp !== 'string') {
    throw new TypeError(`options.lockfilePath must be a string, got ${describe(lp)}`);
  }
  return {
    // As stock: an own `realpath` property decides (even `undefined`, which is falsy); absent: true.
    realpath: own(o, 'realpath') ? Boolean(o.realpath) : true,
    fs: fsv ?? defaultFs,
    lockfilePath: typeof lp === 'string' && lp !== '' ? lp : undefined,
  };
}

/** `stale` as stock computes it: an own property (even `undefined`: 0) clamped to at least 2000; absent: 10000. */
function staleOf(o: Record<string, unknown>): number {
  return own(o, 'stale') ? Math.max(duration(o.stale, 'options.stale'), 2000) : 10000;
}

function lockSettings(options: unknown): Settings {
  const o = optionsObject(options);
  const stale = staleOf(o);
  const uv = opt(o, 'update');
  const u = uv === undefined || uv === null ? stale / 2 : duration(uv, 'options.update');
  const oc = opt(o, 'onCompromised');
  if (oc !== undefined && oc !== null && typeof oc !== 'function') {
    throw new TypeError(`options.onCompromised must be a function, got ${describe(oc)}`);
  }
  const or = opt(o, 'onReclaim');
  if (or !== undefined && or !== null && typeof or !== 'function') {
    throw new TypeError(`options.onReclaim must be a function, got ${describe(or)}`);
  }
  const c = common(o);
  // One literal, no spread (an object spread into a literal costs microseconds per lock here).
  return {
    stale,
    update: Math.max(Math.min(u, stale / 2), 1000),
    retries: operationOf(opt(o, 'retries')),
    realpath: c.realpath,
    fs: c.fs,
    onCompromised: (oc as Settings['onCompromised'] | null | undefined) ?? rethrow,
    lockfilePath: c.lockfilePath,
    onReclaim: (or as Settings['onReclaim'] | null | undefined) ?? undefined,
  };
}

// ---- Errors (stock's codes and messages) -------------------------------------------------------

function coded<E extends Error>(err: E, code: string, extra?: Record<string, unknown>): E & { code: string } {
  return Object.assign(err, { code }, extra);
}

function lockedError(file: string, last: DirState | null): Error {
  const err = coded(new Error('Lock file is already being held'), 'ELOCKED', { file });
  // pidproof: who holds it, when its record says (not enumerable: the error's keys stay stock's).
  const holder = last !== null && last.kind !== 'none' && last.kind !== 'changed' ? last.holder : null;
  Object.defineProperty(err, 'holder', { value: holder, enumerable: false, configurable: true, writable: true });
  return err;
}

const notAcquired = () => coded(new Error('Lock is not acquired/owned by you'), 'ENOTACQUIRED');
const alreadyReleased = () => coded(new Error('Lock is already released'), 'ERELEASED');
const syncRetries = () => coded(new Error('Cannot use retries with the sync api'), 'ESYNC');

/**
 * The sync API's refusal, stock's exact condition (its `toSyncOptions`, run by `lockSync`,
 * `unlockSync` and `checkSync` before anything else): an own `retries` that is a number > 0, or a
 * value whose `retries` is a number > 0. Other retry options pass; a sync call never waits.
 */
function refuseSyncRetries(options: unknown): void {
  if (options === null || (typeof options !== 'object' && typeof options !== 'function')) return;
  if (!own(options, 'retries')) return;
  const r = (options as { retries?: unknown }).retries;
  if ((typeof r === 'number' && r > 0) || (r && typeof (r as { retries?: unknown }).retries === 'number' && ((r as { retries: number }).retries > 0))) {
    throw syncRetries();
  }
}

function pathError(file: unknown): TypeError {
  return coded(new TypeError(`file must be a string, got ${describe(file)}`), 'ERR_INVALID_ARG_TYPE');
}

// ---- Calls through options.fs -------------------------------------------------------------------

/** The `options.fs` calls, async (callbacks) or sync (`*Sync`, the callback called at once). */
interface Io {
  readonly sync: boolean;
  readonly fs: FsLike;
  realpath(p: string, cb: Cb<string>): void;
  mkdir(p: string, cb: Cb<void>): void;
  stat(p: string, cb: Cb<StatLike>): void;
  rmdir(p: string, cb: Cb<void>): void;
  utimes(p: string, t: Date, cb: Cb<void>): void;
  /** A short pause inside one attempt (a dead holder's kernel lock being released). */
  pause(ms: number, cb: () => void): void;
}

/** One io object per `options.fs` object and kind (its calls still look the method up each time). */
const asyncIos = new WeakMap<object, Io>();
const syncIos = new WeakMap<object, Io>();
function ioFor(f: FsLike, sync: boolean): Io {
  const cache = sync ? syncIos : asyncIos;
  const keyable = (typeof f === 'object' && f !== null) || typeof f === 'function';
  let io = keyable ? cache.get(f) : undefined;
  if (io === undefined) {
    io = sync ? syncIo(f) : asyncIo(f);
    if (keyable) cache.set(f, io);
  }
  return io;
}

function asyncIo(f: FsLike): Io {
  return {
    sync: false,
    fs: f,
    realpath: (p, cb) => f.realpath(p, cb),
    mkdir: (p, cb) => f.mkdir(p, cb),
    stat: (p, cb) => f.stat(p, cb),
    rmdir: (p, cb) => f.rmdir(p, cb),
    utimes: (p, t, cb) => f.utimes(p, t, t, cb),
    pause: (ms, cb) => {
      setTimeout(cb, ms);
    },
  };
}

/** Runs `op`; the callback is called outside the try, so what it throws is never taken for op's error. */
function now<T>(op: () => T, cb: Cb<T>): void {
  let v: T;
  try {
    v = op();
  } catch (err) {
    cb(err as NodeJS.ErrnoException);
    return;
  }
  cb(null, v);
}

function syncIo(f: FsLike): Io {
  return {
    sync: true,
    fs: f,
    realpath: (p, cb) => now(() => f.realpathSync(p) as string, cb),
    mkdir: (p, cb) => now(() => void f.mkdirSync(p), cb),
    stat: (p, cb) => now(() => f.statSync(p) as StatLike, cb),
    rmdir: (p, cb) => now(() => void f.rmdirSync(p), cb),
    utimes: (p, t, cb) => now(() => void f.utimesSync(p, t, t), cb),
    pause: (ms, cb) => {
      sleepSync(ms);
      cb();
    },
  };
}

/** Runs a callback-style operation over sync io and returns its result (or throws its error). */
function runSync<T>(start: (cb: Cb<T>) => void): T {
  let done = false;
  let error: Error | null = null;
  let value: T | undefined;
  start((err, v) => {
    done = true;
    error = err;
    value = v;
  });
  if (!done) throw new Error('pidproof/proper-lockfile: a sync operation did not complete synchronously');
  if (error) throw error;
  return value as T;
}

function resolveFile(file: unknown, realpath: boolean, io: Io, cb: Cb<string>): void {
  if (typeof file !== 'string') {
    cb(pathError(file));
    return;
  }
  if (!realpath) {
    cb(null, path.resolve(file));
    return;
  }
  io.realpath(file, cb);
}

// ---- Held locks ---------------------------------------------------------------------------------

/** mtime precision per `options.fs` object, learnt from the first lock taken through it. */
const precisions = new WeakMap<object, 's' | 'ms'>();

interface Held {
  file: string;
  lockfilePath: string;
  s: Settings;
  io: Io;
  mtime: Date;
  precision: 's' | 'ms';
  lastUpdate: number;
  released: boolean;
  timer: NodeJS.Timeout | null;
  record: DirHold | null;
  /** The directory is on the real filesystem (the guard serialises its removal near `stale`). */
  real: boolean;
}

/** Every lock this process holds, by resolved file (proper-lockfile's registry). */
const locks = new Map<string, Held>();

const MAX_TIMER_MS = 2 ** 31 - 1;

function mtimeNow(precision: 's' | 'ms'): Date {
  const t = Date.now();
  return new Date(precision === 's' ? Math.ceil(t / 1000) * 1000 : t);
}

function isStale(mtime: Date, staleMs: number): boolean {
  return mtime.getTime() < Date.now() - staleMs;
}

function schedule(h: Held, delay: number): void {
  h.timer = setTimeout(() => refresh(h), Math.min(Math.max(delay, 0), MAX_TIMER_MS));
  h.timer.unref();
}

/**
 * One mtime refresh: the directory must still carry the mtime this holder wrote (else another
 * process took the lock over: compromised), then it gets a new one. A failed call is tried again
 * every second until `stale` has passed since the last refresh (then compromised); ENOENT (the
 * directory is gone) is compromised at once.
 */
function refresh(h: Held): void {
  if (h.released) return;
  const overStale = () => h.lastUpdate + h.s.stale < Date.now();
  h.io.stat(h.lockfilePath, (err, st) => {
    if (h.released) return;
    if (err) {
      if (err.code === 'ENOENT' || overStale()) {
        compromise(h, err);
        return;
      }
      schedule(h, 1000);
      return;
    }
    if (st!.mtime.getTime() !== h.mtime.getTime()) {
      compromise(h, coded(new Error('Unable to update lock within the stale threshold'), 'ECOMPROMISED'));
      return;
    }
    const t = mtimeNow(h.precision);
    h.io.utimes(h.lockfilePath, t, (err2) => {
      if (h.released) return;
      if (err2) {
        if (err2.code === 'ENOENT' || overStale()) {
          compromise(h, err2);
          return;
        }
        schedule(h, 1000);
        return;
      }
      h.mtime = t;
      h.lastUpdate = Date.now();
      schedule(h, h.s.update);
    });
  });
}

function forget(h: Held): void {
  h.released = true;
  if (h.timer !== null) clearTimeout(h.timer);
  h.timer = null;
  if (locks.get(h.file) === h) locks.delete(h.file);
  if (locks.size === 0) scheduleUninstall(() => locks.size === 0, 'proper-lockfile');
}

/** The lock was lost: released here (its directory left as it is), then `onCompromised`, outside any try. */
function compromise(h: Held, err: NodeJS.ErrnoException): void {
  forget(h);
  disengage(h.record);
  h.record = null;
  // As stock: the failing call's own error, its code replaced (a custom fs may fail with a value
  // that cannot take one: then an Error saying what it was).
  let e: NodeJS.ErrnoException = err;
  try {
    e.code = 'ECOMPROMISED';
    if (e.code !== 'ECOMPROMISED') throw new TypeError('read-only code');
  } catch {
    e = coded(new Error(err instanceof Error ? err.message : String(err), { cause: err }), 'ECOMPROMISED');
  }
  h.s.onCompromised(e);
}

/** Releases every lock at exit (or on a signal that ends the process), as stock does. */
function releaseAllSync(): void {
  for (const h of [...locks.values()]) {
    forget(h);
    try {
      h.s.fs.rmdirSync(h.lockfilePath);
    } catch {
      // gone already, or this fs has no sync calls
    }
    disengage(h.record);
    h.record = null;
  }
}

// ---- One attempt ----------------------------------------------------------------------------------

/** Quick looks (2-5 ms apart) at a lock whose recorded holder is gone while its kernel lock is still being released. */
const FAST_LOOKS = 25;
/** How long a release near `stale` waits for the replacement guard (held for microseconds normally). */
const RELEASE_GUARD_WAIT_MS = 250;

interface Reclaimed {
  reason: lockfile.ReclaimReason;
  holder: RecordedHolderT | null;
  mtimeMs: number;
}

/** One acquisition attempt (proper-lockfile's algorithm plus the record), async or sync by its io. */
class Attempt {
  last: DirState | null = null;
  private guard: Guard | null = null;
  private looks = 0;
  private reclaimed: Reclaimed | null = null;

  constructor(
    private readonly file: string,
    private readonly lockfilePath: string,
    private readonly s: Settings,
    private readonly io: Io,
    private readonly done: (err: NodeJS.ErrnoException | null, h?: Held, r?: Reclaimed | null) => void,
  ) {}

  start(): void {
    this.mkdir(true);
  }

  private fail(err: Error): void {
    dropGuard(this.guard);
    this.guard = null;
    this.done(err);
  }

  /** `mayRemove` false: the one retry after a removal (or a directory that vanished while judged). */
  private mkdir(mayRemove: boolean): void {
    this.io.mkdir(this.lockfilePath, (err) => {
      if (!err) {
        this.acquired();
        return;
      }
      if (err.code !== 'EEXIST' || !mayRemove) {
        this.fail(err.code === 'EEXIST' ? lockedError(this.file, this.last) : err);
        return;
      }
      this.judge();
    });
  }

  private judge(): void {
    this.io.stat(this.lockfilePath, (err, st) => {
      if (err) {
        if (err.code === 'ENOENT') this.mkdir(false);
        else this.fail(err);
        return;
      }
      const d = inspectDir(this.lockfilePath, st!);
      if (d.kind === 'changed') {
        // Removed or replaced since it was stat'ed: judge what is there now (never remove on an
        // out-of-date judgement: that is how two removers both win, proper-lockfile's #121).
        if (this.looks++ < FAST_LOOKS) this.judge();
        else this.fail(lockedError(this.file, this.last));
        return;
      }
      this.last = d;
      if (d.kind === 'gone') {
        this.remove(d, d.reason, d.holder, st!);
        return;
      }
      if (isStale(st!.mtime, this.s.stale)) {
        this.remove(d, 'stale', d.kind === 'none' ? null : d.holder, st!);
        return;
      }
      if (d.kind === 'releasing' && this.looks++ < FAST_LOOKS) {
        this.io.pause(2 + Math.random() * 3, () => this.judge());
        return;
      }
      this.fail(lockedError(this.file, d));
    });
  }

  /** Removes the judged directory (under the guard, re-judged there, when it is on the real filesystem). */
  private remove(d: DirState, reason: lockfile.ReclaimReason, holder: RecordedHolderT | null, st: StatLike): void {
    if (d.real) {
      const g = takeGuard(this.lockfilePath);
      if (g === 'busy') {
        // Another drop-in process is replacing it this instant: look again shortly, then ELOCKED.
        if (this.looks++ < FAST_LOOKS) this.io.pause(2 + Math.random() * 3, () => this.judge());
        else this.fail(lockedError(this.file, d));
        return;
      }
      if (g !== null) {
        this.guard = g;
        const r = removableNow(this.lockfilePath, this.s.stale);
        if (r === 'vanished') {
          this.mkdir(false);
          return;
        }
        if (r === null) {
          this.fail(lockedError(this.file, d));
          return;
        }
        reason = r.reason;
        holder = r.holder;
      }
    }
    this.reclaimed = { reason, holder, mtimeMs: st.mtime.getTime() };
    this.io.rmdir(this.lockfilePath, (err) => {
      if (err && err.code !== 'ENOENT') {
        this.fail(err);
        return;
      }
      this.mkdir(false);
    });
  }

  /** The directory is ours: learn its mtime (and this fs's mtime precision), take its record, register it. */
  private acquired(): void {
    const known = precisions.get(this.s.fs);
    if (known !== undefined) {
      this.io.stat(this.lockfilePath, (err, st) => (err ? this.undo(err) : this.finish(st!, known)));
      return;
    }
    // Precision probe: an mtime with a millisecond part; a filesystem (or fs module) that keeps
    // only seconds reads it back as a whole second, and this lock then writes whole seconds.
    const probe = new Date(Math.ceil(Date.now() / 1000) * 1000 + 5);
    this.io.utimes(this.lockfilePath, probe, (err) => {
      if (err) {
        this.undo(err);
        return;
      }
      this.io.stat(this.lockfilePath, (err2, st) => {
        if (err2) {
          this.undo(err2);
          return;
        }
        const precision = st!.mtime.getTime() % 1000 === 0 ? 's' : 'ms';
        if (typeof this.s.fs === 'object' || typeof this.s.fs === 'function') precisions.set(this.s.fs, precision);
        this.finish(st!, precision);
      });
    });
  }

  private undo(err: Error): void {
    this.io.rmdir(this.lockfilePath, () => this.fail(err));
  }

  private finish(st: StatLike, precision: 's' | 'ms'): void {
    const e = engage(this.lockfilePath, st);
    dropGuard(this.guard);
    this.guard = null;
    const h: Held = {
      file: this.file,
      lockfilePath: this.lockfilePath,
      s: this.s,
      io: this.io,
      mtime: st.mtime,
      precision,
      lastUpdate: Date.now(),
      released: false,
      timer: null,
      record: e.record,
      real: e.real,
    };
    locks.set(this.file, h);
    installCleanup(releaseAllSync, 'proper-lockfile');
    schedule(h, this.s.update);
    this.done(null, h, this.reclaimed);
  }
}

function reportReclaim(h: Held, r: Reclaimed | null | undefined): void {
  if (!r || h.s.onReclaim === undefined) return;
  const info: lockfile.ReclaimInfo = {
    file: h.file,
    lockfilePath: h.lockfilePath,
    reason: r.reason,
    holder: r.holder,
    mtimeAgeMs: Math.max(0, Date.now() - r.mtimeMs),
  };
  try {
    h.s.onReclaim(info);
  } catch (err) {
    process.emitWarning(`pidproof/proper-lockfile: onReclaim threw: ${(err as Error)?.message ?? String(err)}`, 'PidproofWarning');
  }
}

/**
 * Acquires with retries as stock does: every failed attempt's error (ELOCKED or the filesystem's)
 * goes to the retry operation; once it gives up, the call fails with its `mainError()` (the most
 * frequent error). Sync io never waits (a sync call with retry options that stock lets through
 * fails with the attempt's own error, where stock would go on retrying after it returned).
 */
function acquire(file: string, lockfilePath: string, s: Settings, io: Io, cb: (err: NodeJS.ErrnoException | null, h?: Held) => void): void {
  const startMs = Date.now();
  const op = s.retries;
  const attempt = (): void => {
    const a = new Attempt(file, lockfilePath, s, io, (err, h, r) => {
      if (!err) {
        reportReclaim(h!, r);
        cb(null, h);
        return;
      }
      const wait = io.sync ? null : op.retry(err, Date.now() - startMs);
      if (wait === null) {
        cb(io.sync ? err : ((op.mainError() as NodeJS.ErrnoException | null) ?? err));
        return;
      }
      // Cut short by the holder's exit only when a holder was seen (ELOCKED); any other error
      // waits its scheduled time, as stock.
      waitForRetry(wait, op.unref, lockfilePath, err.code === 'ELOCKED' ? a.last : null, attempt);
    });
    a.start();
  };
  attempt();
}

/** Removes a held lock's directory (under the guard when near `stale`), then lets go of its record. */
function release(h: Held, lockfilePath: string, io: Io, cb: Cb<void>): void {
  forget(h);
  const rec = h.record;
  h.record = null;
  const rmdir = (g: Guard | null) => {
    io.rmdir(lockfilePath, (err) => {
      dropGuard(g);
      if (h.real && g === null) disengageAfterUnlock(rec, lockfilePath);
      else disengage(rec);
      if (err && err.code !== 'ENOENT') cb(err);
      else cb(null);
    });
  };
  // Not refreshed for half of `stale`: a contender may be removing it as stale right now (under
  // the guard): remove it under the guard too, or not at all, so a successor's is never removed.
  if (!h.real || Date.now() - h.lastUpdate <= h.s.stale / 2) {
    rmdir(null);
    return;
  }
  const until = Date.now() + RELEASE_GUARD_WAIT_MS;
  const tryTake = (): void => {
    const g = takeGuard(lockfilePath);
    if (g !== 'busy') {
      rmdir(g);
      return;
    }
    if (Date.now() < until) {
      io.pause(2 + Math.random() * 3, tryTake);
      return;
    }
    // Being replaced right now: the directory is no longer ours to remove.
    disengage(rec);
    cb(null);
  };
  tryTake();
}

function releaser(h: Held): () => Promise<void> {
  return () =>
    new Promise<void>((resolve, reject) => {
      if (h.released) {
        reject(alreadyReleased());
        return;
      }
      release(h, h.lockfilePath, h.io, (err) => (err ? reject(err) : resolve()));
    });
}

function syncReleaser(h: Held): () => void {
  return () => {
    if (h.released) throw alreadyReleased();
    runSync<void>((cb) => release(h, h.lockfilePath, h.io, cb));
  };
}

// ---- The API -------------------------------------------------------------------------------------

function lockWith(file: unknown, s: Settings, io: Io, cb: (err: NodeJS.ErrnoException | null, h?: Held) => void): void {
  resolveFile(file, s.realpath, io, (err, resolved) => {
    if (err) {
      cb(err);
      return;
    }
    acquire(resolved!, s.lockfilePath ?? `${resolved}.lock`, s, io, cb);
  });
}

function unlockWith(file: unknown, options: unknown, sync: boolean, cb: Cb<void>): void {
  const s = common(optionsObject(options));
  const io = ioFor(s.fs, sync);
  resolveFile(file, s.realpath, io, (err, resolved) => {
    if (err) {
      cb(err);
      return;
    }
    const h = locks.get(resolved!);
    if (h === undefined || h.released) {
      cb(notAcquired());
      return;
    }
    release(h, s.lockfilePath ?? h.lockfilePath, io, cb);
  });
}

function checkWith(file: unknown, options: unknown, sync: boolean, cb: Cb<boolean>): void {
  const o = optionsObject(options);
  const s = { ...common(o), stale: staleOf(o) };
  const io = ioFor(s.fs, sync);
  resolveFile(file, s.realpath, io, (err, resolved) => {
    if (err) {
      cb(err);
      return;
    }
    const lockfilePath = s.lockfilePath ?? `${resolved}.lock`;
    io.stat(lockfilePath, (err2, st) => {
      if (err2) {
        if (err2.code === 'ENOENT') cb(null, false);
        else cb(err2);
        return;
      }
      // pidproof: a recorded holder that is provably gone holds nothing, whatever the mtime says.
      if (inspectDir(lockfilePath, st!).kind === 'gone') cb(null, false);
      else cb(null, !isStale(st!.mtime, s.stale));
    });
  });
}

/**
 * Acquires a lock on `file` (its `<file>.lock` directory). Resolves with the function that
 * releases it. Rejects with `ELOCKED` when it is held (after the retries), or the filesystem's
 * error. The default export: `require('pidproof/proper-lockfile')(file)` is `lock(file)`.
 */
function lockfile(file: string, options?: lockfile.LockOptions): Promise<() => Promise<void>> {
  return new Promise((resolve, reject) => {
    let s: Settings;
    try {
      s = lockSettings(options);
    } catch (err) {
      reject(err);
      return;
    }
    lockWith(file, s, ioFor(s.fs, false), (err, h) => (err ? reject(err) : resolve(releaser(h!))));
  });
}

namespace lockfile {
  /** Acquires a lock on `file` (the default export is this function). */
  export const lock: typeof lockfile = lockfile;

  /** Releases the lock this process holds on `file`. Rejects with `ENOTACQUIRED` when it holds none. */
  export function unlock(file: string, options?: UnlockOptions): Promise<void> {
    return new Promise((resolve, reject) => {
      try {
        unlockWith(file, options, false, (err) => (err ? reject(err) : resolve()));
      } catch (err) {
        reject(err);
      }
    });
  }

  /** Whether `file` is locked (and not stale, nor held by a holder pidproof proves gone). */
  export function check(file: string, options?: CheckOptions): Promise<boolean> {
    return new Promise((resolve, reject) => {
      try {
        checkWith(file, options, false, (err, v) => (err ? reject(err) : resolve(v!)));
      } catch (err) {
        reject(err);
      }
    });
  }

  /**
   * Sync `lock`: returns the release function. Throws `ESYNC` when `retries` is a number > 0 or
   * has a `retries` number > 0 (stock's rule); it never waits (a held lock: `ELOCKED` at once).
   */
  export function lockSync(file: string, options?: LockOptions): () => void {
    refuseSyncRetries(options);
    const s = lockSettings(options);
    const io = ioFor(s.fs, true);
    const h = runSync<Held>((cb) => lockWith(file, s, io, cb));
    return syncReleaser(h);
  }

  /** Sync `unlock`. Throws `ESYNC` for retries, as stock (which reads them here too). */
  export function unlockSync(file: string, options?: UnlockOptions): void {
    refuseSyncRetries(options);
    runSync<void>((cb) => unlockWith(file, options, true, cb));
  }

  /** Sync `check`. Throws `ESYNC` for retries, as stock (which reads them here too). */
  export function checkSync(file: string, options?: CheckOptions): boolean {
    refuseSyncRetries(options);
    return runSync<boolean>((cb) => checkWith(file, options, true, cb));
  }

  /** The locks this process holds, keyed by resolved file (what proper-lockfile's own tests reach for). */
  export function getLocks(): Record<string, HeldLockInfo> {
    const out: Record<string, HeldLockInfo> = {};
    for (const [file, h] of locks) {
      out[file] = { lockfilePath: h.lockfilePath, mtime: h.mtime, lastUpdate: h.lastUpdate, recorded: h.record !== null };
    }
    return out;
  }

  /** Options of `lock` / `lockSync`. */
  export interface LockOptions {
    /** Milliseconds after its last mtime refresh at which a lock is stale. Default 10000, at least 2000. */
    stale?: number | undefined;
    /** Milliseconds between mtime refreshes. Default `stale / 2`, between 1000 and `stale / 2`. */
    update?: number | undefined;
    /**
     * Retries of a failed attempt (held, or a filesystem error): a number, `retry` operation
     * options, or the waits themselves (ms). Default 0. The sync API refuses a number > 0 or
     * options with `retries` > 0 (`ESYNC`), as stock.
     */
    retries?: number | RetryOptionsT | number[] | undefined;
    /** Resolve symbolic links (then `file` must exist). Default true. */
    realpath?: boolean | undefined;
    /** The filesystem module every call goes through. Default Node's `fs`. */
    fs?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- as @types/proper-lockfile
    /** Called when the lock is compromised. Default: throws the error (as stock: it usually ends the process). */
    onCompromised?: ((err: Error) => any) | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any
    /** The lock directory. Default `<file>.lock`. */
    lockfilePath?: string | undefined;
    /**
     * pidproof: called once for each lock this call took over from another holder, with why and
     * who held it. Exceptions it throws are reported as a process warning and change nothing.
     */
    onReclaim?: ((info: ReclaimInfo) => void) | undefined;
  }

  /** Options of `unlock` / `unlockSync`. */
  export interface UnlockOptions {
    realpath?: boolean | undefined;
    fs?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
    lockfilePath?: string | undefined;
  }

  /** Options of `check` / `checkSync`. */
  export interface CheckOptions {
    stale?: number | undefined;
    realpath?: boolean | undefined;
    fs?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
    lockfilePath?: string | undefined;
  }

  /** Why a lock was taken over (`onReclaim`). */
  export type ReclaimReason = GoneReason | 'stale';

  /** What `onReclaim` is told. */
  export interface ReclaimInfo {
    /** The locked file (resolved). */
    file: string;
    /** The lock directory. */
    lockfilePath: string;
    /**
     * `dead-pid`, `recycled-pid`, `zombie-pid`: the recorded holder is gone (its kernel lock free);
     * `kernel-released`: a holder in another PID namespace of this kernel let go of its kernel lock;
     * `stale`: proper-lockfile's own rule (the directory's mtime was older than `stale`).
     */
    reason: ReclaimReason;
    /** The previous holder as its record stated it; null for a stock holder (no record). */
    holder: RecordedHolderT | null;
    /** How old the directory's mtime was when it was judged (ms). */
    mtimeAgeMs: number;
  }

  /** What `getLocks()` lists for each lock this process holds (keyed by the resolved file). */
  export interface HeldLockInfo {
    lockfilePath: string;
    /** The mtime last written. */
    mtime: Date;
    /** Date.now() of the last successful refresh. */
    lastUpdate: number;
    /** Whether the holder's record and kernel lock are on the directory. */
    recorded: boolean;
  }
  /** A holder's identity as its record states it. */
  export type RecordedHolder = RecordedHolderT;
  /** The `retry` package's operation options (`@types/retry` `OperationOptions`). */
  export type RetryOptions = RetryOptionsT;
}

export = lockfile;
