/**
 * What the identity and watch layers make of kernel answers this machine cannot produce. The
 * backend here is a mock that replays recorded answers of another kernel; each test name says
 * which. (The native rules that produce these answers are unit-tested in native-logic.test.ts.)
 */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { createIdentityApi } from '../lib/identity';
import type { Backend, RawIdentity, RawUsage, RawUsagePin, RawUsageSample } from '../lib/types';
import { NO_USAGE_FIGURES } from '../lib/types';
import { createUsageApi, type UsageSample } from '../lib/usage';
import { createWatchApi, WatchError } from '../lib/watch';
import { judge } from '../lib/lock/judge';
import { buildPayload, newToken, parseLockFile, serialisePayload } from '../lib/lock/payload';

const HIDDEN = 'security.bsd.see_other_uids=0';

/**
 * FreeBSD as seen by an unprivileged user with security.bsd.see_other_uids=0: sysctl
 * KERN_PROC_PID, kill(2) and EVFILT_PROC answer ESRCH for another user's process, alive or not.
 * The native backend then reports the PID with access 'partial', nothing else known, and the
 * settings in accessDetail; kevent registration is kUnsupported (no addon pinner here either).
 */
function freebsdBackend(hiding: boolean): Backend {
  const hidden = (pid: number): RawIdentity => ({
    pid,
    startToken: null,
    startTokenUnit: null,
    uniqueId: null,
    uniqueIdKind: null,
    startTimeMs: null,
    ppid: null,
    state: null,
    access: 'partial',
    accessDetail: HIDDEN,
  });
  return {
    name: 'native',
    probe: (pid) => (hiding ? hidden(pid) : null),
    scope: () => ({
      platform: 'freebsd',
      bootId: null,
      bootTimeMs: Date.now() - 3_600_000,
      pidNamespace: null,
      hostname: os.hostname(),
    }),
    checkAlive: () => null,
    command: () => null,
    clockOffsets: () => ({ monotonicNs: 0n, boottimeNs: 0n }), // FreeBSD has no time namespaces
  };
}

const record = {
  v: 1 as const,
  platform: 'freebsd',
  pid: 4242,
  startToken: '5123456',
  startTokenUnit: 'freebsd-us-since-boot',
  uniqueId: null,
  uniqueIdKind: null,
  startTimeMs: Date.now() - 60_000,
  bootId: null,
  pidNamespace: null,
  hostname: os.hostname(),
  ppid: 1,
  state: 'sleeping' as const,
  access: 'full' as const,
};

describe('mock of FreeBSD kernel answers: a process hidden by security.bsd.see_other_uids=0', () => {
  const backend = freebsdBackend(true);
  const ids = createIdentityApi(backend);
  const watch = createWatchApi(backend, null);

  it('mock of FreeBSD kernel answers: ownerStatus is unknown, never dead (a reclaim needs proof)', () => {
    const st = ids.ownerStatus(record);
    expect(st.verdict).toBe('unknown');
    expect(st.current?.access).toBe('partial');
  });

  it('mock of FreeBSD kernel answers: isAlive throws EUNKNOWNIDENTITY naming the setting, never false', () => {
    let err: unknown;
    try {
      watch.isAlive(record);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WatchError);
    expect((err as WatchError).code).toBe('EUNKNOWNIDENTITY');
    expect((err as Error).message).toContain(HIDDEN);
  });

  it('mock of FreeBSD kernel answers: watchExit(record) rejects EUNKNOWNIDENTITY naming the setting, never resolves dead', async () => {
    const err = await watch.watchExit(record).then(
      (info) => info,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WatchError);
    expect((err as WatchError).code).toBe('EUNKNOWNIDENTITY');
    expect((err as Error).message).toContain(HIDDEN);
  });

  it('mock of FreeBSD kernel answers: watchProcess(pid) throws instead of polling a PID it can never judge', () => {
    expect(() => watch.watchProcess(4242)).toThrow(WatchError);
    expect(() => watch.watchProcess(4242)).toThrow(HIDDEN);
  });
});

describe('mock of FreeBSD kernel answers: ESRCH where nothing can hide a process', () => {
  const backend = freebsdBackend(false);
  const ids = createIdentityApi(backend);
  const watch = createWatchApi(backend, null);

  it('mock of FreeBSD kernel answers: ESRCH is a proof: dead, isAlive false, watchExit resolves dead', async () => {
    expect(ids.ownerStatus(record).verdict).toBe('dead');
    expect(watch.isAlive(record)).toBe(false);
    const info = await watch.watchExit(record);
    expect(info.reason).toBe('dead');
  });
});

describe('the lock judge over a mock of FreeBSD kernel answers (see_other_uids=0)', () => {
  const ids = createIdentityApi(freebsdBackend(true));
  function lockOf(mode: 'kernel' | 'lease') {
    const p = buildPayload({ ...record, access: 'full' } as never, { token: newToken(), maxHoldMs: 60_000, leaseMs: null, mode });
    return parseLockFile(serialisePayload(p), Date.now());
  }

  it('mock of FreeBSD: a hidden holder whose kernel lock is free no longer holds it (kernel-released)', () => {
    const j = judge(lockOf('kernel'), 'free', Date.now(), ids, new Set());
    expect(j.verdict).toBe('dead');
    expect(j.staleReasons).toEqual(['kernel-released']);
    expect(j.reclaimable).toBe(true);
    expect(j.detail).toMatch(/may be hiding it .*see_other_uids=0.*kernel lock is free/);
  });

  it('mock of FreeBSD: a hidden holder whose kernel lock is held is waited for, never reclaimed', () => {
    const j = judge(lockOf('kernel'), 'held', Date.now(), ids, new Set());
    expect(j.reclaimable).toBe(false);
    expect(j.verdict).toBe('unknown');
  });

  it('mock of FreeBSD: lease mode (no kernel lock to prove anything) stays unknown', () => {
    const j = judge(lockOf('lease'), 'unsupported', Date.now(), ids, new Set());
    expect(j.reclaimable).toBe(false);
    expect(j.verdict).toBe('unknown');
  });
});

// ---- usage (issue 23) ------------------------------------------------------------------------------

const NULL_USAGE: RawUsage = {
  atMs: 0,
  ...NO_USAGE_FIGURES,
  access: 'full',
  accessDetail: null,
};

/** A backend replaying one kernel's answer to every usage read (and its identity to probes). */
function replaying(platform: string, answer: (pid: number) => RawUsageSample | null, pin?: (pid: number) => RawUsagePin | null | 'unsupported'): Backend {
  return {
    name: 'native',
    probe: (pid) => answer(pid)?.identity ?? null,
    scope: () => ({ platform, bootId: platform === 'darwin' ? 'mock-boot' : null, bootTimeMs: Date.now() - 3_600_000, pidNamespace: null, hostname: os.hostname() }),
    checkAlive: () => null,
    command: () => null,
    clockOffsets: () => ({ monotonicNs: 0n, boottimeNs: 0n }), // macOS, FreeBSD, Windows: no time namespaces
    sampleUsage: (pids) => pids.map(answer),
    openUsage: pin ?? (() => 'unsupported'),
  };
}

const macIdentity = (pid: number, uid: string, state: RawIdentity['state'] = 'sleeping'): RawIdentity => ({
  pid,
  startToken: '1700000000123456',
  startTokenUnit: 'darwin-us',
  uniqueId: uid,
  uniqueIdKind: 'darwin-p_uniqueid',
  startTimeMs: 1700000000123,
  ppid: 1,
  state,
  access: 'full',
});

const macRecord = { ...macIdentity(4242, '777'), v: 1 as const, platform: 'darwin', bootId: 'mock-boot', pidNamespace: null, hostname: os.hostname() };

describe('usage over mocks of macOS and FreeBSD kernel answers', () => {
  it('mock of macOS kernel answers: another user\'s process (proc_pidinfo/proc_pid_rusage EPERM): alive, figures null with the reason', () => {
    const why = "macOS lets only the same user (or root) read another process's usage (proc_pidinfo, proc_pid_rusage: EPERM)";
    const api = createUsageApi(replaying('darwin', (pid) => ({ identity: macIdentity(pid, '777'), usage: { ...NULL_USAGE, atMs: 1, access: 'partial', accessDetail: why } })), null);
    const r = api.sampleUsage(macRecord);
    expect(r.verdict).toBe('alive');
    expect(r.usage).toMatchObject({ access: 'partial', accessDetail: why, cpuTotalMs: null, rssBytes: null });
    expect(r.detail).toContain('same user');
  });

  it('mock of macOS kernel answers: a zombie keeps the times rusage saved at exit: zombie with its final figures', () => {
    const api = createUsageApi(replaying('darwin', (pid) => ({ identity: macIdentity(pid, '777', 'zombie'), usage: { ...NULL_USAGE, atMs: 1, cpuUserMs: 3000, cpuSystemMs: 100, cpuTotalMs: 3100 } })), null);
    const r = api.sampleUsage(macRecord);
    expect(r.verdict).toBe('zombie');
    expect(r.usage?.cpuTotalMs).toBe(3100);
    expect(r.detail).toMatch(/final figures/);
  });

  it('mock of macOS kernel answers: the PID names another p_uniqueid: recycled, and its numbers are never returned', () => {
    const api = createUsageApi(replaying('darwin', (pid) => ({ identity: macIdentity(pid, '778'), usage: { ...NULL_USAGE, atMs: 1, cpuTotalMs: 5, rssBytes: 4096 } })), null);
    const r = api.sampleUsage(macRecord);
    expect(r.verdict).toBe('recycled');
    expect(r.usage).toBeNull();
  });

  it('mock of macOS kernel answers: a verified pin whose process is gone ends the watch with a final sample, not measured', async () => {
    let reads = 0;
    const pin: RawUsagePin = {
      sample: () => (++reads <= 2 ? { identity: macIdentity(4242, '777'), usage: { ...NULL_USAGE, atMs: reads * 10, cpuTotalMs: reads * 5 } } : null),
      close: () => {},
    };
    const api = createUsageApi(replaying('darwin', (pid) => ({ identity: macIdentity(pid, '777'), usage: { ...NULL_USAGE, atMs: 1 } }), () => pin), null);
    const w = api.watchUsage(macRecord, { intervalMs: 1 });
    expect(w.mechanism).toBe('pinned');
    const got: UsageSample[] = [];
    for await (const s of w) got.push(s);
    expect(got.map((s) => [s.measured, s.final, s.cpuPercent])).toEqual([
      [true, false, null],
      [true, false, 50],
      [false, true, null],
    ]);
    expect(got[2].reason).toBe('exited');
  });

  it('mock of FreeBSD kernel answers: a process hidden by see_other_uids=0 gives no figures: unknown, and watchUsage refuses', () => {
    const hidden = (pid: number): RawUsageSample => ({
      identity: { pid, startToken: null, startTokenUnit: null, uniqueId: null, uniqueIdKind: null, startTimeMs: null, ppid: null, state: null, access: 'partial', accessDetail: HIDDEN },
      usage: { ...NULL_USAGE, atMs: 1, access: 'partial', accessDetail: `the kernel may be hiding the process from this user (${HIDDEN}): no usage can be read` },
    });
    const api = createUsageApi(replaying('freebsd', hidden), null);
    const r = api.sampleUsage(record);
    expect(r.verdict).toBe('unknown');
    expect(r.usage).toBeNull();
    const p = api.sampleUsage(4242);
    expect(p.verdict).toBe('unknown');
    expect(p.usage).toBeNull();
    expect(p.detail).toContain(HIDDEN);
    expect(() => api.watchUsage(record)).toThrow(WatchError);
    expect(() => api.watchUsage(record)).toThrow(/EUNKNOWNIDENTITY|cannot watch/);
  });

  it('mock of FreeBSD kernel answers: ESRCH where nothing can hide a process: dead, and the watch says so', async () => {
    const api = createUsageApi(replaying('freebsd', () => null), null);
    expect(api.sampleUsage(record)).toMatchObject({ verdict: 'dead', usage: null });
    const got: UsageSample[] = [];
    for await (const s of api.watchUsage(record)) got.push(s);
    expect(got).toEqual([expect.objectContaining({ final: true, measured: false, reason: 'dead' })]);
  });
});
