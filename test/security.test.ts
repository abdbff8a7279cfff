/**
 * Hostile local users and shared directories, with a real second user (`nobody`, through
 * util-linux `setpriv`; root only): the doctor cannot be steered into another directory, readers
 * cannot pin a dead holder's lock, sticky directories give clear answers and no litter, odd files
 * at the lock or guard path are refused, and hostile payloads never throw.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  acquireLock,
  acquireLockSync,
  fixLocks,
  inspectLock,
  LockPathError,
  LockTimeoutError,
  scanLocks,
} from '../lib/index';
import { buildPayload, newToken, parseLockFile, serialisePayload } from '../lib/lock/payload';
import { identity } from '../lib/identity';
import { cleanup, isLinux, isRoot, killAndReap, repoRoot, spawnFlockHolder, tmpDir, track, unusedPid } from './helpers';
import { startHolder } from './lock-helpers';

afterEach(cleanup);

const NOBODY = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
const distIndex = path.join(repoRoot, 'dist', 'index.js');
/** A python3 that another user can run (a pyenv shim under /root is not one). */
const SYSTEM_PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** Can `nobody` run Node on this checkout (a clone in a private directory cannot)? */
function nobodyCanRun(): boolean {
  if (!isLinux || !isRoot) return false;
  const r = spawnSync(NOBODY[0], [...NOBODY.slice(1), process.execPath, '-e', `require(${JSON.stringify(distIndex)})`], {
    stdio: 'ignore',
  });
  return r.status === 0;
}

const why = !isLinux
  ? 'Linux only'
  : !isRoot
    ? 'needs root to act as a second user (setpriv nobody)'
    : !nobodyCanRun()
      ? 'nobody cannot read this checkout (a private directory): dist/ is not world-readable'
      : null;
const asNobody = why === null ? it : it.skip;
const skipped = why === null ? '' : ` (skipped: ${why})`;

/** A directory both root and nobody can use: world-writable and sticky, like /tmp. */
function stickyDir(): string {
  const d = tmpDir('pidproof-sticky-');
  fs.chmodSync(d, 0o1777);
  return d;
}

/** A directory nobody can traverse but not write. */
function openDir(): string {
  const d = tmpDir('pidproof-sec-');
  fs.chmodSync(d, 0o755);
  return d;
}

/** Runs a Node script as nobody; returns its parsed JSON output. */
function nobodyNode(script: string): Record<string, unknown> {
  const out = execFileSync(NOBODY[0], [...NOBODY.slice(1), process.execPath, '-e', script], { encoding: 'utf8' });
  return JSON.parse(out) as Record<string, unknown>;
}

/** An acquire by nobody with a short timeout: what it threw (or that it acquired). */
function nobodyAcquire(lock: string, opts: Record<string, unknown> = {}): Record<string, unknown> {
  return nobodyNode(`const p = require(${JSON.stringify(distIndex)});
    try {
      const l = p.acquireLockSync(${JSON.stringify(lock)}, { timeoutMs: 300, ...${JSON.stringify(opts)} });
      l.releaseSync();
      process.stdout.write(JSON.stringify({ acquired: true }));
    } catch (e) {
      process.stdout.write(JSON.stringify({ name: e.name, code: e.code, message: e.message, detail: e.holder ? e.holder.detail : null }));
    }`);
}

/**
 * A process as nobody asking for a flock on `file` (shared or exclusive) and keeping it until
 * killed. `locked` resolves once it has it: while a holder keeps its exclusive lock, the request
 * waits in the kernel and is granted the instant the holder dies — the attack.
 */
function startSquatter(file: string, mode: '-s' | '-x'): { proc: ReturnType<typeof spawn>; locked: Promise<void> } {
  // One process that opens the file read-only, flocks it, and sleeps: killing it releases the lock.
  const py = `import fcntl, sys, time\nf = open(sys.argv[1], 'rb')\nfcntl.flock(f, fcntl.${mode === '-s' ? 'LOCK_SH' : 'LOCK_EX'})\nprint('locked', flush=True)\ntime.sleep(600)`;
  const proc = track(spawn(NOBODY[0], [...NOBODY.slice(1), SYSTEM_PYTHON, '-c', py, file], { stdio: ['ignore', 'pipe', 'pipe'] }));
  const locked = new Promise<void>((resolve, reject) => {
    let s = '';
    proc.stdout!.on('data', (d: Buffer) => {
      s += d.toString();
      if (s.includes('locked')) resolve();
    });
    proc.stderr!.on('data', (d: Buffer) => reject(new Error(`squatter: ${d.toString()}`)));
    proc.once('exit', (code) => reject(new Error(`squatter exited (${code}) before locking`)));
  });
  return { proc, locked };
}

function filesOf(dir: string, uid: number): string[] {
  return fs.readdirSync(dir).filter((n) => fs.lstatSync(path.join(dir, n)).uid === uid);
}

// ---- 1. the doctor cannot be steered -----------------------------------------------------------

describe(`doctor --fix follows no directory swapped after the scan${skipped}`, () => {
  function tree(): { top: string; victim: string; userDir: string } {
    const top = stickyDir();
    const userDir = path.join(top, 'u');
    fs.mkdirSync(userDir);
    fs.writeFileSync(path.join(userDir, 'daemon.pid'), `${unusedPid()}\n`);
    execFileSync('chown', ['-R', '65534:65534', userDir]);
    // Root's own directory, never scanned: its stale PID file must survive the attack.
    const victim = tmpDir('pidproof-victim-');
    fs.writeFileSync(path.join(victim, 'daemon.pid'), `${unusedPid()}\n`);
    return { top, victim, userDir };
  }

  function swap(userDir: string, victim: string): void {
    // What the owner of u/ may do in a sticky directory: move its own directory away and put a
    // symlink to root's directory in its place.
    execFileSync(NOBODY[0], [...NOBODY.slice(1), 'sh', '-c', `mv "$0" "$0.old" && ln -s "$1" "$0"`, userDir, victim]);
  }

  function untouched(victim: string): void {
    expect(fs.readdirSync(victim)).toEqual(['daemon.pid']);
  }

  asNobody('scanLocks, then a swap, then fixLocks: the swapped directory is skipped, the victim untouched', async () => {
    const { top, victim, userDir } = tree();
    const entries = await scanLocks(top, { recursive: true });
    const stale = entries.find((e) => e.path === path.join(userDir, 'daemon.pid'))!;
    expect(stale.action).toBe('remove');
    swap(userDir, victim);
    const fixed = await fixLocks(entries);
    const after = fixed.find((e) => e.path === stale.path)!;
    expect(after.action).toBe('skipped');
    expect(after.error).toMatch(/changed since it was scanned/);
    untouched(victim);
  });

  asNobody('scanLocks({ fix: true }) with the swap made when the fix phase starts (as against pidproof doctor --fix -r)', async () => {
    const { top, victim, userDir } = tree();
    let swapped = false;
    const entries = await scanLocks(top, {
      recursive: true,
      fix: true,
      onProgress: (p) => {
        if (p.phase === 'scan' && p.done === p.found && p.done > 0 && !swapped) {
          swapped = true;
          swap(userDir, victim);
        }
      },
    });
    expect(swapped).toBe(true);
    const e = entries.find((x) => x.path === path.join(userDir, 'daemon.pid'))!;
    expect(e.action).toBe('skipped');
    untouched(victim);
  });

  asNobody('an unchanged tree is still fixed', async () => {
    const { top, victim, userDir } = tree();
    const entries = await scanLocks(top, { recursive: true, fix: true });
    expect(entries.find((x) => x.path === path.join(userDir, 'daemon.pid'))!.action).toBe('removed');
    expect(fs.existsSync(path.join(userDir, 'daemon.pid'))).toBe(false);
    untouched(victim);
  });
});

// ---- 2. readers cannot pin a lock ----------------------------------------------------------------

describe(`a user with read access cannot pin a dead holder's lock${skipped}`, () => {
  it.skipIf(process.platform === 'win32')('lock and guard files are created 0600 by default (or exactly `mode`), whatever the umask', async () => {
    const dir = tmpDir();
    const old = process.umask(0o000);
    try {
      // A stale lock, so that the acquire reclaims it and creates the guard too.
      fs.writeFileSync(path.join(dir, 'm.lock'), `${unusedPid()}\n`);
      const l = await acquireLock(path.join(dir, 'm.lock'));
      expect(l.reclaimed?.staleReasons).toEqual(['dead-pid']);
      expect(fs.statSync(l.path).mode & 0o777).toBe(0o600);
      expect(fs.statSync(`${l.path}.pidproof-guard`).mode & 0o777).toBe(0o600);
      await l.release();
      process.umask(0o077);
      const w = await acquireLock(path.join(dir, 'w.lock'), { mode: 0o644 });
      expect(fs.statSync(w.path).mode & 0o777).toBe(0o644);
      await w.release();
      // The guard opens (read-only: all a flock needs) only to the classes that may read the lock
      // and replace it (write its directory, not sticky): they may reclaim it.
      for (const [dirMode, mode, guard] of [
        [0o755, 0o644, 0o600],
        [0o775, 0o640, 0o640],
        [0o775, 0o664, 0o640],
        [0o777, 0o644, 0o644],
        [0o777, 0o600, 0o600],
        [0o1777, 0o666, 0o600],
      ]) {
        const sub = path.join(dir, `d${dirMode.toString(8)}-${mode.toString(8)}`);
        fs.mkdirSync(sub);
        fs.chmodSync(sub, dirMode);
        const gp = path.join(sub, 'g.lock');
        fs.writeFileSync(gp, `${unusedPid()}\n`);
        const g = await acquireLock(gp, { mode });
        expect(g.reclaimed?.staleReasons).toEqual(['dead-pid']);
        expect(fs.statSync(`${gp}.pidproof-guard`).mode & 0o777, `${dirMode.toString(8)} ${mode.toString(8)}`).toBe(guard);
        await g.release();
      }
      // A guard an older pidproof made with the lock's own mode is narrowed by the next reclaim.
      const old = path.join(dir, 'old.lock');
      fs.writeFileSync(old, `${unusedPid()}\n`);
      fs.writeFileSync(`${old}.pidproof-guard`, '', { mode: 0o644 });
      const o = await acquireLock(old, { mode: 0o644 });
      expect(o.reclaimed?.staleReasons).toEqual(['dead-pid']);
      expect(fs.statSync(`${old}.pidproof-guard`).mode & 0o777).toBe(0o600);
      await o.release();
    } finally {
      process.umask(old);
    }
    expect(() => acquireLockSync(path.join(dir, 'x.lock'), { mode: 0o755 })).toThrow(RangeError);
    expect(() => acquireLockSync(path.join(dir, 'x.lock'), { mode: 0o044 })).toThrow(/include 0o600/);
    expect(() => acquireLockSync(path.join(dir, 'x.lock'), { mode: '644' as never })).toThrow(TypeError);
  });

  asNobody('default mode: nobody cannot even open the lock, so cannot flock it', async () => {
    const dir = openDir();
    const lock = path.join(dir, 'd.lock');
    const h = startHolder(lock, { maxHoldMs: 3_600_000 });
    await h.next('acquired');
    const r = spawnSync(NOBODY[0], [...NOBODY.slice(1), 'flock', '-n', '-s', lock, 'true'], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/Permission denied|cannot open/);
    await killAndReap(h.child);
    const l = await acquireLock(lock, { timeoutMs: 5000 });
    expect(l.reclaimed?.staleReasons).toEqual(['dead-pid']);
    await l.release();
  });

  for (const lockMode of ['-s', '-x'] as const) {
    asNobody(`mode 0o644 and a ${lockMode === '-s' ? 'shared' : 'exclusive'} flock squatter as nobody: inspectLock and acquire agree, the dead holder's lock is reclaimed`, async () => {
      const dir = openDir();
      const lock = path.join(dir, 'r.lock');
      const h = startHolder(lock, { maxHoldMs: 3_600_000, mode: 0o644 });
      await h.next('acquired');
      // The squatter queues for the lock while the holder lives and gets it as the holder dies.
      const squatter = startSquatter(lock, lockMode);
      await killAndReap(h.child);
      await squatter.locked;
      const i = inspectLock(lock);
      expect(i.kernelHeld).toBe(true);
      expect(i.reclaimable).toBe(true);
      expect(i.staleReasons).toEqual(['dead-pid']);
      expect(i.detail).toMatch(new RegExp(`kernel lock is held by PID ${squatter.proc.pid}, which is not its holder`));
      const entries = await scanLocks(dir);
      expect(entries.find((e) => e.path === lock)!.action).toBe('remove');
      const l = await acquireLock(lock, { timeoutMs: 5000 });
      expect(l.reclaimed?.staleReasons).toEqual(['dead-pid']);
      await l.release();
    });
  }

  asNobody('mode 0o644: a reader cannot open the replacement guard either, so cannot hold it to block reclaims', async () => {
    const dir = openDir();
    const lock = path.join(dir, 'rg.lock');
    const first = startHolder(lock, { maxHoldMs: 3_600_000, mode: 0o644 });
    await first.next('acquired');
    await killAndReap(first.child);
    // The second holder reclaims: the guard now exists, as after any reclaim.
    const second = startHolder(lock, { maxHoldMs: 3_600_000, mode: 0o644 });
    expect((await second.next('acquired')).reclaimed).toEqual(['dead-pid']);
    const guard = `${lock}.pidproof-guard`;
    expect(fs.statSync(guard).mode & 0o777).toBe(0o600);
    const r = spawnSync(NOBODY[0], [...NOBODY.slice(1), 'flock', '-n', '-x', guard, 'true'], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/Permission denied|cannot open/);
    // The lock itself stays readable, as mode 0o644 asks.
    expect(nobodyNode(`process.stdout.write(JSON.stringify({ n: require('fs').readFileSync(${JSON.stringify(lock)}).length }))`).n).toBeGreaterThan(0);
    await killAndReap(second.child);
    const l = await acquireLock(lock, { timeoutMs: 5000 });
    expect(l.reclaimed?.staleReasons).toEqual(['dead-pid']);
    await l.release();
  });

  asNobody('a user who may replace the lock (writes its directory) can still take a guard another user left', async () => {
    // A world-writable, not sticky, directory: nobody may replace root's 0644 lock, so it may
    // reclaim it, and must be able to open the guard root's reclaim left there.
    const dir = openDir();
    fs.chmodSync(dir, 0o777);
    const lock = path.join(dir, 'shared.lock');
    const first = startHolder(lock, { maxHoldMs: 3_600_000, mode: 0o644 });
    await first.next('acquired');
    await killAndReap(first.child);
    const second = startHolder(lock, { maxHoldMs: 3_600_000, mode: 0o644 });
    expect((await second.next('acquired')).reclaimed).toEqual(['dead-pid']);
    expect(fs.statSync(`${lock}.pidproof-guard`)).toMatchObject({ uid: 0 });
    expect(fs.statSync(`${lock}.pidproof-guard`).mode & 0o777).toBe(0o644);
    await killAndReap(second.child);
    expect(nobodyAcquire(lock, { mode: 0o644, timeoutMs: 5000 })).toEqual({ acquired: true });
  });

  asNobody('a squatter queued beside a live holder changes nothing: held, never reclaimed', async () => {
    const dir = openDir();
    const lock = path.join(dir, 'live.lock');
    const h = startHolder(lock, { maxHoldMs: 3_600_000, mode: 0o644 });
    await h.next('acquired');
    const squatter = startSquatter(lock, '-s');
    squatter.locked.catch(() => undefined);
    const i = inspectLock(lock);
    expect(i.verdict).toBe('alive');
    expect(i.reclaimable).toBe(false);
    expect(() => acquireLockSync(lock, { timeoutMs: 0 })).toThrow(LockTimeoutError);
    h.send('ping');
    expect((await h.next('pong')).aborted).toBe(false);
  });
});

// ---- 3. sticky directories -------------------------------------------------------------------------

describe(`sticky directories: a LockTimeoutError that says why, and no litter${skipped}`, () => {
  for (const mode of [0o644, 0o600]) {
    asNobody(`root's holder dies in a sticky directory; nobody's acquire (lock mode 0o${mode.toString(8)}) times out with the reason`, async () => {
      const dir = stickyDir();
      const lock = path.join(dir, 'root.lock');
      const h = startHolder(lock, { maxHoldMs: 3_600_000, mode });
      await h.next('acquired');
      await killAndReap(h.child);
      const r = nobodyAcquire(lock);
      expect(r.code).toBe('ELOCKTIMEOUT');
      if (mode === 0o644) {
        expect(r.detail).toMatch(/stale, but its directory is sticky .* belongs to uid 0/);
      } else {
        expect(r.detail).toMatch(/cannot read the lock file \(permission denied: owned by uid 0, mode 0600\).*sticky/);
      }
      expect(filesOf(dir, 65534)).toEqual([]);
      // Root still reclaims it.
      const l = await acquireLock(lock, { timeoutMs: 5000 });
      expect(l.reclaimed?.staleReasons).toEqual(['dead-pid']);
      await l.release();
    });
  }

  /**
   * nobody's first holder dies; nobody's second reclaims the lock (creating the guard, owned by
   * nobody) and dies too: a stale lock and nobody's leftover guard, in a sticky directory where
   * fs.protected_regular=1 refuses even root an O_CREAT open of the guard.
   */
  async function deadNobodyWithGuard(dir: string, name: string): Promise<{ lock: string; guard: string; pid: number }> {
    const lock = path.join(dir, name);
    const first = startHolder(lock, { maxHoldMs: 3_600_000 }, {}, NOBODY);
    await first.next('acquired');
    await killAndReap(first.child);
    const second = startHolder(lock, { maxHoldMs: 3_600_000 }, {}, NOBODY);
    expect((await second.next('acquired')).reclaimed).toEqual(['dead-pid']);
    const pid = await second.hostPid();
    const guard = `${lock}.pidproof-guard`;
    expect(fs.lstatSync(guard).uid).toBe(65534);
    expect(fs.lstatSync(lock).uid).toBe(65534);
    await killAndReap(second.child);
    return { lock, guard, pid };
  }

  async function withProtectedRegular(fn: () => Promise<void>): Promise<void> {
    const sysctl = '/proc/sys/fs/protected_regular';
    const before = fs.readFileSync(sysctl, 'utf8').trim();
    fs.writeFileSync(sysctl, '1');
    try {
      await fn();
    } finally {
      fs.writeFileSync(sysctl, before);
    }
  }

  asNobody('a guard left by a dead nobody holder never blocks root, with fs.protected_regular=1', () =>
    withProtectedRegular(async () => {
      const dir = stickyDir();
      const { lock } = await deadNobodyWithGuard(dir, 'n.lock');
      const l = await acquireLock(lock, { timeoutMs: 5000 });
      expect(l.reclaimed?.staleReasons).toEqual(['dead-pid']);
      await l.release();
    }));

  asNobody('doctor --fix removes a dead nobody holder\'s lock despite its leftover guard, with fs.protected_regular=1', () =>
    withProtectedRegular(async () => {
      const dir = stickyDir();
      const { lock, guard, pid } = await deadNobodyWithGuard(dir, 'n.lock');
      const before = fs.lstatSync(lock);
      // Both are on disk when the doctor runs: the dead holder's lock and nobody's guard.
      expect(fs.existsSync(guard)).toBe(true);
      const entries = await scanLocks(dir, { fix: true });
      const e = entries.find((x) => x.path === lock)!;
      expect(e).toBeDefined();
      expect(e).toMatchObject({
        kind: 'lock',
        pid,
        verdict: 'dead',
        reclaimable: true,
        staleReasons: ['dead-pid'],
        action: 'removed',
        note: 'reclaimed (dead-pid) and released',
        error: null,
      });
      expect(entries.filter((x) => x.action === 'failed' || x.action === 'skipped')).toEqual([]);
      // Nothing raw anywhere in the report: no errno leaked from the guard or the lock.
      expect(JSON.stringify(entries)).not.toMatch(/EACCES|EPERM|permission denied|cannot be opened/i);
      // The dead holder's lock file is gone (or replaced by another inode), nothing left for a rescan.
      const after = fs.existsSync(lock) ? fs.lstatSync(lock) : null;
      if (after) expect(after.ino === before.ino && after.dev === before.dev).toBe(false);
      const again = await scanLocks(dir);
      expect(again.filter((x) => x.action === 'remove' || x.action === 'failed')).toEqual([]);
    }));
});

// ---- 6. odd files -------------------------------------------------------------------------------------

describe('odd files at the lock or guard path: refused, never followed or modified', () => {
  it.skipIf(process.platform === 'win32')('a unix socket at the lock path is a LockPathError', async () => {
    const dir = tmpDir();
    const lock = path.join(dir, 's.lock');
    const srv = net.createServer().listen(lock);
    await new Promise((r) => srv.once('listening', r));
    try {
      expect(() => inspectLock(lock)).toThrow(LockPathError);
      expect(() => inspectLock(lock)).toThrow(/socket/);
      const err = await acquireLock(lock, { timeoutMs: 200 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LockPathError);
      expect(fs.lstatSync(lock).isSocket()).toBe(true);
    } finally {
      srv.close();
    }
  });

  it('a directory at the guard path: a LockTimeoutError naming it; the stale lock and the directory stay', async () => {
    const dir = tmpDir();
    const lock = path.join(dir, 'g.lock');
    fs.writeFileSync(lock, `${unusedPid()}\n`);
    fs.mkdirSync(`${lock}.pidproof-guard`);
    fs.writeFileSync(path.join(`${lock}.pidproof-guard`, 'keep'), 'x');
    const i = inspectLock(lock);
    expect(i.staleReasons).toEqual(['dead-pid']);
    // inspectLock says what the acquire then meets: stale, not reclaimable, and why.
    expect(i.reclaimable).toBe(false);
    expect(i.detail).toMatch(/replacement guard .*pidproof-guard is a directory/);
    expect((await scanLocks(dir)).find((e) => e.path === lock)?.action).not.toBe('remove');
    const err = (await acquireLock(lock, { timeoutMs: 200 }).catch((e: unknown) => e)) as LockTimeoutError;
    expect(err).toBeInstanceOf(LockTimeoutError);
    expect(err.holder?.detail).toMatch(/replacement guard .*pidproof-guard is a directory/);
    expect(fs.readFileSync(path.join(`${lock}.pidproof-guard`, 'keep'), 'utf8')).toBe('x');
    expect(fs.existsSync(lock)).toBe(true);
  });

  asNobody('a guard planted and held by nobody in a sticky directory: inspect, the doctor and acquire agree and name the PID; freed when it exits', async () => {
    const dir = stickyDir();
    const lock = path.join(dir, 'planted.lock');
    const guard = `${lock}.pidproof-guard`;
    const h = startHolder(lock, { maxHoldMs: 3_600_000 });
    await h.next('acquired');
    execFileSync(NOBODY[0], [...NOBODY.slice(1), 'touch', guard]);
    const squatter = startSquatter(guard, '-x');
    await squatter.locked;
    await killAndReap(h.child);
    const i = inspectLock(lock);
    expect(i).toMatchObject({ verdict: 'dead', staleReasons: ['dead-pid'], reclaimable: false, kernelHeld: false });
    expect(i.detail).toMatch(new RegExp(`replacement guard .* is held by PID ${squatter.proc.pid} \\(owned by uid 65534`));
    const entries = await scanLocks(dir, { fix: true });
    const e = entries.find((x) => x.path === lock)!;
    expect(e.action).not.toBe('removed');
    expect(e.detail).toMatch(/replacement guard .* is held by PID/);
    const err = (await acquireLock(lock, { timeoutMs: 300 }).catch((x: unknown) => x)) as LockTimeoutError;
    expect(err).toBeInstanceOf(LockTimeoutError);
    expect(err.holder?.detail).toMatch(new RegExp(`held by PID ${squatter.proc.pid}`));
    expect(() => acquireLockSync(lock, { timeoutMs: 100 })).toThrow(/replacement guard .* is held by PID/);
    // The guard blocks only while its holder lives.
    await killAndReap(squatter.proc);
    expect(inspectLock(lock)).toMatchObject({ reclaimable: true });
    const l = await acquireLock(lock, { timeoutMs: 5000 });
    expect(l.reclaimed?.staleReasons).toEqual(['dead-pid']);
    await l.release();
  });

  asNobody('a symlink planted at the guard path in a sticky directory: refused, its target untouched', async () => {
    const dir = stickyDir();
    const lock = path.join(dir, 'p.lock');
    const target = path.join(tmpDir('pidproof-target-'), 'precious');
    fs.writeFileSync(target, 'precious');
    fs.writeFileSync(lock, `${unusedPid()}\n`);
    execFileSync(NOBODY[0], [...NOBODY.slice(1), 'ln', '-s', target, `${lock}.pidproof-guard`]);
    expect(inspectLock(lock)).toMatchObject({ staleReasons: ['dead-pid'], reclaimable: false });
    expect(inspectLock(lock).detail).toMatch(/replacement guard .* is a symbolic link/);
    const err = (await acquireLock(lock, { timeoutMs: 200 }).catch((e: unknown) => e)) as LockTimeoutError;
    expect(err).toBeInstanceOf(LockTimeoutError);
    expect(err.holder?.detail).toMatch(/replacement guard .* is a symbolic link/);
    expect(fs.readFileSync(target, 'utf8')).toBe('precious');
    expect(fs.statSync(target).mode & 0o777).toBe(0o644);
  });
});

// ---- 5. hostile payloads -----------------------------------------------------------------------------

describe('hostile payloads never throw', () => {
  it('20,000 nested arrays behind a pidproof header: unknown, from inspectLock, acquireLock and the CLI', async () => {
    const dir = tmpDir();
    const lock = path.join(dir, 'deep.lock');
    const depth = 20_000;
    fs.writeFileSync(lock, `{"pidproof":1,"sum":"00000000","x":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    const i = inspectLock(lock);
    expect(i.format).toBe('unknown');
    expect(i.detail).toMatch(/nests deeper than/);
    const err = await acquireLock(lock, { timeoutMs: 100 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockTimeoutError);
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'inspect', '--json', lock], { encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/RangeError|stack/);
    expect(JSON.parse(r.stdout).format).toBe('unknown');
  });

  it('fuzz: random and adversarial JSON up to the 64 KiB cap never makes the parser throw', () => {
    let seed = 0x9e3779b9;
    const rand = (n: number) => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    const atoms = ['null', 'true', '1e309', '-0', '"\\ud800"', '"\\u0000"', '{}', '[]', '"pidproof"', '1', '18446744073709551616', '"x"'];
    const keys = ['pidproof', 'pid', 'sum', 'token', 'startToken', 'uniqueId', 'createdAt', 'starttime', '__proto__', 'constructor', 'mode'];
    // A subcritical random tree (expected children per node < 1), capped in depth.
    function value(d: number): string {
      const k = d > 12 ? 0 : rand(5);
      if (k <= 2) return atoms[rand(atoms.length)];
      if (k === 3) return `[${Array.from({ length: rand(3) }, () => value(d + 1)).join(',')}]`;
      return `{${Array.from({ length: rand(4) }, () => `"${keys[rand(keys.length)]}":${value(d + 1)}`).join(',')}}`;
    }
    const inputs: string[] = [];
    for (let i = 0; i < 3000; i++) inputs.push(value(0));
    for (const n of [1, 31, 32, 33, 1000, 30_000]) {
      inputs.push(`{"pidproof":1,"a":${'{"b":'.repeat(n)}1${'}'.repeat(n)}}`);
      inputs.push(`${'['.repeat(n)}`);
    }
    inputs.push(`{"pidproof":1,"x":"${'\\"'.repeat(30_000)}"}`);
    inputs.push(`{"pid":1,"createdAt":"${'9'.repeat(65_000)}"}`);
    inputs.push(`{"pidproof":1,"sum":"00000000"${',"k":0'.repeat(10_000)}}`);
    for (let i = 0; i < 200; i++) {
      const b = Buffer.alloc(rand(65_536));
      for (let j = 0; j < b.length; j++) b[j] = rand(256);
      inputs.push(b.toString('latin1'));
    }
    for (const s of inputs) {
      const buf = Buffer.from(s).subarray(0, 64 * 1024);
      expect(() => parseLockFile(buf, Date.now())).not.toThrow();
    }
    // The whole judging path too, on a sample written to disk.
    const dir = tmpDir();
    for (let i = 0; i < inputs.length; i += 97) {
      const f = path.join(dir, `f${i}.lock`);
      fs.writeFileSync(f, Buffer.from(inputs[i]).subarray(0, 64 * 1024));
      expect(() => inspectLock(f)).not.toThrow();
    }
  });
});

/** This process's identity with another PID: the PID's live process is then `recycled`. */
function selfIdentityFor(pid: number) {
  return { ...identity.selfIdentity(), pid };
}

function serialiseFor(id: ReturnType<typeof selfIdentityFor>): Buffer {
  return serialisePayload(buildPayload(id, { token: newToken(), maxHoldMs: 60_000, leaseMs: null, mode: 'kernel' }));
}

describe('a dead holder whose kernel lock is still held', () => {
  it.skipIf(!isLinux)('is not reclaimed while held, and says why (the kernel names the PID holding it)', async () => {
    const dir = tmpDir();
    const lock = path.join(dir, 'rel.lock');
    fs.writeFileSync(lock, '');
    // A process that holds the file's kernel lock: the recorded holder's PID, but not its identity
    // (as when a dead holder's descriptor lives on in a process that inherited it).
    const p = spawnFlockHolder(lock);
    await new Promise<void>((resolve) => p.stdout!.once('data', () => resolve()));
    const id = selfIdentityFor(p.pid!);
    fs.writeFileSync(lock, serialiseFor(id));
    const i = inspectLock(lock);
    expect(i.kernelHeld).toBe(true);
    expect(i.reclaimable).toBe(false);
    expect(i.verdict).toBe('recycled');
    expect(i.detail).toMatch(/but its kernel lock is still held \(the kernel names PID \d+/);
    const err = (await acquireLock(lock, { timeoutMs: 300 }).catch((e: unknown) => e)) as LockTimeoutError;
    expect(err).toBeInstanceOf(LockTimeoutError);
    await killAndReap(p);
  });
});
