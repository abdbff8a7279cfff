/**
 * Errors shared by every layer above the binding (identity, watch, lock, cli). Each layer's own
 * errors live with it (`WatchError` in watch.ts, the lock errors in lock/errors.ts).
 */

/**
 * An operation was cancelled through its `options.signal`: `watchExit`, `ProcessWatch.exited`,
 * `acquireLock`, `acquireLockSync`, `withLock`, `scanLocks`, `fixLocks`. One class everywhere,
 * shaped like Node's own AbortError (`name` `'AbortError'`, `code` `'ABORT_ERR'`); `cause` is the
 * signal's reason (`AbortSignal.timeout()` gives a `TimeoutError` DOMException there).
 */
export class AbortError extends Error {
  readonly code = 'ABORT_ERR';
  override name = 'AbortError';
  constructor(message = 'The operation was aborted', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The AbortError for `signal` (aborted), saying what was aborted: `The ${what} was aborted`. */
export function abortErrorFor(signal: AbortSignal, what = 'operation'): AbortError {
  return new AbortError(`The ${what} was aborted`, { cause: signal.reason });
}
