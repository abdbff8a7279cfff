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

  it('trackFile and untrackFile (the teardown registry, issue 20): every argument is checked; nothing is opened or closed', () => {
    const t = a as unknown as {
      trackFile(...args: unknown[]): void;
      untrackFile(...args: unknown[]): void;
      clockOffsets(...args: unknown[]): { known: boolean; monotonicNs: string; boottimeNs: string };
    };
    const fd = fs.openSync(__filename, 'r');
    try {
      const st = fs.fstatSync(fd);
      expect(() => t.trackFile()).toThrow(/trackFile takes \(fd, kind, path, dev, ino\)/);
      expect(() => t.trackFile(-1, 2, __filename, st.dev, st.ino)).toThrow(RangeError);
      expect(() => t.trackFile(1.5, 2, __filename, st.dev, st.ino)).toThrow(/fd must be an integer/);
      expect(() => t.trackFile(fd, 3, __filename, st.dev, st.ino)).toThrow(/kind must be between 0 and 2/);
      expect(() => t.trackFile(fd, 2, '', st.dev, st.ino)).toThrow(/path must not be empty/);
      expect(() => t.trackFile(fd, 2, `${__filename}\0x`, st.dev, st.ino)).toThrow(/path must not contain NUL bytes/);
      expect(() => t.trackFile(fd, 2, 'x'.repeat(5000), st.dev, st.ino)).toThrow(RangeError);
      expect(() => t.trackFile(fd, 2, __filename, Number.NaN, st.ino)).toThrow(/dev must be a finite number/);
      expect(() => t.trackFile(fd, 2, __filename, st.dev, 'ino')).toThrow(/ino must be a finite number/);
      expect(() => t.untrackFile()).toThrow(/untrackFile takes \(fd\)/);
      expect(() => t.untrackFile('3')).toThrow(/fd must be an integer/);
      // Registered, then unregistered: the descriptor is untouched either way.
      t.trackFile(fd, 2, __filename, st.dev, st.ino);
      t.untrackFile(fd);
      t.untrackFile(fd); // unregistering twice (or what was never registered) is harmless
      expect(fs.fstatSync(fd).ino).toBe(st.ino);
    } finally {
      fs.closeSync(fd);
    }
    const o = t.clockOffsets(1, 2, 3); // extra arguments are ignored
    expect(typeof o.known).toBe('boolean');
    expect(o.monotonicNs).toMatch(/^-?\d+$/);
    expect(o.boottimeNs).toMatch(/^-?\d+$/);
  });

  it.runIf(typeof a.readDirRecord === 'function')('readDirRecord and writeDirRecord: fd and data are checked; a record lives on the directory itself', () => {
    const d = path.join(dir, 'r.lock');
    fs.mkdirSync(d);
    const fd = fs.openSync(d, fs.constants.O_RDONLY | (fs.constants.O_DIRECTORY ?? 0));
    try {
      for (const bad of [-1, 1.5, Number.NaN, '3', null, undefined, 2 ** 31]) {
        expect(() => (a.readDirRecord as (f: unknown) => unknown)(bad)).toThrow(/fd must be/);
        expect(() => (a.writeDirRecord as (f: unknown, b: unknown) => unknown)(bad, Buffer.from('x'))).toThrow(/fd must be/);
      }
      for (const bad of ['text', null, 5, new Uint16Array(2), [1, 2]]) {
        expect(() => (a.writeDirRecord as (f: number, b: unknown) => unknown)(fd, bad)).toThrow(/data must be a Uint8Array or Buffer/);
      }
      expect(() => a.writeDirRecord!(fd, Buffer.alloc(4097))).toThrow(RangeError);
      expect(a.readDirRecord!(fd)).toBeNull();
      expect(a.writeDirRecord!(fd, Buffer.from('{"a":1}'))).toBe('written');
      expect(a.readDirRecord!(fd)!.toString()).toBe('{"a":1}');
      // (ext4 keeps at most one block of attributes: 4096 bytes with their headers.)
      expect(a.writeDirRecord!(fd, Buffer.alloc(3000, 0x20))).toBe('written');
      expect((a.readDirRecord!(fd) as Buffer).length).toBe(3000);
      // A closed descriptor is EBADF, an error with a code, never a crash.
      const spare = fs.openSync(d, fs.constants.O_RDONLY);
      fs.closeSync(spare);
      expect(() => a.readDirRecord!(spare)).toThrow(expect.objectContaining({ code: 'EBADF' }));
    } finally {
      fs.closeSync(fd);
    }
    // rmdir is not stopped by the record, and a directory made again starts without one.
    fs.rmdirSync(d);
    fs.mkdirSync(d);
    const fd2 = fs.openSync(d, fs.constants.O_RDONLY);
    try {
      expect(a.readDirRecord!(fd2)).toBeNull();
    } finally {
      fs.closeSync(fd2);
      fs.rmdirSync(d);
    }
  });

  it.runIf(typeof a.engageDirRecord === 'function' && process.platform !== 'win32')('engageDirRecord and closeDirRecord: path, dev, ino, data and out are checked; only the directory seen is engaged', () => {
    const d = path.join(dir, 'e.lock');
    fs.mkdirSync(d);
    const st = fs.statSync(d);
    const out = new Float64Array(2);
    const data = Buffer.from('1 lx - - - - AAAAAAAA');
    expect(() => a.engageDirRecord!('', st.dev, st.ino, data, out)).toThrow(/dirPath must not be empty/);
    expect(() => a.engageDirRecord!(`${d}\0x`, st.dev, st.ino, data, out)).toThrow(/dirPath must not contain NUL bytes/);
    expect(() => a.engageDirRecord!('/'.repeat(5000), st.dev, st.ino, data, out)).toThrow(RangeError);
    expect(() => a.engageDirRecord!(d, Number.NaN, st.ino, data, out)).toThrow(/dev must be a finite number/);
    expect(() => a.engageDirRecord!(d, st.dev, '1' as unknown as number, data, out)).toThrow(TypeError);
    expect(() => a.engageDirRecord!(d, st.dev, st.ino, 'text' as unknown as Buffer, out)).toThrow(/data must be a Uint8Array/);
    expect(() => a.engageDirRecord!(d, st.dev, st.ino, Buffer.alloc(4097), out)).toThrow(RangeError);
    expect(() => a.engageDirRecord!(d, st.dev, st.ino, data, new Float64Array(1))).toThrow(/out must be a Float64Array of length 2/);
    expect(() => (a.engageDirRecord as (...x: unknown[]) => number)(d, st.dev, st.ino, data)).toThrow(TypeError);
    // Another inode (or a file, or nothing) at the path: never engaged.
    expect(a.engageDirRecord!(d, st.dev, st.ino + 1, data, out)).toBe(-1);
    expect(out[0]).toBe(1);
    expect(a.engageDirRecord!(path.join(dir, 'missing'), st.dev, st.ino, data, out)).toBe(-1);
    expect(out[0]).toBe(1);
    const fd = a.engageDirRecord!(d, st.dev, st.ino, data, out);
    expect(fd).toBeGreaterThanOrEqual(0);
    // Engaged: its flock is held (another description cannot take it), its record written.
    const probe = fs.openSync(d, fs.constants.O_RDONLY);
    try {
      expect(a.tryLock(probe, false)).toBe('busy');
      expect(a.readDirRecord!(probe)!.toString()).toBe(data.toString());
      // A second holder of the same directory: its flock is busy (after a few tries).
      expect(a.engageDirRecord!(d, st.dev, st.ino, data, out)).toBe(-1);
      expect(out[0]).toBe(2);
    } finally {
      fs.closeSync(probe);
    }
    expect(() => a.closeDirRecord!(-1, `${d}.pidproof-guard`)).toThrow(RangeError);
    expect(() => a.closeDirRecord!(fd, '')).toThrow(TypeError);
    expect(a.closeDirRecord!(fd, `${d}.pidproof-guard`)).toBe(0);
    fs.writeFileSync(`${d}.pidproof-guard`, '');
    const fd2 = a.engageDirRecord!(d, st.dev, st.ino, data, out);
    expect(fd2).toBeGreaterThanOrEqual(0);
    expect(a.closeDirRecord!(fd2, `${d}.pidproof-guard`)).toBe(1);
    fs.rmSync(`${d}.pidproof-guard`);
    fs.rmdirSync(d);
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

describe.runIf(addon !== null)(`raw addon: usage reads check every argument in C++ (issue 23)${addon === null ? ' [skipped: no native binary]' : ''}`, () => {
  const a = addon! as unknown as Record<string, (...args: unknown[]) => unknown>;

  it('usageInto: pids (each by index), out (its length for that many PIDs) and notes are checked', () => {
    const out = new Float64Array(24 * 2);
    expect(() => a.usageInto([process.pid], out, [])).toThrow(/pids must be a Float64Array/);
    expect(() => a.usageInto(new Int32Array([process.pid]), out, [])).toThrow(TypeError);
    expect(() => a.usageInto(new Float64Array([process.pid, 0]), out, [])).toThrow(/^pids\[1\] must be between 1 and/);
    expect(() => a.usageInto(new Float64Array([1.5]), out, [])).toThrow(/^pids\[0\] must be an integer/);
    expect(() => a.usageInto(new Float64Array([Number.NaN]), out, [])).toThrow(TypeError);
    expect(() => a.usageInto(new Float64Array([2 ** 31]), out, [])).toThrow(RangeError);
    expect(() => a.usageInto(new Float64Array([process.pid, process.pid, process.pid]), out, [])).toThrow(/out must be a Float64Array of length 72/);
    expect(() => a.usageInto(new Float64Array([process.pid]), new Uint8Array(200), [])).toThrow(TypeError);
    expect(() => a.usageInto(new Float64Array([process.pid]), out, {})).toThrow(/notes must be an array/);
    expect(() => a.usageInto(new Float64Array(0), [], [])).toThrow(/out must be a Float64Array/);
    expect(() => a.usageInto(new Float64Array([process.pid]), out)).toThrow(TypeError);
    expect(() => a.usageInto(new Float64Array(65537), new Float64Array(24 * 65537), [])).toThrow(/at most 65536/);
    expect(a.usageInto(new Float64Array([process.pid, unusedPid()]), out, [])).toBe(2);
    expect(out[0]).toBe(1);
    expect(out[24]).toBe(0);
    expect(a.usageInto(new Float64Array(0), new Float64Array(0), [])).toBe(0);
  });

  it('openUsage and UsagePin.sampleInto: pid, out and notes are checked; a closed pin says so', () => {
    expect(() => a.openUsage(0)).toThrow(RangeError);
    expect(() => a.openUsage('1')).toThrow(TypeError);
    expect(() => a.openUsage(process.pid, 1)).toThrow(/openUsage takes one argument/);
    expect(a.openUsage(unusedPid())).toBeNull();
    const pin = a.openUsage(process.pid) as unknown as Record<string, (...args: unknown[]) => unknown> | 'unsupported';
    if (pin === 'unsupported') return;
    const out = new Float64Array(24);
    expect(() => pin.sampleInto(new Float64Array(23), [])).toThrow(/out must be a Float64Array of length 24/);
    expect(() => pin.sampleInto(out, null)).toThrow(/notes must be an array/);
    expect(() => pin.sampleInto(out)).toThrow(TypeError);
    expect(pin.sampleInto(out, [])).toBe(1);
    expect(out[0]).toBe(1);
    pin.close();
    pin.close(); // idempotent
    expect(() => pin.sampleInto(out, [])).toThrow(expect.objectContaining({ code: 'ERR_PIDPROOF_WATCH_CLOSED' }));
    const Ctor = (pin as unknown as { constructor: new (...args: unknown[]) => unknown }).constructor;
    expect(() => new Ctor()).toThrow(/use openUsage/);
    expect(() => new Ctor({})).toThrow(TypeError);
  });
});
