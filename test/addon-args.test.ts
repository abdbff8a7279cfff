/**
 * The native argument checks, called on the raw addon (no TypeScript validation in front): every
 * malformed argument is a TypeError or RangeError naming it, and nothing reaches the kernel.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addon } from '../lib/binding';
import { unusedPid } from './helpers';

const TYPE = /^uniqueId must be a decimal string/;
const RANGE = /^uniqueId must fit in 64 bits/;

describe.runIf(addon !== null)(`raw addon: uniqueId crossing into C++ (aliveExact)${addon === null ? ' [skipped: no native binary]' : ''}`, () => {
  const a = addon!;
  const pid = process.pid;

  it.each([
    ['a leading zero', '0002'],
    ['two zeros', '00'],
    ['empty', ''],
    ['a space', ' 1'],
    ['a sign', '+1'],
    ['a minus', '-1'],
    ['a fraction', '1.0'],
    ['an exponent', '1e5'],
    ['hex', '0x10'],
    ['letters', '12a'],
    ['a fullwidth digit', '\uff10'],
    ['an embedded NUL', '1\u00002'],
    ['21 digits', '123456789012345678901'],
    ['20 digits and an emoji (24 bytes: a fixed buffer would truncate it to digits)', '12345678901234567890😀'],
    ['20 digits and a multibyte letter', '1234567890123456789é'],
  ])('TypeError for %s', (_what, uid) => {
    expect(() => a.aliveExact(pid, uid)).toThrow(TypeError);
    expect(() => a.aliveExact(pid, uid)).toThrow(TYPE);
  });

  it.each([
    ['2^64', '18446744073709551616'],
    ['twenty nines', '99999999999999999999'],
  ])('RangeError for %s', (_what, uid) => {
    expect(() => a.aliveExact(pid, uid)).toThrow(RangeError);
    expect(() => a.aliveExact(pid, uid)).toThrow(RANGE);
  });

  it.each([
    ['a number', 5],
    ['a bigint', 5n],
    ['null', null],
    ['undefined', undefined],
    ['an object', { toString: () => '5' }],
  ])('TypeError for a non-string: %s', (_what, uid) => {
    expect(() => (a.aliveExact as (p: number, u: unknown) => number)(pid, uid)).toThrow(TYPE);
  });

  it('accepts "0", 2^64 - 1 and this process\'s own unique id, answering 1, 0 or -1', () => {
    for (const uid of ['0', '1', '18446744073709551615']) {
      expect([1, 0, -1]).toContain(a.aliveExact(pid, uid));
    }
    const self = a.probe(pid)!;
    if (self.uniqueId !== null) {
      expect(a.aliveExact(pid, self.uniqueId)).toBe(1);
      expect(a.aliveExact(pid, '0')).toBe(0); // another id: a proof it is not that process
    } else {
      expect(a.aliveExact(pid, '0')).toBe(-1); // no unique id here: no cheap exact answer
    }
  });

  it('the pid is still checked first: a bad pid is reported before the uniqueId', () => {
    expect(() => a.aliveExact(0, '0002')).toThrow(RangeError);
    expect(() => a.aliveExact(0, '0002')).toThrow(/^pid must be between/);
  });
});

describe.runIf(addon !== null)(`raw addon: the hot paths check every argument in C++ (issue 15)${addon === null ? ' [skipped: no native binary]' : ''}`, () => {
  const a = addon! as unknown as Record<string, (...args: unknown[]) => unknown>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pidproof-args-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const lock = path.join(dir, 'x.lock');

  it('probeInto: pid and out are checked; a live pid fills out, a free one answers 0', () => {
    const out = new Float64Array(8);
    expect(() => a.probeInto(0, out)).toThrow(RangeError);
    expect(() => a.probeInto(1.5, out)).toThrow(/pid must be an integer/);
    expect(() => a.probeInto('1', out)).toThrow(TypeError);
    expect(() => a.probeInto(process.pid, new Float64Array(7))).toThrow(/out must be a Float64Array of length 8/);
    expect(() => a.probeInto(process.pid, new Uint8Array(64))).toThrow(TypeError);
    expect(() => a.probeInto(process.pid)).toThrow(TypeError);
    expect(a.probeInto(process.pid, out)).toBe(1);
    expect(a.probeInto(unusedPid(), out)).toBe(0);
  });

  it('watchExited: only an id fastId() gave, while its watch is open', () => {
    const w = addon!.openWatch(process.pid);
    if (w === null || w === 'unsupported' || typeof w.fastId !== 'function') return;
    const id = w.fastId();
    expect(a.watchExited(id)).toBe(false);
    for (const bad of [-1, 1.5, Number.NaN, '0', null, 2 ** 53]) expect(() => a.watchExited(bad)).toThrow(TypeError);
    expect(() => a.watchExited(id + 1)).toThrow(/closed/);
    w.close();
    expect(w.fastId()).toBe(-1);
    expect(() => a.watchExited(id)).toThrow(expect.objectContaining({ code: 'ERR_PIDPROOF_WATCH_CLOSED' }));
    // A new watch may reuse the slot, never the id.
    const w2 = addon!.openWatch(process.pid);
    if (w2 !== null && w2 !== 'unsupported') {
      expect(w2.fastId!()).not.toBe(id);
      expect(() => a.watchExited(id)).toThrow(/closed/);
      w2.close();
    }
  });

  it.runIf(typeof a.publish === 'function' && process.platform !== 'win32')('publish and releaseFile: paths, suffix, mode, payload and out are checked; nothing is created on a bad argument', () => {
    const out = new Float64Array(4);
    const buf = Buffer.from('{}\n');
    expect(() => a.publish(lock, 'XYZ', 0o600, buf, out)).toThrow(/suffix must be 1 to 32 lowercase hex digits/);
    expect(() => a.publish(lock, '', 0o600, buf, out)).toThrow(TypeError);
    expect(() => a.publish(lock, 'ab/..', 0o600, buf, out)).toThrow(TypeError);
    expect(() => a.publish('', 'ab', 0o600, buf, out)).toThrow(/lockPath must not be empty/);
    expect(() => a.publish(`${lock}\0x`, 'ab', 0o600, buf, out)).toThrow(/lockPath must not contain NUL bytes/);
    expect(() => a.publish('/'.repeat(5000), 'ab', 0o600, buf, out)).toThrow(RangeError);
    expect(() => a.publish(lock, 'ab', 0o1000, buf, out)).toThrow(RangeError);
    expect(() => a.publish(lock, 'ab', 0o600, 'text', out)).toThrow(/payload must be a Uint8Array/);
    expect(() => a.publish(lock, 'ab', 0o600, Buffer.alloc(70_000), out)).toThrow(RangeError);
    expect(() => a.publish(lock, 'ab', 0o600, buf, new Float64Array(3))).toThrow(/out must be a Float64Array of length 4/);
    expect(() => a.publish(lock, 'ab', 0o600, buf, out, new Float64Array(3), 5)).toThrow(/token must be a string/);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(a.publish(lock, 'ab', 0o640, buf, out)).toBe(0);
    expect(fs.readFileSync(lock, 'utf8')).toBe('{}\n');
    expect(fs.statSync(lock).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(dir)).toEqual(['x.lock']);
    expect(() => a.releaseFile(-1, lock, out[1], out[2])).toThrow(RangeError);
    expect(() => a.releaseFile(out[0], lock, Number.NaN, out[2])).toThrow(/dev must be a finite number/);
    expect(() => a.releaseFile(out[0], '', out[1], out[2])).toThrow(TypeError);
    expect(() => a.releaseFile(out[0], lock)).toThrow(TypeError);
    // Another inode at the path: never removed.
    expect(a.releaseFile(out[0], lock, out[1], out[2] + 1)).toBe(0);
    expect(fs.existsSync(lock)).toBe(true);
    fs.rmSync(lock);
  });

  it.runIf(typeof a.publish === 'function' && process.platform !== 'win32')('publish(…, unnamed) and releaseFile(…, lookForGuard): the flags are checked; an unnamed publish leaves no temp name; the guard is looked for only when asked', () => {
    const out = new Float64Array(5);
    const buf = Buffer.from('{}\n');
    expect(() => a.publish(lock, 'ab', 0o600, buf, out, undefined, undefined, 'yes')).toThrow(/unnamed must be a boolean/);
    expect(() => a.publish(lock, 'ab', 0o600, buf, new Float64Array(4), undefined, undefined, true)).toThrow(/out must be a Float64Array of length 5/);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(a.publish(lock, 'ab', 0o640, buf, out, undefined, undefined, true)).toBe(0);
    // Linux: made unnamed (O_TMPFILE) and linked by its descriptor; elsewhere the named path.
    expect(out[4]).toBe(process.platform === 'linux' ? 1 : 0);
    expect(fs.readFileSync(lock, 'utf8')).toBe('{}\n');
    expect(fs.statSync(lock).mode & 0o777).toBe(0o640);
    expect(fs.statSync(lock).nlink).toBe(1);
    expect(fs.readdirSync(dir)).toEqual(['x.lock']);
    // Held: the unnamed file is dropped and the named temp file kept, as before.
    const out2 = new Float64Array(5);
    expect(a.publish(lock, 'cd', 0o600, buf, out2, undefined, undefined, true)).toBe(1);
    expect(out2[4]).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['x.lock', 'x.lock.pidproof-cd.tmp']);
    fs.closeSync(out2[0]);
    fs.rmSync(`${lock}.pidproof-cd.tmp`);
    fs.writeFileSync(`${lock}.pidproof-guard`, '');
    expect(() => a.releaseFile(out[0], lock, out[1], out[2], 'no')).toThrow(/lookForGuard must be a boolean/);
    // A guard exists, but is not looked for.
    expect(a.releaseFile(out[0], lock, out[1], out[2], false)).toBe(1);
    expect(fs.existsSync(lock)).toBe(false);
    expect(a.publish(lock, 'ef', 0o600, buf, out, undefined, undefined, true)).toBe(0);
    expect(a.releaseFile(out[0], lock, out[1], out[2], true)).toBe(3);
    fs.rmSync(`${lock}.pidproof-guard`);
  });
});
