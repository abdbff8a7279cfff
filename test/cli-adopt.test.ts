/**
 * The CLI for adopters and for hostile directories: `doctor`'s migration options
 * (`--reclaim-unknown-after`, `--format`, `--legacy-command`), the summary that says what cannot be
 * judged, and terminal escapes in file names and payloads (escaped for people, exact in --json).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { selfIdentity } from '../lib/index';
import { buildPayload, newToken, serialisePayload } from '../lib/lock/payload';
import { cleanup, killAndReap, repoRoot, tmpDir, track, unusedPid } from './helpers';

afterEach(cleanup);

const cli = path.join(repoRoot, 'dist', 'cli.js');

function run(args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', COLUMNS: '120', ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function age(p: string, ms: number): void {
  const t = (Date.now() - ms) / 1000;
  fs.utimesSync(p, t, t);
}

const MIN = 60_000;

describe('pidproof doctor for adopters', () => {
  it('--reclaim-unknown-after: the summary says what it would let --fix take, then --fix takes exactly those', () => {
    const dir = tmpDir('pidproof-adopt-');
    const j = (n: string) => path.join(dir, n);
    fs.writeFileSync(j('empty.lock'), '');
    fs.writeFileSync(j('braces.lock'), '{}');
    fs.writeFileSync(j('minus.lock'), JSON.stringify({ pid: -1, createdAt: new Date(Date.now() - 2 * 60 * MIN).toISOString() }));
    fs.writeFileSync(j('young.lock'), '{}');
    for (const n of ['empty.lock', 'braces.lock']) age(j(n), 2 * 60 * MIN);
    fs.writeFileSync(j('dead.pid'), `${unusedPid()}\n`);
    const plain = run(['doctor', dir]);
    expect(plain.code).toBe(1); // dead.pid is stale
    expect(plain.stdout).toMatch(/4 files pidproof cannot judge .*--reclaim-unknown-after\s+DURATION/s);
    const fixed = run(['doctor', dir, '--reclaim-unknown-after', '30m', '--fix', '--json']);
    const doc = JSON.parse(fixed.stdout) as { options: Record<string, unknown>; entries: Array<{ path: string; action: string; staleReasons: string[] }> };
    expect(doc.options.reclaimUnknownAfterMs).toBe(30 * MIN);
    const by = Object.fromEntries(doc.entries.map((e) => [path.basename(e.path), e]));
    for (const n of ['empty.lock', 'braces.lock', 'minus.lock']) {
      expect(by[n].action, n).toBe('removed');
      expect(by[n].staleReasons, n).toEqual(['unknown-expired']);
    }
    expect(by['young.lock'].action).toBe('keep');
    expect(by['dead.pid'].action).toBe('removed');
    expect(fs.readdirSync(dir).sort()).toEqual(['young.lock']);
    expect(fixed.code).toBe(3); // young.lock still cannot be judged
  });

  it('--format keeps only that format; --legacy-command makes a recycled bare PID file stale', async () => {
    const dir = tmpDir('pidproof-adopt-');
    const sleeper = track(spawn('sleep', ['1000'], { stdio: 'ignore' }));
    await new Promise((r) => sleeper.once('spawn', r));
    fs.writeFileSync(path.join(dir, '.openviking.pid'), `${sleeper.pid}\n`);
    fs.writeFileSync(path.join(dir, 's.jsonl.lock'), JSON.stringify({ pid: unusedPid(), createdAt: new Date().toISOString() }));
    const only = JSON.parse(run(['doctor', dir, '--format', 'pidfile', '--json']).stdout) as { entries: Array<{ path: string; format: string; verdict: string }> };
    expect(only.entries.map((e) => path.basename(e.path))).toEqual(['.openviking.pid']);
    expect(only.entries[0].verdict).toBe('unknown');
    const judged = run(['doctor', dir, '--format', 'pidfile', '--legacy-command', '/openviking/', '--fix', '--json']);
    const doc = JSON.parse(judged.stdout) as { entries: Array<{ action: string; verdict: string; staleReasons: string[] }> };
    expect(doc.entries).toHaveLength(1);
    expect(doc.entries[0]).toMatchObject({ action: 'removed', verdict: 'recycled', staleReasons: ['recycled-pid'] });
    // The OpenClaw lock was filtered out: neither reported nor fixed.
    expect(fs.existsSync(path.join(dir, 's.jsonl.lock'))).toBe(true);
    await killAndReap(sleeper);
  });

  it('bad values are usage errors (exit 2)', () => {
    const dir = tmpDir('pidproof-adopt-');
    for (const args of [
      ['--reclaim-unknown-after', 'soon'],
      ['--reclaim-unknown-after', '-5m'],
      ['--format', 'xml'],
      ['--legacy-command', '/(/'],
    ]) {
      const r = run(['doctor', dir, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/pidproof doctor: /);
    }
  });

  it('inspect takes the same options and agrees with the doctor', () => {
    const dir = tmpDir('pidproof-adopt-');
    const p = path.join(dir, 'x.lock');
    fs.writeFileSync(p, '{}');
    age(p, 2 * 60 * MIN);
    expect(run(['inspect', p]).code).toBe(3);
    const r = run(['inspect', p, '--reclaim-unknown-after', '1h', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ reclaimable: true, staleReasons: ['unknown-expired'] });
  });
});

describe('terminal escapes in file names and payloads', () => {
  const hostile = '\x1b]0;pwned\x07\x1b[2J\u202eFAKE';

  function setup(): { dir: string; file: string } {
    const dir = tmpDir('pidproof-esc-');
    const file = path.join(dir, `${hostile}.lock`);
    const p = buildPayload({ ...selfIdentity(), pid: unusedPid() }, { token: newToken(), maxHoldMs: 60_000, leaseMs: null, mode: 'kernel' });
    p.command = `cmd${hostile}`;
    fs.writeFileSync(file, serialisePayload(p));
    fs.writeFileSync(path.join(dir, 'unknown.lock'), JSON.stringify({ owner: hostile }));
    return { dir, file };
  }

  function clean(out: string): void {
    // No control character reaches the terminal except newlines; no bidi override.
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    expect(out).toContain('\\x1b');
    expect(out).toContain('\\u{202e}');
  }

  it('doctor and inspect escape them for people; --json keeps them exact', () => {
    const { dir, file } = setup();
    const d = run(['doctor', dir]);
    clean(d.stdout);
    const i = run(['inspect', file]);
    clean(i.stdout);
    const json = JSON.parse(run(['doctor', dir, '--json']).stdout) as { entries: Array<{ path: string; holder: { command?: string } | null }> };
    const e = json.entries.find((x) => x.path === file)!;
    expect(e.holder?.command).toBe(`cmd${hostile}`);
    const ij = JSON.parse(run(['inspect', file, '--json']).stdout) as { path: string };
    expect(ij.path).toBe(file);
  });

  it('watch, kill and error messages escape them too', () => {
    const { file } = setup();
    clean(run(['watch', file]).stdout);
    clean(run(['kill', file]).stdout + run(['kill', file]).stderr);
    const missing = run(['inspect', path.join(file, 'x')]);
    expect(missing.code).toBe(2);
    // eslint-disable-next-line no-control-regex
    expect(missing.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\u202e]/);
    const unknownCmd = run([`bogus${hostile}`]);
    // eslint-disable-next-line no-control-regex
    expect(unknownCmd.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\u202e]/);
  });
});
