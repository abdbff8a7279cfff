/**
 * Backend.command(pid): the bounded command line of a live process, over both backends (native
 * addon, pure-TypeScript fallback), with real processes. Linux reads /proc/<pid>/cmdline (the
 * native backend pinned by a pidfd); macOS/FreeBSD run in the CI matrix (ps for the fallback);
 * Windows (the image path) is covered by test/win32/.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { addon, nativeBackendOf } from '../lib/binding';
import { fallbackBackend } from '../lib/fallback';
import { MAX_COMMAND_BYTES, type Backend } from '../lib/types';
import { cleanup, isLinux, killAndReap, makeZombie, otherThreadIds, track, unusedPid, waitFor } from './helpers';

const isWin32 = process.platform === 'win32';
const backends: Array<[string, Backend]> = [];
if (addon) backends.push(['native', nativeBackendOf(addon)]);
if (!isWin32) backends.push(['fallback', fallbackBackend]);

afterEach(cleanup);

function readOr(file: string): string {
  try {
    return fs.readFileSync(file, 'latin1');
  } catch {
    return '';
  }
}

/** Starts a process and waits until its command line is the one it was started with. */
async function started(b: Backend, file: string, args: string[]): Promise<ChildProcess> {
  const child = track(spawn(file, args, { stdio: 'ignore' }));
  await once(child, 'spawn');
  // exec has happened once the kernel shows the new image's arguments.
  await waitFor(() => b.command(child.pid!)?.text.startsWith(file), 10_000, `PID ${child.pid} to exec`);
  return child;
}

describe.runIf(!isWin32).each(backends)('command(pid), %s backend', (_name, b) => {
  it('a sleep 1000: its argv joined with single spaces, not truncated', async () => {
    const child = await started(b, 'sleep', ['1000']);
    expect(b.command(child.pid!)).toEqual({ text: 'sleep 1000', truncated: false });
    await killAndReap(child);
  });

  it('arguments with spaces and non-ASCII text come back as UTF-8, in order', async () => {
    const args = ['-e', 'setInterval(() => {}, 1e6)', 'a b', 'héllo wörld 😀', '日本語'];
    const child = await started(b, process.execPath, args);
    expect(b.command(child.pid!)).toEqual({
      text: [process.execPath, ...args].join(' '),
      truncated: false,
    });
    await killAndReap(child);
  });

  it(`bounded to ${MAX_COMMAND_BYTES} bytes at a character boundary, with truncated set`, async () => {
    const long = '😀'.repeat(12_000); // 48,000 bytes: the cut falls inside the emoji run
    const child = await started(b, process.execPath, ['-e', 'setInterval(() => {}, 1e6)', long]);
    const c = b.command(child.pid!)!;
    expect(c.truncated).toBe(true);
    expect(Buffer.byteLength(c.text, 'utf8')).toBeLessThanOrEqual(MAX_COMMAND_BYTES);
    expect(Buffer.byteLength(c.text, 'utf8')).toBeGreaterThan(MAX_COMMAND_BYTES - 4);
    expect(c.text).not.toContain('\uFFFD'); // no split character
    expect(`${process.execPath} -e setInterval(() => {}, 1e6) ${long}`.startsWith(c.text)).toBe(true);
    await killAndReap(child);
  });

  it('a dead PID is null; a killed and reaped child is null', async () => {
    expect(b.command(unusedPid())).toBeNull();
    const child = await started(b, 'sleep', ['1000']);
    const pid = child.pid!;
    await killAndReap(child);
    await waitFor(() => b.command(pid) === null, 10_000, `PID ${pid} to be gone`);
  });

  it.runIf(isLinux)('a zombie has no command line left: empty text, not null', async () => {
    const { pid } = await makeZombie();
    expect(b.command(pid)).toEqual({ text: '', truncated: false });
  });

  it.runIf(isLinux)('a thread id is not a process: null', () => {
    const tids = otherThreadIds();
    expect(tids.length).toBeGreaterThan(0);
    for (const tid of tids.slice(0, 3)) expect(b.command(tid)).toBeNull();
  });

  const kthreadd = isLinux && /^2 \(kthreadd\) /.test(readOr('/proc/2/stat'));
  it.runIf(kthreadd)(
    `a kernel thread (kthreadd, PID 2) has an empty command line${kthreadd ? '' : ' [skipped: no kthreadd at PID 2 here]'}`,
    () => {
      expect(b.command(2)).toEqual({ text: '', truncated: false });
    },
  );
});

describe.runIf(addon !== null)('raw addon command(): arguments are validated in C++', () => {
  const a = addon!;
  it('TypeError for a non-integer pid, RangeError outside [1, 2^31-1], TypeError for extra arguments', () => {
    const cmd = a.command as (...args: unknown[]) => unknown;
    expect(() => cmd('1')).toThrow(TypeError);
    expect(() => cmd(1.5)).toThrow(TypeError);
    expect(() => cmd(Number.NaN)).toThrow(TypeError);
    expect(() => cmd()).toThrow(TypeError);
    expect(() => cmd(0)).toThrow(RangeError);
    expect(() => cmd(-1)).toThrow(RangeError);
    expect(() => cmd(2 ** 31)).toThrow(RangeError);
    expect(() => cmd(process.pid, 1)).toThrow(TypeError);
    expect(() => cmd(process.pid, 1)).toThrow(/one argument/);
  });
  it('this process: the node binary first', () => {
    const c = a.command(process.pid)!;
    expect(c.truncated).toBe(false);
    expect(c.text.startsWith(process.execPath) || c.text.startsWith(process.argv0)).toBe(true);
  });
});
