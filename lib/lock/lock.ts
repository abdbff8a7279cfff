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
 * - `waiter.ts`   — waiting without a busy loop (exit watch, directory watch, backoff);
 * - `files.ts`    — file primitives: kernel locks, symlink-safe opens, the guard;
 * - `inspect.ts`, `doctor.ts` — read-only inspection and the directory doctor.
 */
import { abortError, backoff, discardTemp, startAttempt, timeoutError, tryOnce } from './attempt';
import { sleepSync } from './files';
import { type Lock, reentrant } from './holding';
import { canonicalLockPath, type LockOptions, settingsOf } from './options';
import { monoNow } from './payload';
import { describe } from '../validate';
import { Waiter } from './waiter';

export type { Lock } from './holding';
export type { LockOptions } from './options';

/** Immediate re-attempts after the lock file changed under us, before waiting like any other. */
const MAX_CHURN = 16;
/**
 * Quick looks (2-5 ms apart, about 100 ms in all) at a lock whose holder is proven gone while its
 * kernel lock is still held: the kernel drops it once the dead holder's last thread has exited
 * (Windows: "when resources allow"). After that the usual backoff: something else holds it.
 */
const FAST_RELEASE_LOOKS = 25;
/**
 * Longest poll of a lock held from another PID namespace of this kernel: its holder cannot be
 * pinned from here, but its kernel lock is released the moment it dies, so a look every 10 ms
 * (~60 µs of work each) bounds the recovery after a container's holder is killed.
 */
const KERNEL_POLL_MS = 10;

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
    for (let n = 0, churn = 0, fast = 0; ; ) {
      if (s.signal?.aborted) throw abortError(s.signal);
      const r = tryOnce(a);
      if (r.kind === 'acquired') return r.lock;
      // The file changed under us: look again at once, but never spin (MAX_CHURN, then wait).
      if (r.kind === 'retry' && ++churn < MAX_CHURN) continue;
      churn = 0;
      const left = s.timeoutMs - (monoNow() - start);
      if (left <= 0) throw timeoutError(a);
      const pinned = waiter.prepare(r.kind === 'wait' ? r.judgement : null);
      // An exit watch wakes us when a pinned holder dies: the poll is a safety net. Without one (a
      // holder in another PID namespace of this kernel, a legacy record) it is the wake-up. A dead
      // holder whose kernel lock is still being released, whose replacement guard another
      // contender holds, or whose payload read torn is looked at again within milliseconds (then
      // the backoff).
      const delay =
        r.kind !== 'wait'
          ? 1 + Math.random() * 4
          : (r.judgement.releasing || r.judgement.guardHeld || r.judgement.torn) && fast++ < FAST_RELEASE_LOOKS
            ? 2 + Math.random() * 3
            : backoff(n++, pinned ? 200 : r.judgement.kernelJudged ? KERNEL_POLL_MS : 50);
      await waiter.wait(Math.min(delay, left), s.signal);
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
