/** The CLI and the demo, run as real processes from the built dist/. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, isLinux, isRoot, killAndReap, repoRoot, spawnIdle, unusedPid } from './helpers';

const cli = path.join(repoRoot, 'dist', 'cli.js');

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

afterEach(cleanup);

describe('pidproof identity', () => {
  it('defaults to itself: a readable table', () => {
    const r = run(['identity']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^\s*PID\s+STATE\s+STARTED\s+START TOKEN\s+UNIQUE ID\s+PPID\s+ACCESS$/);
    expect(lines[1]).toMatch(/^\s*\d+\s+(running|sleeping)\s/);
    expect(r.stdout).not.toMatch(/\x1b\[/); // NO_COLOR
  });

  it('--json gives identities a machine can compare, null for a missing PID, exit 1', async () => {
    const child = spawnIdle();
    const missing = unusedPid();
    const r = run(['identity', String(child.pid), String(missing), '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`no such process: ${missing}`);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(2);
    expect(out[0].pid).toBe(child.pid);
    expect(out[0].v).toBe(1);
    expect(out[1]).toBeNull();
    const { compareIdentity } = await import('../lib/index');
    expect(compareIdentity(out[0])).toBe('same');
    await killAndReap(child);
    expect(compareIdentity(out[0])).toBe('different');
  });

  it('bad usage exits 2 with a pointer to --help', () => {
    for (const args of [['identity', 'abc'], ['identity', '0'], ['identity', '-5'], ['identity', '--bogus'], ['nope'], []]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect(run(['identity', '1.5']).stderr).toMatch(/not a PID/);
  });

  it('--help prints usage with examples, exit 0', () => {
    const r = run(['identity', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: pidproof identity/);
    expect(r.stdout).toMatch(/Examples:/);
    expect(run(['--help']).code).toBe(0);
  });
});

describe('npm run demo', () => {
  it('shows dead after SIGKILL, and recycled while kill(pid, 0) says alive (root) or explains the skip', () => {
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'demo.js')], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/killed; ownerStatus -> dead/);
    if (isLinux && isRoot) {
      expect(r.stdout).toMatch(/kill\(\d+, 0\)\s+-> alive/);
      expect(r.stdout).toMatch(/ownerStatus\s+-> recycled/);
    } else {
      expect(r.stdout).toMatch(/skipped: forcing a PID needs root/);
    }
  });
});
