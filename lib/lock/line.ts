/**
 * One waiter per lock path per thread (issue 21). The async contenders of this thread for one
 * canonical lock path wait in a line, first come first served; only its head competes with other
 * processes, through the usual protocol (`attempt.ts`: publish, judge, reclaim; `waiter.ts`: the
 * holder's exit, the directory watch, the backoff). So a lock path costs one temp file, one exit
 * watch and one directory watch per thread however many contenders wait, and a contender behind
 * the head costs nothing until its turn: no timer but its own timeout, no descriptor, no poll.
 *
 * - **Hand-over in place.** When a holding of this thread ends normally while a contender waits
 *   (`holding.ts` asks `takeOver`), the lock file is not released: the head gets it on the spot,
 *   the same file kept kernel-locked by the same descriptor, its payload rewritten for the new
 *   holding (new token, times, limits; as a heartbeat rewrites it). No syscall but an `lstat` and
 *   a `pwrite`, and no directory event to wake other processes' waiters.
 * - **Otherwise at once.** After any other end of a holding of this thread (a release that cannot
 *   hand over: near an expiry, other modes; a compromise; the end of this process's turn), the
 *   head tries a microtask later, with no timer and no watch event.
 * - **Leaving.** A contender whose signal aborts or whose `timeoutMs` passes leaves the line at
 *   once; when the head leaves, the next one takes its place and tries at once.
 * - **Fair between processes: bounded turns.** This thread keeps the lock through at most
 *   `TURN_GRANTS` consecutive grants, and, while a contender of another process (or thread)
 *   waits, for at most `TURN_MS`, whichever ends first; then it really releases the lock file.
 *   While another contender waits, its next contender tries again after `YIELD_MS`, so that the
 *   other waiters, woken by the release, can take it; else after a turn of the event loop (so
 *   that the directory watch reports what happened meanwhile, even when the contenders' critical
 *   sections never leave the microtask queue). Between those who try, the kernel decides (the
 *   first `link()` wins); if nobody else took it, this thread takes it back. Another pidproof
 *   contender shows itself through its temp
 *   file (`<lock>.pidproof-<hex>.tmp`, created when its first try finds the lock held, rewritten
 *   at each of its looks, at least every 200 ms): the line's directory watch notes any such name
 *   that is not this line's own (`INTEREST_MS`). Among the waiters of several processes, the
 *   one whose process went longest without the lock usually tries first (`RACE_MS`).
 * - **Reentrancy.** A contender whose `owner` holds the lock when its turn comes shares that
 *   holding (`reentrant`), as it would have at once.
 * - **`acquireLockSync`** never joins the line: it blocks the thread that every contender in the
 *   line needs, so it competes directly, ahead of them (and fails at once when this thread holds
 *   the lock: see lock.ts).
 * - **`timeoutMs: 0`** tries once, directly, as before: it never waits, so never queues.
 */
import { onAbort } from '../abort';
import {
  abortError,
  type Attempt,
  backoff,
  discardTemp,
  holderInfo,
  onTempNamed,
  startAttempt,
  timeoutError,
  type TryResult,
  tryOnce,
} from './attempt';
import { type LockHolderInfo, LockTimeoutError } from './errors';
import { heldHere, type Holding, type Lock, reentrant, setLineHooks } from './holding';
import type { Settings } from './options';
import { monoNow } from './payload';
import { Waiter } from './waiter';

/** Immediate re-attempts after the lock file changed under us, before waiting like any other. */
export const MAX_CHURN = 16;
/**
 * Quick looks (2-5 ms apart, about 100 ms in all) at a lock whose holder is proven gone while its
 * kernel lock is still held: the kernel drops it once the dead holder's last thread has exited
 * (Windows: "when resources allow"). After that the usual backoff: something else holds it.
 */
export const FAST_RELEASE_LOOKS = 25;
/**
 * Longest poll of a lock held from another PID namespace of this kernel: its holder cannot be
 * pinned from here, but its kernel lock is released the moment it dies, so a look every 10 ms
 * (~60 µs of work each) bounds the recovery after a container's holder is killed.
 */
export const KERNEL_POLL_MS = 10;
/** A thread's turn: at most this many consecutive hand-overs to its own contenders... */
export const TURN_GRANTS = 16;
/** ...and, while another contender waits, for at most this long (ms) since the turn began. */
export const TURN_MS = 25;
/** At a turn's end, this thread's next contender waits this long (ms) before trying. */
export const YIELD_MS = 2;
/** A turn ends only if another contender showed itself this recently (ms): see above. */
export const INTEREST_MS = 1000;
/**
 * Least recently served first: a head woken by another process's release, while other contenders
 * wait too, waits up to this long (ms) before trying, less the longer its thread has gone without
 * the lock (nothing after `FAIR_WINDOW_MS`), so that among the waiters of several processes, the
 * one that waited longest usually tries first (else the order in which the kernel wakes them
 * decides: measured, a process could go 0.47 s without the lock in a 2 s run, against 0.22 s).
 */
export const RACE_MS = 1;
export const FAIR_WINDOW_MS = 50;
/** While a holding of this thread holds the lock, the head looks again this often (a safety net). */
const HELD_LOOK_MS = 250;

/** The delay before an async contender's next look after `r` (the backoff rules of acquireLock). */
export function nextDelay(r: Exclude<TryResult, { kind: 'acquired' }>, e: { n: number; fast: number }, pinned: boolean): number {
  if (r.kind !== 'wait') return 1 + Math.random() * 4;
  // An exit watch wakes us when a pinned holder dies: the poll is a safety net. Without one (a
  // holder in another PID namespace of this kernel, a legacy record) it is the wake-up. A dead
  // holder whose kernel lock is still being released, whose replacement guard another contender
  // holds, or whose payload read torn is looked at again within milliseconds (then the backoff).
  const j = r.judgement;
  if ((j.releasing || j.guardHeld || j.torn) && e.fast++ < FAST_RELEASE_LOOKS) return 2 + Math.random() * 3;
  return backoff(e.n++, pinned ? 200 : j.kernelJudged ? KERNEL_POLL_MS : 50);
}

interface Entry {
  readonly s: Settings;
  readonly start: number;
  readonly resolve: (lock: Lock) => void;
  readonly reject: (err: unknown) => void;
  timer: NodeJS.Timeout | undefined;
  unsubscribe: (() => void) | null;
  /** The head's attempt (temp file, last judgement), kept across its retries. */
  a: Attempt | null;
  /** The first attempt's answer, made before joining (the contender joined as the head). */
  first: TryResult | null;
  n: number;
  churn: number;
  fast: number;
  gone: boolean;
}

class Line {
  readonly entries: Entry[] = [];
  running = false;
  /** The line's wake-ups: kept while the line lives; its directory watch also sees other contenders. */
  readonly waiter: Waiter;
  /** Grants of the current turn and when it began. */
  turnGrants = 0;
  turnSince = monoNow();
  /** The head's next attempt follows a release by this thread: a grant continues the turn. */
  handoff = false;
  /** The turn is over: the head tries no earlier than this (monotonic ms)... */
  yieldUntil = 0;
  /** ...or after one turn of the event loop. */
  hop = false;
  /** When this line last granted the lock (or began), monotonic ms. */
  servedAt = monoNow();
  /** The last judgement of the lock by a head of this line (for the timeouts of the others). */
  last: Attempt['last'] = null;

  constructor(
    readonly path: string,
    s: Settings,
  ) {
    this.waiter = new Waiter(startAttempt(path, s));
    this.waiter.watchDir();
  }

  /** Another contender (process or thread) showed itself recently: see the module comment. */
  othersWait(now: number): boolean {
    return now - this.waiter.othersSeenAt < INTEREST_MS;
  }

  /** This thread's turn is over: `TURN_GRANTS` grants, or `TURN_MS` while others wait. */
  turnOver(now: number): boolean {
    return this.turnGrants >= TURN_GRANTS || (now - this.turnSince >= TURN_MS && this.othersWait(now));
  }

  /** Wakes the head (if it sleeps); starts it if the line has none running. */
  kick(): void {
    if (this.running) this.waiter.wakeNow();
    else if (this.entries.length > 0) queueMicrotask(() => start(this));
  }
}

/** Drops an idle line (nobody waits, no grant of it holds) and its watches. */
function drop(line: Line): void {
  if (line.running || line.entries.length > 0) return;
  if (lines.get(line.path) === line) lines.delete(line.path);
  line.waiter.close();
}

/** Lines by canonical lock path (kept while a contender waits or a grant of the line holds). */
const lines = new Map<string, Line>();

/**
 * `acquireLock` after its argument checks and reentrancy: the first attempt at once when nobody
 * of this thread holds or waits for `p` (or `timeoutMs` is 0), else a place at the end of the line.
 */
export function acquireInLine(p: string, s: Settings): Promise<Lock> {
  let line = lines.get(p);
  let a: Attempt | null = null;
  let first: TryResult | null = null;
  if (s.timeoutMs <= 0 || ((line === undefined || line.entries.length === 0) && heldHere(p) === null)) {
    a = startAttempt(p, s);
    try {
      first = tryOnce(a);
      // The file changed under us: look again at once, but never spin (MAX_CHURN, then wait).
      for (let churn = 1; first.kind === 'retry' && churn < MAX_CHURN; churn++) first = tryOnce(a);
    } catch (err) {
      discardTemp(a);
      return Promise.reject(err);
    }
    if (first.kind === 'acquired') {
      // A new turn for this thread (the line, if any, is idle).
      if (line) {
        line.turnGrants = 1;
        line.turnSince = monoNow();
      }
      return Promise.resolve(first.lock);
    }
    if (s.timeoutMs <= 0) {
      const err = timeoutError(a);
      discardTemp(a);
      return Promise.reject(err);
    }
  }
  if (line === undefined) {
    line = new Line(p, s);
    lines.set(p, line);
    // Temp files made before the line's watch (the first attempt's, the holder's): ours.
    for (const t of ownTemps.get(p) ?? []) line.waiter.ownTemp(t);
    // A holding of this thread (the turn's first grant) may hold it already.
    if (heldHere(p) !== null) line.turnGrants = 1;
  }
  const l = line;
  return new Promise<Lock>((resolve, reject) => {
    const e: Entry = {
      s,
      start: monoNow(),
      resolve,
      reject,
      timer: undefined,
      unsubscribe: null,
      a,
      first,
      n: 0,
      // A first attempt that churned already looked again MAX_CHURN times: it waits now.
      churn: first?.kind === 'retry' ? MAX_CHURN : 0,
      fast: 0,
      gone: false,
    };
    l.entries.push(e);
    if (Number.isFinite(s.timeoutMs)) {
      e.timer = setTimeout(() => timedOut(l, e), Math.min(s.timeoutMs, 2 ** 31 - 1));
    }
    if (s.signal) {
      const signal = s.signal;
      // One 'abort' listener per signal however many contenders share it (lib/abort.ts).
      e.unsubscribe = onAbort(signal, () => {
        if (e.gone) return;
        leave(l, e);
        e.reject(abortError(signal));
      });
    }
    if (!l.running) start(l);
  });
}

/** Takes `e` out of the line (idempotent); the next head, if `e` was the head, tries at once. */
function leave(line: Line, e: Entry): void {
  if (e.gone) return;
  e.gone = true;
  const i = line.entries.indexOf(e);
  if (i >= 0) line.entries.splice(i, 1);
  if (e.timer !== undefined) clearTimeout(e.timer);
  e.unsubscribe?.();
  if (e.a) discardTemp(e.a);
  if (i === 0) line.kick();
}

function timedOut(line: Line, e: Entry): void {
  if (e.gone) return;
  leave(line, e);
  e.reject(timeoutFor(line, e));
}

/** The timeout of `e`, naming the holder: as the head judged it, or this thread's own holding. */
function timeoutFor(line: Line, e: Entry): LockTimeoutError {
  if (e.a?.last) return timeoutError(e.a);
  const mine = heldHere(line.path);
  if (mine !== null) return new LockTimeoutError(line.path, e.s.timeoutMs, ownHolder(mine));
  const last = line.last;
  return new LockTimeoutError(line.path, e.s.timeoutMs, last ? holderInfo(last.judgement, last.kernelHeld) : null);
}

/** Who holds it when the holder is this thread. */
export function ownHolder(h: Holding): LockHolderInfo {
  return {
    payload: h.payload as unknown as Record<string, unknown>,
    format: 'pidproof',
    verdict: 'alive',
    ageMs: Math.max(0, Date.now() - h.payload.createdAtMs),
    kernelHeld: h.payload.mode === 'kernel' ? true : null,
    detail: 'held by this process: another acquire of this lock in this thread has not released it yet',
  };
}

/** Hands `lock` to `e`. `turn`: a grant after a release by this thread continues its turn. */
function grant(line: Line, e: Entry, lock: Lock, turn: 'continue' | 'new' | 'shared'): void {
  leave(line, e);
  if (turn !== 'shared') line.servedAt = monoNow();
  if (turn === 'continue') line.turnGrants++;
  else if (turn === 'new') {
    line.turnGrants = 1;
    line.turnSince = monoNow();
  }
  e.resolve(lock);
}

function start(line: Line): void {
  if (line.running) return;
  line.running = true;
  void run(line).finally(() => {
    line.running = false;
    if (line.entries.length > 0) start(line); // joined while the last step settled
    else if (heldHere(line.path) === null) drop(line);
  });
}

function sleep(line: Line, ms: number): Promise<void> {
  return line.waiter.wait(ms, undefined);
}

/** The head's loop: while anyone waits, the head tries, waits, tries. Never rejects. */
async function run(line: Line): Promise<void> {
  for (;;) {
    const e = line.entries[0];
    if (e === undefined) return;
    if (e.s.owner !== undefined) {
      const again = reentrant(line.path, e.s);
      if (again) {
        grant(line, e, again, 'shared');
        continue;
      }
    }
    if (heldHere(line.path) !== null) {
      // This thread holds it: its release wakes us (or hands it over).
      await sleep(line, HELD_LOOK_MS);
      continue;
    }
    const now = monoNow();
    if (line.yieldUntil > now || line.hop) {
      line.hop = false;
      await sleep(line, Math.max(0, line.yieldUntil - now));
      continue;
    }
    const handoff = line.handoff;
    line.handoff = false;
    let r: TryResult;
    try {
      if (e.first !== null) {
        r = e.first;
        e.first = null;
      } else {
        e.a ??= startAttempt(line.path, e.s);
        r = tryOnce(e.a);
      }
    } catch (err) {
      leave(line, e);
      e.reject(err);
      continue;
    }
    if (r.kind === 'acquired') {
      grant(line, e, r.lock, handoff ? 'continue' : 'new');
      continue;
    }
    line.last = e.a!.last ?? line.last;
    if (r.kind === 'retry' && ++e.churn < MAX_CHURN) continue;
    e.churn = 0;
    const left = e.s.timeoutMs - (monoNow() - e.start);
    if (left <= 0) {
      timedOut(line, e);
      continue;
    }
    const pinned = line.waiter.prepare(r.kind === 'wait' ? r.judgement : null);
    await sleep(line, Math.min(nextDelay(r, e, pinned), left));
    if (line.waiter.woke === 'dir' && line.entries[0] === e) {
      // Another process released (or took) it, and other contenders wait too: least recently
      // served first. (A lone waiter does not wait: nobody to let go first.)
      const now2 = monoNow();
      const d = RACE_MS * (1 - (now2 - line.servedAt) / FAIR_WINDOW_MS);
      if (d > 0 && line.othersWait(now2)) await sleep(line, Math.min(d, left));
    }
  }
}

/**
 * holding.ts, at the last release of `h`: does a contender of this thread take the lock over in
 * place? Only within this thread's turn, and only the head (first come, first served).
 */
function takeOver(h: Holding): boolean {
  const line = lines.get(h.path);
  if (line === undefined) return false;
  const e = line.entries[0];
  if (e === undefined || line.turnOver(monoNow())) return false;
  const lock = h.transfer(e.s);
  if (lock === null) return false;
  grant(line, e, lock, 'continue');
  return true;
}

/** holding.ts, after a holding of this thread ended (not handed over): the next one tries. */
function released(p: string): void {
  const line = lines.get(p);
  if (line === undefined) return;
  if (line.entries.length === 0) {
    drop(line);
    return;
  }
  const now = monoNow();
  if (line.turnOver(now)) {
    // The turn is over. Another contender waits: let it (woken by this release) take the lock.
    // Else the next one tries after a turn of the event loop, which lets the directory watch say
    // whether anyone waits, and ends a run of critical sections that never left the microtasks.
    line.turnGrants = 0;
    line.turnSince = now;
    if (line.othersWait(now)) line.yieldUntil = now + YIELD_MS;
    else line.hop = true;
  } else {
    line.handoff = true;
  }
  line.kick();
}

setLineHooks({ takeOver, released });

/**
 * This thread's own temp files (any acquire: async, sync, a first attempt) are not another
 * contender's: the last few per lock path, also for a line made later (a holder that published
 * from a named temp file writes through a descriptor opened by that name, and the directory watch
 * reports its rewrites, the hand-overs in place, under it).
 */
const ownTemps = new Map<string, string[]>();
onTempNamed((lockPath, tempPath) => {
  let names = ownTemps.get(lockPath);
  if (names === undefined) {
    if (ownTemps.size >= 256) ownTemps.clear();
    ownTemps.set(lockPath, (names = []));
  }
  names.push(tempPath);
  if (names.length > 32) names.shift();
  lines.get(lockPath)?.waiter.ownTemp(tempPath);
});

/** @internal for tests: how many contenders of this thread wait for `p`. */
export function waitingFor(p: string): number {
  return lines.get(p)?.entries.length ?? 0;
}
