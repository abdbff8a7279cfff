/**
 * sampleUsage / watchUsage on Windows (native backend), with real processes: run on Windows CI
 * and, on Linux, under wine by `npm run test:win32` (.ci/win32.sh). Skipped on every other OS.
 *
 * What wine cannot show (said in the skipped names below):
 * - another user's process (OpenProcess -> ERROR_ACCESS_DENIED; identity and usage then come from
 *   the SystemProcessInformation entry): wine runs every process as one user, with no DACLs;
 * - ProcessSequenceNumber (uniqueId is null under wine), so records compare by creation time;
 * - the real cost of the process-list read (wine's list is short and served by its wineserver);
 * - CPU times and page faults of another process: wine's GetProcessTimes answers the caller's
 *   own times for every process handle (the same figures for this process and a busy child,
 *   checked under wine 8.0) and its ProcessVmCounters has PageFaultCount 0.
 * What it shows: GetProcessTimes, ProcessVmCounters (working set, peak, virtual size, page
 * faults), the list's thread count, the exited-but-referenced process keeping its final times
 * through the handle, a PID that names nothing, recycled-looking records, the watch's final sample.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { addon, nativeBackendOf } from '../../lib/binding';
import { createIdentityApi } from '../../lib/identity';
import { createUsageApi, type UsageSample } from '../../lib/usage';
import { cleanup, spawnIdle, track, underWine, unusedPid, waitFor } from '../helpers';

const isWin32 = process.platform === 'win32';
const MiB = 1024 * 1024;

afterEach(cleanup);
afterAll(cleanup);

describe.runIf(!isWin32)('win32 usage', () => {
  it.skip('runs on Windows and under wine (npm run test:win32) [skipped: not win32]', () => {});
});

describe.runIf(isWin32 && addon !== null)('win32 usage (native backend)', () => {
  const backend = nativeBackendOf(addon!);
  const usage = createUsageApi(backend, addon);
  const ids = createIdentityApi(backend);

  /** A Node child that allocates `mb` MB (touched), then prints "ready" and idles. */
  async function child(mb = 0, busy = false): Promise<ChildProcess> {
    const body = `const b = Buffer.alloc(${mb} * 1024 * 1024, 1); process.stdout.write('ready\\n'); ${busy ? 'for (;;) {}' : 'setInterval(() => b[0]++, 1e6);'}`;
    const c = track(spawn(process.execPath, ['-e', body], { stdio: ['ignore', 'pipe', 'ignore'] }));
    const [d] = (await once(c.stdout!, 'data')) as [Buffer];
    expect(d.toString()).toBe('ready\n');
    return c;
  }

  it('reads a child: working set, peak, virtual size, threads; CPU times present; no context-switch split', async () => {
    const c = await child(64);
    const rec = ids.processIdentity(c.pid!)!;
    const r = usage.sampleUsage(rec);
    expect(r.verdict).toBe('alive');
    const u = r.usage!;
    expect(u.cpuUserMs).toBeGreaterThanOrEqual(0);
    expect(u.cpuSystemMs).toBeGreaterThanOrEqual(0);
    expect(u.cpuTotalMs).toBeCloseTo(u.cpuUserMs! + u.cpuSystemMs!, 6);
    expect(u.rssBytes!).toBeGreaterThanOrEqual(64 * MiB);
    expect(u.peakRssBytes!).toBeGreaterThanOrEqual(u.rssBytes!);
    expect(u.virtualBytes!).toBeGreaterThan(u.rssBytes!);
    expect(u.threads!).toBeGreaterThanOrEqual(2); // Node's main thread and its workers
    expect(u.minorFaults).not.toBeNull();
    expect(u.majorFaults).not.toBeNull();
    expect(u.voluntaryCtxSwitches).toBeNull();
    expect(u.involuntaryCtxSwitches).toBeNull();
    expect(u.childCpuUserMs).toBeNull(); // Windows keeps no waited-for children's times
    expect(u.access).toBe('full');
  });

  it('a record with another creation time is recycled, with no numbers; a PID that names nothing is dead', async () => {
    const c = spawnIdle();
    const rec = await waitFor(() => ids.processIdentity(c.pid!), 15_000, 'the child');
    const other = { ...rec, uniqueId: null, uniqueIdKind: null, startToken: String(BigInt(rec.startToken!) + 1n) };
    expect(usage.sampleUsage(other)).toMatchObject({ verdict: 'recycled', usage: null });
    expect(usage.sampleUsage(unusedPid())).toMatchObject({ verdict: 'dead', usage: null });
    const rs = usage.sampleUsage([rec, other, unusedPid()]);
    expect(rs.map((r) => r.verdict)).toEqual(['alive', 'recycled', 'dead']);
  });

  it('an exited process still referenced by a handle: zombie, its final CPU times through the handle', async () => {
    const c = await child(0, true);
    const rec = ids.processIdentity(c.pid!)!;
    const w = usage.watchUsage(rec, { intervalMs: 20 });
    expect(w.mechanism).toBe('pinned');
    const exited = once(c, 'exit');
    c.kill('SIGKILL');
    await exited;
    const got: UsageSample[] = [];
    for await (const s of w) {
      got.push(s);
      if (got.length > 500) throw new Error('the watch did not end');
    }
    const last = got.at(-1)!;
    // The handle keeps the process object: its final sample is always measured on Windows.
    expect(last).toMatchObject({ final: true, measured: true, reason: 'exited' });
    expect(last.cpuTotalMs).not.toBeNull();
    expect(last.rssBytes).toBeNull();
    expect(last.threads).toBeNull();
  });

  it('watchUsage: the first cpuPercent is null (not 0), the next ones are numbers', async () => {
    const c = await child(0, true);
    const got: UsageSample[] = [];
    for await (const s of usage.watchUsage(c.pid!, { intervalMs: 100 })) {
      got.push(s);
      if (got.length === 4) break;
    }
    expect(got[0].cpuPercent).toBeNull();
    for (const s of got.slice(1)) expect(typeof s.cpuPercent).toBe('number');
  });

  it.skipIf(underWine)('a busy child\'s CPU time grows and its cpuPercent is above 0; page faults are counted [skipped under wine: its GetProcessTimes answers the caller\'s own times for any handle, PageFaultCount 0]', async () => {
    const c = await child(16, true);
    const got: UsageSample[] = [];
    for await (const s of usage.watchUsage(c.pid!, { intervalMs: 200 })) {
      got.push(s);
      if (got.length === 4) break;
    }
    for (const s of got.slice(1)) expect(s.cpuPercent!).toBeGreaterThan(0);
    expect(got[3].cpuTotalMs!).toBeGreaterThan(got[0].cpuTotalMs!);
    expect(got[3].minorFaults!).toBeGreaterThan(0);
  });

  it.skipIf(underWine)('another user\'s process (SYSTEM, access denied): identity and usage from the process list [skipped under wine: no process DACLs]', () => {
    // PID 4 is the System process: OpenProcess is denied to a normal user; as an administrator it
    // opens with limited rights. Either way figures are read, never a throw.
    const r = usage.sampleUsage(4);
    expect(['alive', 'unknown']).toContain(r.verdict);
  });
});
