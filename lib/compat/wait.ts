/**
 * The wait between two attempts of `lock()` with `retries`: proper-lockfile's retry schedule,
 * cut short the moment pidproof proves the recorded holder gone, so a crashed holder's lock is
 * taken in milliseconds rather than at the next scheduled retry (seconds) or after `stale`.
 *
 * - A holder this process can pin (same host, boot and PID namespace): its exit is watched
 *   through the kernel (pidfd / kqueue / process handle, `watchProcess`), no polling.
 * - A holder in another PID namespace of this kernel, or one that cannot be pinned: the
 *   directory's record and flock are looked at every 10 ms (about 10 µs a look).
 * - A stock holder (no record): the schedule alone, as stock.
 *
 * The exit watch and the poll never keep the process alive; the retry timer does unless the
 * retry options say `unref` (as stock's `retry` timers).
 */
import { lstatOrNull } from '../lock/files';
import { payloadIdentity } from '../lock/payload';
import { type ProcessWatch, watchProcess } from '../watch';
import { type DirState, inspectDir } from './dir-record';

/** How often a holder that cannot be pinned is looked at while waiting (ms). */
const POLL_MS = 10;

/** Has the holder seen in `last` gone (or the directory gone) since? */
function goneSince(lockPath: string): boolean {
  let st;
  try {
    st = lstatOrNull(lockPath);
  } catch {
    return false;
  }
  if (st === null) return true;
  const d = inspectDir(lockPath, st);
  return d.kind === 'gone' || d.kind === 'releasing';
}

/** Waits `ms` (the retry schedule), or until pidproof proves the holder seen in `last` gone. */
export function waitForRetry(ms: number, unref: boolean, lockPath: string, last: DirState | null, done: () => void): void {
  let finished = false;
  let watch: ProcessWatch | null = null;
  let poll: NodeJS.Timeout | null = null;
  const finish = () => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    if (poll !== null) clearInterval(poll);
    watch?.close();
    done();
  };
  const timer = setTimeout(finish, Math.min(Math.max(0, ms), 2 ** 31 - 1));
  if (unref) timer.unref();
  if (last === null || last.kind !== 'held') return;
  if (!last.kernelJudged) {
    try {
      watch = watchProcess(payloadIdentity(last.payload));
    } catch {
      watch = null; // cannot be pinned (another PID namespace, nothing to compare): poll
    }
  }
  if (watch !== null && watch.mechanism === 'pinned') {
    const w = watch;
    w.exited().then(finish, () => undefined);
    return;
  }
  watch?.close();
  watch = null;
  poll = setInterval(() => {
    if (goneSince(lockPath)) finish();
  }, POLL_MS);
  poll.unref();
}
