/**
 * The lock core's public entry points: identity-stamped lock files that heal themselves and never
 * grant twice. `acquireLock` / `acquireLockSync` / `withLock` loop over attempts and waits.
 *
 * Where things live (one hop each):
 * - `options.ts`  — `LockOptions`, validation, defaults, the canonical lock path;
 * - `attempt.ts`  — one attempt: publish (temp file + kernel lock + `link()`), open and judge a
 *                   held lock, reclaim under the replacement guard (and the Windows details);
 * - `judge.ts`    — the reclaim rule: verdicts, stale reasons, what proves a reclaim safe;
 * - `payload.ts`  — the file formats (pidproof payload, OpenClaw JSON, bare PID files);
 * - `holding.ts`  — a held lock's lifetime: heartbeat, watchdog, release, compromise;
 * - `cleanup.ts`  — process-wide release at exit and on signals (PID 1 included);
 * - `line.ts`     — one waiter per lock path per thread: this thread's async contenders in line
 *                   (first come, first served), the lock handed over in place between them,
 *                   bounded turns between processes;
 * - `waiter.ts`   — waiting without a busy loop (exit watch, directory watch, backoff);
 * - `files.ts`    — file primitives: kernel locks, symlink-safe opens, the guard;
 * - `inspect.ts`, `doctor.ts` — read-only inspection and the directory doctor.
 */
import { abortError, backoff, discardTemp, startAttempt, timeoutError, tryOnce } from './attempt';
import { LockTimeoutError } from './errors';
import { sleepSync } from './files';
import { heldHere, type Lock, reentrant } from './holding';
import { acquireInLine, FAST_RELEASE_LOOKS, KERNEL_POLL_MS, MAX_CHURN, ownHolder } from './line';
import { canonicalLockPath, type LockOptions, settingsOf } from './options';
import { monoNow } from './payload';
import { describe } from '../validate';

export type { Lock } from './holding';
export type { LockOptions } from './options';

/**
 * Acquires the lock at `path` (a file path you name; its directory must exist). Waits without a
 * busy loop: woken by the holder's exit, by the lock file's removal, and by a capped backoff poll.
 * Contenders of this thread for the same path wait in line, first come, first served (line.ts).
 */
export async function acquireLock(path: string, options?: LockOptions): Promise<Lock> {
  const s = settingsOf(options);
  const p = canonicalLockPath(path);
  if (s.signal?.aborted) throw abortError(s.signal);
  const again = reentrant(p, s);
  if (again) return again;
  return acquireInLine(p, s);
}

/**
 * Synchronous `acquireLock`: same algorithm, waiting by sleeping the thread (capped backoff poll;
 * no exit or file notifications are possible without the event loop).
 *
 * It never joins this thread's line of async contenders (line.ts): sleeping, it blocks the event
 * loop they all need, so they cannot hold or take anything meanwhile; it competes directly, ahead
 * of them. And a lock this thread holds (another acquire, another owner, not yet released) can
 * only be released by this thread, which a sync wait would block: it fails at once with a
 * `LockTimeoutError` that says so, instead of sleeping for `timeoutMs` (or for ever).
 */
export function acquireLockSync(path: string, options?: LockOptions): Lock {
  const s = settingsOf(options);
  const p = canonicalLockPath(path);
  if (s.signal?.aborted) throw abortError(s.signal);
  const again = reentrant(p, s);
  if (again) return again;
  const mine = heldHere(p);
  if (mine !== null) {
    throw new LockTimeoutError(
      p,
      s.timeoutMs,
      ownHolder(mine),
      'without waiting: this thread holds it, and a synchronous wait would block the only thread that can release it',
    );
  }
  const a = startAttempt(p, s);
  const start = monoNow();
  try {
    for (let n = 0, churn = 0, fast = 0; ; ) {
      if (s.signal?.aborted) throw abortError(s.signal);
      const r = tryOnce(a);
      if (r.kind === 'acquired') return r.lock;
      if (r.kind === 'retry' && ++churn < MAX_CHURN) continue;
      churn = 0;
      const left = s.timeoutMs - (monoNow() - start);
      if (left <= 0) throw timeoutError(a);
      const delay =
        r.kind !== 'wait'
          ? 2
          : (r.judgement.releasing || r.judgement.guardHeld || r.judgement.torn) && fast++ < FAST_RELEASE_LOOKS
            ? 2 + Math.random() * 3
            : backoff(n++, r.judgement.kernelJudged ? KERNEL_POLL_MS : 100);
      sleepSync(Math.min(delay, left));
    }
  } finally {
    discardTemp(a);
  }
}

/**
 * @internal `acquireLockSync` of a path taken exactly as given: no directory resolution. The
 * doctor passes paths through a pinned directory descriptor (`/proc/self/fd/<n>/<name>`), which
 * resolving would turn back into a path another user could swap.
 */
export function acquireLockSyncAt(p: string, options?: LockOptions): Lock {
  const s = settingsOf(options);
  const a = startAttempt(p, s);
  try {
    for (let churn = 0; ; ) {
      const r = tryOnce(a);
      if (r.kind === 'acquired') return r.lock;
      if (r.kind === 'retry' && ++churn < MAX_CHURN) continue;
      throw timeoutError(a);
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
