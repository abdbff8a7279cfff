/**
 * What the identity and watch layers make of kernel answers this machine cannot produce. The
 * backend here is a mock that replays recorded answers of another kernel; each test name says
 * which. (The native rules that produce these answers are unit-tested in native-logic.test.ts.)
 */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { createIdentityApi } from '../lib/identity';
import type { Backend, RawIdentity } from '../lib/types';
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
