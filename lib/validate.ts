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
