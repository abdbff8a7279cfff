/** Argument checks shared by every layer: errors name the argument and say what was given. */

/** A short description of a value for error messages. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'bigint') return `bigint ${v}n`;
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  if (typeof v === 'number') return `number ${v}`;
  if (Array.isArray(v)) return 'an array';
  return typeof v;
}

export const MAX_PID = 2147483647;

/** A PID: an integer in [1, 2^31-1]. TypeError for non-integers, RangeError out of range. */
export function assertPid(v: unknown, name = 'pid'): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new TypeError(`${name} must be an integer, got ${describe(v)}`);
  }
  if (v < 1 || v > MAX_PID) {
    throw new RangeError(`${name} must be between 1 and ${MAX_PID}, got ${v}`);
  }
  return v;
}

/** A plain object (not null, not an array). */
export function assertObject(v: unknown, name: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new TypeError(`${name} must be an object, got ${describe(v)}`);
  }
  return v as Record<string, unknown>;
}

/** Optional string or null. */
export function optString(o: Record<string, unknown>, key: string, owner: string): string | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new TypeError(`${owner}.${key} must be a string, got ${describe(v)}`);
  return v;
}

/** Optional finite number or null. */
export function optFinite(o: Record<string, unknown>, key: string, owner: string): number | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new TypeError(`${owner}.${key} must be a finite number, got ${describe(v)}`);
  }
  return v;
}

/** A non-negative number of milliseconds; `Infinity` only when allowed. */
export function assertMs(v: unknown, name: string, allowInfinity: boolean): number {
  if (typeof v !== 'number' || Number.isNaN(v)) {
    throw new TypeError(`${name} must be a number of milliseconds, got ${describe(v)}`);
  }
  if (v === Infinity && allowInfinity) return v;
  if (!Number.isFinite(v) || v < 0) {
    throw new RangeError(
      `${name} must be a non-negative finite number${allowInfinity ? ' or Infinity' : ''}, got ${v}`,
    );
  }
  return v;
}

/** Levenshtein distance, for "did you mean" suggestions on option names. */
function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** The known name closest to `name` (case-insensitive edit distance), or null when none is close. */
export function nearestName(name: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  const lower = name.toLowerCase();
  for (const k of known) {
    const kl = k.toLowerCase();
    // A known name that contains the given one (`timeout` -> `timeoutMs`) is a near miss too.
    const d = kl.startsWith(lower) || lower.startsWith(kl) ? Math.abs(kl.length - lower.length) / 4 : editDistance(lower, kl);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : null;
}

/**
 * Options objects accept only the names they document: a typo (`timeout` for `timeoutMs`) would
 * otherwise be silently ignored in plain JavaScript. TypeError naming the option and the nearest
 * valid name. Properties whose value is `undefined` are ignored (spreads of optional fields).
 */
export function assertKnownOptions(o: Record<string, unknown>, known: readonly string[], owner = 'options'): void {
  for (const k of Object.keys(o)) {
    if (known.includes(k) || o[k] === undefined) continue;
    const near = nearestName(k, known);
    throw new TypeError(
      `${owner}.${k} is not a known option${near ? `; did you mean ${owner}.${near}?` : ''} ` +
        `(known: ${known.join(', ')})`,
    );
  }
}

const U64_MAX = 18446744073709551615n;
const DECIMAL_RE = /^(0|[1-9]\d{0,19})$/;

/**
 * A 64-bit decimal string (a start token or a unique id): digits without leading zeros (`0`
 * itself allowed), at most 20 of them, at most 18446744073709551615. The one rule every entry
 * point applies (native/addon.cc applies the same one to what crosses into C++).
 */
export function isDecimalU64(v: unknown): v is string {
  return typeof v === 'string' && DECIMAL_RE.test(v) && (v.length < 20 || BigInt(v) <= U64_MAX);
}

/** `isDecimalU64`, or TypeError (not a decimal string) / RangeError (does not fit in 64 bits). */
export function assertDecimalU64(v: unknown, name: string): string {
  if (typeof v !== 'string' || !DECIMAL_RE.test(v)) {
    throw new TypeError(`${name} must be a decimal string of at most 20 digits without leading zeros, got ${describe(v)}`);
  }
  if (v.length === 20 && BigInt(v) > U64_MAX) throw new RangeError(`${name} must fit in 64 bits, got ${v}`);
  return v;
}
