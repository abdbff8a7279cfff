/**
 * `pidproof kill`, run as a real process from the built dist/, against real processes that log
 * the signals they get: PIDs, pidproof locks held by live processes, stale and recycled lock files,
 * OpenClaw session locks and bare PID files. Recycling is forced through ns_last_pid (root, Linux).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { identity } from '../lib/identity';
import type { ProcessIdentity } from '../lib/types';
import { cleanup, killAndReap, leaveTick, needsLinuxRoot, repoRoot, tmpDir, track, unusedPid, waitFor } from './helpers';
import { forgeLock } from './lock-helpers';
import { loggedBy, recycleLogged, spawnLogger } from './signal-helpers';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const isWin32 = process.platform === 'win32';
const dirs: string[] = [];

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'kill', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[]) {
  const r = run([...args, '--json']);
  return { code: r.code, out: JSON.parse(r.stdout) as Record<string, unknown>, stderr: r.stderr };
}

function dir(): string {
  const d = tmpDir('pidproof-cli-kill-');
  dirs.push(d);
  return d;
}

/** The boot clock in clock ticks (USER_HZ = 100 on Linux), the clock `/proc/<pid>/stat` starttime counts. */
afterEach(cleanup);
afterAll(() => {
  cleanup();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A Node process holding a pidproof lock, logging SIGUSR2 (and SIGTERM, ignoring it, in `ignore-term`). */
async function lockHolder(lockPath: string, mode: 'ignore-term' | 'default' = 'default') {
  const script = `
    const p = require(process.argv[1]);
    p.acquireLockSync(process.argv[2], { maxHoldMs: Infinity });
    const sigs = process.argv[3] === 'ignore-term' ? ['SIGUSR2', 'SIGTERM'] : ['SIGUSR2'];
    for (const s of sigs) process.on(s, () => console.log(s));
    console.log('ready');
    setInterval(() => {}, 1e6);`;
  const child: ChildProcess = track(
    spawn(process.execPath, ['-e', script, path.join(repoRoot, 'dist'), lockPath, mode], { stdio: ['ignore', 'pipe', 'inherit'] }),
  );
  const exit = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const lines: string[] = [];
  child.stdout!.on('data', (d: Buffer) => lines.push(...d.toString().split('\n').filter(Boolean)));
  const saw = (s: string) => waitFor(() => lines.includes(s), 15_000, `holder to print ${s}`);
  await saw('ready');
  return { child, pid: child.pid!, lines, saw, exit };
}

describe.runIf(isWin32)('pidproof kill (POSIX signals)', () => {
  it.skip('skipped: these cases send POSIX signals; Windows runs test/win32/signal.test.ts', () => {});
});

describe.skipIf(isWin32)('pidproof kill', () => {
  it('a PID: SIGTERM by default, -s by name or number, -s 0 only checks; exit 0', async () => {
    const L = await spawnLogger('log');
    const r = run([String(L.pid)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^sent: SIGTERM sent to PID \d+/);
    await L.saw('SIGTERM');
    expect(run(['-s', 'usr1', String(L.pid)]).code).toBe(0);
    await L.saw('SIGUSR1');
    expect(run(['--signal', 'SIGHUP', String(L.pid)]).code).toBe(0);
    await L.saw('SIGHUP');
    const check = json(['-s', '0', String(L.pid)]);
    expect(check.code).toBe(0);
    expect(check.out).toMatchObject({ target: String(L.pid), path: null, pid: L.pid, signal: '0', sent: true, verdict: 'alive' });
    expect(L.lines).toEqual(['ready', 'SIGTERM', 'SIGUSR1', 'SIGHUP']);
  });

  it('a PID nobody holds: nothing to signal, exit 1', () => {
    const pid = unusedPid();
    const r = json([String(pid)]);
    expect(r.code).toBe(1);
    expect(r.out).toMatchObject({ pid, sent: false, verdict: 'dead' });
  });

  it('a pidproof lock held by a live process: its holder gets the signal, exit 0', async () => {
    const lock = path.join(dir(), 'server.lock');
    const H = await lockHolder(lock);
    const r = json(['-s', 'USR2', lock]);
    expect(r.code).toBe(0);
    expect(r.out).toMatchObject({ path: lock, format: 'pidproof', pid: H.pid, signal: 'SIGUSR2', sent: true, verdict: 'alive' });
    expect(String(r.out.detail)).toMatch(/holder of .*server\.lock: sent: SIGUSR2 sent to PID/);
    await H.saw('SIGUSR2');
  });

  it('--grace: a holder that ignores SIGTERM gets SIGKILL after the grace; exit 0 once it is gone', async () => {
    const lock = path.join(dir(), 'stubborn.lock');
    const H = await lockHolder(lock, 'ignore-term');
    // The grace is what the holder has to run its handler and print SIGTERM before the SIGKILL:
    // 2 s, not a few hundred ms, which a loaded machine can spend before it schedules the holder.
    const r = json(['--grace', '2', lock]);
    expect(r.code).toBe(0);
    expect(r.out).toMatchObject({ pid: H.pid, sent: true, exited: true, reason: 'exited', graceMs: 2000, signalsSent: ['SIGTERM', 'SIGKILL'] });
    expect(await H.exit).toEqual([null, 'SIGKILL']);
    // 'exit' can come before the last of its output is read: wait for the line.
    await H.saw('SIGTERM');
  });

  it('--grace: a holder that exits on SIGTERM gets no SIGKILL, and releases its lock', async () => {
    const lock = path.join(dir(), 'polite.lock');
    const H = await lockHolder(lock);
    const r = run(['-g', '30', lock]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/SIGTERM sent; exited after/);
    // pidproof's own handler released the lock and re-raised SIGTERM.
    expect(await H.exit).toEqual([null, 'SIGTERM']);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('a stale lock (its holder is dead): nothing sent, exit 1; with --grace too', async () => {
    const lock = path.join(dir(), 'stale.lock');
    const L = await spawnLogger('default');
    const id = identity.processIdentity(L.pid)!;
    forgeLock(lock, id);
    await killAndReap(L.child);
    const r = json([lock]);
    expect(r.code).toBe(1);
    expect(r.out).toMatchObject({ pid: L.pid, format: 'pidproof', sent: false, verdict: 'dead' });
    const g = json(['--grace', '1', lock]);
    expect(g.code).toBe(1);
    expect(g.out).toMatchObject({ sent: false, verdict: 'dead', signalsSent: [] });
    // No lock file at all: nothing to signal.
    expect(json([path.join(path.dirname(lock), 'absent.lock')])).toMatchObject({ code: 1, out: { verdict: 'no-lock', sent: false } });
  });

  it('not provable: a bare PID file naming a live process, a foreign lock, an unreadable format: exit 2, nothing sent', async () => {
    const d = dir();
    const L = await spawnLogger('log');
    const id = identity.processIdentity(L.pid)!;
    const pidfile = path.join(d, 'daemon.pid');
    fs.writeFileSync(pidfile, `${L.pid}\n`);
    const p = json(['-s', 'USR1', pidfile]);
    expect(p.code).toBe(2);
    expect(p.out).toMatchObject({ format: 'pidfile', pid: L.pid, sent: false, verdict: 'unknown' });
    expect(String(p.out.detail)).toMatch(/no start token to compare/);
    const foreign = path.join(d, 'foreign.lock');
    forgeLock(foreign, id, { hostname: 'build-07.example', bootId: '0badb007-0000-4000-8000-000000000000' });
    const f = json(['-s', 'USR1', foreign]);
    expect(f.code).toBe(2);
    expect(f.out).toMatchObject({ sent: false, verdict: 'foreign' });
    expect(run(['--grace', '1', foreign]).code).toBe(2);
    const garbage = path.join(d, 'garbage.lock');
    fs.writeFileSync(garbage, 'not a lock\n');
    expect(json([garbage])).toMatchObject({ code: 2, out: { format: 'unknown', sent: false } });
    // The PID itself is signalled on request (whatever holds it now).
    expect(run(['-s', 'USR2', String(L.pid)]).code).toBe(0);
    await L.saw('SIGUSR2');
    expect(L.lines).toEqual(['ready', 'SIGUSR2']);
  });

  it('bad usage exits 2 with a pointer to --help; --help exits 0', () => {
    const d = dir();
    for (const args of [[], ['1', '2'], ['-s', 'BOGUS', '1'], ['-s', '999', '1'], ['--grace', '-1', '1'], ['--grace', 'x', '1'], ['-s', '0', '--grace', '1', '1'], ['0'], ['--nope', '1']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/pidproof kill: /);
    }
    expect(run([d]).code).toBe(2); // a directory is no lock file
    const h = run(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/Usage: pidproof kill \[-s SIGNAL\] \[--grace SECONDS\] \[--json\] <pid \| lockfile \| pidfile>/);
    expect(h.stdout).toMatch(/Examples:/);
  });

  it.skipIf(needsLinuxRoot() !== null)(
    `a recycled PID: stale lock files and a PID file send nothing to the new owner, exit 1${needsLinuxRoot() ? ` [skipped: ${needsLinuxRoot()}]` : ''}`,
    async () => {
      const d = dir();
      let checked = false;
      for (let attempt = 0; attempt < 10 && !checked; attempt++) {
        const log = path.join(d, `log-${attempt}`);
        const files: Record<string, string> = {
          pidproof: path.join(d, `app-${attempt}.lock`),
          openclaw: path.join(d, `session-${attempt}.jsonl.lock`),
          pidfile: path.join(d, `daemon-${attempt}.pid`),
        };
        let A: ProcessIdentity | null = null;
        await recycleLogged(
          log,
          (pid) => {
            A = identity.processIdentity(pid)!;
            forgeLock(files.pidproof, A);
            fs.writeFileSync(files.openclaw, JSON.stringify({ pid, createdAt: new Date().toISOString(), starttime: Number(A.startToken) }));
            fs.writeFileSync(files.pidfile, `${pid}\n`);
            // The PID file is dated by its mtime: written 10 s ago, as a daemon's would have been.
            const tenSecondsAgo = new Date(Date.now() - 10_000);
            fs.utimesSync(files.pidfile, tenSecondsAgo, tenSecondsAgo);
            // The OpenClaw format records only start ticks (10 ms): on a fast machine B can start
            // in A's tick, where the format cannot tell them apart (its documented limit). B is
            // forked after this returns, so wait for the boot clock (/proc/uptime, the clock
            // starttime counts on) to leave A's tick.
            return leaveTick(A!.startToken);
          },
          async (pid) => {
            const B = identity.processIdentity(pid)!;
            expect(B.startToken).not.toBe(A!.startToken); // forked after A's tick (leaveTick)
            for (const [format, file] of Object.entries(files)) {
              const r = json(['-s', 'USR1', file]);
              expect(r.code, format).toBe(1);
              expect(r.out, format).toMatchObject({ format, pid, sent: false, verdict: 'recycled' });
              expect(run(['--grace', '0', file]).code, `${format} --grace`).toBe(1);
            }
            // B received nothing: the marker, sent to B's own PID, is all it logged.
            expect(run(['-s', 'USR2', String(pid)]).code).toBe(0);
            await waitFor(() => {
              const l = loggedBy(log, pid);
              return l.lastIndexOf('SIGUSR2') > l.lastIndexOf('ready');
            }, 15_000, 'B to log the marker');
            const lines = loggedBy(log, pid);
            expect(lines.slice(lines.lastIndexOf('ready') + 1)).toEqual(['SIGUSR2']);
            checked = true;
          },
        );
      }
      expect(checked).toBe(true);
    },
    120_000,
  );
});
