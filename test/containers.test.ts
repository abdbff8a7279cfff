/**
 * Containers on one kernel, with real namespaces (util-linux `unshare`, root): a lock written in
 * another PID namespace or under another hostname with this boot id is judged by its kernel lock;
 * Node as PID 1 never runs without its lock; a masked boot id is null and locks keep working;
 * legacy records from "the previous container" are judged against this namespace's processes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, acquireLockSync, bootIdentity, compareIdentity, currentScope, inspectLock, isAlive, LockTimeoutError, ownerStatus, selfIdentity } from '../lib/index';
import { cleanup, gone, isLinux, isRoot, killAndReap, repoRoot, spawnFlockHolder, tmpDir, waitFor } from './helpers';
import { fixture, forgeLock, selfId, startHolder } from './lock-helpers';

afterEach(cleanup);

function unshareWorks(): boolean {
  if (!isLinux || !isRoot) return false;
  const r = spawnSync('unshare', ['-p', '-f', '-u', '--mount-proc', 'true'], { stdio: 'ignore' });
  return r.status === 0;
}

const skipWhy = !isLinux
  ? 'Linux only'
  : !isRoot
    ? 'needs root (unshare of PID/UTS/mount namespaces)'
    : !unshareWorks()
      ? 'util-linux unshare cannot create namespaces here'
      : null;
const nsIt = skipWhy === null ? it : it.skip;
const suffix = skipWhy === null ? '' : ` (skipped: ${skipWhy})`;

/** A new PID namespace (the holder is its PID 1), optionally with its own hostname. */
function container(hostname?: string): string[] {
  const base = ['unshare', '-p', '-f', '--kill-child', '--mount-proc'];
  if (hostname === undefined) return base;
  return [...base, '-u', 'sh', '-c', `echo ${hostname} > /proc/sys/kernel/hostname && exec "$0" "$@"`];
}

/** Another hostname only (a UTS namespace), same PID namespace: unshare execs the holder. */
function utsOnly(hostname: string): string[] {
  return ['unshare', '-u', 'sh', '-c', `echo ${hostname} > /proc/sys/kernel/hostname && exec "$0" "$@"`];
}

function sigkill(pid: number): void {
  process.kill(pid, 'SIGKILL');
}

function readStat(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return '';
  }
}

describe(`one kernel, one truth: kernel-mode locks across namespaces${suffix}`, () => {
  nsIt('container restart: a holder SIGKILLed in its PID namespace is reclaimed from a new namespace and from the host', async () => {
    const dir = tmpDir();
    const lock = path.join(dir, 'session.lock');
    const here = currentScope();

    // Round 1: holder in namespace A, crash, contender in a new namespace B.
    const a = startHolder(lock, { maxHoldMs: 3_600_000 }, {}, container());
    const acquired = await a.next('acquired');
    expect(acquired.pid).toBe(1);
    expect(acquired.pidNamespace).not.toBe(here.pidNamespace);
    // Alive: judged by its kernel lock, never by probing PID 1 here.
    const live = inspectLock(lock);
    expect(live.verdict).toBe('alive');
    expect(live.reclaimable).toBe(false);
    expect(live.detail).toMatch(new RegExp(`holder PID 1 in PID namespace ${acquired.pidNamespace} on this kernel holds its kernel lock`));
    const hostPidA = await a.hostPid();
    sigkill(hostPidA);
    await gone(hostPidA);
    const dead = inspectLock(lock);
    expect(dead.verdict).toBe('dead');
    expect(dead.staleReasons).toEqual(['kernel-released']);
    expect(dead.reclaimable).toBe(true);
    expect(dead.detail).toMatch(/on this kernel; its kernel lock is free: it is gone/);
    const b = startHolder(lock, {}, {}, container());
    const got = await b.next('acquired');
    if (got.pidNamespace === acquired.pidNamespace) {
      // The kernel reused the dead namespace's nsfs inode number for the new one: the record now
      // looks local there and is judged by identity (PID 1 is another process now).
      expect(got.reclaimed).toEqual(['recycled-pid']);
    } else {
      expect(got.reclaimed).toEqual(['kernel-released']);
    }

    // Round 2: B crashes too; a contender on the host reclaims it.
    const hostPidB = await b.hostPid();
    sigkill(hostPidB);
    await gone(hostPidB);
    const mine = await acquireLock(lock, { timeoutMs: 10_000 });
    expect(mine.reclaimed?.staleReasons).toEqual(['kernel-released']);
    expect(mine.reclaimed?.holder.detail).toMatch(/in PID namespace \d+ on this kernel; its kernel lock is free/);
    await mine.release();
  });

  nsIt('sibling container (own PID + UTS namespaces): never reclaimed while alive, reclaimed after its SIGKILL', async () => {
    const dir = tmpDir();
    const lock = path.join(dir, 'shared.lock');
    const h = startHolder(lock, { maxHoldMs: 3_600_000 }, {}, container('sibling-7f3a'));
    const acquired = await h.next('acquired');
    expect(acquired.hostname).toBe('sibling-7f3a');
    let timeout: unknown;
    try {
      acquireLockSync(lock, { timeoutMs: 300 });
    } catch (err) {
      timeout = err;
    }
    expect(timeout).toBeInstanceOf(LockTimeoutError);
    const holder = (timeout as LockTimeoutError).holder!;
    expect(holder.verdict).toBe('alive');
    expect(holder.kernelHeld).toBe(true);
    expect(holder.detail).toMatch(/in PID namespace \d+ on host "sibling-7f3a" on this kernel holds its kernel lock/);
    expect((timeout as Error).message).toMatch(/held by PID 1 \(alive, pidproof/);
    // pidproof watch waits on the kernel lock (its PID cannot be pinned here): a timeout first,
    // then a watch that returns once the holder is killed.
    const cli = path.join(repoRoot, 'dist', 'cli.js');
    const t = spawnSync(process.execPath, [cli, 'watch', '--json', '--timeout', '0.3', lock], { encoding: 'utf8' });
    expect(t.status).toBe(1);
    expect(JSON.parse(t.stdout)).toMatchObject({ reason: 'timeout', timedOut: true, pid: 1 });
    expect(JSON.parse(t.stdout).detail).toMatch(/in PID namespace \d+ on host "sibling-7f3a" on this kernel\) still holds it/);
    const { spawn } = await import('node:child_process');
    const watcher = spawn(process.execPath, [cli, 'watch', '--json', '--timeout', '30', lock], { stdio: ['ignore', 'pipe', 'inherit'] });
    let wout = '';
    watcher.stdout!.on('data', (d: Buffer) => (wout += d.toString()));
    const watched = new Promise<number | null>((resolve) => watcher.once('close', (c) => resolve(c)));
    const pid = await h.hostPid();
    sigkill(pid);
    await gone(pid);
    expect(await watched).toBe(0);
    expect(['exited', 'dead']).toContain(JSON.parse(wout).reason);
    const mine = await acquireLock(lock, { timeoutMs: 10_000 });
    expect(mine.reclaimed?.staleReasons).toEqual(['kernel-released']);
    await mine.release();
  });

  nsIt('UTS namespace only (another hostname, same PID namespace): judged here by identity; its crash is reclaimed', async () => {
    const dir = tmpDir();
    const lock = path.join(dir, 'uts.lock');
    const h = startHolder(lock, { maxHoldMs: 3_600_000 }, {}, utsOnly('renamed-host'));
    const acquired = await h.next('acquired');
    expect(acquired.hostname).toBe('renamed-host');
    expect(acquired.pidNamespace).toBe(currentScope().pidNamespace);
    const live = inspectLock(lock);
    // Same boot and PID namespace: the hostname decides nothing; the PID is probed here.
    expect(live.verdict).toBe('alive');
    expect(live.detail).not.toMatch(/foreign|another host/);
    const pid = await h.hostPid();
    expect(acquired.pid).toBe(pid);
    sigkill(pid);
    await gone(pid);
    const i = inspectLock(lock);
    expect(i.reclaimable).toBe(true);
    expect(i.staleReasons.some((r) => r === 'dead-pid' || r === 'zombie-pid')).toBe(true);
    const mine = await acquireLock(lock, { timeoutMs: 10_000 });
    expect(mine.reclaimed).not.toBeNull();
    await mine.release();
  });

  nsIt('pidproof doctor --fix on a directory shared by three namespaces removes exactly the dead one', async () => {
    const dir = tmpDir();
    const holders = ['one', 'two', 'three'].map((n, i) =>
      startHolder(path.join(dir, `${n}.lock`), { maxHoldMs: 3_600_000 }, {}, container(i === 1 ? 'sibling-b' : undefined)),
    );
    for (const h of holders) await h.next('acquired');
    const victim = await holders[1].hostPid();
    sigkill(victim);
    await gone(victim);
    const cli = path.join(repoRoot, 'dist', 'cli.js');
    const r = spawnSync(process.execPath, [cli, 'doctor', '--fix', '--json', dir], { encoding: 'utf8' });
    const out = JSON.parse(r.stdout) as { entries: Array<{ path: string; action: string; verdict: string; staleReasons: string[] }> };
    const byName = Object.fromEntries(out.entries.map((e) => [path.basename(e.path), e]));
    expect(byName['two.lock'].action).toBe('removed');
    expect(byName['two.lock'].staleReasons).toEqual(['kernel-released']);
    expect(byName['one.lock'].action).toBe('keep');
    expect(byName['one.lock'].verdict).toBe('alive');
    expect(byName['three.lock'].action).toBe('keep');
    expect(fs.existsSync(path.join(dir, 'two.lock'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'one.lock'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'three.lock'))).toBe(true);
  });

  it('a hostname alone decides nothing when the boot id and PID namespace are ours (macOS renames hosts on network changes)', () => {
    const me = selfIdentity();
    const renamed = { ...me, hostname: 'renamed-by-dhcp.example' };
    if (me.bootId === null) {
      expect(ownerStatus(renamed).verdict).toBe('foreign');
      return;
    }
    expect(ownerStatus(renamed).verdict).toBe('alive');
    expect(isAlive(renamed)).toBe(true);
    expect(compareIdentity(renamed)).toBe('same');
    expect(compareIdentity(renamed, me)).toBe('same');
    // Another PID namespace, or another boot: still foreign / another boot.
    expect(ownerStatus({ ...renamed, pidNamespace: '4026599999' }).verdict).toBe('foreign');
    expect(ownerStatus({ ...renamed, bootId: '0badb007-0000-4000-8000-000000000000' }).verdict).toBe('foreign');
    expect(ownerStatus({ ...me, bootId: '0badb007-0000-4000-8000-000000000000' }).verdict).toBe('other-boot');
  });

  it('a forged kernel-mode record from another PID namespace of this boot: free kernel lock → kernel-released', () => {
    const dir = tmpDir();
    const lock = path.join(dir, 'forged.lock');
    forgeLock(lock, selfId(), { pid: 7, pidNamespace: '4026599999', mode: 'kernel' });
    const i = inspectLock(lock);
    if (currentScope().bootId === null) {
      // No boot id here (masked): the same-kernel rule cannot apply; today's rules keep it.
      expect(i.verdict).toBe('foreign');
      expect(i.reclaimable).toBe(false);
      return;
    }
    expect(i.verdict).toBe('dead');
    expect(i.staleReasons).toEqual(['kernel-released']);
    expect(i.detail).toBe('holder PID 7 in PID namespace 4026599999 on this kernel; its kernel lock is free: it is gone');
  });

  it('the same record in lease mode, from another boot, or without a boot id keeps the old rules', () => {
    const dir = tmpDir();
    const lease = path.join(dir, 'lease.lock');
    forgeLock(lease, selfId(), { pid: 7, pidNamespace: '4026599999', mode: 'lease' });
    expect(inspectLock(lease).verdict).toBe('foreign');
    expect(inspectLock(lease).reclaimable).toBe(false);
    const noBoot = path.join(dir, 'noboot.lock');
    forgeLock(noBoot, selfId(), { pid: 7, pidNamespace: '4026599999', bootId: null });
    expect(inspectLock(noBoot).verdict).toBe('foreign');
    expect(inspectLock(noBoot).reclaimable).toBe(false);
    const other = path.join(dir, 'other.lock');
    forgeLock(other, selfId(), { pid: 7, pidNamespace: '4026599999', bootId: 'another-boot' });
    const o = inspectLock(other);
    // Another boot of this host (its hostname is ours): the old rule, other-boot.
    expect(o.verdict).toBe('other-boot');
    expect(o.staleReasons).toEqual(['other-boot']);
  });

  it(`a kernel-mode record from another PID namespace whose file a live process flocks is alive${isLinux ? '' : ' (skipped: Linux flock(1))'}`, async () => {
    if (!isLinux || currentScope().bootId === null) return;
    const dir = tmpDir();
    const lock = path.join(dir, 'flocked.lock');
    forgeLock(lock, selfId(), { pid: 7, pidNamespace: '4026599999', mode: 'kernel' });
    const f = spawnFlockHolder(lock);
    try {
      await new Promise<void>((resolve) => f.stdout!.once('data', () => resolve()));
      const i = inspectLock(lock);
      expect(i.verdict).toBe('alive');
      expect(i.reclaimable).toBe(false);
      expect(i.kernelHeld).toBe(true);
      expect(() => acquireLockSync(lock, { timeoutMs: 0 })).toThrow(LockTimeoutError);
    } finally {
      await killAndReap(f);
    }
  });
});

describe(`Node as PID 1 of a PID namespace keeps its lock whatever signal it gets${suffix}`, () => {
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    nsIt(`${sig}: at no moment running without its lock`, async () => {
      const dir = tmpDir();
      const lock = path.join(dir, 'pid1.lock');
      const h = startHolder(lock, { maxHoldMs: 3_600_000 }, {}, container());
      const acquired = await h.next('acquired');
      expect(acquired.pid).toBe(1);
      h.send('beat 20');
      await h.next('beat');
      const pid = await h.hostPid();
      process.kill(pid, sig);
      // A ping answered after the kill: the event-loop turn in which any handler of the signal
      // would run has come (libuv's signal pipe was written at the kill, before our stdin line).
      h.send('ping');
      await h.next('pong');
      const from = h.events.length;
      // While it keeps printing heartbeats (each printed after that turn), a contender probes at
      // every one: the holder is running, its lock.signal not aborted, and the lock still held.
      for (let k = 0; k < 4; k++) {
        const beat = await waitFor(() => h.events.slice(from).filter((e) => e.event === 'beat')[k], 15_000, `heartbeat ${k} after ${sig}`);
        expect(beat.aborted, `beat ${k}`).toBe(false);
        expect(readStat(pid), `beat ${k}`).not.toBe('');
        expect(() => acquireLockSync(lock, { timeoutMs: 0 }), `beat ${k}`).toThrow(LockTimeoutError);
      }
      const i = inspectLock(lock);
      expect(i.kernelHeld).toBe(true);
      expect(i.verdict).toBe('alive');
      // SIGKILL is the only way to end it (as docker stop does after its grace period).
      sigkill(pid);
      await gone(pid);
      const mine = await acquireLock(lock, { timeoutMs: 10_000 });
      expect(mine.reclaimed?.staleReasons).toEqual(['kernel-released']);
      await mine.release();
    });
  }

  nsIt('outside PID 1, SIGTERM still releases and ends the holder with the signal', async () => {
    const dir = tmpDir();
    const lock = path.join(dir, 'plain.lock');
    const h = startHolder(lock, { maxHoldMs: 3_600_000 });
    await h.next('acquired');
    const exited = new Promise<NodeJS.Signals | null>((resolve) => h.child.once('exit', (_c, s) => resolve(s)));
    h.child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    expect(fs.existsSync(lock)).toBe(false);
  });
});

describe(`legacy records and masked boot ids in containers${suffix}`, () => {
  nsIt('an OpenClaw record of "the previous container" whose PID a new low-PID process reuses is recycled', () => {
    const dir = tmpDir();
    const lock = path.join(dir, 'sess.jsonl.lock');
    // Written a minute ago by PID 2 of the previous container; no starttime (an old OpenClaw).
    fs.writeFileSync(lock, JSON.stringify({ pid: 2, createdAt: new Date(Date.now() - 60_000).toISOString() }));
    const script = `const p = require(${JSON.stringify(path.join(repoRoot, 'dist', 'index.js'))});
      const i = p.inspectLock(${JSON.stringify(lock)});
      process.stdout.write(JSON.stringify({ verdict: i.verdict, reasons: i.staleReasons, detail: i.detail, pid: process.pid }));`;
    // sh is PID 1 and starts sleep as PID 2, then becomes node (still PID 1).
    const out = execFileSync(
      'unshare',
      ['-p', '-f', '--kill-child', '--mount-proc', 'sh', '-c', 'sleep 600 & exec "$0" -e "$1"', process.execPath, script],
      { encoding: 'utf8' },
    );
    const r = JSON.parse(out) as { verdict: string; reasons: string[]; detail: string; pid: number };
    expect(r.pid).toBe(1);
    expect(r.verdict).toBe('recycled');
    expect(r.reasons).toEqual(['recycled-pid']);
    expect(r.detail).toMatch(/PID 2 started at .*after the record was written/);
  });

  for (const backend of ['native', 'fallback'] as const) {
    nsIt(`a masked (empty) boot_id is null, and acquire/release still work (${backend} backend)`, () => {
      const dir = tmpDir();
      const empty = path.join(dir, 'empty');
      fs.writeFileSync(empty, '');
      const lock = path.join(dir, 'masked.lock');
      const script = `const p = require(${JSON.stringify(path.join(repoRoot, 'dist', 'index.js'))});
        const b = p.bootIdentity();
        const l = p.acquireLockSync(${JSON.stringify(lock)});
        const held = p.inspectLock(${JSON.stringify(lock)});
        l.releaseSync();
        process.stdout.write(JSON.stringify({ backend: p.backend, bootId: b.bootId, payloadBoot: l.payload.bootId, verdict: held.verdict, gone: !require('fs').existsSync(${JSON.stringify(lock)}) }));`;
      const out = execFileSync(
        'unshare',
        ['-m', 'sh', '-c', 'mount --bind "$0" /proc/sys/kernel/random/boot_id && exec "$1" -e "$2"', empty, process.execPath, script],
        { encoding: 'utf8', env: { ...process.env, PIDPROOF_BACKEND: backend } },
      );
      const r = JSON.parse(out) as Record<string, unknown>;
      expect(r).toEqual({ backend, bootId: null, payloadBoot: null, verdict: 'alive', gone: true });
      // Outside the mount namespace the boot id is still there.
      expect(typeof bootIdentity().bootId).toBe('string');
    });
  }
});

// The fixture must exist (compiled by `pretest`).
it('the lock-holder fixture is built', () => {
  expect(fs.existsSync(fixture('lock-holder'))).toBe(true);
});
