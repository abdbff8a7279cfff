/**
 * The `retries` option of proper-lockfile: a number of retries, or the options of the `retry`
 * package's `retry.operation()` (documented in its README, version 0.12, the one proper-lockfile
 * 4.x uses), written from that documentation:
 *
 * - `retries` (default 10 when an object is given), `factor` (2), `minTimeout` (1000 ms),
 *   `maxTimeout` (Infinity), `randomize` (false): the wait before retry `n` (0-based) is
 *   `Math.min(random * minTimeout * factor ** n, maxTimeout)`, rounded, `random` being 1, or a
 *   factor between 1 and 2 with `randomize`;
 * - `forever`: once the retries are used up, start over with the first wait;
 * - `unref`: the retry timers do not keep the process alive (by default they do, as a pending
 *   `lock()` should);
 * - `maxRetryTime`: no retry once this long has passed since the first attempt;
 * - an array of numbers: the waits themselves.
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
  /** Multiply each wait by a random factor between 1 and 2. Default false. */
  randomize?: boolean | undefined;
  /** Retry forever (the waits start over once used up). Default false. */
  forever?: boolean | undefined;
  /** The retry timers do not keep the process alive. Default false. */
  unref?: boolean | undefined;
  /** No retry after this many milliseconds since the first attempt. Default Infinity. */
  maxRetryTime?: number | undefined;
}

/** A retry schedule: the wait before each retry, or null when no retry is left. */
export interface Schedule {
  /** Whether any retry at all is allowed (the sync API refuses those that allow one). */
  readonly retrying: boolean;
  readonly unref: boolean;
  /** The wait (ms) before the next retry, or null: give up. `elapsedMs`: since the first attempt. */
  next(elapsedMs: number): number | null;
}

const NONE: Schedule = Object.freeze({ retrying: false, unref: false, next: () => null });

function num(o: Record<string, unknown>, k: string, dflt: number): number {
  const v = o[k];
  if (v === undefined || v === null) return dflt;
  const n = typeof v === 'number' ? v : NaN;
  if (Number.isNaN(n)) throw new TypeError(`options.retries.${k} must be a number, got ${describe(v)}`);
  return n;
}

/** The schedule of a `retries` option value (validated: TypeError/RangeError naming the field). */
export function scheduleOf(v: unknown): Schedule {
  if (v === undefined || v === null || v === false || v === 0) return NONE;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) throw new TypeError('options.retries must be a number or retry options, got NaN');
    return fromTimeouts(waits({ retries: Math.max(0, v) }), false, false, Infinity);
  }
  if (Array.isArray(v)) {
    const list = v.map((t, i) => {
      if (typeof t !== 'number' || Number.isNaN(t)) throw new TypeError(`options.retries[${i}] must be a number, got ${describe(t)}`);
      return Math.max(0, t);
    });
    return fromTimeouts(list, false, false, Infinity);
  }
  if (typeof v !== 'object') throw new TypeError(`options.retries must be a number or retry options, got ${describe(v)}`);
  const o = v as Record<string, unknown>;
  const maxRetryTime = num(o, 'maxRetryTime', Infinity);
  return fromTimeouts(waits(o), o.forever === true, o.unref === true, maxRetryTime);
}

function waits(o: Record<string, unknown>): number[] {
  const retries = num(o, 'retries', 10);
  const factor = num(o, 'factor', 2);
  const minTimeout = num(o, 'minTimeout', 1000);
  const maxTimeout = num(o, 'maxTimeout', Infinity);
  if (minTimeout > maxTimeout) throw new RangeError('options.retries: minTimeout is greater than maxTimeout');
  if (retries === Infinity) throw new RangeError('options.retries.retries must be finite (use forever: true)');
  const count = Math.max(0, Math.ceil(retries));
  const out: number[] = [];
  for (let n = 0; n < count; n++) {
    const random = o.randomize === true ? Math.random() + 1 : 1;
    out.push(Math.min(Math.round(random * Math.max(minTimeout, 1) * factor ** n), maxTimeout));
  }
  return out;
}

function fromTimeouts(list: number[], forever: boolean, unref: boolean, maxRetryTime: number): Schedule {
  if (list.length === 0) return unref ? { ...NONE, unref } : NONE;
  let i = 0;
  return {
    retrying: true,
    unref,
    next(elapsedMs: number): number | null {
      if (elapsedMs >= maxRetryTime) return null;
      if (i >= list.length) {
        if (!forever) return null;
        i = 0;
      }
      return list[i++];
    },
  };
}
