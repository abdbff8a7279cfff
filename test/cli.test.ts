/** The CLI and the demo, run as real processes from the built dist/. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
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

  it('usage errors in our own words, for every command (never Node\'s parseArgs text)', () => {
    const cases: Array<[string[], RegExp]> = [
      [['identity', '-1'], /^pidproof identity: -1 is not a valid PID, nor an option$/m],
      [['identity', '--jsn'], /^pidproof identity: unknown option --jsn; did you mean --json\?$/m],
      [['identity', '--json=yes'], /--json takes no value/],
      [['inspect', '-x.lock'], /unknown option -x \(a lock file that starts with "-" goes after "--": -- -x\.lock\)/],
      [['doctor', '.', '--fx'], /unknown option --fx; did you mean --fix\?/],
      [['watch', '1', '--timeout'], /--timeout needs a value: --timeout SECONDS/],
      [['watch', '1', '--timeout', '-1'], /a value that starts with "-" must be attached: --timeout=-1/],
      [['watch', '1', '-t', '-1'], /-t -1: a value that starts with "-" must be attached/],
    ];
    for (const [args, re] of cases) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(re);
      expect(r.stderr).toMatch(new RegExp(`Run "pidproof ${args[0]} --help" for usage\\.`));
      expect(r.stderr, args.join(' ')).not.toMatch(/To specify a positional argument|ERR_PARSE_ARGS|'--'/);
    }
  });

  it('a library that cannot start (PIDPROOF_BACKEND=bogus): one line, exit 2, no stack trace', () => {
    for (const args of [['identity'], ['doctor', '.'], ['help', 'watch']]) {
      const r = run(args, { PIDPROOF_BACKEND: 'bogus' });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toBe('pidproof: PIDPROOF_BACKEND must be "native" or "fallback", got "bogus"\n');
      expect(r.stdout).toBe('');
    }
  });

  it('fits a 50-, 60- or 80-column terminal; every field is kept, identifiers are never cut', () => {
    const me = JSON.parse(run(['identity', '1', '--json']).stdout)[0];
    for (const columns of [50, 60, 80, 120]) {
      const r = run(['identity', '1'], { COLUMNS: String(columns) });
      expect(r.code).toBe(0);
      for (const l of r.stdout.trimEnd().split('\n')) expect(l.length, `${columns}: ${l}`).toBeLessThanOrEqual(columns);
      expect(r.stdout).toContain(me.startToken);
      expect(r.stdout).toContain(me.startTokenUnit);
      if (me.uniqueId) expect(r.stdout).toContain(me.uniqueId);
      expect(r.stdout).toContain(me.bootId ?? 'unknown');
      expect(r.stdout).not.toContain('…');
    }
    // Wide: one table row per PID; 50 columns: one block per PID.
    expect(run(['identity', '1'], { COLUMNS: '120' }).stdout).toMatch(/^\s+1\s+\S+\s+\d{4}-/m);
    expect(run(['identity', '1'], { COLUMNS: '50' }).stdout).toMatch(/^PID 1\n {2}state /);
  });

  it('--help prints usage with examples, exit 0', () => {
    const r = run(['identity', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: pidproof identity/);
    expect(r.stdout).toMatch(/Examples:/);
    expect(run(['--help']).code).toBe(0);
    expect(run(['--help']).stdout).toMatch(/-v, --version/);
    expect(run(['help', 'identity']).stdout).toMatch(/Usage: pidproof identity/);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const r = run([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
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
