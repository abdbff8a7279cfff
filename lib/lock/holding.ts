/**
 * A holding: the lifetime of one held lock in this process. Owns the registry of what this
 * process holds, the heartbeat (lease mode: the payload rewritten in place every `leaseMs / 3`),
 * the `maxHoldMs` watchdog, release (unlink only while the path still names our inode; under the
 * replacement guard near an expiry), and compromise (the lock was lost: `lock.signal` aborted,
 * `onCompromised` told, never a throw). `LockHandle` is the `Lock` users get; owner-scoped
 * reentrancy shares one holding between handles.
 */
import fs from 'node:fs';
import { installCleanup, scheduleUninstall } from './cleanup';
import { type CompromiseReason, LockCompromisedError, type LockHolderInfo } from './errors';
import {
  closeQuietly,
  dropGuardIfIdle,
  type GuardResult,
  lstatOrNull,
  releaseGuard,
  releaseOnce,
  sameFile,
  takeGuardSync,
  writeAll,
} from './files';
import type { Settings } from './options';
import { buildPayload, type LockPayload, newToken, rootMonoNow, serialisePayload } from './payload';
import { identity as ids } from '../identity';

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


/** A release this close to an expiry takes the guard: a contender may be breaking the lock. */
const EXPIRY_MARGIN_MS = 2500;
/** How long a release near expiry waits for the guard (held for microseconds normally). */
const GUARD_WAIT_MS = 250;
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Monotonic times here are the payload's: the root time namespace's CLOCK_MONOTONIC
 * (`rootMonoNow`), so a deadline computed from `createdMono` compares with the same clock.
 *
 * The `maxHoldMs` watchdog: one unref'd timer for the earliest deadline of all holdings (a timer
 * per holding would be set and cleared on every acquire and release). When it fires it expires
 * the holdings past their deadline and re-arms for the next one.
 */
const watched = new Set<Holding>();
let watchTimer: NodeJS.Timeout | undefined;
let watchAt = Infinity;

function armWatchdog(deadlineMono: number): void {
  if (watchTimer !== undefined && watchAt <= deadlineMono) return;
  if (watchTimer !== undefined) clearTimeout(watchTimer);
  watchAt = deadlineMono;
  watchTimer = setTimeout(runWatchdog, Math.min(Math.max(1, Math.ceil(deadlineMono - rootMonoNow())), MAX_TIMER_MS));
  watchTimer.unref();
}

function runWatchdog(): void {
  watchTimer = undefined;
  watchAt = Infinity;
  const now = rootMonoNow();
  let next = Infinity;
  for (const h of [...watched]) {
    if (h.deadline <= now) h.expire();
    else if (h.deadline < next) next = h.deadline;
  }
  if (next !== Infinity) armWatchdog(next);
}

/** Every holding of this process, by lock path. */
const holdings = new Map<string, Set<Holding>>();
/** Holdings not yet finished (the registry keeps a few emptied sets: see `finish`). */
let held = 0;

/**
 * The in-process line of contenders (line.ts) hooks in here, so that this module needs nothing
 * from it: `takeOver` is asked at a holding's last release whether a contender of this thread
 * takes the lock over in place (it calls `transfer`); `released` is told after every other end
 * of a holding, so that the next contender tries at once.
 */
export interface LineHooks {
  takeOver(h: Holding): boolean;
  released(path: string): void;
}
let lineHooks: LineHooks | null = null;
export function setLineHooks(hooks: LineHooks): void {
  lineHooks = hooks;
}

/** The holding of `p` this thread has not released yet (any owner), or null. */
export function heldHere(p: string): Holding | null {
  const set = holdings.get(p);
  if (set) for (const h of set) if (!h.done) return h;
  return null;
}

/**
 * @internal tokens this process holds (for inspection: a lock this process leaked). Built when
 * asked (a contended judgement), not kept up to date on every acquire and release.
 */
export function heldTokens(): ReadonlySet<string> {
  const tokens = new Set<string>();
  for (const set of holdings.values()) for (const h of set) if (!h.done) tokens.add(h.payload.token);
  return tokens;
}

export class Holding {
  refs = 1;
  done = false;
  /**
   * This holding met the replacement guard (it reclaimed the lock under it). Only then does its
   * release look for a guard to remove: a holder that never met one does not look (issue 21).
   */
  metGuard = false;
  /** Created on first use: most holdings are released without anyone reading `lock.signal`. */
  private acRef: AbortController | null = null;
  get ac(): AbortController {
    return (this.acRef ??= new AbortController());
  }
  get aborted(): boolean {
    return this.acRef !== null && this.acRef.signal.aborted;
  }
  /** Told when the holding is compromised; each function once, however often it was added. */
  readonly handlers: Array<(err: LockCompromisedError) => void> = [];

  addHandler(fn: (err: LockCompromisedError) => void): void {
    if (!this.handlers.includes(fn)) this.handlers.push(fn);
  }
  /** When the watchdog releases it (monotonic ms; Infinity: no maxHoldMs). */
  readonly deadline: number;
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
    /** Permission bits for a replacement guard this holding creates. */
    readonly mode: number,
  ) {
    this.lastBeatMono = payload.heartbeatMono;
    let set = holdings.get(path);
    if (!set) holdings.set(path, (set = new Set()));
    set.add(this);
    held++;
    installCleanup(releaseAllSync);
    this.deadline = payload.maxHoldMs !== null ? payload.createdMono + payload.maxHoldMs : Infinity;
    if (this.deadline !== Infinity) {
      if (this.deadline <= rootMonoNow()) {
        this.expire();
      } else {
        watched.add(this);
        armWatchdog(this.deadline);
      }
    }
    if (payload.leaseMs !== null) {
      this.heartbeat = setInterval(() => this.beat(), Math.max(10, Math.floor(payload.leaseMs / 3)));
      this.heartbeat.unref();
    }
  }

  /** The watchdog: held past maxHoldMs. */
  expire(): void {
    this.compromise('max-hold-exceeded', `held for more than maxHoldMs ${this.payload.maxHoldMs} ms`, true);
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
      this.payload.heartbeatMono = rootMonoNow();
      writeAll(this.fd, serialisePayload(this.payload, this.size));
      this.lastBeatMono = this.payload.heartbeatMono;
    } catch (err) {
      this.compromise('heartbeat-failed', (err as Error).message, false);
    }
  }

  /** Could a contender be breaking this lock right now (its lease or hold about to expire)? */
  private nearExpiry(): boolean {
    const now = rootMonoNow();
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
    let guard: GuardResult | null = null;
    if (this.nearExpiry()) {
      guard = takeGuardSync(this.path, this.mode, GUARD_WAIT_MS);
      // Busy: a contender is replacing it right now. (Blocked: nobody can take the guard, so
      // nobody can be breaking the lock either; unsupported: no kernel locks, no guard.)
      if (guard.kind === 'busy') return 'left';
    }
    try {
      const st = lstatOrNull(this.path);
      if (st && sameFile(st, this)) {
        fs.unlinkSync(this.path);
        return true;
      }
      return false;
    } finally {
      if (guard?.kind === 'held') releaseGuard(this.path, guard, false);
    }
  }

  private finish(notify = true): void {
    this.done = true;
    watched.delete(this);
    if (this.heartbeat) clearInterval(this.heartbeat);
    const set = holdings.get(this.path);
    set?.delete(this);
    // An emptied set stays for the next acquire of this path (a few dozen paths at most).
    if (set && set.size === 0 && holdings.size > 64) holdings.delete(this.path);
    held--;
    if (held === 0) scheduleUninstall(() => held === 0);
    // The next contender of this thread tries at once (a microtask later: never inside this call).
    if (notify) lineHooks?.released(this.path);
  }

  /**
   * Hands this holding's lock file over in place to a contender of this thread (`s`: its
   * settings), at this holding's last release: the file stays, kernel-locked by the same
   * descriptor all along, and its payload is rewritten for the new holding (new token, creation
   * time and limits, like a heartbeat: same size, a reader racing it sees a checksum mismatch
   * and reads again). Other processes see no release and no new file: no directory event wakes
   * them. Returns the new holder's lock, or null (nothing changed) when this holding cannot be
   * handed over: the path no longer names our file, it is near an expiry (a contender may be
   * breaking it), the modes differ, or the rewrite failed.
   */
  transfer(s: Settings): Lock | null {
    if (this.done || this.aborted || s.mode !== this.mode || this.nearExpiry()) return null;
    let payload: LockPayload;
    try {
      const st = lstatOrNull(this.path);
      if (!st || !sameFile(st, this)) return null;
      payload = buildPayload(ids.selfIdentity(), { token: newToken(), maxHoldMs: s.maxHoldMs, leaseMs: s.leaseMs, mode: this.payload.mode });
      const buf = serialisePayload(payload, this.size);
      if (buf.length !== this.size) return null;
      writeAll(this.fd, buf);
    } catch {
      return null; // the normal release runs and reports what it finds
    }
    this.finish(false);
    const h = new Holding(this.path, this.fd, this.dev, this.ino, payload, this.size, s.owner, s.mode);
    h.addHandler(s.onCompromised);
    return new LockHandle(h, null);
  }

  /**
   * Drops one reference; the last one releases (or hands the lock over to the next contender of
   * this thread, unless `handOver` is false: process exit). Never throws.
   */
  unref(handOver = true): void {
    if (this.done) return;
    if (--this.refs > 0) return;
    if (handOver && lineHooks !== null && !this.aborted && lineHooks.takeOver(this)) return;
    let ours: boolean | 'left' = true;
    // One native call (lstat, unlink while ours, close, is there a guard? only asked of a holding
    // that met one) unless a contender may be breaking the lock right now: then the guard is
    // taken first, step by step.
    const fast = this.nearExpiry() ? null : releaseOnce(this.fd, this.path, this.dev, this.ino, this.metGuard);
    if (fast !== null) {
      ours = (fast & 1) !== 0;
      this.finish();
      if (ours && (fast & 2) !== 0) {
        try {
          dropGuardIfIdle(this.path, this.mode);
        } catch {
          // litter at worst, never a failed release
        }
      }
      if (!ours && !this.aborted) {
        this.report('replaced', 'at release the lock file no longer named this holding (it was broken or removed)');
      }
      return;
    }
    try {
      ours = this.removeIfOurs();
    } catch {
      ours = true; // could not look: assume it was ours, nothing else to do
    }
    closeQuietly(this.fd);
    this.finish();
    if (ours === true) {
      try {
        dropGuardIfIdle(this.path, this.mode);
      } catch {
        // litter at worst, never a failed release
      }
    }
    if (!ours && !this.aborted) {
      this.report('replaced', 'at release the lock file no longer named this holding (it was broken or removed)');
    }
  }

  /** Releases everything at process exit / signal (never handed over: the process is ending). */
  releaseNow(): void {
    this.refs = 1;
    this.unref(false);
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

export class LockHandle implements Lock {
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

function releaseAllSync(): void {
  for (const set of [...holdings.values()]) for (const h of [...set]) h.releaseNow();
}

/** Owner-scoped reentrancy: a new handle on this process's holding of `p` by the same owner. */
export function reentrant(p: string, s: Settings): Lock | null {
  if (s.owner === undefined) return null;
  const set = holdings.get(p);
  if (!set) return null;
  for (const h of set) {
    if (!h.done && h.owner === s.owner) {
      h.refs++;
      h.addHandler(s.onCompromised);
      return new LockHandle(h, null);
    }
  }
  return null;
}
