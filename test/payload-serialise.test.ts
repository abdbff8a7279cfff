/**
 * The lock payload's fast serialiser (issue 15) writes exactly what JSON.stringify writes, for the
 * payloads pidproof builds and for any object a caller hands it (keys added, removed, reordered,
 * values of other types), and its ISO time cache agrees with Date.toISOString.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addon } from '../lib/binding';
import { identity } from '../lib/identity';
import { acquireLockSync } from '../lib/lock';
import { buildPayload, isoOf, newToken, parseLockFile, payloadHead, payloadJson, serialisePayload, type LockPayload } from '../lib/lock/payload';

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

const native = addon !== null && typeof addon.publish === 'function' && process.platform !== 'win32';
describe.runIf(native)(`the native publish writes the payload byte for byte as serialisePayload${native ? '' : ' [skipped: no one-call publish in this build]'}`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pidproof-payload-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('an acquired lock file holds exactly serialisePayload(lock.payload)', () => {
    for (let i = 0; i < 20; i++) {
      const lock = acquireLockSync(path.join(dir, 'a.lock'), i % 2 ? { leaseMs: 5000 } : { maxHoldMs: Infinity });
      try {
        const bytes = fs.readFileSync(lock.path);
        expect(bytes.equals(serialisePayload(lock.payload as LockPayload))).toBe(true);
      } finally {
        lock.releaseSync();
      }
    }
  });

  it.each([
    ['the epoch', 0, 0],
    ['a leap day', Date.UTC(2024, 1, 29, 12, 0, 0, 7), 1],
    ['the last ms of a year', Date.UTC(2025, 11, 31, 23, 59, 59, 999), 999],
    ['now', Date.now(), 1000],
    ['year 9999', 253402300799999, 123456789],
    ['a large monotonic time', 1e12 + 1, 2 ** 50 - 1],
    ['a monotonic time with one decimal', 1_700_000_000_000, 5_000_100],
  ])('times at %s', (_what, wall, monoUs) => {
    const p = buildPayload(identity.selfIdentity(), { token: newToken(), maxHoldMs: 60_000, leaseMs: null, mode: 'kernel' });
    Object.assign(p, { createdAtMs: wall, heartbeatAt: wall, createdAt: new Date(wall).toISOString(), createdMono: monoUs / 1000, heartbeatMono: monoUs / 1000 });
    const head = payloadHead(p)!;
    expect(head).not.toBeNull();
    const out = new Float64Array(4);
    const lockPath = path.join(dir, 'b.lock');
    expect(addon!.publish!(lockPath, newToken().slice(0, 12), 0o600, head.head, out, head.tail, p.token)).toBe(0);
    try {
      const expected = serialisePayload(p);
      expect(fs.readFileSync(lockPath, 'latin1')).toBe(expected.toString('latin1'));
      expect(out[3]).toBe(expected.length);
      expect(parseLockFile(fs.readFileSync(lockPath), Date.now()).payload).toEqual(p);
    } finally {
      expect(addon!.releaseFile!(out[0], lockPath, out[1], out[2])).toBe(1);
    }
  });

  it('answers -2 and touches nothing for values outside its range; payloadHead refuses odd payloads', () => {
    const p = buildPayload(identity.selfIdentity(), { token: newToken(), maxHoldMs: 60_000, leaseMs: null, mode: 'kernel' });
    const head = payloadHead(p)!;
    const out = new Float64Array(4);
    const tmp = path.join(dir, 'c.lock.pidproof-000000000000.tmp');
    const suffix = '000000000000';
    for (const [tail, token] of [
      [[head.tail[0], -1, 5], p.token],
      [[head.tail[0], 253402300800000, 5], p.token],
      [[head.tail[0], 1.5, 5], p.token],
      [[head.tail[0], 1000, 2 ** 50], p.token],
      [[head.tail[0], 1000, 0.5], p.token],
      [[head.tail[0], 1000, 5], 'ABCDEF0123456789abcdef0123456789'],
      [[head.tail[0], 1000, 5], 'short'],
    ] as const) {
      expect(addon!.publish!(path.join(dir, 'c.lock'), suffix, 0o600, head.head, out, Float64Array.from(tail), token)).toBe(-2);
      expect(fs.existsSync(tmp)).toBe(false);
    }
    expect(() => addon!.publish!(path.join(dir, 'c.lock'), suffix, 0o600, head.head, out, Float64Array.from([-1, 1000, 5]), p.token)).toThrow(RangeError);
    expect(payloadHead({ ...p, heartbeatAt: p.createdAtMs + 1 })).toBeNull();
    expect(payloadHead({ ...p, extra: 1 } as LockPayload)).toBeNull();
  });
});
