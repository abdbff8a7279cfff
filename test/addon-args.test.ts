/**
 * The native argument checks, called on the raw addon (no TypeScript validation in front): every
 * malformed argument is a TypeError or RangeError naming it, and nothing reaches the kernel.
 */
import { describe, expect, it } from 'vitest';
import { addon } from '../lib/binding';

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
