/**
 * Migration without manual cleanup: lock files pidproof cannot judge become reclaimable after
 * `reclaimUnknownAfterMs` (never while a kernel lock is held on them), ages come from the record,
 * and bare PID files can be checked against the command their process runs. Real files, real
 * processes, real kernel locks.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  acquireLock,
  acquireLockSync,
  inspectLock,
  LockTimeoutError,
  ownerStatus,
  scanLocks,
  selfIdentity,
  withLock,
} from '../lib/index';
import { buildPayload, newToken, serialisePayload } from '../lib/lock/payload';
import { cleanup, isLinux, killAndReap, spawnFlockHolder, tmpDir, track, unusedPid } from './helpers';

afterEach(cleanup);

const MIN = 60_000;

function iso(msAgo: number): string {
  return new Date(Date.now() - msAgo).toISOString();
}

/** A pidproof payload written `ageMs` ago, one byte changed after the checksum: it never verifies. */
function tornPayload(ageMs: number): Buffer {
  const p = buildPayload(selfIdentity(), { token: newToken(), maxHoldMs: 60_000, leaseMs: null, mode: 'kernel' });
  p.createdAtMs = Date.now() - ageMs;
  p.createdAt = new Date(p.createdAtMs).toISOString();
  const b = serialisePayload(p);
  const i = b.indexOf('"command":"') + 11;
  b[i] = b[i] === 0x78 ? 0x79 : 0x78;
  return b;
}

/** The unjudgeable files an OpenClaw migration meets, each written `ageMs` ago. */
function unjudgeable(dir: string, ageMs: number): Record<string, string> {
  const files: Record<string, string | Buffer> = {
    'empty.lock': '',
    'braces.lock': '{}',
    'pid-minus-one.lock': JSON.stringify({ pid: -1, createdAt: iso(ageMs) }),
    'bad-starttime.lock': JSON.stringify({ pid: unusedPid(), createdAt: iso(ageMs), starttime: 'yesterday' }),
    'torn.lock': tornPayload(ageMs),
  };
  const out: Record<string, string> = {};
  const t = (Date.now() - ageMs) / 1000;
  for (const [name, body] of Object.entries(files)) {
    const p = path.join(dir, name);
    fs.writeFileSync(p, body);
    fs.utimesSync(p, t, t);
    out[name] = p;
  }
  return out;
}

describe('reclaimUnknownAfterMs', () => {
  it('default: unjudgeable files are never reclaimed, whatever their age', async () => {
    const dir = tmpDir();
    const files = unjudgeable(dir, 2 * 60 * MIN);
    for (const [name, p] of Object.entries(files)) {
      const i = inspectLock(p);
      expect(i.format, name).toBe('unknown');
      expect(i.reclaimable, name).toBe(false);
      expect(i.detail, name).toMatch(/never reclaimed automatically \(unless reclaimUnknownAfterMs is set\)/);
      const err = await acquireLock(p, { timeoutMs: 50 }).catch((e: unknown) => e);
      expect(err, name).toBeInstanceOf(LockTimeoutError);
    }
  });

  it('older than the option and no kernel lock: reclaimed (unknown-expired), by acquireLock, acquireLockSync and withLock', async () => {
    const dir = tmpDir();
    const files = unjudgeable(dir, 45 * MIN);
    const names = Object.keys(files);
    for (const [k, name] of names.entries()) {
      const p = files[name];
      expect(inspectLock(p, { reclaimUnknownAfterMs: 30 * MIN })).toMatchObject({ reclaimable: true, staleReasons: ['unknown-expired'] });
      if (k % 3 === 0) {
        const l = await acquireLock(p, { reclaimUnknownAfterMs: 30 * MIN, timeoutMs: 1000 });
        expect(l.reclaimed?.staleReasons, name).toEqual(['unknown-expired']);
        await l.release();
      } else if (k % 3 === 1) {
        const l = acquireLockSync(p, { reclaimUnknownAfterMs: 30 * MIN, timeoutMs: 1000 });
        expect(l.reclaimed?.staleReasons, name).toEqual(['unknown-expired']);
        l.releaseSync();
      } else {
        const reasons = await withLock(p, (l) => l.reclaimed?.staleReasons, { reclaimUnknownAfterMs: 30 * MIN, timeoutMs: 1000 });
        expect(reasons, name).toEqual(['unknown-expired']);
      }
    }
  });

  it('younger than the option: not yet, and the detail says when', () => {
    const dir = tmpDir();
    const files = unjudgeable(dir, 2 * MIN);
    for (const [name, p] of Object.entries(files)) {
      const i = inspectLock(p, { reclaimUnknownAfterMs: 30 * MIN });
      expect(i.reclaimable, name).toBe(false);
      expect(i.detail, name).toMatch(/reclaimable once older than reclaimUnknownAfterMs 1800000/);
    }
    expect(() => acquireLockSync(files['braces.lock'], { reclaimUnknownAfterMs: 30 * MIN, timeoutMs: 0 })).toThrow(LockTimeoutError);
  });

  it('the age comes from the record when it states one (createdAt), else from the mtime (fs.utimes)', () => {
    const dir = tmpDir();
    const stated = path.join(dir, 'stated.lock');
    // Written just now (mtime), but it says it was created 40 minutes ago.
    fs.writeFileSync(stated, JSON.stringify({ pid: -1, createdAt: iso(40 * MIN) }));
    const i = inspectLock(stated, { reclaimUnknownAfterMs: 30 * MIN });
    expect(i.ageMs).toBeGreaterThan(39 * MIN);
    expect(i.reclaimable).toBe(true);
    // The other way round: an old mtime, no stated time.
    const dated = path.join(dir, 'dated.lock');
    fs.writeFileSync(dated, 'garbage');
    const t = (Date.now() - 40 * MIN) / 1000;
    fs.utimesSync(dated, t, t);
    expect(inspectLock(dated).ageMs).toBeGreaterThan(39 * MIN);
    // A judged OpenClaw record: age from createdAt, not from the mtime.
    const oc = path.join(dir, 'oc.jsonl.lock');
    fs.writeFileSync(oc, JSON.stringify({ pid: unusedPid(), createdAt: iso(10 * MIN) }));
    expect(inspectLock(oc).ageMs).toBeGreaterThan(9 * MIN);
  });

  it.skipIf(!isLinux)('never while a live process holds its kernel lock (a legacy holder that flocks the file itself); the wait is no busy loop', async () => {
    const dir = tmpDir();
    const files = unjudgeable(dir, 2 * 60 * MIN);
    for (const name of ['braces.lock', 'torn.lock']) {
      const p = files[name];
      const before = fs.readFileSync(p);
      const holder = spawnFlockHolder(p);
      await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
      try {
        const i = inspectLock(p, { reclaimUnknownAfterMs: 30 * MIN });
        expect(i.kernelHeld, name).toBe(true);
        expect(i.reclaimable, name).toBe(false);
        if (name === 'braces.lock') expect(i.detail).toMatch(/a live process holds its kernel lock: never reclaimed by age/);
        // 1.5 s of waiting costs a few milliseconds of CPU (a torn read used to be retried every
        // 1-5 ms for the whole wait: ~300 ms of CPU here).
        const cpu = process.cpuUsage();
        const err = (await acquireLock(p, { reclaimUnknownAfterMs: 30 * MIN, timeoutMs: 1500 }).catch((e: unknown) => e)) as LockTimeoutError;
        const used = process.cpuUsage(cpu);
        expect(err, name).toBeInstanceOf(LockTimeoutError);
        expect(err.holder?.kernelHeld, name).toBe(true);
        expect((used.user + used.system) / 1000, `${name}: CPU ms while waiting`).toBeLessThan(100);
        expect(fs.readFileSync(p).equals(before), name).toBe(true);
      } finally {
        await killAndReap(holder);
      }
    }
  });

  it('scanLocks / fixLocks with the option remove exactly the expired unjudgeable files', async () => {
    const dir = tmpDir();
    const old = unjudgeable(dir, 2 * 60 * MIN);
    const fresh = path.join(dir, 'fresh.lock');
    fs.writeFileSync(fresh, '{}');
    const live = await acquireLock(path.join(dir, 'live.lock'));
    try {
      const plain = await scanLocks(dir);
      expect(plain.filter((e) => e.action === 'remove')).toEqual([]);
      const entries = await scanLocks(dir, { fix: true, reclaimUnknownAfterMs: 30 * MIN });
      const by = Object.fromEntries(entries.map((e) => [path.basename(e.path), e]));
      for (const name of Object.keys(old)) {
        expect(by[name].action, name).toBe('removed');
        expect(by[name].staleReasons, name).toEqual(['unknown-expired']);
        expect(fs.existsSync(old[name]), name).toBe(false);
      }
      expect(by['fresh.lock'].action).toBe('keep');
      expect(by['live.lock'].action).toBe('keep');
      expect(fs.existsSync(fresh)).toBe(true);
    } finally {
      await live.release();
    }
  });

  it('validates the option', () => {
    const dir = tmpDir();
    const p = path.join(dir, 'v.lock');
    expect(() => acquireLockSync(p, { reclaimUnknownAfterMs: -1 })).toThrow(RangeError);
    expect(() => acquireLockSync(p, { reclaimUnknownAfterMs: '30m' as never })).toThrow(/reclaimUnknownAfterMs must be a number/);
    expect(() => inspectLock(p, { reclaimUnknownAfterMs: NaN })).toThrow(TypeError);
  });
});

describe('command check for bare PID files (evidence, not proof)', () => {
  async function sleeper(): Promise<ReturnType<typeof spawn>> {
    const s = track(spawn('sleep', ['1000'], { stdio: 'ignore' }));
    await new Promise((r) => s.once('spawn', r));
    return s;
  }

  it('a bare PID file naming a live sleep: unknown without, recycled with legacyCommand /openviking/', async () => {
    const s = await sleeper();
    const dir = tmpDir();
    const pidfile = path.join(dir, '.openviking.pid');
    fs.writeFileSync(pidfile, `${s.pid}\n`);
    const without = inspectLock(pidfile);
    expect(without.verdict).toBe('unknown');
    expect(without.reclaimable).toBe(false);
    const withCmd = inspectLock(pidfile, { legacyCommand: /openviking/ });
    expect(withCmd.verdict).toBe('recycled');
    expect(withCmd.staleReasons).toEqual(['recycled-pid']);
    expect(withCmd.detail).toMatch(/now runs "sleep 1000", which does not match the expected command \/openviking\//);
    const l = await acquireLock(pidfile, { legacyCommand: /openviking/, timeoutMs: 1000 });
    expect(l.reclaimed?.staleReasons).toEqual(['recycled-pid']);
    await l.release();
    // A matching command is evidence only: still unknown, never reclaimed.
    fs.writeFileSync(pidfile, `${s.pid}\n`);
    const match = inspectLock(pidfile, { legacyCommand: 'sleep' });
    expect(match.verdict).toBe('unknown');
    expect(match.detail).toMatch(/matches "sleep"; that is evidence, not proof/);
    await killAndReap(s);
  });

  it('ownerStatus(record, { command }) applies only to records without a start token or unique id', async () => {
    const s = await sleeper();
    expect(ownerStatus({ pid: s.pid! }).verdict).toBe('unknown');
    expect(ownerStatus({ pid: s.pid! }, { command: 'openviking' }).verdict).toBe('recycled');
    expect(ownerStatus({ pid: s.pid! }, { command: /^sleep 1000$/g }).verdict).toBe('unknown');
    // A full record is decided by its identity: the command option is never consulted.
    const me = selfIdentity();
    expect(ownerStatus(me, { command: 'certainly-not-this' }).verdict).toBe('alive');
    expect(() => ownerStatus({ pid: s.pid! }, { command: '' })).toThrow(TypeError);
    expect(() => ownerStatus({ pid: s.pid! }, { command: 5 as never })).toThrow(/must be a string or a RegExp/);
    expect(() => ownerStatus({ pid: s.pid! }, { comand: 'x' } as never)).toThrow(/did you mean options.command/);
    await killAndReap(s);
  });

  it('a full pidproof lock is unaffected by legacyCommand', async () => {
    const dir = tmpDir();
    const p = path.join(dir, 'full.lock');
    const l = await acquireLock(p);
    try {
      const i = inspectLock(p, { legacyCommand: /certainly-not-node/ });
      expect(i.verdict).toBe('alive');
      expect(i.reclaimable).toBe(false);
    } finally {
      await l.release();
    }
  });
});
