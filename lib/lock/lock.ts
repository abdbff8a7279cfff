/**
 * The lock core: identity-stamped lock files that heal themselves and never grant twice.
 *
 * Acquire: write the payload to a temp file that is kernel-locked first, `link()` it to the lock
 * path (EEXIST if held: no half-written lock is ever visible). Contended: open the existing file,
 * try its kernel lock without blocking. Held ⇒ a live process holds it. Free ⇒ judge the payload;
 * reclaim only on proof (dead, recycled, zombie, other boot, expired lease or hold), under the
 * replacement guard, after checking the path still names the judged inode, with one atomic
 * `rename()`. Release: unlink only if the path still names our inode, then close.
 *
 * Windows (the branch that matters is `replaceAside` in the reclaim). What libuv does there: every
 * file Node opens is opened with FILE_SHARE_DELETE; `unlink` sets a POSIX delete disposition
 * (Windows 10 1709+ on NTFS: the name goes at once, open handles keep working, as on Linux) and
 * falls back to the classic delete-pending disposition when the filesystem or Windows version
 * refuses it (and wine 8 always behaves this way): the name stays until the file's last handle
 * closes, and `link`/`open(O_EXCL)` onto it fail with EEXIST (wine) or EPERM (Windows) until then;
 * `rename` is MoveFileExW(MOVEFILE_REPLACE_EXISTING), which fails with EPERM when the target is open
 * by anyone: by our own descriptor holding the judged file's kernel lock, always. So on Windows:
 *  - Publish: unchanged. `link(tmp, lock)` is exclusive (EEXIST, or EPERM for a delete-pending
 *    name: contention). Unlinking the temp name while it is open works; without POSIX delete the
 *    temp name lingers, delete-pending, until our handle closes (release or death: the kernel closes
 *    it), and the OS removes it then. It is never judged: contenders only open the lock path.
 *  - Reclaim: never `rename()` over the judged file. Still under the guard, holding the judged
 *    file's kernel lock, after the path-names-it check: rename the judged file *aside* (renaming an
 *    open file is allowed when every handle shares delete, as libuv's do), check the aside name is
 *    the judged file, drop the aside name, then publish ours with the exclusive `link()`. The
 *    lock path is empty in between: a plain publisher may win it, and then we retry (lost a
 *    race, never two holders). A holder broken by expiry that is still running keeps its handle on
 *    the aside file; its next heartbeat or release sees the lock path name another file, exactly as
 *    after the POSIX `rename()`. A handle opened without FILE_SHARE_DELETE (another program) makes
 *    the rename fail: we wait, nothing changed.
 *  - Release: unchanged, unlink then close. Unlinking an open, LockFileEx-locked file works (the
 *    range lock does not block deletion and stays ours until close). Closing first is not an
 *    option: the file would stay visible with our live identity and no kernel lock, so a contender
 *    in a worker thread of this process would judge it `orphan-self`, reclaim it, and our
 *    path-based unlink could then remove the successor's file. Without POSIX delete the lock name
 *    is delete-pending between our unlink and close (a few µs): a contender's `link` fails
 *    (contention) and its open fails with EPERM (judged 'denied': it waits, never reclaims).
 * wine 8 differs from Windows in one way this relies on neither way: a delete-pending name there
 * can still be opened and stat'ed (it names the pending file until its last handle closes), where
 * Windows answers EPERM (`stillNames` says 'pending': look again soon).
 */
import fs from 'node:fs';
import path from 'node:path';
import { identity as ids } from '../identity';
import type { ProcessIdentity } from '../types';
import { assertMs, assertObject, describe } from '../validate';
import { watchExit } from '../watch';
import {
  AbortError,
  type CompromiseReason,
  LockCompromisedError,
  type LockHolderInfo,
  LockPathError,
  LockTimeoutError,
} from './errors';
import {
  closeQuietly,
  createExclusive,
  dropGuardIfIdle,
  errCode,
  kernelTryLock,
  lstatOrNull,
  openExisting,
  randomSuffix,
  readBounded,
  sameFile,
  sleepSync,
  takeGuardSync,
  tryGuard,
  unlinkQuietly,
  writeAll,
} from './files';
import {
  buildPayload,
  judge,
  type Judgement,
  type KernelState,
  type LockPayload,
  monoNow,
  newToken,
  parseLockFile,
  type Parsed,
  serialisePayload,
} from './payload';

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
}

/** A held lock. */
export interface Lock {
  /** The lock file's absolute path. */
  readonly path: string;
  /** 128 random bits (hex) naming this holding; also in the payload. */
  readonly token: string;
  /** What the lock file says. */
  readonly payload: Readonly<LockPayload>;
  /** Aborted (with a `LockCompromisedError`) when the lock is lost. */
  readonly signal: AbortSignal;
  /** What was reclaimed to get this lock, if anything. */
  readonly reclaimed: { staleReasons: string[]; holder: LockHolderInfo } | null;
  /** Releases the lock. Idempotent; never rejects. */
  release(): Promise<void>;
  /** Releases the lock synchronously. Idempotent; never throws. */
  releaseSync(): void;
  [Symbol.asyncDispose](): Promise<void>;
}

interface Settings {
  timeoutMs: number;
  signal: AbortSignal | undefined;
  maxHoldMs: number;
  leaseMs: number | null;
  owner: unknown;
  onCompromised: (err: LockCompromisedError) => void;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_HOLD_MS = 5 * 60_000;
/** A release this close to an expiry takes the guard: a contender may be breaking the lock. */
const EXPIRY_MARGIN_MS = 2500;
/** How long a release near expiry waits for the guard (held for microseconds normally). */
const GUARD_WAIT_MS = 250;
/** Immediate re-attempts after the lock file changed under us, before waiting like any other. */
const MAX_CHURN = 16;
const MAX_TIMER_MS = 2 ** 31 - 1;

function defaultOnCompromised(err: LockCompromisedError): void {
  try {
    process.stderr.write(`pidproof: ${err.message}\n`);
  } catch {
    // nowhere to report
  }
}

function settingsOf(options: unknown): Settings {
  const s: Settings = {
    timeoutMs: DEFAULT_TIMEOUT_MS,
    signal: undefined,
    maxHoldMs: DEFAULT_MAX_HOLD_MS,
    leaseMs: null,
    owner: undefined,
    onCompromised: defaultOnCompromised,
  };
  if (options === undefined) return s;
  const o = assertObject(options, 'options');
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
  return s;
}

/** Absolute lock path with its directory's symlinks resolved (the file itself is never followed). */
export function canonicalLockPath(p: unknown): string {
  if (typeof p !== 'string') throw new TypeError(`path must be a string, got ${describe(p)}`);
  if (p.length === 0) throw new TypeError('path must not be empty');
  if (p.includes('\0')) throw new TypeError('path must not contain NUL bytes');
  const abs = path.resolve(p);
  const base = path.basename(abs);
  if (base === '' || base === '.' || base === '..') throw new LockPathError(abs, 'names no file');
  let dir: string;
  try {
    dir = fs.realpathSync.native(path.dirname(abs));
  } catch (err) {
    if (errCode(err) === 'ENOENT' || errCode(err) === 'ENOTDIR') {
      throw new LockPathError(abs, `its directory ${path.dirname(abs)} does not exist`);
    }
    throw err;
  }
  return path.join(dir, base);
}

// ---- holdings and process cleanup -------------------------------------------------------------

/** Every holding of this process, by lock path. */
const holdings = new Map<string, Set<Holding>>();
const ownTokens = new Set<string>();

/** @internal tokens this process holds (for inspection: a lock this process leaked). */
export function heldTokens(): ReadonlySet<string> {
  return ownTokens;
}

class Holding {
  refs = 1;
  done = false;
  /** Created on first use: most holdings are released without anyone reading `lock.signal`. */
  private acRef: AbortController | null = null;
  get ac(): AbortController {
    return (this.acRef ??= new AbortController());
  }
  get aborted(): boolean {
    return this.acRef !== null && this.acRef.signal.aborted;
  }
  readonly handlers = new Set<(err: LockCompromisedError) => void>();
  private watchdog: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private lastBeatMono: number;

  constructor(
    readonly path: string,
    readonly fd: number,
    readonly dev: number,
    readonly ino: number,
    readonly payload: LockPayload,
    readonly size: number,
    readonly owner: unknown,
  ) {
    this.lastBeatMono = payload.heartbeatMono;
    let set = holdings.get(path);
    if (!set) holdings.set(path, (set = new Set()));
    set.add(this);
    ownTokens.add(payload.token);
    installCleanup();
    if (payload.maxHoldMs !== null) this.armWatchdog(payload.createdMono + payload.maxHoldMs);
    if (payload.leaseMs !== null) {
      this.heartbeat = setInterval(() => this.beat(), Math.max(10, Math.floor(payload.leaseMs / 3)));
      this.heartbeat.unref();
    }
  }

  private armWatchdog(deadlineMono: number): void {
    const left = deadlineMono - monoNow();
    if (left <= 0) {
      this.compromise('max-hold-exceeded', `held for more than maxHoldMs ${this.payload.maxHoldMs} ms`, true);
      return;
    }
    this.watchdog = setTimeout(() => this.armWatchdog(deadlineMono), Math.min(Math.ceil(left), MAX_TIMER_MS));
    this.watchdog.unref();
  }

  /** Heartbeat: still ours? then refresh the payload in place (same size, new checksum). */
  private beat(): void {
    if (this.done) return;
    try {
      const st = lstatOrNull(this.path);
      if (!st || !sameFile(st, this)) {
        this.compromise('replaced', 'the lock file was removed or replaced by another process (lease broken?)', false);
        return;
      }
      this.payload.heartbeatAt = Date.now();
      this.payload.heartbeatMono = monoNow();
      writeAll(this.fd, serialisePayload(this.payload, this.size));
      this.lastBeatMono = this.payload.heartbeatMono;
    } catch (err) {
      this.compromise('heartbeat-failed', (err as Error).message, false);
    }
  }

  /** Could a contender be breaking this lock right now (its lease or hold about to expire)? */
  private nearExpiry(): boolean {
    const now = monoNow();
    const p = this.payload;
    if (p.leaseMs !== null && now - this.lastBeatMono > p.leaseMs - EXPIRY_MARGIN_MS) return true;
    if (p.maxHoldMs !== null && now - p.createdMono > p.maxHoldMs - EXPIRY_MARGIN_MS) return true;
    return false;
  }

  /**
   * Removes the lock file if the path still names our inode. Returns whether it did. Near an
   * expiry a contender may be replacing the file under the guard right now, so the guard is taken
   * first (waiting at most GUARD_WAIT_MS); if it cannot be had, the file is left alone: it is at
   * its expiry and will be broken under the guard, where unlinking it could delete a successor's.
   */
  private removeIfOurs(): boolean | 'left' {
    let guard: number | null | 'unsupported' = null;
    if (this.nearExpiry()) {
      guard = takeGuardSync(this.path, GUARD_WAIT_MS);
      if (guard === null) return 'left';
    }
    try {
      const st = lstatOrNull(this.path);
      if (st && sameFile(st, this)) {
        fs.unlinkSync(this.path);
        return true;
      }
      return false;
    } finally {
      if (typeof guard === 'number') closeQuietly(guard);
    }
  }

  private finish(): void {
    this.done = true;
    if (this.watchdog) clearTimeout(this.watchdog);
    if (this.heartbeat) clearInterval(this.heartbeat);
    const set = holdings.get(this.path);
    set?.delete(this);
    if (set && set.size === 0) holdings.delete(this.path);
    ownTokens.delete(this.payload.token);
    if (holdings.size === 0) scheduleUninstall();
  }

  /** Drops one reference; the last one releases. Never throws. */
  unref(): void {
    if (this.done) return;
    if (--this.refs > 0) return;
    let ours: boolean | 'left' = true;
    try {
      ours = this.removeIfOurs();
    } catch {
      ours = true; // could not look: assume it was ours, nothing else to do
    }
    closeQuietly(this.fd);
    this.finish();
    if (ours === true) {
      try {
        dropGuardIfIdle(this.path);
      } catch {
        // litter at worst, never a failed release
      }
    }
    if (!ours && !this.aborted) {
      this.report('replaced', 'at release the lock file no longer named this holding (it was broken or removed)');
    }
  }

  /** Releases everything at process exit / signal. */
  releaseNow(): void {
    this.refs = 1;
    this.unref();
  }

  compromise(reason: CompromiseReason, message: string, releaseFile: boolean): void {
    if (this.done) return;
    if (releaseFile) {
      try {
        this.removeIfOurs();
      } catch {
        // reported below anyway
      }
    }
    closeQuietly(this.fd);
    this.finish();
    this.report(reason, message);
  }

  private report(reason: CompromiseReason, message: string): void {
    const err = new LockCompromisedError(this.path, reason, message);
    this.ac.abort(err);
    for (const h of this.handlers) {
      try {
        const r = h(err) as unknown;
        if (r && typeof (r as Promise<unknown>).then === 'function') {
          (r as Promise<unknown>).then(undefined, () => undefined);
        }
      } catch {
        // an onCompromised handler must never crash the holder
      }
    }
  }
}

class LockHandle implements Lock {
  readonly path: string;
  readonly token: string;
  readonly payload: Readonly<LockPayload>;
  private released = false;

  constructor(
    private readonly holding: Holding,
    readonly reclaimed: Lock['reclaimed'],
  ) {
    this.path = holding.path;
    this.token = holding.payload.token;
    this.payload = holding.payload;
  }

  get signal(): AbortSignal {
    return this.holding.ac.signal;
  }

  releaseSync(): void {
    if (this.released) return;
    this.released = true;
    this.holding.unref();
  }

  release(): Promise<void> {
    this.releaseSync();
    return Promise.resolve();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.release();
  }
}

const CLEANUP_SIGNALS: NodeJS.Signals[] =
  process.platform === 'win32' ? ['SIGINT', 'SIGHUP', 'SIGBREAK' as NodeJS.Signals] : ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGABRT'];
let cleanupInstalled = false;

function releaseAllSync(): void {
  for (const set of [...holdings.values()]) for (const h of [...set]) h.releaseNow();
}

/**
 * A cleanup signal. Alone, pidproof releases every lock and re-raises the signal, so the process
 * dies of it as it would have. With another listener the application decides: it may keep running
 * (a graceful drain inside the critical section), so nothing is released behind its back; its own
 * `lock.release()`, or the 'exit' listener when it exits, releases.
 */
function onSignal(sig: NodeJS.Signals): void {
  if (process.listenerCount(sig) !== 1) return;
  releaseAllSync();
  uninstallCleanup();
  process.kill(process.pid, sig);
}

const signalHandlers = new Map<NodeJS.Signals, () => void>();

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', releaseAllSync);
  for (const sig of CLEANUP_SIGNALS) {
    const h = () => onSignal(sig);
    try {
      process.on(sig, h);
      signalHandlers.set(sig, h);
    } catch {
      // this platform cannot listen to it
    }
  }
}

/**
 * The exit and signal listeners outlive the last release by up to CLEANUP_LINGER_MS: adding and
 * removing them costs five libuv signal handles (~50 syscalls) per acquisition, 10-20% of an
 * uncontended acquire+release. While they linger and nothing is held, a signal still ends the
 * process as before (`onSignal`: nothing to release, pidproof alone re-raises it).
 */
const CLEANUP_LINGER_MS = 1000;
let lingerTimer: NodeJS.Timeout | undefined;

function scheduleUninstall(): void {
  if (!cleanupInstalled || lingerTimer) return;
  lingerTimer = setTimeout(() => {
    lingerTimer = undefined;
    if (holdings.size === 0) uninstallCleanup();
  }, CLEANUP_LINGER_MS);
  lingerTimer.unref();
}

function uninstallCleanup(): void {
  if (lingerTimer) {
    clearTimeout(lingerTimer);
    lingerTimer = undefined;
  }
  if (!cleanupInstalled) return;
  cleanupInstalled = false;
  process.removeListener('exit', releaseAllSync);
  for (const [sig, h] of signalHandlers) process.removeListener(sig, h);
  signalHandlers.clear();
}

// ---- one attempt ----------------------------------------------------------------------------------

interface Temp {
  path: string;
  fd: number;
  dev: number;
  ino: number;
  payload: LockPayload;
  size: number;
  fresh: boolean;
}

interface Attempt {
  path: string;
  dir: string;
  base: string;
  s: Settings;
  tmp: Temp | null;
  last: { judgement: Judgement; kernelHeld: boolean | null } | null;
}

type TryResult =
  | { kind: 'acquired'; lock: Lock }
  | { kind: 'retry' } // something changed under us: try again at once
  | { kind: 'busy' } // another process is replacing the lock right now: try again very soon
  | { kind: 'wait'; judgement: Judgement; kernelHeld: boolean | null };

function makeTemp(a: Attempt): Temp {
  const { path: p, fd } = createExclusive(a.dir, a.base, 'tmp');
  try {
    // Kernel-lock first, then write: the lock is held from the file's first visible instant.
    const k = kernelTryLock(fd, true);
    if (k === 'busy') throw new Error(`pidproof: fresh temp file ${p} is already locked`);
    const payload = buildPayload(ids.selfIdentity(), {
      token: newToken(),
      maxHoldMs: a.s.maxHoldMs,
      leaseMs: a.s.leaseMs,
      mode: k === 'acquired' ? 'kernel' : 'lease',
    });
    const buf = serialisePayload(payload);
    writeAll(fd, buf);
    const st = fs.fstatSync(fd);
    return { path: p, fd, dev: st.dev, ino: st.ino, payload, size: buf.length, fresh: true };
  } catch (err) {
    closeQuietly(fd);
    unlinkQuietly(p);
    throw err;
  }
}

/** A temp file reused by a later attempt gets fresh timestamps (hold limits count from now). */
function refresh(t: Temp): void {
  if (t.fresh) {
    t.fresh = false;
    return;
  }
  const wall = Date.now();
  const mono = monoNow();
  Object.assign(t.payload, {
    createdAt: new Date(wall).toISOString(),
    createdAtMs: wall,
    createdMono: mono,
    heartbeatAt: wall,
    heartbeatMono: mono,
  });
  writeAll(t.fd, serialisePayload(t.payload, t.size));
}

function adopt(a: Attempt, reclaimed: Lock['reclaimed']): Lock {
  const t = a.tmp!;
  a.tmp = null;
  const h = new Holding(a.path, t.fd, t.dev, t.ino, t.payload, t.size, a.s.owner);
  h.handlers.add(a.s.onCompromised);
  return new LockHandle(h, reclaimed);
}

function holderInfo(j: Judgement, kernelHeld: boolean | null): LockHolderInfo {
  return {
    payload: j.holder as Record<string, unknown> | null,
    format: j.format,
    verdict: j.verdict,
    ageMs: j.ageMs,
    kernelHeld,
    detail: j.detail,
  };
}

function readAndJudge(fd: number, st: fs.Stats, kernel: KernelState): Judgement {
  let parsed: Parsed = { format: 'unknown', payload: null, record: null, problem: 'unread' };
  for (let i = 0; i < 4; i++) {
    const buf = readBounded(fd, st.size);
    parsed =
      buf === null
        ? { format: 'unknown', payload: null, record: null, problem: `the file is ${st.size} bytes, too large for a lock file` }
        : parseLockFile(buf, st.mtimeMs);
    // A torn read raced a heartbeat rewrite: read again.
    if (!(parsed.format === 'unknown' && parsed.torn)) break;
  }
  return judge(parsed, kernel, st.mtimeMs, ids, ownTokens);
}

const isWin32 = process.platform === 'win32';

/**
 * Does `p` still name the file `st`? 'pending' on Windows when the name is delete-pending (unlinked
 * without POSIX semantics while a handle, maybe ours, keeps it open): lstat answers EPERM until the
 * last handle closes, and then the name is gone.
 */
function stillNames(p: string, st: fs.Stats): boolean | 'pending' {
  let cur: fs.Stats | null;
  try {
    cur = lstatOrNull(p);
  } catch (err) {
    if (isWin32 && errCode(err) === 'EPERM') return 'pending';
    throw err;
  }
  return cur !== null && sameFile(cur, st);
}

function tryOnce(a: Attempt): TryResult {
  if (a.tmp) refresh(a.tmp);
  else a.tmp = makeTemp(a);
  try {
    fs.linkSync(a.tmp.path, a.path);
    unlinkQuietly(a.tmp.path);
    return { kind: 'acquired', lock: adopt(a, null) };
  } catch (err) {
    const code = errCode(err);
    // Windows answers EPERM for a name whose file is being deleted: contention, look again.
    if (code !== 'EEXIST' && !(code === 'EPERM' && isWin32)) throw err;
  }
  const o = openExisting(a.path);
  if (o === null) return { kind: 'retry' };
  if (o === 'denied') {
    const j: Judgement = {
      format: 'unknown',
      holder: null,
      verdict: 'unknown',
      staleReasons: [],
      reclaimable: false,
      ageMs: null,
      detail: `the lock file cannot be read (permission denied${isWin32 ? ', or being deleted' : ''}); it is never reclaimed automatically`,
      record: null,
      byExpiry: false,
      torn: false,
    };
    a.last = { judgement: j, kernelHeld: null };
    return { kind: 'wait', judgement: j, kernelHeld: null };
  }
  try {
    const k = kernelTryLock(o.fd, true);
    const kernel: KernelState = k === 'acquired' ? 'free' : k === 'busy' ? 'held' : 'unsupported';
    if (k === 'acquired') {
      // We hold the kernel lock of the inode we opened; is it still the lock file?
      const named = stillNames(a.path, o.st);
      if (named !== true) return named === 'pending' ? { kind: 'busy' } : { kind: 'retry' };
    }
    const j = readAndJudge(o.fd, o.st, kernel);
    const kernelHeld = k === 'busy' ? true : k === 'acquired' ? false : null;
    a.last = { judgement: j, kernelHeld };
    if (j.torn) return { kind: 'busy' };
    if (!j.reclaimable) return { kind: 'wait', judgement: j, kernelHeld };
    const reclaimed = { staleReasons: j.staleReasons, holder: holderInfo(j, kernelHeld) };
    if (a.tmp.payload.mode === 'kernel' && k !== 'unsupported') {
      const guard = tryGuard(a.path);
      if (guard === null) return { kind: 'busy' };
      if (guard !== 'unsupported') {
        try {
          const named = stillNames(a.path, o.st);
          if (named !== true) return named === 'pending' ? { kind: 'busy' } : { kind: 'retry' };
          if (j.byExpiry) {
            // A heartbeat may have landed since: judge again under the guard.
            const again = readAndJudge(o.fd, o.st, kernel);
            if (!again.reclaimable) return { kind: 'wait', judgement: again, kernelHeld };
          }
          // Windows cannot rename over a file that is open (ours, at least): move it aside.
          if (isWin32) return replaceAside(a, o.st, reclaimed, { kind: 'wait', judgement: j, kernelHeld });
          // Atomic replacement of the judged inode by our kernel-locked file.
          fs.renameSync(a.tmp.path, a.path);
          return { kind: 'acquired', lock: adopt(a, reclaimed) };
        } finally {
          closeQuietly(guard);
        }
      }
    }
    // No kernel locks here: claim the judged file by renaming it aside, verify, then publish.
    return replaceAside(a, o.st, reclaimed, { kind: 'wait', judgement: j, kernelHeld });
  } finally {
    closeQuietly(o.fd);
  }
}

/**
 * Replaces the judged file without `rename()` over it: renames it aside, checks the aside name is
 * the judged file (else puts it back), then publishes ours with the exclusive `link()`. Used where
 * there is no kernel lock (lease mode), and on Windows under the guard and the judged file's kernel
 * lock (see the module comment). `wait` is the answer when Windows refuses to move the file.
 */
function replaceAside(a: Attempt, judged: fs.Stats, reclaimed: Lock['reclaimed'], wait: TryResult): TryResult {
  const aside = `${a.path}.pidproof-${randomSuffix()}.break`;
  try {
    fs.renameSync(a.path, aside);
  } catch (err) {
    const code = errCode(err);
    if (code === 'ENOENT') return { kind: 'retry' };
    // Windows: a handle opened without FILE_SHARE_DELETE (another program) pins the name.
    if (isWin32 && (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY')) return wait;
    throw err;
  }
  const moved = lstatOrNull(aside);
  if (!moved || !sameFile(moved, judged)) {
    // We moved a newer lock than the one judged: put it back.
    try {
      fs.linkSync(aside, a.path);
    } catch {
      // someone published meanwhile; the displaced holder will learn at its next check
    }
    unlinkQuietly(aside);
    return { kind: 'retry' };
  }
  unlinkQuietly(aside);
  try {
    fs.linkSync(a.tmp!.path, a.path);
  } catch (err) {
    if (errCode(err) === 'EEXIST') return { kind: 'retry' };
    // Windows: a delete-pending name (a release between its unlink and close): look again soon.
    if (isWin32 && errCode(err) === 'EPERM') return { kind: 'busy' };
    throw err;
  }
  unlinkQuietly(a.tmp!.path);
  return { kind: 'acquired', lock: adopt(a, reclaimed) };
}

function discardTemp(a: Attempt): void {
  if (!a.tmp) return;
  closeQuietly(a.tmp.fd);
  unlinkQuietly(a.tmp.path);
  a.tmp = null;
}

function reentrant(p: string, s: Settings): Lock | null {
  if (s.owner === undefined) return null;
  const set = holdings.get(p);
  if (!set) return null;
  for (const h of set) {
    if (!h.done && h.owner === s.owner) {
      h.refs++;
      h.handlers.add(s.onCompromised);
      return new LockHandle(h, null);
    }
  }
  return null;
}

function startAttempt(p: string, s: Settings): Attempt {
  return { path: p, dir: path.dirname(p), base: path.basename(p), s, tmp: null, last: null };
}

function timeoutError(a: Attempt): LockTimeoutError {
  return new LockTimeoutError(
    a.path,
    a.s.timeoutMs,
    a.last ? holderInfo(a.last.judgement, a.last.kernelHeld) : null,
  );
}

function abortError(signal: AbortSignal): AbortError {
  return new AbortError('The lock acquisition was aborted', { cause: signal.reason });
}

/** Next poll delay: 10 ms growing 1.5x to 200 ms, with ±20% jitter. */
function backoff(n: number): number {
  const base = Math.min(200, 10 * 1.5 ** n);
  return base * (0.8 + Math.random() * 0.4);
}

// ---- public API ------------------------------------------------------------------------------------

/**
 * Acquires the lock at `path` (a file path you name; its directory must exist). Waits without a
 * busy loop: woken by the holder's exit, by the lock file's removal, and by a capped backoff poll.
 */
export async function acquireLock(path: string, options?: LockOptions): Promise<Lock> {
  const s = settingsOf(options);
  const p = canonicalLockPath(path);
  if (s.signal?.aborted) throw abortError(s.signal);
  const again = reentrant(p, s);
  if (again) return again;
  const a = startAttempt(p, s);
  const start = monoNow();
  const waiter = new Waiter(a);
  try {
    for (let n = 0, churn = 0; ; ) {
      if (s.signal?.aborted) throw abortError(s.signal);
      const r = tryOnce(a);
      if (r.kind === 'acquired') return r.lock;
      // The file changed under us: look again at once, but never spin (MAX_CHURN, then wait).
      if (r.kind === 'retry' && ++churn < MAX_CHURN) continue;
      churn = 0;
      const left = s.timeoutMs - (monoNow() - start);
      if (left <= 0) throw timeoutError(a);
      const delay = r.kind === 'wait' ? backoff(n++) : 1 + Math.random() * 4;
      await waiter.wait(Math.min(delay, left), r.kind === 'wait' ? r.judgement : null, s.signal);
    }
  } finally {
    waiter.close();
    discardTemp(a);
  }
}

/**
 * Synchronous `acquireLock`: same algorithm, waiting by sleeping the thread (capped backoff poll;
 * no exit or file notifications are possible without the event loop).
 */
export function acquireLockSync(path: string, options?: LockOptions): Lock {
  const s = settingsOf(options);
  const p = canonicalLockPath(path);
  if (s.signal?.aborted) throw abortError(s.signal);
  const again = reentrant(p, s);
  if (again) return again;
  const a = startAttempt(p, s);
  const start = monoNow();
  try {
    for (let n = 0, churn = 0; ; ) {
      if (s.signal?.aborted) throw abortError(s.signal);
      const r = tryOnce(a);
      if (r.kind === 'acquired') return r.lock;
      if (r.kind === 'retry' && ++churn < MAX_CHURN) continue;
      churn = 0;
      const left = s.timeoutMs - (monoNow() - start);
      if (left <= 0) throw timeoutError(a);
      sleepSync(Math.min(r.kind === 'wait' ? Math.min(backoff(n++), 100) : 2, left));
    }
  } finally {
    discardTemp(a);
  }
}

/** Runs `fn` holding the lock; releases it however `fn` ends. `fn` gets the lock (and its signal). */
export async function withLock<T>(path: string, fn: (lock: Lock) => T | Promise<T>, options?: LockOptions): Promise<T> {
  if (typeof fn !== 'function') throw new TypeError(`fn must be a function, got ${describe(fn)}`);
  const lock = await acquireLock(path, options);
  try {
    return await fn(lock);
  } finally {
    lock.releaseSync();
  }
}

// ---- waiting -----------------------------------------------------------------------------------------

/** Wakes an async acquire: holder exit, the lock file's removal, a timer, or abort. */
class Waiter {
  private watcher: fs.FSWatcher | null = null;
  private watcherFailed = false;
  private exitWatch: { key: string; ac: AbortController } | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly a: Attempt) {}

  private ensureDirWatch(): void {
    if (this.watcher || this.watcherFailed) return;
    try {
      this.watcher = fs.watch(this.a.dir, { persistent: false }, (_ev, name) => {
        if (name === null || name === this.a.base) this.wake?.();
      });
      this.watcher.on('error', () => {
        this.watcher?.close();
        this.watcher = null;
        this.watcherFailed = true;
      });
    } catch {
      this.watcherFailed = true; // inotify limits and the like: the poll still runs
    }
  }

  /** Watches the holder's exit (pinned to its identity) while it is the same holder. */
  private ensureExitWatch(j: Judgement | null): void {
    const rec = j?.record;
    const watchable = rec && j && (j.verdict === 'alive' || j.verdict === 'unknown');
    const key = watchable ? `${rec.pid}:${(j.holder as { token?: string } | null)?.token ?? ''}` : '';
    if (this.exitWatch && this.exitWatch.key === key) return;
    this.exitWatch?.ac.abort();
    this.exitWatch = null;
    if (!watchable) return;
    const ac = new AbortController();
    this.exitWatch = { key, ac };
    const target: ProcessIdentity | number =
      j.format === 'pidproof' ? identityOf(j.holder as LockPayload) : rec.pid;
    watchExit(target, { signal: ac.signal }).then(
      () => this.wake?.(),
      () => undefined, // foreign, aborted, unsupported: the poll still runs
    );
  }

  wait(ms: number, j: Judgement | null, signal: AbortSignal | undefined): Promise<void> {
    this.ensureDirWatch();
    this.ensureExitWatch(j);
    return new Promise<void>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.wake = null;
        resolve();
      };
      const onAbort = () => {
        clearTimeout(timer);
        this.wake = null;
        reject(abortError(signal!));
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
    this.exitWatch?.ac.abort();
    this.exitWatch = null;
  }
}

function identityOf(p: LockPayload): ProcessIdentity {
  return {
    v: 1,
    platform: p.platform,
    pid: p.pid,
    startToken: p.startToken,
    startTokenUnit: p.startTokenUnit,
    uniqueId: p.uniqueId,
    uniqueIdKind: p.uniqueIdKind,
    startTimeMs: p.startTimeMs,
    bootId: p.bootId,
    pidNamespace: p.pidNamespace,
    hostname: p.hostname,
    ppid: null,
    state: null,
    access: 'full',
  };
}

/** @internal for inspection: the judge over an open file. */
export { readAndJudge };
