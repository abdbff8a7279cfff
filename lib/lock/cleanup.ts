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
 */
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

let releaseAll: (() => void) | null = null;
let installed = false;
let lingerTimer: NodeJS.Timeout | undefined;
const signalHandlers = new Map<NodeJS.Signals, () => void>();

function onExit(): void {
  releaseAll?.();
}

function onSignal(sig: NodeJS.Signals): void {
  if (process.listenerCount(sig) !== 1) return;
  releaseAll?.();
  uninstallCleanup();
  process.kill(process.pid, sig);
}

/** Installs the exit listener and (unless PID 1) the signal listeners; `release` releases all. */
export function installCleanup(release: () => void): void {
  releaseAll = release;
  if (lingerTimer) {
    clearTimeout(lingerTimer);
    lingerTimer = undefined;
  }
  if (installed) return;
  installed = true;
  process.on('exit', onExit);
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

/** Nothing is held any more: remove the listeners after the linger delay (if still idle). */
export function scheduleUninstall(stillIdle: () => boolean): void {
  if (!installed || lingerTimer) return;
  lingerTimer = setTimeout(() => {
    lingerTimer = undefined;
    if (stillIdle()) uninstallCleanup();
  }, CLEANUP_LINGER_MS);
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
