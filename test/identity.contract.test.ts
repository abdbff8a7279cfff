/**
 * The identity contract, run over both backends (native addon and pure-TypeScript fallback) with
 * real processes. Linux-only cases (zombies made by sh, SIGSTOP, thread ids, setuid, PID
 * recycling through ns_last_pid) are skipped elsewhere with the reason in the test name.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import nodeGypBuild from 'node-gyp-build';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { addon, nativeBackendOf } from '../lib/binding';
import { fallbackBackend } from '../lib/fallback';
import { createIdentityApi } from '../lib/identity';
import { rootStartTicks } from '../lib/timens';
import type { Backend, ProcessIdentity } from '../lib/types';
import {
  cleanup,
  isLinux,
  killAndReap,
  makeZombie,
  needsLinuxRoot,
  nobodyNodeSkip,
  otherThreadIds,
  publicPackage,
  type RecycledA,
  recycleInTick,
  spawnIdle,
  underWine,
  unusedPid,
  waitFor,
  waitReleased,
} from './helpers';

const backends: Array<[string, Backend]> = [];
if (addon) backends.push(['native', nativeBackendOf(addon)]);
// The fallback has a Windows path (PowerShell) that wine cannot run; it runs wherever the OS
// tools it needs exist.
const fallbackRuns = !underWine;
if (fallbackRuns) backends.push(['fallback', fallbackBackend]);

afterEach(cleanup);
afterAll(cleanup);

describe.runIf(!fallbackRuns)('fallback backend under wine', () => {
  it.skip('skipped: wine has no PowerShell (its powershell.exe is a stub), which the Windows fallback needs', () => {});
});

/** Windows: waits until Node has let go of an exited child's handle (see waitReleased). */
const released = (api: { processIdentity(pid: number): unknown }, pid: number) => waitReleased((p) => api.processIdentity(p), pid);

/** A backend wrapper that counts probes: proves foreign records are never probed. */
function counting(b: Backend): { backend: Backend; probes: () => number } {
  let n = 0;
  return {
    backend: {
      name: b.name,
      scope: () => b.scope(),
      checkAlive: (pid) => b.checkAlive(pid),
      command: (pid) => b.command(pid),
      clockOffsets: () => b.clockOffsets(),
      probe: (pid) => {
        n++;
        return b.probe(pid);
      },
    },
    probes: () => n,
  };
}

describe.each(backends)('identity contract (%s backend)', (name, backend) => {
  const api = createIdentityApi(backend);
  const native = name === 'native';

  it('reports its backend name', () => {
    expect(api.backend).toBe(name);
  });

  it('reads this process: every field, with the scope', () => {
    const me = api.processIdentity(process.pid)!;
    expect(me).not.toBeNull();
    expect(me.v).toBe(1);
    expect(me.platform).toBe(process.platform);
    expect(me.pid).toBe(process.pid);
    expect(me.startToken).toMatch(/^\d+$/);
    expect(me.access).toBe('full');
    expect(me.ppid).toBe(process.ppid);
    expect(me.state === 'running' || me.state === 'sleeping').toBe(true);
    expect(typeof me.startTimeMs).toBe('number');
    // Started within the life of this test run, not at some made-up time.
    expect(me.startTimeMs!).toBeLessThanOrEqual(Date.now() + 1000);
    expect(me.startTimeMs!).toBeGreaterThan(Date.now() - 3600_000);
    expect(me.hostname).toBe(api.currentScope().hostname);
    expect(me.bootId).toBe(api.bootIdentity().bootId);
    if (isLinux) {
      expect(me.startTokenUnit).toBe('linux-ticks');
      expect(me.bootId).toMatch(/^[0-9a-f-]{36}$/);
      expect(me.pidNamespace).toMatch(/^\d+$/);
      if (native) {
        // pidfs (Linux >= 6.9) gives a per-boot unique id; older kernels say null.
        if (me.uniqueId !== null) expect(me.uniqueIdKind).toBe('linux-pidfs-inode');
      } else {
        expect(me.uniqueId).toBeNull(); // the fallback cannot know it and never fakes it
        expect(me.uniqueIdKind).toBeNull();
      }
    }
  });

  it('selfIdentity is cached and cannot be corrupted by the caller', () => {
    const a = api.selfIdentity();
    (a as { pid: number }).pid = 1;
    const b = api.selfIdentity();
    expect(b.pid).toBe(process.pid);
    expect(api.compareIdentity(b, api.processIdentity(process.pid))).toBe('same');
  });

  it('a spawned child is alive; after SIGKILL it is dead', async () => {
    const child = spawnIdle();
    const id = api.processIdentity(child.pid!)!;
    expect(id).not.toBeNull();
    expect(id.pid).toBe(child.pid);
    expect(api.ownerStatus(id).verdict).toBe('alive');
    expect(api.compareIdentity(id)).toBe('same');
    await killAndReap(child);
    await released(api, child.pid!);
    expect(api.processIdentity(child.pid!)).toBeNull();
    const st = api.ownerStatus(id);
    expect(st.verdict).toBe('dead');
    expect(st.current).toBeNull();
    expect(api.compareIdentity(id)).toBe('different');
    expect(api.compareIdentity(id, null)).toBe('different');
  });

  it('a PID that names no process is null and dead', () => {
    const pid = unusedPid();
    expect(api.processIdentity(pid)).toBeNull();
    expect(api.ownerStatus({ pid }).verdict).toBe('dead');
  });

  it.runIf(isLinux)('PID 1 exists (Linux)', () => {
    const init = api.processIdentity(1)!;
    expect(init).not.toBeNull();
    expect(init.pid).toBe(1);
    expect(init.ppid).toBe(0);
  });

  it.runIf(isLinux)('a zombie (parent does not reap) is reported as zombie (Linux)', async () => {
    const { pid, parent } = await makeZombie();
    const id = api.processIdentity(pid)!;
    expect(id).not.toBeNull();
    expect(id.state).toBe('zombie');
    expect(api.ownerStatus(id).verdict).toBe('zombie');
    // A legacy record naming the zombie's PID: whatever it was, its owner is not alive.
    expect(api.ownerStatus({ pid }).verdict).toBe('zombie');
    await killAndReap(parent);
    await waitFor(() => api.processIdentity(pid) === null, 15_000, 'zombie to be reaped');
    expect(api.ownerStatus(id).verdict).toBe('dead');
  });

  it.runIf(isLinux)('a SIGSTOPped process is stopped and still alive (Linux)', async () => {
    const child = spawnIdle();
    const before = api.processIdentity(child.pid!)!;
    child.kill('SIGSTOP');
    const stopped = await waitFor(
      () => {
        const id = api.processIdentity(child.pid!);
        return id && id.state === 'stopped' ? id : null;
      },
      15_000,
      'stopped state',
    );
    expect(api.compareIdentity(before, stopped)).toBe('same');
    expect(api.ownerStatus(before).verdict).toBe('alive');
    child.kill('SIGCONT');
    await waitFor(() => api.processIdentity(child.pid!)?.state !== 'stopped', 15_000, 'resume');
  });

  it.runIf(isLinux)('a thread id of a multi-threaded process is not a process (Linux)', () => {
    const tids = otherThreadIds();
    expect(tids.length).toBeGreaterThan(0); // Node always runs helper threads
    for (const tid of tids) {
      expect(api.processIdentity(tid)).toBeNull();
    }
    // kill(tid, 0) would have said "alive": that is the lie this check prevents.
    expect(() => process.kill(tids[0], 0)).not.toThrow();
  });

  it.skipIf(needsLinuxRoot() !== null)(
    `a process of another user (sleep as nobody) is alive${needsLinuxRoot() ? ` [skipped: ${needsLinuxRoot()}]` : ''}`,
    async () => {
      const child = spawn('sleep', ['30'], { uid: 65534, gid: 65534, stdio: 'ignore' });
      try {
        await waitFor(() => api.processIdentity(child.pid!)?.startToken, 15_000, 'nobody child');
        const id = api.processIdentity(child.pid!)!;
        expect(api.ownerStatus(id).verdict).toBe('alive');
      } finally {
        await killAndReap(child);
      }
    },
  );

  it('JSON round trip keeps the identity comparable', async () => {
    const child = spawnIdle();
    const id = api.processIdentity(child.pid!)!;
    const copy = JSON.parse(JSON.stringify(id)) as ProcessIdentity;
    expect(copy).toEqual(id);
    expect(api.compareIdentity(copy)).toBe('same');
    expect(api.ownerStatus(copy).verdict).toBe('alive');
    await killAndReap(child);
    await released(api, child.pid!);
    expect(api.ownerStatus(copy).verdict).toBe('dead');
  });

  it('a forged start token on a live PID is recycled / different', () => {
    const me = api.selfIdentity();
    const forged = { ...me, uniqueId: null, uniqueIdKind: null, startToken: String(BigInt(me.startToken!) + 1n) };
    expect(api.compareIdentity(forged)).toBe('different');
    const st = api.ownerStatus(forged);
    expect(st.verdict).toBe('recycled');
    expect(st.current?.pid).toBe(process.pid);
  });

  it('boot mismatch gives other-boot, without asking what holds the PID now', () => {
    const c = counting(backend);
    const a = createIdentityApi(c.backend);
    const me = a.selfIdentity();
    const n = c.probes();
    const old = { ...me, bootId: '00000000-0000-4000-8000-000000000000' };
    if (me.bootId !== null) {
      expect(a.ownerStatus(old).verdict).toBe('other-boot');
      expect(a.compareIdentity(old)).toBe('different');
      expect(c.probes()).toBe(n);
    }
    // A legacy record written before this boot started.
    const boot = a.bootIdentity();
    if (me.bootId !== null && boot.bootTimeMs !== null) {
      // The same boot id wins over a wall-clock "before this boot": btime moves when the clock is
      // stepped, so a holder that wrote its record before an NTP step is not other-boot.
      expect(a.ownerStatus({ ...me, createdAtMs: boot.bootTimeMs - 600_000 }).verdict).toBe('alive');
    }
    if (boot.bootTimeMs !== null) {
      expect(a.ownerStatus({ pid: process.pid, createdAtMs: boot.bootTimeMs - 60_000 }).verdict).toBe(
        'other-boot',
      );
    }
  });

  it('records from another host or PID namespace are foreign and never probed', () => {
    const c = counting(backend);
    const a = createIdentityApi(c.backend);
    const me = a.selfIdentity();
    const n = c.probes();
    // Another host: another hostname and another boot (with this boot id and PID namespace the
    // hostname alone decides nothing: see test/containers.test.ts).
    const otherHost = { ...me, hostname: `${me.hostname}-elsewhere`, bootId: me.bootId === null ? null : '0badb007-0000-4000-8000-000000000000' };
    const st = a.ownerStatus(otherHost);
    expect(st.verdict).toBe('foreign');
    expect(st.current).toBeNull();
    expect(st.detail).toMatch(/host/);
    expect(a.compareIdentity(otherHost)).toBe('unknown');
    if (me.pidNamespace !== null) {
      const otherNs = { ...me, pidNamespace: '1' };
      expect(a.ownerStatus(otherNs).verdict).toBe('foreign');
      expect(a.compareIdentity(otherNs)).toBe('unknown');
    }
    expect(a.ownerStatus({ pid: 1, hostname: 'no-such-host.example' }).verdict).toBe('foreign');
    expect(c.probes()).toBe(n);
  });

  it('legacy records: {pid} alive is unknown, never dead; start token and createdAt decide', async () => {
    const child = spawnIdle();
    const id = api.processIdentity(child.pid!)!;
    const pid = child.pid!;
    // No token: cannot tell.
    const bare = api.ownerStatus({ pid });
    expect(bare.verdict).toBe('unknown');
    expect(bare.current?.pid).toBe(pid);
    // OpenClaw-style start token as a number, no unit: compared in this platform's unit.
    const asNumber = Number(id.startToken);
    if (Number.isSafeInteger(asNumber)) {
      expect(api.ownerStatus({ pid, startToken: asNumber }).verdict).toBe('alive');
      expect(api.ownerStatus({ pid, startToken: asNumber + 7 }).verdict).toBe('recycled');
    } else {
      // Windows FILETIMEs exceed 2^53: as a number the token has already lost precision. Refused.
      expect(() => api.ownerStatus({ pid, startToken: asNumber })).toThrow(/startToken/);
    }
    expect(api.ownerStatus({ pid, startToken: id.startToken }).verdict).toBe('alive');
    expect(api.ownerStatus({ pid, startToken: String(BigInt(id.startToken!) + 7n) }).verdict).toBe('recycled');
    // Written after the process started: consistent, still unknown without a token.
    expect(api.ownerStatus({ pid, createdAtMs: Date.now() }).verdict).toBe('unknown');
    // Written long before the live process started: the PID was recycled. Unless that instant is
    // before this boot (under wine "boot" is the wineserver start, seconds ago): then other-boot.
    const st = api.ownerStatus({ pid, createdAtMs: id.startTimeMs! - 30_000 });
    const bootMs = api.bootIdentity().bootTimeMs;
    if (bootMs === null || id.startTimeMs! - 30_000 >= bootMs - 2000) {
      expect(st.verdict).toBe('recycled');
      expect(st.detail).toMatch(/after the record was written/);
    } else {
      expect(st.verdict).toBe('other-boot');
    }
    // The tolerance is honoured: 30 s before start but a 60 s tolerance is not proof.
    expect(api.ownerStatus({ pid, createdAtMs: id.startTimeMs! - 30_000 }, { clockToleranceMs: 60_000 }).verdict).toBe(
      'unknown',
    );
    await killAndReap(child);
    await released(api, pid);
    expect(api.ownerStatus({ pid }).verdict).toBe('dead');
  });

  /** A's identity as pidproof recorded it while it lived (ticks in the root namespace's terms). */
  function identityOfA(a: RecycledA): ProcessIdentity {
    const me = api.selfIdentity();
    const offsets = api.clockOffsets();
    return {
      ...me,
      pid: a.pid,
      startToken: String(rootStartTicks(BigInt(a.rawTicks), offsets?.boottimeNs ?? 0n)),
      // pidproof reads a unique id only where the kernel has pidfs (then B has one too).
      uniqueId: me.uniqueId !== null && a.inode !== null ? String(a.inode) : null,
      uniqueIdKind: me.uniqueId !== null && a.inode !== null ? me.uniqueIdKind : null,
      ppid: null,
      state: null,
    };
  }

  it.skipIf(needsLinuxRoot() !== null)(
    `real PID recycling through ns_last_pid, B started in a later tick: recycled / different${needsLinuxRoot() ? ` [skipped: ${needsLinuxRoot()}]` : ''}`,
    async () => {
      await recycleInTick('later', (a, pid) => {
        const A = identityOfA(a);
        const B = api.processIdentity(pid)!;
        expect(B.pid).toBe(A.pid);
        expect(BigInt(B.startToken!)).toBeGreaterThan(BigInt(A.startToken!));
        // kill(pid, 0) says alive: the lie.
        expect(() => process.kill(pid, 0)).not.toThrow();
        expect(api.ownerStatus(A).verdict).toBe('recycled');
        expect(api.compareIdentity(A, B)).toBe('different');
        // By its start token alone too (no unique id: the fallback, kernels before 6.9).
        expect(api.compareIdentity({ ...A, uniqueId: null, uniqueIdKind: null })).toBe('different');
      });
    },
    180_000,
  );

  it.skipIf(needsLinuxRoot() !== null)(
    `real PID recycling through ns_last_pid within one clock tick: only the pidfs inode tells them apart${needsLinuxRoot() ? ` [skipped: ${needsLinuxRoot()}]` : ''}`,
    async () => {
      await recycleInTick('same', (a, pid) => {
        const A = identityOfA(a);
        const B = api.processIdentity(pid)!;
        expect(B.pid).toBe(A.pid);
        // Both started within one clock tick (10 ms): the start token cannot tell them apart.
        expect(B.startToken).toBe(A.startToken);
        if (native && A.uniqueId !== null) {
          // Only the pidfs inode can, and it does.
          expect(B.uniqueId).not.toBe(A.uniqueId);
          expect(api.compareIdentity(A, B)).toBe('different');
          expect(api.ownerStatus(A).verdict).toBe('recycled');
        } else {
          // No unique id (the fallback, a kernel without pidfs): an honest "same", documented as
          // the limit of start tokens.
          expect(api.compareIdentity(A, B)).toBe('same');
          expect(api.ownerStatus(A).verdict).toBe('alive');
        }
      });
    },
    180_000,
  );

  it('rejects bad arguments with TypeError/RangeError naming the argument', () => {
    const typeErrors: unknown[] = [1.5, NaN, Infinity, '1', '123', 1n, null, undefined, {}, [], true];
    for (const v of typeErrors) {
      expect(() => api.processIdentity(v as number), String(v)).toThrow(TypeError);
      expect(() => api.processIdentity(v as number), String(v)).toThrow(/pid/);
    }
    const rangeErrors = [0, -1, -2147483648, 2147483648, 2 ** 53];
    for (const v of rangeErrors) {
      expect(() => api.processIdentity(v), String(v)).toThrow(RangeError);
      expect(() => api.processIdentity(v), String(v)).toThrow(/pid/);
    }
    expect(() => api.ownerStatus(null as never)).toThrow(/record must be an object/);
    expect(() => api.ownerStatus({ pid: '12' } as never)).toThrow(/record\.pid/);
    expect(() => api.ownerStatus({ pid: 0 })).toThrow(RangeError);
    expect(() => api.ownerStatus({ pid: 1, startToken: '12a' })).toThrow(/record\.startToken/);
    expect(() => api.ownerStatus({ pid: 1, startToken: -5 })).toThrow(/record\.startToken/);
    expect(() => api.ownerStatus({ pid: 1, createdAtMs: NaN })).toThrow(/record\.createdAtMs/);
    expect(() => api.ownerStatus({ pid: 1 }, { clockToleranceMs: -1 })).toThrow(/clockToleranceMs/);
    expect(() => api.ownerStatus({ pid: 1 }, { clockTolerance: 5 } as never)).toThrow(/did you mean options\.clockToleranceMs\?/);
    expect(() => api.compareIdentity(undefined as never)).toThrow(/recorded/);
    expect(() => api.compareIdentity({ pid: 1 }, 'x' as never)).toThrow(/current/);
  });
});

describe.runIf(addon !== null)('native addon argument checks in C++', () => {
  it('never crashes on bad arguments to the raw addon', () => {
    const a = addon!;
    for (const v of [undefined, null, '1', 1n, 1.5, NaN, Infinity, {}, () => 1]) {
      expect(() => a.probe(v as number)).toThrow(TypeError);
      expect(() => a.checkAlive(v as number)).toThrow(TypeError);
      expect(() => a.tryLock(v as number, true)).toThrow(TypeError);
    }
    for (const v of [0, -1, 2 ** 31, 1e300]) {
      expect(() => a.probe(v)).toThrow(RangeError);
    }
    expect(() => a.tryLock(-1, true)).toThrow(RangeError);
    for (const v of [undefined, null, 5, 5n, '', 'x1', '1.5', '123456789012345678901']) {
      expect(() => a.aliveExact(process.pid, v as string), String(v)).toThrow(/uniqueId/);
    }
    expect(() => a.aliveExact(1, '99999999999999999999')).toThrow(RangeError);
    expect(() => a.aliveExact(0, '1')).toThrow(RangeError);
    const me = a.checkAlive(process.pid);
    if (me !== null && me.uniqueId !== null) {
      expect(a.aliveExact(process.pid, me.uniqueId)).toBe(1);
      expect(a.aliveExact(process.pid, String(BigInt(me.uniqueId) + 1n))).toBe(0); // another process
    }
    expect(() => a.tryLock(0, 'yes' as never)).toThrow(/exclusive/);
    expect(() => (a.probe as () => unknown)()).toThrow(/pid/);
  });

  it.skipIf(needsLinuxRoot() !== null)(
    `hidepid: another user's hidden process exists with access "partial"${needsLinuxRoot() ? ` [skipped: ${needsLinuxRoot()}]` : ''}`,
    (ctx) => {
    // A private /proc with hidepid=2, probed as nobody: /proc/1 is invisible, the pidfd is not.
    const why = nobodyNodeSkip();
    if (why !== null) {
      ctx.skip(why);
      return;
    }
    // The addon from a world-readable copy: nobody may not enter this checkout (a clone in /root).
    const pkg = publicPackage();
    const addonPath = nodeGypBuild.path(pkg);
    let out: string;
    try {
      out = execFileSync(
        'unshare',
        [
          '-m',
          '--propagation',
          'private',
          'sh',
          '-c',
          `mount -t proc -o hidepid=2 proc /proc && exec setpriv --reuid=65534 --regid=65534 --clear-groups ${process.execPath} -e "console.log(JSON.stringify(require(process.argv[1]).probe(1)))" ${addonPath}`,
        ],
        { encoding: 'utf8' },
      );
    } catch (err) {
      // unshare/mount refused (e.g. an unprivileged container): a skip that says so, not a pass.
      // Anything else (the probe itself failing as nobody) is a failure, never a skip.
      const stderr = String((err as { stderr?: unknown }).stderr ?? '');
      if (!/^(unshare|mount)\b/m.test(stderr)) throw err;
      ctx.skip(`hidepid case not runnable here: ${stderr.split('\n')[0]}`);
      return;
    } finally {
      fs.rmSync(pkg, { recursive: true, force: true });
    }
    const id = JSON.parse(out);
    expect(id.pid).toBe(1);
    expect(id.access).toBe('partial');
    expect(id.startToken).toBeNull();
    expect(id.uniqueId === null || /^\d+$/.test(id.uniqueId)).toBe(true);
  });
});
