/**
 * A daemon's single-instance lock: a PID file that cannot lie.
 *
 * A classic PID file says "PID 4242 runs me". After a crash or a reboot, PID 4242 soon names some
 * other process and `kill(4242, 0)` says alive: the daemon refuses to start, or a script kills the
 * wrong process. A pidproof lock records who the process was (start token, unique id, boot): a
 * second instance is refused while the first lives, and the file of a crashed instance is taken
 * over at once. `pidproof inspect <lockfile>` tells an operator who runs.
 *
 *   node daemon.js <lockfile>
 *
 * Prints one JSON line per event: `started` (with what was reclaimed, if anything),
 * `already-running` (exit 1), `stopped` (after SIGTERM or SIGINT: exit 0).
 */
import { once } from 'node:events';
import { acquireLock, type Lock, LockTimeoutError } from 'pidproof';

const log = (event: string, fields: Record<string, unknown> = {}) => console.log(JSON.stringify({ event, pid: process.pid, ...fields }));

async function main(): Promise<void> {
  const lockPath = process.argv[2];
  if (!lockPath) {
    console.error('usage: node daemon.js <lockfile>');
    process.exit(2);
  }
  let lock: Lock;
  try {
    // timeoutMs 0: one attempt, no waiting; a second instance exits at once.
    // maxHoldMs Infinity: a daemon holds its lock for its whole life (the default is 5 minutes).
    lock = await acquireLock(lockPath, { timeoutMs: 0, maxHoldMs: Infinity });
  } catch (err) {
    if (!(err instanceof LockTimeoutError)) throw err;
    // `verdict` is `alive` for a running instance; `unknown` for a PID that is alive but that
    // nothing proves is ours (a bare PID file of another program): pidproof never guesses.
    log('already-running', { holder: err.holder?.payload?.pid ?? null, verdict: err.holder?.verdict ?? null });
    process.exitCode = 1;
    return;
  }
  log('started', { lock: lock.path, reclaimed: lock.reclaimed?.staleReasons ?? null });

  // With a SIGTERM listener of its own, the application decides when to let go (pidproof releases
  // nothing behind its back): finish the work, then release, then exit.
  const stop = new AbortController();
  for (const sig of ['SIGTERM', 'SIGINT'] as const) process.on(sig, () => stop.abort(sig));
  const work = setInterval(() => {
    // ... the daemon's work ...
  }, 1000);
  // The lock can also be lost (someone deleted the file): stop then too, never run twice.
  await Promise.race([once(stop.signal, 'abort'), once(lock.signal, 'abort')]);
  clearInterval(work);
  await lock.release();
  log('stopped', { reason: stop.signal.aborted ? String(stop.signal.reason) : 'lock lost' });
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 2;
  });
}
