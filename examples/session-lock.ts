/**
 * An OpenClaw-style session write lock.
 *
 * One lock file per session transcript (`<session>.jsonl.lock`), held only while a message is
 * appended, with a hold limit so that a hung writer cannot block the session for ever, and a
 * startup sweep that clears the locks left by crashed processes (the previous run, a container
 * restart, a reboot) without delaying the start.
 *
 * pidproof reads the old OpenClaw lock files (`{pid, createdAt, starttime}`) and judges them
 * with the same rules: a dead or recycled PID is reclaimed at once, a live one never.
 *
 *   node session-lock.js <sessions dir> <session id> <message...>
 *
 * Prints one JSON line per event: `sweep` (what the startup sweep found and removed) and
 * `appended` (with what was reclaimed to take the lock, if anything).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { type DoctorSummary, type Lock, LockTimeoutError, scanLocks, summarizeLocks, withLock } from 'pidproof';

/** The longest one append may hold its session's lock. Past it pidproof releases the lock and
 * aborts `lock.signal`, and another writer may take it, even if this process is hung. */
const MAX_HOLD_MS = 30_000;
/** How long a writer waits for a session another writer holds. */
const WAIT_MS = 10_000;

const log = (event: string, fields: Record<string, unknown>) => console.log(JSON.stringify({ event, ...fields }));

/** Appends one entry to a session transcript, holding the session's lock meanwhile. */
export async function appendToSession(dir: string, sessionId: string, entry: Record<string, unknown>): Promise<Lock['reclaimed']> {
  const transcript = path.join(dir, `${sessionId}.jsonl`);
  return withLock(
    `${transcript}.lock`,
    async (lock) => {
      const line = JSON.stringify({ ...entry, at: new Date().toISOString(), pid: process.pid }) + '\n';
      // Lost the lock (held past MAX_HOLD_MS, or broken by another process)? Then stop: another
      // writer may be appending now.
      lock.signal.throwIfAborted();
      await fs.appendFile(transcript, line);
      return lock.reclaimed;
    },
    { timeoutMs: WAIT_MS, maxHoldMs: MAX_HOLD_MS },
  );
}

/**
 * The startup sweep: removes the session locks whose holders are provably gone (dead, recycled,
 * zombie, previous boot, past their hold limit), each through the same race-free reclaim an
 * acquire uses; keeps live, foreign and unreadable ones. Cancelled by `signal`.
 */
export async function sweepSessionLocks(dir: string, signal: AbortSignal): Promise<DoctorSummary> {
  const entries = await scanLocks(dir, { pattern: '*.jsonl.lock', fix: true, signal });
  return summarizeLocks(entries);
}

async function main(): Promise<void> {
  const [dir, sessionId, ...words] = process.argv.slice(2);
  if (!dir || !sessionId || words.length === 0) {
    console.error('usage: node session-lock.js <sessions dir> <session id> <message...>');
    process.exit(2);
  }
  // In the background: the start never waits for the sweep, and a slow disk cannot hold it up
  // for more than 30 s.
  const sweep = sweepSessionLocks(dir, AbortSignal.timeout(30_000)).then(
    (s) => log('sweep', { locks: s.locks, live: s.live, removed: s.removed, unknown: s.unknown }),
    (err: Error) => log('sweep-failed', { message: err.message }),
  );
  try {
    const reclaimed = await appendToSession(dir, sessionId, { role: 'user', text: words.join(' ') });
    log('appended', { session: sessionId, reclaimed: reclaimed?.staleReasons ?? null });
  } catch (err) {
    if (!(err instanceof LockTimeoutError)) throw err;
    // Who holds it, and why it was not taken: a live writer, or one pidproof cannot judge.
    log('busy', { session: sessionId, holder: err.holder?.payload?.pid ?? null, verdict: err.holder?.verdict ?? null });
    process.exitCode = 1;
  }
  await sweep;
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 2;
  });
}
