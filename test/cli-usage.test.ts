/** `pidproof stats` and `pidproof run` (issue 23), run as real processes from the built dist/. */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanup, distHolder, isLinux, onLines, repoRoot, spawnIdle, statFields, tmpDir, track, unusedPid, waitFor } from './helpers';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const MiB = 1024 * 1024;
const dirs: string[] = [];

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Field 24 of /proc/<pid>/stat (0 while unreadable). */
function rssPages(pid: number): number {
  return Number(statFields(pid)?.[21] ?? 0);
}

const jsonLines = (s: string) => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

afterEach(cleanup);
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('pidproof stats', () => {
  it('JSON lines when not on a terminal: --count samples, the first without cpuPercent', async () => {
    const c = spawnIdle();
    // Its new image mapped (in the middle of the exec the new memory map is rightly 0 pages).
    await waitFor(() => process.platform !== 'linux' || rssPages(c.pid!) > 0, 15_000, 'the child to start');
    const r = run(['stats', '--count', '3', '--interval', '20ms', String(c.pid)]);
    expect(r.code).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ pid: c.pid, measured: true, final: false, cpuPercent: null });
    expect(typeof lines[1].cpuPercent).toBe('number');
    expect(lines[2].rssBytes).toBeGreaterThan(0);
  });

  it('stops when the process exits, its last line final; a PID that names nothing exits 1', async () => {
    const c = spawnIdle();
    const p = track(spawn(process.execPath, [cli, 'stats', '-i', '20ms', String(c.pid)], { stdio: ['ignore', 'pipe', 'pipe'] }));
    const got: string[] = [];
    onLines(p.stdout!, (l) => got.push(l));
    await waitFor(() => got.length >= 2, 15_000, 'two samples');
    c.kill('SIGKILL');
    // 'close', not 'exit': its last line may still be unread when it has exited.
    const [code] = (await once(p, 'close')) as [number];
    expect(code).toBe(0);
    const last = JSON.parse(got.at(-1)!);
    expect(last).toMatchObject({ final: true, reason: 'exited' });
    const none = run(['stats', String(unusedPid())]);
    expect(none.code).toBe(1);
    expect(jsonLines(none.stdout)).toEqual([expect.objectContaining({ final: true, measured: false, reason: 'dead' })]);
  });

  it('a lock file: its holder is sampled, pinned to the recorded identity; a missing lock file exits 1', async () => {
    const dir = tmpDir();
    dirs.push(dir);
    const lock = path.join(dir, 'app.lock');
    const holder = await distHolder(lock);
    const r = run(['stats', '-n', '2', '-i', '10ms', lock]);
    expect(r.code).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(lines.map((l) => l.pid)).toEqual([holder.pid, holder.pid]);
    const missing = run(['stats', path.join(dir, 'nope.lock')]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/no lock file/);
  });

  it.runIf(isLinux && fs.existsSync('/usr/bin/script'))('a compact table on a terminal (a pty from script(1)), "-" for what the OS cannot give', async () => {
    const c = spawnIdle();
    const r = spawnSync('script', ['-qec', `${process.execPath} ${cli} stats -n 2 -i 20ms ${c.pid}`, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', COLUMNS: '120' },
    });
    expect(r.status).toBe(0);
    const lines = r.stdout.split(/\r?\n/).filter(Boolean);
    expect(lines[0]).toContain(`PID ${c.pid}: a sample every 20 ms, 2 at most`);
    expect(lines[1]).toMatch(/^time\s+cpu%\s+user\s+system\s+rss\s+peak rss\s+virtual\s+threads\s+faults$/);
    expect(lines[2]).toMatch(/^0\.\ds\s+\d/); // the first row: no cpu% yet
    expect(lines[3]).toMatch(/^\d\.\ds\s+\d+\.\d\s/);
    expect(r.stdout).not.toMatch(/\{"pid"/);
  });

  it('bad usage exits 2 with a pointer to --help', () => {
    for (const args of [['stats'], ['stats', '1', '2'], ['stats', '--count', '0', '1'], ['stats', '-n', 'x', '1'], ['stats', '-i', 'soon', '1'], ['stats', '-i', '0', '1'], ['stats', '--bogus', '1'], ['stats', '0']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^pidproof stats: /);
    }
    expect(run(['stats', '--help']).stdout).toMatch(/^Usage: pidproof stats/);
  });
});

describe('pidproof run', () => {
  it('the command\'s exit code, its own output, and a report on stderr', () => {
    const r = run(['run', '--', process.execPath, '-e', 'console.log("hello"); process.exit(3)']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('hello\n');
    expect(r.stderr).toMatch(/^pidproof run: /);
    expect(r.stderr).toMatch(/exit status\s+3/);
    expect(r.stderr).toMatch(/wall time\s+\d/);
    expect(r.stderr).toMatch(/user CPU\s+(≥ )?\d/);
    expect(r.stderr).toMatch(/peak RSS\s+(≥ )?\d/);
    expect(r.stderr).toMatch(/peak threads\s+\d/);
  });

  it('--json -o FILE: final figures of a command that touches 80 MB', () => {
    const dir = tmpDir();
    dirs.push(dir);
    const out = path.join(dir, 'report.json');
    // 200 ms of CPU (counted, not a wall-clock spin that a loaded machine gives less CPU), then
    // the 80 MB are kept for another second: time enough for a sample to see them under load.
    const cmd = 'const b = Buffer.alloc(80 * 1024 * 1024, 1); const c = process.cpuUsage(); while (process.cpuUsage(c).user < 200000); setTimeout(() => b.length, 1000);';
    const r = run(['run', '--json', '-o', out, '-i', '10ms', '--', process.execPath, '-e', cmd]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const rep = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(rep).toMatchObject({ exitCode: 0, signal: null, status: 0, intervalMs: 10 });
    expect(rep.command[0]).toBe(process.execPath);
    expect(rep.peakRssBytes).toBeGreaterThanOrEqual(80 * MiB);
    expect(rep.peakThreads).toBeGreaterThanOrEqual(2);
    expect(rep.cpuUserMs + rep.cpuSystemMs).toBeGreaterThan(100);
    expect(rep.wallMs).toBeGreaterThanOrEqual(200);
    expect(rep.samples).toBeGreaterThanOrEqual(2);
    if (rep.final) expect(rep.figuresAgeMs).toBe(0);
    else expect(rep.detail).toMatch(/reaped before its final figures/);
  });

  it('a signal: 128 + its number; a command that cannot be found: 127; no command: 2', () => {
    if (process.platform !== 'win32') {
      const k = run(['run', '--', 'sh', '-c', 'kill -TERM $$']);
      expect(k.code).toBe(143);
      expect(k.stderr).toMatch(/killed by SIGTERM \(143\)/);
    }
    const nf = run(['run', '--', 'pidproof-no-such-command']);
    expect(nf.code).toBe(127);
    expect(nf.stderr).toMatch(/cannot run "pidproof-no-such-command"/);
    expect(run(['run']).code).toBe(2);
    expect(run(['run', '--']).code).toBe(2);
    expect(run(['run', '--bogus', '--', 'true']).code).toBe(2);
    expect(run(['run', '-i', 'x', '--', 'true']).code).toBe(2);
    expect(run(['run', '--help']).stdout).toMatch(/^Usage: pidproof run/);
  });

  it.runIf(isLinux)('SIGTERM to pidproof is passed on to the command, which ends; the report says so', async () => {
    const p = track(spawn(process.execPath, [cli, 'run', '--', 'sleep', '100'], { stdio: ['ignore', 'pipe', 'pipe'] }));
    let stderr = '';
    p.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    // Wait for the command to run (pidproof's child is `sleep`).
    const child = await waitFor(() => {
      try {
        const kids = fs.readFileSync(`/proc/${p.pid}/task/${p.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
        return kids.find((k) => fs.readFileSync(`/proc/${k}/comm`, 'utf8').trim() === 'sleep');
      } catch {
        return undefined;
      }
    }, 15_000, 'the command to start');
    p.kill('SIGTERM');
    // 'close', not 'exit': its report may still be unread when it has exited.
    const [code] = (await once(p, 'close')) as [number];
    expect(code).toBe(143);
    expect(stderr).toMatch(/killed by SIGTERM \(143\)/);
    expect(fs.existsSync(`/proc/${child}`)).toBe(false);
  });
});
