/** `pidproof inspect | doctor | watch`, run as real processes from the built dist/. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addon } from '../lib/binding';
import { processIdentity, selfIdentity } from '../lib/index';
import { buildPayload, newToken, serialisePayload } from '../lib/lock/payload';
import { cleanup, distHolder, isLinux, repoRoot, spawnIdle, tmpDir, track, unusedPid, waitFor, waitsOnPidfd } from './helpers';

const cli = path.join(repoRoot, 'dist', 'cli.js');

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', COLUMNS: '120', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runAsync(args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const c = track(spawn(process.execPath, [cli, ...args], { env: { ...process.env, NO_COLOR: '1' } }));
  let stdout = '';
  let stderr = '';
  c.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return { child: c, done: once(c, 'close').then(([code]) => ({ code: code as number | null, stdout, stderr })) };
}

/** Linux with pidfd_open: a watch is visible from outside (a pidfd in an epoll set of the watcher). */
const pidfdWatches = (() => {
  if (!isLinux || addon === null) return false;
  const w = addon.openWatch(process.pid);
  if (w === null || w === 'unsupported') return false;
  w.close();
  return true;
})();

/** Resolves once `pidproof watch` (the process `watcher`) waits for `target` to exit. */
async function watching(watcher: ChildProcess, target: number): Promise<void> {
  if (pidfdWatches) {
    await waitFor(() => waitsOnPidfd(watcher.pid!, target), 30_000, `pidproof watch to wait on PID ${target}`);
    return;
  }
  // Elsewhere (kqueue, Windows handles, the poll path) nothing outside the process shows its
  // watch: give it time to start. Killing too early would show as reason "dead", never a pass.
  await new Promise((r) => setTimeout(r, 3000));
}

afterEach(cleanup);

const holder = (lockPath: string) => distHolder(lockPath);

/** Another machine's boot: with this boot id, another hostname alone would be judged here. */
const OTHER_BOOT = '0badb007-0000-4000-8000-000000000000';

function deadPayload(over: Record<string, unknown> = {}): Buffer {
  const p = buildPayload({ ...selfIdentity(), pid: unusedPid() }, { token: newToken(), maxHoldMs: 60_000, leaseMs: null, mode: 'kernel' });
  Object.assign(p, over);
  return serialisePayload(p);
}

// ---- a small schema validator -------------------------------------------------------------------

type T = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';
type Schema = T | T[] | { enum: readonly unknown[] } | { object: Record<string, Schema> } | { array: Schema } | { record: Schema };

function typeOf(v: unknown): T {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v as T;
}

/** Returns the problems found (empty when `v` matches). Objects must have exactly the keys listed. */
function validate(v: unknown, s: Schema, at = '$'): string[] {
  if (typeof s === 'string') return typeOf(v) === s ? [] : [`${at}: expected ${s}, got ${typeOf(v)}`];
  if (Array.isArray(s)) return s.includes(typeOf(v)) ? [] : [`${at}: expected ${s.join('|')}, got ${typeOf(v)}`];
  if ('enum' in s) return s.enum.includes(v) ? [] : [`${at}: ${JSON.stringify(v)} not in ${JSON.stringify(s.enum)}`];
  if ('array' in s) {
    if (!Array.isArray(v)) return [`${at}: expected array`];
    return v.flatMap((x, i) => validate(x, s.array, `${at}[${i}]`));
  }
  if (typeOf(v) !== 'object') return [`${at}: expected object, got ${typeOf(v)}`];
  const o = v as Record<string, unknown>;
  if ('record' in s) return Object.entries(o).flatMap(([k, x]) => validate(x, s.record, `${at}.${k}`));
  const problems: string[] = [];
  for (const k of Object.keys(o)) if (!(k in s.object)) problems.push(`${at}.${k}: unexpected key`);
  for (const [k, sub] of Object.entries(s.object)) {
    if (!(k in o)) problems.push(`${at}.${k}: missing`);
    else problems.push(...validate(o[k], sub, `${at}.${k}`));
  }
  return problems;
}

const VERDICTS = ['alive', 'dead', 'recycled', 'zombie', 'other-boot', 'foreign', 'unknown'] as const;
const ENTRY: Schema = {
  object: {
    path: 'string',
    kind: { enum: ['lock', 'temp', 'symlink', 'directory', 'other'] },
    exists: 'boolean',
    format: { enum: ['pidproof', 'openclaw', 'record', 'pidfile', 'unknown'] },
    kernelHeld: ['boolean', 'null'],
    mode: { enum: ['kernel', 'lease', null] },
    pid: ['number', 'null'],
    holder: ['object', 'null'],
    verdict: { enum: VERDICTS },
    staleReasons: { array: 'string' },
    ageMs: ['number', 'null'],
    reclaimable: 'boolean',
    detail: 'string',
    action: { enum: ['keep', 'remove', 'removed', 'failed', 'skipped'] },
    note: ['string', 'null'],
    error: ['string', 'null'],
  },
};
const REPORT: Schema = {
  object: {
    version: { enum: [1] },
    scannedAt: 'string',
    durationMs: 'number',
    dirs: { array: 'string' },
    options: {
      object: {
        recursive: 'boolean',
        patterns: { array: 'string' },
        fix: 'boolean',
        formats: ['array', 'null'],
        reclaimUnknownAfterMs: ['number', 'null'],
        legacyCommand: ['string', 'null'],
      },
    },
    entries: { array: ENTRY },
    summary: {
      object: {
        entries: 'number',
        locks: 'number',
        live: 'number',
        stale: 'number',
        removed: 'number',
        remaining: 'number',
        failed: 'number',
        unknown: 'number',
        skipped: 'number',
        byVerdict: { record: 'number' },
        byFormat: { record: 'number' },
      },
    },
    exitCode: { enum: [0, 1, 3] },
  },
};

describe('pidproof doctor', () => {
  it('healthy directory: exit 0, a table, a summary line, no colour without a TTY', async () => {
    const dir = tmpDir('pidproof-cli-');
    await holder(path.join(dir, 'server.lock'));
    fs.writeFileSync(path.join(dir, 'readme.txt'), 'x');
    const r = run(['doctor', dir], { NO_COLOR: '' });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^PATH\s+PID\s+FORMAT\s+VERDICT\s+AGE\s+REASONS\s+ACTION$/);
    expect(lines[1]).toMatch(/^server\.lock\s+\d+\s+pidproof\s+alive\s+.*\s+keep$/);
    expect(r.stdout).toMatch(/1 lock file in .*: 1 live, 0 stale/);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stderr).toBe('');
  });

  it('stale locks: exit 1 until --fix removes them; then 3 for the unjudgeable one left; lines fit the terminal width', () => {
    const dir = tmpDir('pidproof-cli-');
    for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(dir, `a-rather-long-lock-file-name-number-${i}.lock`), deadPayload());
    fs.writeFileSync(path.join(dir, 'garbage.lock'), Buffer.from([0, 1, 2]));
    const r = run(['doctor', dir], { COLUMNS: '60' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/3 stale/);
    expect(r.stdout).toMatch(/Run with --fix/);
    for (const l of r.stdout.split('\n').slice(0, 5)) expect(l.length, l).toBeLessThanOrEqual(60);
    const f = run(['doctor', dir, '--fix']);
    expect(f.code).toBe(3); // nothing stale left; garbage.lock cannot be judged
    expect(f.stdout.match(/removed$/gm)).toHaveLength(3);
    expect(fs.readdirSync(dir)).toEqual(['garbage.lock']);
    expect(run(['doctor', dir]).code).toBe(3);
    fs.rmSync(path.join(dir, 'garbage.lock'));
    expect(run(['doctor', dir]).code).toBe(0);
  });

  it('a 50-column terminal: one block per entry, every line within 50 columns, every field kept', () => {
    const dir = tmpDir('pidproof-cli-');
    fs.writeFileSync(path.join(dir, 'a-rather-long-lock-file-name.lock'), deadPayload());
    // Lease mode: no kernel lock to judge another PID namespace's lock by, so it stays foreign.
    fs.writeFileSync(path.join(dir, 'ns.lock'), deadPayload({ pid: process.pid, pidNamespace: '4026532999', mode: 'lease' }));
    fs.writeFileSync(path.join(dir, 'garbage.lock'), Buffer.from([0, 1, 2]));
    for (const columns of ['50', '60']) {
      const r = run(['doctor', dir], { COLUMNS: columns });
      expect(r.code).toBe(1);
      for (const l of r.stdout.trimEnd().split('\n')) expect(l.length, l).toBeLessThanOrEqual(Number(columns));
      expect(r.stdout).toContain('a-rather-long-lock-file-name.lock');
      expect(r.stdout).toMatch(/reasons dead-pid/);
      // The foreign holder's scope, whole and without a stray comma.
      expect(r.stdout).toMatch(/reasons foreign: PID namespace 4026532999( · action keep)?$/m);
      expect(r.stdout).toMatch(/1 stale/);
    }
    const wide = run(['doctor', dir], { COLUMNS: '120' });
    expect(wide.stdout).toMatch(/ foreign: PID namespace 4026532999 +keep$/m);
  });

  it('--json: one object that matches the documented schema, for every kind of entry', async () => {
    const dir = tmpDir('pidproof-cli-');
    const j = (n: string) => path.join(dir, n);
    await holder(j('live.lock'));
    const idle = spawnIdle(); // spawn() returns once the child has exec'd: its identity is final
    const id = processIdentity(idle.pid!)!;
    fs.writeFileSync(j('dead.lock'), deadPayload());
    fs.writeFileSync(j('foreign.lock'), deadPayload({ hostname: 'elsewhere', bootId: OTHER_BOOT, pid: idle.pid }));
    fs.writeFileSync(j('s.jsonl.lock'), JSON.stringify({ pid: idle.pid, createdAt: new Date().toISOString(), starttime: Number(id.startToken) }));
    fs.writeFileSync(j('d.pid'), `${idle.pid}\n`);
    fs.writeFileSync(j('junk.lock'), '{"pid": [1]}');
    fs.writeFileSync(j('z.lock.pidproof-00000000abcd.tmp'), deadPayload());
    fs.mkdirSync(j('dir.lock'));
    fs.symlinkSync(j('live.lock'), j('link.lock'));
    const r = run(['doctor', dir, '--json', '-p', '*.lock', '--pattern', '*.pid']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(validate(doc, REPORT)).toEqual([]);
    expect(doc.dirs).toEqual([dir]);
    expect(doc.options).toEqual({
      recursive: false,
      patterns: ['*.lock', '*.pid'],
      fix: false,
      formats: null,
      reclaimUnknownAfterMs: null,
      legacyCommand: null,
    });
    expect(Date.parse(doc.scannedAt)).toBeGreaterThan(Date.now() - 60_000);
    const kinds = new Set(doc.entries.map((e: { kind: string }) => e.kind));
    expect([...kinds].sort()).toEqual(['directory', 'lock', 'symlink', 'temp']);
    const formats = new Set(doc.entries.map((e: { format: string }) => e.format));
    expect([...formats].sort()).toEqual(['openclaw', 'pidfile', 'pidproof', 'unknown']);
    expect(doc.summary).toMatchObject({ entries: 9, stale: 2, remaining: 2, skipped: 2 });
    const fix = run(['doctor', dir, '--json', '--fix']);
    const fixed = JSON.parse(fix.stdout);
    expect(validate(fixed, REPORT)).toEqual([]);
    // Nothing stale is left; the foreign lock, the junk and the live PID file cannot be judged.
    expect(fixed.exitCode).toBe(3);
    expect(fix.code).toBe(3);
    expect(fixed.summary.removed).toBe(2);
  });

  it('exit 2: bad usage, a missing directory, a bad pattern; --help has examples', () => {
    const dir = tmpDir('pidproof-cli-');
    for (const args of [['doctor'], ['doctor', path.join(dir, 'missing')], ['doctor', dir, '--pattern', 'a/b'], ['doctor', dir, '--bogus'], ['doctor', dir, '-p', '{x'], ['doctor', dir, '-p', '[abc'], ['doctor', dir, '-p']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^pidproof doctor: /);
    }
    // One rule for both brackets, said in our words.
    expect(run(['doctor', dir, '-p', '[abc']).stderr).toMatch(/unclosed "\["/);
    expect(run(['doctor', dir, '-p', '{x']).stderr).toMatch(/unclosed "\{"/);
    expect(run(['doctor', dir, '--patern', '*.x']).stderr).toMatch(/unknown option --patern; did you mean --pattern GLOB\?/);
    expect(run(['doctor', dir, '-p']).stderr).toMatch(/-p needs a value: -p GLOB/);
    // A missing directory: named, with what is wrong, not a bare errno.
    expect(run(['doctor', path.join(dir, 'missing')]).stderr).toBe(
      `pidproof doctor: ENOENT: directory ${JSON.stringify(path.join(dir, 'missing'))} does not exist; dirs must name existing directories to scan\n`,
    );
    fs.writeFileSync(path.join(dir, 'file'), '');
    expect(run(['doctor', path.join(dir, 'file')]).stderr).toBe(
      `pidproof doctor: ENOTDIR: directory ${JSON.stringify(path.join(dir, 'file'))} is not a directory; dirs must name directories to scan\n`,
    );
    const h = run(['doctor', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/Usage: pidproof doctor/);
    expect(h.stdout).toMatch(/Examples:/);
    expect(run(['--help']).stdout).toMatch(/doctor <dir\.\.\.>/);
  });
});

describe('pidproof inspect', () => {
  it('a live lock: holder identity, kernel lock held, acquire would wait; exit 0', async () => {
    const dir = tmpDir('pidproof-cli-');
    const lp = path.join(dir, 'app.lock');
    const h = await holder(lp);
    const r = run(['inspect', lp]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(lp);
    expect(r.stdout).toMatch(/format\s+pidproof \(kernel mode\)/);
    expect(r.stdout).toMatch(new RegExp(`holder\\s+PID ${h.pid}`));
    expect(r.stdout).toMatch(/start\s+\d+ /);
    expect(r.stdout).toMatch(/kernel\s+held/);
    expect(r.stdout).toMatch(/verdict\s+alive/);
    expect(r.stdout).toMatch(/acquire\s+wait: a live process holds its kernel lock/);
    const j = JSON.parse(run(['inspect', lp, '--json']).stdout);
    expect(j).toMatchObject({ path: lp, exists: true, format: 'pidproof', kernelHeld: true, verdict: 'alive', reclaimable: false });
    expect(j.acquire.action).toBe('wait');
    expect(j.holder.pid).toBe(h.pid);
  });

  it('stale: exit 1, "reclaim it (reasons)"; absent: exit 0, "take it at once"; directory: exit 2', () => {
    const dir = tmpDir('pidproof-cli-');
    const lp = path.join(dir, 'stale.lock');
    fs.writeFileSync(lp, deadPayload());
    const r = run(['inspect', lp]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/stale\s+dead-pid/);
    expect(r.stdout).toMatch(/acquire\s+reclaim it: stale \(dead-pid\)/);
    expect(JSON.parse(run(['inspect', lp, '--json']).stdout).acquire).toMatchObject({ action: 'reclaim' });
    expect(fs.existsSync(lp)).toBe(true); // inspect never touches it
    const none = run(['inspect', path.join(dir, 'none.lock')]);
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/take it at once/);
    expect(JSON.parse(run(['inspect', path.join(dir, 'none.lock'), '--json']).stdout).acquire).toMatchObject({ action: 'take' });
    if (process.platform === 'linux') {
      // Absent where no file can be created: the acquire would fail, and inspect says so (exit 2).
      const proc = run(['inspect', '/proc/x.lock']);
      expect(proc.code).toBe(2);
      expect(proc.stdout).toMatch(/acquire\s+fail: no lock file, and it cannot be created: its directory \/proc is on proc/);
      expect(proc.stdout).not.toMatch(/take it at once/);
      const pj = run(['inspect', '/proc/x.lock', '--json']);
      expect(pj.code).toBe(2);
      expect(JSON.parse(pj.stdout).acquire).toMatchObject({ action: 'fail' });
    }
    fs.mkdirSync(path.join(dir, 'd.lock'));
    const d = run(['inspect', path.join(dir, 'd.lock')]);
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/is a directory/);
    expect(run(['inspect']).code).toBe(2);
    expect(run(['inspect', 'a', 'b']).code).toBe(2);
    expect(run(['inspect', '--help']).stdout).toMatch(/Examples:/);
  });

  it('legacy formats: an OpenClaw lock with a mismatching starttime is stale, a live PID file is unknown', () => {
    const dir = tmpDir('pidproof-cli-');
    const idle = spawnIdle();
    const id = processIdentity(idle.pid!)!;
    const oc = path.join(dir, 's.jsonl.lock');
    fs.writeFileSync(oc, JSON.stringify({ pid: idle.pid, createdAt: new Date().toISOString(), starttime: Number(id.startToken) + 3 }));
    const r = run(['inspect', oc]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/format\s+foreign record, OpenClaw's format · start stamp linux-ticks: judged exactly\n/);
    expect(r.stdout).toMatch(/verdict\s+recycled/);
    const pf = path.join(dir, 'd.pid');
    fs.writeFileSync(pf, `${idle.pid}\n`);
    const p = run(['inspect', pf]);
    expect(p.code).toBe(3); // cannot be judged: exit 3, not "healthy"
    expect(p.stdout).toMatch(/verdict\s+unknown/);
    expect(p.stdout).toMatch(/never reclaims without proof/);
  });

  it('unjudgeable files exit 3: random bytes, a foreign holder; a 50-column terminal wraps the values', () => {
    const dir = tmpDir('pidproof-cli-');
    const junk = path.join(dir, 'junk.lock');
    fs.writeFileSync(junk, crypto.randomBytes(256));
    const r = run(['inspect', junk], { COLUMNS: '50' });
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/verdict\s+unknown/);
    expect(r.stdout).toMatch(/acquire\s+wait/);
    for (const l of r.stdout.trimEnd().split('\n').slice(1)) expect(l.length, l).toBeLessThanOrEqual(50);
    expect(JSON.parse(run(['inspect', junk, '--json']).stdout)).toMatchObject({ verdict: 'unknown', reclaimable: false });
    const foreign = path.join(dir, 'foreign.lock');
    fs.writeFileSync(foreign, deadPayload({ hostname: 'elsewhere', bootId: OTHER_BOOT, pid: process.pid }));
    expect(run(['inspect', foreign]).code).toBe(3);
    expect(run(['inspect', '--help']).stdout).toMatch(/3 it cannot be judged/);
  });
});

describe('pidproof watch', () => {
  it('a PID: blocks until it exits, prints how long it waited; exit 0', async () => {
    const idle = spawnIdle();
    const { child, done } = runAsync(['watch', String(idle.pid), '--json']);
    await watching(child, idle.pid!);
    expect(child.exitCode).toBeNull(); // still blocked
    const killedAt = Date.now();
    idle.kill('SIGKILL');
    const r = await done;
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    // "exited", not "dead": it saw the exit while watching, which happened after the kill.
    expect(j).toMatchObject({ pid: idle.pid, reason: 'exited', timedOut: false, path: null });
    expect(j.exitedAt).toBeGreaterThanOrEqual(killedAt);
    expect(j.waitedMs).toBeGreaterThan(0);
  });

  it('a lock file: waits for its holder (pinned); timeout exits 1', async () => {
    const dir = tmpDir('pidproof-cli-');
    const lp = path.join(dir, 'w.lock');
    const h = await holder(lp);
    const t = run(['watch', lp, '--timeout', '0.3']);
    expect(t.code).toBe(1);
    expect(t.stdout).toMatch(/still running after .* \(timeout\)/);
    const { child, done } = runAsync(['watch', lp]);
    await watching(child, h.pid!);
    expect(child.exitCode).toBeNull();
    h.kill('SIGKILL');
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`PID ${h.pid} .*holder of .*w\\.lock exited after`));
  });

  it('returns at once for a missing lock, a dead holder, a dead PID; exit 2 for a foreign holder and bad usage', () => {
    const dir = tmpDir('pidproof-cli-');
    const a = run(['watch', path.join(dir, 'none.lock'), '--json']);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout).reason).toBe('no-lock');
    const dead = path.join(dir, 'dead.lock');
    fs.writeFileSync(dead, deadPayload());
    const b = run(['watch', dead]);
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/was not running; nothing to wait for/);
    const c = run(['watch', String(unusedPid())]);
    expect(c.code).toBe(0);
    const foreign = path.join(dir, 'foreign.lock');
    fs.writeFileSync(foreign, deadPayload({ hostname: 'elsewhere', bootId: OTHER_BOOT, pid: process.pid }));
    const f = run(['watch', foreign]);
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/elsewhere/);
    const junk = path.join(dir, 'junk.lock');
    fs.writeFileSync(junk, 'garbage');
    expect(run(['watch', junk]).code).toBe(0);
    for (const args of [['watch'], ['watch', '0'], ['watch', '1', '--timeout', 'x'], ['watch', '1', '--timeout', '-1']]) {
      expect(run(args).code, args.join(' ')).toBe(2);
    }
    expect(run(['watch', '--help']).stdout).toMatch(/Examples:/);
  });
});
