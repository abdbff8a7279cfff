/**
 * Process-wide cleanup: when this process exits or is ended by a signal, every lock it holds is
 * released, so a lock file never outlives its holder by more than the kernel needs to drop the
 * kernel lock. The holdings registry (`holding.ts`) hands in the function that releases them all;
 * this module owns only the listeners and their lifetime.
 *
 * Signals. Alone, pidproof releases every lock and re-raises the signal, so the process dies of it
 * as it would have without pidproof. With another listener the application decides: it may keep
 * running (a graceful drain inside the critical section), so nothing is released behind its back;
 * its own `lock.release()`, or the 'exit' listener when it exits, releases.
 *
 * PID 1. The kernel does not deliver a signal to the init process of a PID namespace (a container
 * started without `--init`) unless it has a handler, so without pidproof `docker stop`'s SIGTERM is
 * ignored and the process keeps running (until the SIGKILL that follows). A releasing handler there
 * would release the lock and then re-raise a signal the kernel ignores: the process would go on
 * running its critical section without its lock. So as PID 1 pidproof installs no signal handler
 * at all: a signal does to the process exactly what it would do without pidproof, and the lock
 * stays held for as long as the process runs (the kernel drops it when the process dies). In every
 * other case, if the re-raised signal still leaves the process running (a disposition pidproof could
 * not foresee), it exits with the conventional status 128 + signal number rather than run on
 * without the locks it held.
 */
import os from 'node:os';
// From perf_hooks, not the global: test runners' sandboxes (jest 24's node environment) lack the global.
import { performance } from 'node:perf_hooks';

const CLEANUP_SIGNALS: NodeJS.Signals[] =
  process.platform === 'win32'
    ? ['SIGINT', 'SIGHUP', 'SIGBREAK' as NodeJS.Signals]
    : ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGABRT'];

/**
 * The exit and signal listeners outlive the last release by up to CLEANUP_LINGER_MS: adding and
 * removing them costs five libuv signal handles (~50 syscalls) per acquisition, 10-20% of an
 * uncontended acquire+release. While they linger and nothing is held, a signal still ends the
 * process as before (`onSignal`: nothing to release, pidproof alone re-raises it).
 */
const CLEANUP_LINGER_MS = 1000;

/** What releases all held locks, per user of this module (the lock core; the proper-lockfile drop-in). */
const releasers = new Map<string, () => void>();
let installed = false;
let lingerTimer: NodeJS.Timeout | undefined;
/** performance.now() at the last release that left nothing held. */
let idleSince = 0;
/** Per user: is nothing held? The listeners go only when every user is idle. */
const idleChecks = new Map<string, () => boolean>();
const allIdle = (): boolean => [...idleChecks.values()].every((c) => c()) && idleChecks.size >= releasers.size;
function releaseAll(): void {
  for (const r of [...releasers.values()]) r();
}
const signalHandlers = new Map<NodeJS.Signals, () => void>();

/** Whether pidproof installs releasing signal handlers in this process (never as PID 1). */
export function releasesOnSignals(): boolean {
  return process.pid !== 1;
}

function onExit(): void {
  releaseAll();
}

function onSignal(sig: NodeJS.Signals): void {
  if (process.listenerCount(sig) !== 1) return;
  releaseAll();
  uninstallCleanup();
  process.kill(process.pid, sig);
  // Still running: the re-raised signal was ignored or blocked. Never run on without the locks.
  const n = os.constants.signals[sig] ?? 0;
  process.exit(128 + n);
}

/**
 * Installs the exit listener and (unless PID 1) the signal listeners; `release` releases all of
 * `owner`'s locks (one listener set serves every owner: two would each see the other as the
 * application's listener and neither would re-raise the signal).
 */
export function installCleanup(release: () => void, owner = 'lock'): void {
  releasers.set(owner, release);
  // A pending linger timer stays: when it fires it finds something held and does nothing.
  if (installed) return;
  installed = true;
  process.on('exit', onExit);
  if (!releasesOnSignals()) return;
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
 * Nothing is held any more: remove the listeners once nothing has been held for the linger delay.
 * One timer serves any number of acquire/release cycles (a timer per release costs more than the
 * listeners it saves): when it fires it re-arms for what is left of the delay since the last
 * release, or does nothing while something is held (the next release arms it again).
 */
export function scheduleUninstall(stillIdle: () => boolean, owner = 'lock'): void {
  if (!installed) return;
  idleSince = performance.now();
  idleChecks.set(owner, stillIdle);
  if (!lingerTimer) armLinger(CLEANUP_LINGER_MS);
}

function armLinger(ms: number): void {
  lingerTimer = setTimeout(() => {
    lingerTimer = undefined;
    if (!installed || !allIdle()) return;
    const left = CLEANUP_LINGER_MS - (performance.now() - idleSince);
    if (left > 0) armLinger(left);
    else uninstallCleanup();
  }, Math.max(1, Math.ceil(ms)));
  lingerTimer.unref();
}

function uninstallCleanup(): void {
  if (lingerTimer) {
    clearTimeout(lingerTimer);
    lingerTimer = undefined;
  }
  if (!installed) return;
  installed = false;
  process.removeListener('exit', onExit);
  for (const [sig, h] of signalHandlers) process.removeListener(sig, h);
  signalHandlers.clear();
}
