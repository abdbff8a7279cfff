/**
 * The `retries` option of proper-lockfile, read exactly as proper-lockfile 4.1.2 and its `retry`
 * dependency (0.12) read it (their source, not their documentation, is the contract):
 *
 * - proper-lockfile: an own `retries` (`{...options}`), falsy is 0, a number `n` is `{ retries: n }`,
 *   anything else goes to `retry.operation()` as it is;
 * - `retry.timeouts()`: the defaults `{ retries: 10, factor: 2, minTimeout: 1000, maxTimeout:
 *   Infinity, randomize: false }` overwritten by every enumerable key of the options (`for...in`:
 *   inherited keys too, and an `undefined` value overwrites); wait `i` (0-based, `i < retries`) is
 *   `Math.min(Math.round(random * minTimeout * Math.pow(factor, i)), maxTimeout)`, `random` 1, or
 *   `Math.random() + 1` when `randomize` is truthy; with a truthy `forever` and no wait, one wait
 *   (`i` at its final value); then the waits sorted ascending. An array is the waits themselves.
 * - `RetryOperation`: `forever`, `unref` truthy; `maxRetryTime` (falsy: Infinity); every failed
 *   attempt's error goes to `retry(err)`: past `maxRetryTime` since the first attempt, no retry
 *   (and an error "RetryOperation timeout occurred" goes first in the list); else the error is
 *   kept, and the next wait taken; none left: no retry, unless `forever`: the waits start over
 *   (and that attempt's error is dropped). At the end the caller gets `mainError()`: the error
 *   whose message is the most frequent, ties going to the later one.
 *
 * What pidproof refuses where stock would go on with nonsense (safer, never different otherwise):
 * a field that is neither a number nor null/undefined (a TypeError naming it), an infinite
 * `retries` (a RangeError: stock loops for ever building its waits), and `minTimeout` greater
 * than `maxTimeout` is a RangeError rejected by `lock()` (stock throws it from inside an `fs`
 * callback: an uncaught exception). The list of errors is kept as counts (what `mainError()`
 * needs), so a `forever` wait does not grow a list of errors without end as stock's does.
 */
import { describe } from '../validate';

/** The `retry` package's operation options, as `@types/retry` names them (`OperationOptions`). */
export interface RetryOptions {
  /** How many times to retry after the first attempt. Default 10 (a number `retries` option: that number). */
  retries?: number | undefined;
  /** The exponential factor. Default 2. */
  factor?: number | undefined;
  /** Milliseconds before the first retry. Default 1000. */
  minTimeout?: number | undefined;
  /** Longest wait between two retries (ms). Default Infinity. */
  maxTimeout?: number | undefined;
  /** Multiply each wait by a random factor between 1 and 2 (the waits are then sorted ascending). Default false. */
  randomize?: boolean | undefined;
  /** Retry forever (the waits start over once used up). Default false. */
  forever?: boolean | undefined;
  /** The retry timers do not keep the process alive. Default false. */
  unref?: boolean | undefined;
  /** No retry after this many milliseconds since the first attempt. Default Infinity. */
  maxRetryTime?: number | undefined;
}

/** One `lock()` call's retries: stock's `RetryOperation` (a fresh one per call). */
export interface Operation {
  readonly unref: boolean;
  /**
   * An attempt failed with `err`, `elapsedMs` after the first attempt began: the wait (ms, at
   * least 0) before the next attempt, or null: give up with `mainError()`.
   */
  retry(err: Error, elapsedMs: number): number | null;
  /** The error to reject with once `retry()` said null (stock's `operation.mainError()`). */
  mainError(): Error | null;
}

type Num = number | null | undefined;

/** A numeric field as stock uses it: a number, or null/undefined (JavaScript's arithmetic then: 0 / NaN). */
function num(v: unknown, name: string): Num {
  if (v === undefined || v === null || typeof v === 'number') return v;
  throw new TypeError(`${name} must be a number, got ${describe(v)}`);
}

/** retry@0.12's `createTimeout(attempt, opts)`. */
function createTimeout(attempt: number, o: { factor: Num; minTimeout: Num; maxTimeout: Num; randomize: unknown }): number {
  const random = o.randomize ? Math.random() + 1 : 1;
  // JavaScript's own coercions (null is 0, undefined NaN), as stock computes it.
  const timeout = Math.round(random * (o.minTimeout as number) * Math.pow(o.factor as number, attempt));
  return Math.min(timeout, o.maxTimeout as number);
}

/**
 * retry@0.12's `timeouts(options)` for an object (validated: TypeError/RangeError naming the
 * field). Exported for the tests, which compare it with retry's own.
 */
export function timeouts(options: object): number[] {
  const opts: Record<string, unknown> = { retries: 10, factor: 2, minTimeout: 1000, maxTimeout: Infinity, randomize: false };
  for (const key in options) opts[key] = (options as Record<string, unknown>)[key];
  const o = {
    retries: num(opts.retries, 'options.retries.retries'),
    factor: num(opts.factor, 'options.retries.factor'),
    minTimeout: num(opts.minTimeout, 'options.retries.minTimeout'),
    maxTimeout: num(opts.maxTimeout, 'options.retries.maxTimeout'),
    randomize: opts.randomize,
  };
  if ((o.minTimeout as number) > (o.maxTimeout as number)) {
    throw new RangeError('options.retries: minTimeout is greater than maxTimeout');
  }
  if (o.retries === Infinity) throw new RangeError('options.retries.retries must be finite (use forever: true)');
  const out: number[] = [];
  let i = 0;
  for (; i < (o.retries as number); i++) out.push(createTimeout(i, o));
  if ((options as { forever?: unknown }).forever && out.length === 0) out.push(createTimeout(i, o));
  out.sort((a, b) => a - b);
  return out;
}

interface Tally {
  count: number;
  /** The latest error with this message (what `mainError()` picks among equals). */
  last: Error;
  /** Its position in stock's list of errors (-1: put first). */
  at: number;
}

const TIMEOUT_MESSAGE = 'RetryOperation timeout occurred';

class RetryOperation implements Operation {
  private waits: number[];
  private readonly cached: number[] | null;
  private readonly tallies = new Map<string, Tally>();
  private pushed = 0;
  private timedOut: Error | null = null;

  constructor(
    waits: number[],
    forever: boolean,
    readonly unref: boolean,
    private readonly maxRetryTime: number,
  ) {
    this.waits = waits;
    this.cached = forever ? waits.slice() : null;
  }

  retry(err: Error, elapsedMs: number): number | null {
    if (elapsedMs >= this.maxRetryTime) {
      this.timedOut = new Error(TIMEOUT_MESSAGE);
      return null;
    }
    let wait = this.waits.shift();
    if (wait === undefined) {
      if (this.cached === null) {
        this.keep(err);
        return null;
      }
      // Stock pushes this error, then drops it (forever: "only keep last error"): nothing kept.
      this.waits = this.cached.slice();
      wait = this.waits.shift();
    } else {
      this.keep(err);
    }
    // setTimeout's reading of what retry hands it: NaN, undefined or negative is the shortest wait.
    return typeof wait === 'number' && wait > 0 ? wait : 0;
  }

  private keep(err: Error): void {
    // Stock counts in an object keyed by the message (so a key is its string form).
    const message = String((err as { message?: unknown } | null)?.message);
    const t = this.tallies.get(message);
    if (t === undefined) this.tallies.set(message, { count: 1, last: err, at: this.pushed });
    else {
      t.count++;
      t.last = err;
      t.at = this.pushed;
    }
    this.pushed++;
  }

  mainError(): Error | null {
    // Stock's scan of its list (counts by message, `>=`): the message with the highest count
    // wins; among those, the one whose last occurrence is latest; its last occurrence is returned.
    const tallies = [...this.tallies.entries()].map(([message, t]) => ({ message, ...t }));
    if (this.timedOut !== null) {
      // Put first in the list: one more of its message, never the latest of it.
      const same = tallies.find((t) => t.message === TIMEOUT_MESSAGE);
      if (same) same.count++;
      else tallies.push({ message: TIMEOUT_MESSAGE, count: 1, last: this.timedOut, at: -1 });
    }
    let best: Tally | null = null;
    for (const t of tallies) {
      if (best === null || t.count > best.count || (t.count === best.count && t.at > best.at)) best = t;
    }
    return best === null ? null : best.last;
  }
}

/** No retry (`retries` falsy): the attempt's error as it is. */
function noRetry(): Operation {
  let error: Error | null = null;
  return {
    unref: false,
    retry(err) {
      error = err;
      return null;
    },
    mainError: () => error,
  };
}

/** The retry operation of a `retries` option value, as proper-lockfile makes it (validated: TypeError/RangeError naming the field). */
export function operationOf(v: unknown): Operation {
  // proper-lockfile: `options.retries || 0`, then a number n is { retries: n }.
  if (!v) return noRetry();
  if (typeof v === 'number') {
    if (v === Infinity) throw new RangeError('options.retries must be finite (use { forever: true })');
    return new RetryOperation(timeouts({ retries: v }), false, false, Infinity);
  }
  if (typeof v !== 'object') throw new TypeError(`options.retries must be a number or retry options, got ${describe(v)}`);
  const o = v as Record<string, unknown>;
  let list: number[];
  if (Array.isArray(v)) {
    list = v.map((t, i) => {
      if (typeof t !== 'number' || Number.isNaN(t)) throw new TypeError(`options.retries[${i}] must be a number, got ${describe(t)}`);
      return t;
    });
  } else {
    list = timeouts(o);
  }
  const mrt = o.maxRetryTime;
  if (mrt && typeof mrt !== 'number') throw new TypeError(`options.retries.maxRetryTime must be a number, got ${describe(mrt)}`);
  // retry: `options.maxRetryTime || Infinity` (0, NaN: no limit).
  const maxRetryTime = (mrt as number) || Infinity;
  // Even without a wait, maxRetryTime counts: a first attempt that fails past it gives stock's
  // "RetryOperation timeout occurred".
  return new RetryOperation(list, Boolean(o.forever), Boolean(o.unref), maxRetryTime);
}
