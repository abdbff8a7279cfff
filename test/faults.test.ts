/**
 * Faults met beside the time-namespace work (issue 20), each with a real resource exhausted:
 * a full filesystem (a small tmpfs, root), a full descriptor table (a lowered RLIMIT_NOFILE in a
 * child), and `fixLocks` acting on what a scan with judging options marked `remove`.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type DoctorEntry, fixLocks, scanLocks } from '../lib/index';
import { cleanup, isLinux, isRoot, repoRoot, tmpDir, track } from './helpers';

afterEach(cleanup);

const dist = path.join(repoRoot, 'dist', 'index.js');
const BACKENDS = ['native', 'fallback'] as const;

/** Runs `script` (with `p` = pidproof) in a child with PIDPROOF_BACKEND; its last line, as JSON. */
function child(backend: string, script: string, shellPrefix = ''): Record<string, unknown> {
  const js = `const p = require(${JSON.stringify(dist)}); (async () => { ${script} })().then((r) => console.log(JSON.stringify(r)), (e) => { console.log(JSON.stringify({ crashed: String(e && e.stack || e) })); });`;
  const r = shellPrefix
    ? spawnSync('sh', ['-c', `${shellPrefix}; exec "$0" -e "$1"`, process.execPath, js], { encoding: 'utf8', env: { ...process.env, PIDPROOF_BACKEND: backend } })
    : spawnSync(process.execPath, ['-e', js], { encoding: 'utf8', env: { ...process.env, PIDPROOF_BACKEND: backend } });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw new Error(`child (${backend}) printed no result (status ${r.status}): ${r.stdout}${r.stderr}`);
  }
}

/** What an attempt threw: code, message, syscall, path. */
const CAPTURE = `const cap = (e) => ({ code: e.code, message: e.message, syscall: e.syscall, path: e.path, name: e.name });`;

const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) {
    spawnSync('umount', ['-l', m]);
    fs.rmSync(m, { recursive: true, force: true });
  }
});

/** A tmpfs of its own (root): `opts` e.g. `size=64k` or `nr_inodes=8`. */
function smallTmpfs(opts: string): string | null {
  const dir = tmpDir('pidproof-full-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `${opts},mode=0777`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
  mounts.push(dir);
  return dir;
}

const tmpfsWhy = !isLinux ? 'Linux only' : !isRoot ? 'needs root (mount -t tmpfs)' : null;
const tmpfsIt = tmpfsWhy === null ? it : it.skip;

describe(`a full filesystem: ENOSPC naming the lock and its filesystem${tmpfsWhy ? ` (skipped: ${tmpfsWhy})` : ''}`, () => {
  for (const [what, opts, fill] of [
    ['no space left', 'size=64k', (d: string) => fs.writeFileSync(path.join(d, 'fill'), Buffer.alloc(64 * 1024))],
    [
      'no inode left',
      'nr_inodes=4',
      (d: string) => {
        for (let i = 0; ; i++) {
          try {
            fs.writeFileSync(path.join(d, `f${i}`), '');
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code === 'ENOSPC') return;
            throw err;
          }
        }
      },
    ],
  ] as const) {
    tmpfsIt(`${what}: acquireLock and acquireLockSync fail with code ENOSPC, the lock path and "no space left on the filesystem of DIR"; nothing left behind (native and fallback)`, () => {
      const dir = smallTmpfs(opts);
      if (dir === null) return expect.fail('mount -t tmpfs failed');
      fill(dir);
      const before = fs.readdirSync(dir).sort();
      const lock = path.join(dir, 'app.lock');
      for (const backend of BACKENDS) {
        const r = child(
          backend,
          `${CAPTURE} const out = {};
try { p.acquireLockSync(${JSON.stringify(lock)}); out.sync = 'acquired'; } catch (e) { out.sync = cap(e); }
try { await p.acquireLock(${JSON.stringify(lock)}); out.async = 'acquired'; } catch (e) { out.async = cap(e); }
return out;`,
        );
        for (const k of ['sync', 'async']) {
          const e = r[k] as Record<string, string>;
          expect(e.code, `${backend} ${k}: ${JSON.stringify(e)}`).toBe('ENOSPC');
          expect(e.message).toBe(
            `ENOSPC: cannot acquire the lock ${lock}: no space left on the filesystem of ${dir} (a lock file needs one inode and a few hundred bytes): free some space there, or put the lock on another filesystem`,
          );
          expect(e.message).not.toMatch(/\.tmp/);
          expect(e.path).toBe(lock);
        }
        expect(fs.readdirSync(dir).sort(), backend).toEqual(before);
      }
    });
  }
});

const posix = process.platform !== 'win32';
describe.skipIf(!posix)(`a full descriptor table: EMFILE saying what ran out and what to do${posix ? '' : ' (skipped: POSIX only: ulimit -n)'}`, () => {
  for (const backend of BACKENDS) {
    it(`${backend}: processIdentity, acquireLock and acquireLockSync fail with EMFILE and a message; with descriptors back, they work`, () => {
      const dir = tmpDir('pidproof-emfile-');
      const lock = path.join(dir, 'app.lock');
      const other = track(spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e6)'], { stdio: 'ignore' }));
      const r = child(
        backend,
        `${CAPTURE} const fs = require('fs'); const fds = [];
const out = {};
try { for (;;) fds.push(fs.openSync('/dev/null', 'r')); } catch (e) { out.filled = e.code; }
try { p.processIdentity(${other.pid}); out.identity = 'read'; } catch (e) { out.identity = cap(e); }
try { p.acquireLockSync(${JSON.stringify(lock)}); out.sync = 'acquired'; } catch (e) { out.sync = cap(e); }
try { await p.acquireLock(${JSON.stringify(lock)}); out.async = 'acquired'; } catch (e) { out.async = cap(e); }
for (const fd of fds.splice(0, 16)) fs.closeSync(fd);
out.files = fs.readdirSync(${JSON.stringify(dir)});
out.identityAfter = p.processIdentity(${other.pid}) !== null;
const l = p.acquireLockSync(${JSON.stringify(lock)}); l.releaseSync(); out.lockAfter = 'acquired';
return out;`,
        'ulimit -n 64',
      );
      expect(r.crashed).toBeUndefined();
      expect(r.filled).toBe('EMFILE');
      const id = r.identity as Record<string, string>;
      expect(id.code, JSON.stringify(id)).toBe('EMFILE');
      expect(id.message).toMatch(new RegExp(`^EMFILE: cannot read the identity of PID ${other.pid}: this process has no file descriptor left .*raise the limit \\(\`ulimit -n\`, systemd LimitNOFILE=\\) or close descriptors it no longer needs$`));
      for (const k of ['sync', 'async']) {
        const e = r[k] as Record<string, string>;
        expect(e.code, `${k}: ${JSON.stringify(e)}`).toBe('EMFILE');
        expect(e.message).toMatch(new RegExp(`^EMFILE: cannot acquire the lock ${lock.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: this process has no file descriptor left .*raise the limit \\(\`ulimit -n\`, systemd LimitNOFILE=\\) or release locks and close descriptors it no longer needs$`));
        expect(e.message).not.toMatch(/pidfd_open failed|\.tmp/);
      }
      expect(r.files).toEqual([]);
      expect(r.identityAfter).toBe(true);
      expect(r.lockAfter).toBe('acquired');
      expect(fs.readdirSync(dir)).toEqual([]);
    });
  }
});

describe('fixLocks acts on what a scan with judging options marked remove', () => {
  const MIN = 60_000;
  function oldGarbage(dir: string, name: string): string {
    const p = path.join(dir, name);
    fs.writeFileSync(p, '{}');
    const t = (Date.now() - 2 * 60 * MIN) / 1000;
    fs.utimesSync(p, t, t);
    return p;
  }

  it('reclaimUnknownAfterMs: fixLocks(entries) removes what scanLocks(dirs, { reclaimUnknownAfterMs }) marked, without the option again', async () => {
    const dir = tmpDir();
    const p = oldGarbage(dir, 'old.lock');
    const entries = await scanLocks(dir, { reclaimUnknownAfterMs: 30 * MIN });
    expect(entries.map((e) => [e.action, e.staleReasons])).toEqual([['remove', ['unknown-expired']]]);
    const fixed = await fixLocks(entries);
    expect(fixed.map((e) => e.action)).toEqual(['removed']);
    expect(fs.existsSync(p)).toBe(false);
  });

  it('a copy of the entries (JSON) that lost the options: a TypeError naming the option, nothing touched; with the option, removed', async () => {
    const dir = tmpDir();
    const p = oldGarbage(dir, 'old.lock');
    const copy = JSON.parse(JSON.stringify(await scanLocks(dir, { reclaimUnknownAfterMs: 30 * MIN }))) as DoctorEntry[];
    await expect(fixLocks(copy)).rejects.toThrow(
      new TypeError(
        `entries[0] (${p}) was found stale with reclaimUnknownAfterMs (reason unknown-expired), which fixLocks cannot see on this copy of the entry: pass options.reclaimUnknownAfterMs (as given to scanLocks)`,
      ),
    );
    expect(fs.existsSync(p)).toBe(true);
    expect((await fixLocks(copy, { reclaimUnknownAfterMs: 30 * MIN })).map((e) => e.action)).toEqual(['removed']);
    expect(fs.existsSync(p)).toBe(false);
  });

  it.skipIf(!isLinux)('legacyCommand: a bare PID file whose live process runs another command is removed by fixLocks(entries)', async () => {
    const s = track(spawn('sleep', ['1000'], { stdio: 'ignore' }));
    await new Promise((r) => s.once('spawn', r));
    const dir = tmpDir();
    const p = path.join(dir, 'daemon.pid');
    fs.writeFileSync(p, `${s.pid}\n`);
    const entries = await scanLocks(dir, { legacyCommand: /openviking/ });
    expect(entries.map((e) => [e.action, e.verdict])).toEqual([['remove', 'recycled']]);
    const copy = JSON.parse(JSON.stringify(entries)) as typeof entries;
    await expect(fixLocks(copy)).rejects.toThrow(/pass options\.legacyCommand \(as given to scanLocks\)/);
    expect((await fixLocks(entries)).map((e) => e.action)).toEqual(['removed']);
    expect(fs.existsSync(p)).toBe(false);
  });
});
