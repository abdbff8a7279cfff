/**
 * `onAbort(signal, fn)`: one 'abort' listener per AbortSignal, however many operations share it.
 *
 * Node warns (`MaxListenersExceededWarning: ... 11 abort listeners added to [AbortSignal]`) when
 * an EventTarget gets more than ten listeners of one type. Passing one signal (a shutdown signal,
 * `AbortSignal.timeout()`) to many watches and acquires at once is normal use, so pidproof never
 * adds a listener per operation: the first subscription on a signal adds one listener that runs
 * every subscriber, in subscription order; the last unsubscription removes it.
 */

interface Subscribers {
  readonly fns: Set<{ fn: () => void }>;
  readonly listener: () => void;
}

const bySignal = new WeakMap<AbortSignal, Subscribers>();

/**
 * Calls `fn` once when `signal` aborts (on the next microtask when it already has). Returns the
 * unsubscribe function (idempotent; a no-op once `fn` ran). A throwing `fn` does not stop the
 * others: its error is rethrown on its own tick, as an EventTarget listener's would be.
 */
export function onAbort(signal: AbortSignal, fn: () => void): () => void {
  const entry = { fn };
  if (signal.aborted) {
    let cancelled = false;
    queueMicrotask(() => {
      if (!cancelled) fn();
    });
    return () => {
      cancelled = true;
    };
  }
  let subs = bySignal.get(signal);
  if (subs === undefined) {
    const fns = new Set<{ fn: () => void }>();
    const listener = () => {
      bySignal.delete(signal);
      const all = [...fns];
      fns.clear();
      for (const e of all) {
        try {
          e.fn();
        } catch (err) {
          process.nextTick(() => {
            throw err;
          });
        }
      }
    };
    subs = { fns, listener };
    bySignal.set(signal, subs);
    signal.addEventListener('abort', listener, { once: true });
  }
  const s = subs;
  s.fns.add(entry);
  return () => {
    if (!s.fns.delete(entry) || s.fns.size > 0) return;
    signal.removeEventListener('abort', s.listener);
    if (bySignal.get(signal) === s) bySignal.delete(signal);
  };
}
