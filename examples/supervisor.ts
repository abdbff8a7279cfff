/**
 * A supervisor: runs a program, waits for that exact process to exit with `watchExit`, restarts it.
 *
 * With `--lock <file>` the program is a daemon that takes that lock (see daemon.ts). A supervisor
 * that starts while the daemon already runs (it was restarted itself, or the daemon was started by
 * hand) adopts it instead of starting a second one: it watches the holder recorded in the lock,
 * pinned to its identity, which a child's 'exit' event cannot do for a process that is not its
 * child, and which a recycled PID cannot fool (`kill(pid, 0)` polling can).
 *
 *   node supervisor.js [--lock <file>] [--restarts N] -- <command> [args...]
 *
 * Prints one JSON line per event: `adopted`, `spawned`, `exited`, `restarting`, `gave-up`,
 * `stopped`. SIGTERM or SIGINT stops the supervisor and what it supervises (SIGTERM, then it
 * waits for that process's exit).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { AbortError, type ExitInfo, inspectLock, type ProcessIdentity, watchExit, watchProcess } from 'pidproof';

const log = (event: string, fields: Record<string, unknown> = {}) => console.log(JSON.stringify({ event, ...fields }));

/** The live holder of a pidproof lock, as a record to pin a watch to; null when there is none. */
function liveHolder(lockPath: string): ProcessIdentity | null {
  const i = inspectLock(lockPath);
  if (!i.exists || i.format !== 'pidproof' || i.verdict !== 'alive' || i.reclaimable) return null;
  const h = i.holder as Record<string, unknown>;
  // The recorded identity: watchExit compares it with whatever holds the PID now.
  return {
    v: 1,
    pid: h.pid as number,
    platform: h.platform as NodeJS.Platform,
    startToken: h.startToken as string | null,
    startTokenUnit: h.startTokenUnit as ProcessIdentity['startTokenUnit'],
    uniqueId: h.uniqueId as string | null,
    uniqueIdKind: h.uniqueIdKind as ProcessIdentity['uniqueIdKind'],
    startTimeMs: h.startTimeMs as number | null,
    bootId: h.bootId as string | null,
    pidNamespace: h.pidNamespace as string | null,
    hostname: h.hostname as string,
    ppid: null,
    state: null,
    access: 'full',
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { lock: { type: 'string' }, restarts: { type: 'string', default: '5' } },
  });
  const maxRestarts = Number(values.restarts);
  if (positionals.length === 0 || !Number.isInteger(maxRestarts) || maxRestarts < 0) {
    console.error('usage: node supervisor.js [--lock <file>] [--restarts N] -- <command> [args...]');
    process.exit(2);
  }
  const [command, ...args] = positionals;
  const stop = new AbortController();
  for (const sig of ['SIGTERM', 'SIGINT'] as const) process.on(sig, () => stop.abort(sig));

  let child: ChildProcess | null = null;
  let adopted: ProcessIdentity | null = null;
  let restarts = 0;
  while (!stop.signal.aborted) {
    // Adopt a running instance, or start one.
    let target: ProcessIdentity | number;
    adopted = values.lock !== undefined ? liveHolder(values.lock) : null;
    if (adopted !== null) {
      child = null;
      target = adopted; // the recorded identity: a recycled PID never passes for it
      log('adopted', { pid: adopted.pid });
    } else {
      child = spawn(command, args, { stdio: 'inherit' });
      // spawn() returns once the program runs (or failed to start: no pid).
      if (child.pid === undefined) throw new Error(`cannot start ${command}`);
      target = child.pid; // watchExit pins it to this very process at once
      log('spawned', { pid: child.pid, restarts });
    }
    let info: ExitInfo;
    try {
      info = await watchExit(target, { signal: stop.signal, ref: true });
    } catch (err) {
      if (err instanceof AbortError) break; // stopping
      throw err;
    }
    log('exited', { pid: info.pid, reason: info.reason, afterMs: Math.round(info.waitedMs) });
    if (restarts >= maxRestarts) {
      log('gave-up', { restarts });
      process.exitCode = 1;
      return;
    }
    restarts++;
    const delayMs = Math.min(100 * 2 ** (restarts - 1), 5000); // backoff: a crash loop must not spin
    log('restarting', { inMs: delayMs });
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  // Stopping: ask what we supervise to stop, and wait for that exact process to exit.
  if (child !== null && child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  } else if (adopted !== null) {
    // Not our child: pin it first, then signal its PID only while the pinned handle says it is
    // still that process (a recycled PID would make isAlive() false).
    using w = watchProcess(adopted, { ref: true });
    if (w.isAlive()) {
      process.kill(w.pid, 'SIGTERM');
      await w.exited();
    }
  }
  log('stopped', { reason: String(stop.signal.reason) });
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 2;
  });
}
