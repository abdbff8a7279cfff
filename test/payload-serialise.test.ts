/**
 * The lock payload's fast serialiser (issue 15) writes exactly what JSON.stringify writes, for the
 * payloads pidproof builds and for any object a caller hands it (keys added, removed, reordered,
 * values of other types), and its ISO time cache agrees with Date.toISOString.
 */
import { describe, expect, it } from 'vitest';
import { identity } from '../lib/identity';
import { buildPayload, isoOf, newToken, parseLockFile, payloadJson, serialisePayload, type LockPayload } from '../lib/lock/payload';

function built(over: Record<string, unknown> = {}): LockPayload {
  const p = buildPayload(identity.selfIdentity(), { token: newToken(), maxHoldMs: 300_000, leaseMs: null, mode: 'kernel' });
  return Object.assign(p, over);
}

describe('payloadJson', () => {
  it('equals JSON.stringify for built payloads, again and again as the times and token change', () => {
    for (let i = 0; i < 50; i++) {
      const p = built({ leaseMs: i % 2 ? 3000 : null, maxHoldMs: i % 3 ? null : 1000 + i });
      expect(payloadJson(p)).toBe(JSON.stringify(p));
    }
  });

  it.each([
    ['another identity', { pid: 1, hostname: 'h"ost\\with\nescapes', command: 'ü😀' }],
    ['odd values', { pid: 'x', startToken: 12, createdAtMs: Number.NaN, heartbeatAt: Infinity, mode: { a: [1] } }],
    ['null identity fields', { startToken: null, uniqueId: null, bootId: null, pidNamespace: null }],
    ['undefined values (JSON omits their keys)', { uniqueId: undefined, token: undefined }],
    ['a function value', { command: () => 1 }],
  ])('equals JSON.stringify for %s', (_what, over) => {
    const p = built(over as Record<string, unknown>);
    expect(payloadJson(p)).toBe(JSON.stringify(p));
    // The cache must not leak into the next, ordinary payload.
    const q = built();
    expect(payloadJson(q)).toBe(JSON.stringify(q));
  });

  it('equals JSON.stringify when keys are added, removed or reordered', () => {
    const added = built({ extra: 1 });
    expect(payloadJson(added)).toBe(JSON.stringify(added));
    const removed = built();
    delete (removed as Partial<LockPayload>).command;
    expect(payloadJson(removed)).toBe(JSON.stringify(removed));
    const { token, ...rest } = built();
    const reordered = { ...rest, token } as LockPayload;
    expect(payloadJson(reordered)).toBe(JSON.stringify(reordered));
  });

  it('serialisePayload still writes a padded, checksummed payload that parses back', () => {
    const p = built();
    const buf = serialisePayload(p);
    expect(buf.length % 256).toBe(0);
    expect(buf[buf.length - 1]).toBe(0x0a);
    expect(buf.subarray(JSON.stringify(p).length + 17, buf.length - 1).every((b) => b === 0x20)).toBe(true);
    const parsed = parseLockFile(buf, Date.now());
    expect(parsed.format).toBe('pidproof');
    expect(parsed.payload).toEqual(p);
    const same = serialisePayload(p, buf.length + 100);
    expect(same.length).toBe(buf.length + 100);
    expect(parseLockFile(same, Date.now()).payload).toEqual(p);
  });
});

describe('isoOf', () => {
  it('agrees with Date.toISOString across seconds, minutes, days and odd inputs', () => {
    const base = Date.UTC(2026, 10, 22, 23, 59, 58, 997);
    for (const ms of [base, base + 1, base + 2, base + 3, base + 1003, base + 60_000, base + 86_400_000, 0, 999, 1000, 59_999, 60_000, Date.now(), 253402300799999]) {
      expect(isoOf(ms)).toBe(new Date(ms).toISOString());
    }
    for (let ms = base - 5000; ms < base + 130_000; ms += 997) expect(isoOf(ms)).toBe(new Date(ms).toISOString());
    expect(isoOf(-1)).toBe(new Date(-1).toISOString());
    expect(isoOf(8.64e15)).toBe(new Date(8.64e15).toISOString());
  });
});
