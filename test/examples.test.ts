/**
 * The examples/ programs, compiled by `npm test`'s pretest (tsc -p examples) and run as a user runs
 * them: real processes importing the package by its name ('pidproof'), real signals, real files.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, backend, inspectLock } from '../lib/index';
import { buildPayload, newToken, serialisePayload } from '../lib/lock/payload';
import { identity } from '../lib/identity';
import { cleanup, collectJsonLines, distHolder, isLinux, repoRoot, spawnIdle, statFields, tmpDir, track, unusedPid, waitFor, waitsOnPidfd } from './helpers';

const example = (name: string) => path.join(repoRoot, '.test-out', 'examples', `${name}.js`);

afterEach(cleanup);

/** A process printing JSON lines (one per event), with `next(event)` to wait for the next one. */
function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = track(spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } }));
  const events: Array<Record<string, unknown>> = [];
  collectJsonLines(child.stdout!, events, 'text');
  let seen = 0;
  const closed = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  return {
    child,
    events,
    /** The next event (in order); fails on any other event in between unless `skip` lists it. */
    async next(event: string, skip: string[] = []): Promise<Record<string, unknown>> {
      for (;;) {
        const e = await waitFor(() => events[seen], 30_000, `event "${event}" (seen: ${JSON.stringify(events)})`);
        seen++;
        if (e.event === event) return e;
        if (!skip.includes(String(e.event))) throw new Error(`expected "${event}", got ${JSON.stringify(e)}`);
      }
    },
    /** Resolves with the exit code once stdout is drained. */
    async exit(): Promise<number | null> {
      const [code] = await closed;
      return code;
    },
  };
}

async function kill(c: ChildProcess, sig: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (c.exitCode !== null || c.signalCode !== null) return;
  const e = once(c, 'exit');
  c.kill(sig);
  await e;
}

/** Linux: the PIDs whose parent is `pid`. */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    if (Number(statFields(Number(d))?.[1]) === pid) out.push(Number(d)); // null: gone meanwhile
  }
  return out;
}

/** Processes a test started indirectly (a supervisor's daemon): killed after each test. */
const strays = new Set<number>();
afterEach(() => {
  for (const pid of strays) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  strays.clear();
});

function pidAlive(pid: number): boolean {
  const id = identity.processIdentity(pid);
  return id !== null && id.state !== 'zombie';
}

describe('examples/daemon.ts: a single-instance lock instead of a PID file', () => {
  it('one instance at a time; a crashed instance is taken over at once; SIGTERM releases', async () => {
    const lock = path.join(tmpDir('pidproof-example-'), 'daemon.lock');
    const a = run([example('daemon'), lock]);
    const started = await a.next('started');
    expect(started).toMatchObject({ pid: a.child.pid, reclaimed: null });
    expect(inspectLock(lock)).toMatchObject({ verdict: 'alive', kernelHeld: backend === 'native' ? true : null });

    const b = run([example('daemon'), lock]);
    expect(await b.next('already-running')).toMatchObject({ holder: a.child.pid, verdict: 'alive' });
    expect(await b.exit()).toBe(1);

    await kill(a.child); // a crash: no cleanup ran, the file stays
    expect(fs.existsSync(lock)).toBe(true);
    const c = run([example('daemon'), lock]);
    expect((await c.next('started')).reclaimed).toEqual(['dead-pid']);

    c.child.kill('SIGTERM');
    expect(await c.next('stopped')).toMatchObject({ reason: 'SIGTERM' });
    expect(await c.exit()).toBe(0);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('an old PID file: a dead PID is taken over; a live PID nothing proves is the daemon is refused', async () => {
    const lock = path.join(tmpDir('pidproof-example-'), 'daemon.pid');
    fs.writeFileSync(lock, `${unusedPid()}\n`);
    const a = run([example('daemon'), lock]);
    expect((await a.next('started')).reclaimed).toEqual(['dead-pid']);
    a.child.kill('SIGINT');
    await a.next('stopped');
    expect(await a.exit()).toBe(0);

    const other = spawnIdle(); // alive, but not the daemon: kill(pid, 0) would say "running"
    fs.writeFileSync(lock, `${other.pid}\n`);
    const b = run([example('daemon'), lock]);
    expect(await b.next('already-running')).toMatchObject({ holder: other.pid, verdict: 'unknown' });
    expect(await b.exit()).toBe(1);
    expect(fs.readFileSync(lock, 'utf8')).toBe(`${other.pid}\n`); // never reclaimed without proof
  });
});

describe('examples/supervisor.ts: watchExit, restart, adopt', () => {
  it('restarts the daemon it runs when it dies; a new supervisor adopts the running one; SIGTERM stops it', async () => {
    const lock = path.join(tmpDir('pidproof-example-'), 'daemon.lock');
    const args = [example('supervisor'), '--lock', lock, '--restarts', '3', '--', process.execPath, example('daemon'), lock];
    // The daemon inherits the supervisor's stdout: both print on this one stream.
    const s1 = run(args);
    const p1 = (await s1.next('spawned')).pid as number;
    strays.add(p1);
    expect(await s1.next('started')).toMatchObject({ pid: p1, reclaimed: null });

    process.kill(p1, 'SIGKILL');
    expect(await s1.next('exited')).toMatchObject({ pid: p1, reason: 'exited' });
    await s1.next('restarting');
    const p2 = (await s1.next('spawned')).pid as number;
    strays.add(p2);
    expect(p2).not.toBe(p1);
    expect(await s1.next('started')).toMatchObject({ pid: p2, reclaimed: ['dead-pid'] });

    // The supervisor dies; its daemon lives on. A new supervisor adopts it instead of starting
    // a second one.
    await kill(s1.child);
    expect(pidAlive(p2)).toBe(true);
    const s2 = run(args);
    expect(await s2.next('adopted')).toMatchObject({ pid: p2 });

    // Stopping the supervisor stops the adopted daemon (SIGTERM), which releases its lock.
    s2.child.kill('SIGTERM');
    expect(await s1.next('stopped')).toMatchObject({ pid: p2, reason: 'SIGTERM' }); // the daemon's line
    expect(await s2.next('stopped')).toMatchObject({ reason: 'SIGTERM' });
    expect(await s2.exit()).toBe(0);
    expect(fs.existsSync(lock)).toBe(false);
    expect(pidAlive(p2)).toBe(false);
  });

  it('gives up after --restarts, with a backoff between restarts', async () => {
    const s = run([example('supervisor'), '--restarts', '2', '--', process.execPath, '-e', 'process.exit(3)']);
    for (let i = 0; i < 3; i++) {
      const { pid } = await s.next('spawned');
      expect(await s.next('exited')).toMatchObject({ pid, reason: expect.stringMatching(/^(exited|dead|zombie)$/) });
      if (i < 2) expect((await s.next('restarting')).inMs).toBe(100 * 2 ** i);
    }
    expect(await s.next('gave-up')).toMatchObject({ restarts: 2 });
    expect(await s.exit()).toBe(1);
  });
});

describe('examples/session-lock.ts: OpenClaw-style session write locks', () => {
  /** An OpenClaw lock file whose writer is gone. */
  const deadOpenClaw = () => JSON.stringify({ pid: unusedPid(), createdAt: new Date().toISOString(), starttime: 12345 });

  it('the startup sweep removes crashed writers\' locks, keeps live and unreadable ones; the append takes its session\'s lock', async () => {
    const dir = tmpDir('pidproof-sessions-');
    fs.writeFileSync(path.join(dir, 'a.jsonl.lock'), deadOpenClaw());
    await distHolder(path.join(dir, 'b.jsonl.lock'));
    fs.writeFileSync(path.join(dir, 'c.jsonl.lock'), Buffer.from([0xde, 0xad, 0xbe, 0xef]));
    const p = run([example('session-lock'), dir, 's1', 'hello', 'world']);
    expect(await p.next('appended', ['sweep'])).toMatchObject({ session: 's1', reclaimed: null });
    expect(await p.exit()).toBe(0);
    // The sweep runs beside the append: it may also see the append's own (live) lock.
    const sweep = p.events.find((e) => e.event === 'sweep')!;
    expect(sweep).toMatchObject({ removed: 1, unknown: 1 });
    expect(sweep.live).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync(path.join(dir, 'a.jsonl.lock'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'b.jsonl.lock'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'c.jsonl.lock'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 's1.jsonl.lock'))).toBe(false); // released
    const [line] = fs.readFileSync(path.join(dir, 's1.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(line).toMatchObject({ role: 'user', text: 'hello world', pid: p.child.pid });
  });

  it('never appends while another process holds the session; appends once it is released', async () => {
    const dir = tmpDir('pidproof-sessions-');
    const transcript = path.join(dir, 's2.jsonl');
    const held = await acquireLock(`${transcript}.lock`, { maxHoldMs: 120_000 });
    try {
      const p = run([example('session-lock'), dir, 's2', 'queued']);
      // The sweep has run (it found our lock alive and kept it): the process is well under way.
      expect(await p.next('sweep')).toMatchObject({ locks: 1, live: 1, removed: 0 });
      expect(p.events.some((e) => e.event === 'appended')).toBe(false);
      expect(fs.existsSync(transcript)).toBe(false);
      await held.release();
      expect(await p.next('appended')).toMatchObject({ session: 's2', reclaimed: null });
      expect(await p.exit()).toBe(0);
      expect(fs.readFileSync(transcript, 'utf8')).toContain('"text":"queued"');
    } finally {
      await held.release();
    }
  });

  it.skipIf(process.platform === 'win32')(
    `a hung writer (SIGSTOPped) is broken once past its maxHoldMs, by the sweep or by the append${process.platform === 'win32' ? ' [skipped: no SIGSTOP on Windows]' : ''}`,
    async () => {
      const dir = tmpDir('pidproof-sessions-');
      const transcript = path.join(dir, 's3.jsonl');
      // It stops itself in the run that acquired (a SIGSTOP sent from here after its "ready" could
      // come after 300 ms on a loaded machine, when its own watchdog has released the lock).
      const script = `require(${JSON.stringify(path.join(repoRoot, 'dist', 'index.js'))}).acquireLockSync(${JSON.stringify(`${transcript}.lock`)}, { maxHoldMs: 300 });
process.stdout.write('ready\\n'); process.kill(process.pid, 'SIGSTOP'); setInterval(() => {}, 1e6);`;
      const hung = track(spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] }));
      const [ready] = (await once(hung.stdout!, 'data')) as [Buffer];
      expect(ready.toString()).toBe('ready\n');
      try {
        const p = run([example('session-lock'), dir, 's3', 'after', 'the', 'hang']);
        const appended = await p.next('appended', ['sweep']);
        expect(await p.exit()).toBe(0);
        const sweep = p.events.find((e) => e.event === 'sweep')!;
        // Exactly one of them broke it, on proof: the declared hold had expired.
        const byAppend = (appended.reclaimed as string[] | null)?.includes('hold-exceeded') === true;
        expect(Number(sweep.removed) + (byAppend ? 1 : 0)).toBe(1);
        if (!byAppend) expect(appended.reclaimed).toBeNull();
        expect(fs.readFileSync(transcript, 'utf8')).toContain('"text":"after the hang"');
      } finally {
        hung.kill('SIGCONT');
      }
    },
  );
});

describe.skipIf(process.platform === 'win32')(`examples/wait-for-lock.sh: the CLI's exit codes in a script${process.platform === 'win32' ? ' [skipped: a POSIX shell script]' : ''}`, () => {
  const script = path.join(repoRoot, 'examples', 'wait-for-lock.sh');
  /** PATH with a `pidproof` command, as an installed package provides (node_modules/.bin). */
  function envWithCli(): NodeJS.ProcessEnv {
    const bin = tmpDir('pidproof-bin-');
    fs.writeFileSync(path.join(bin, 'pidproof'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(repoRoot, 'dist', 'cli.js'))} "$@"\n`, { mode: 0o755 });
    return { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '1' };
  }
  const sh = (args: string[], env: NodeJS.ProcessEnv) => spawnSync('sh', [script, ...args], { env, encoding: 'utf8' });

  it('0 when free or stale, 3 when it cannot be judged, 2 on error, 1 when held past the timeout', async () => {
    const env = envWithCli();
    const dir = tmpDir('pidproof-example-');
    const lock = path.join(dir, 'job.lock');
    expect(sh([lock], env)).toMatchObject({ status: 0, stdout: expect.stringMatching(/is free/) });

    const dead = buildPayload({ ...identity.selfIdentity(), pid: unusedPid() }, { token: newToken(), maxHoldMs: 60_000, leaseMs: null, mode: 'kernel' });
    fs.writeFileSync(lock, serialisePayload(dead));
    expect(sh([lock], env)).toMatchObject({ status: 0, stdout: expect.stringMatching(/stale/) });

    fs.writeFileSync(lock, 'not a lock at all');
    expect(sh([lock], env)).toMatchObject({ status: 3, stderr: expect.stringMatching(/cannot be judged/) });

    fs.rmSync(lock);
    fs.mkdirSync(lock);
    expect(sh([lock], env).status).toBe(2);
    fs.rmdirSync(lock);

    await distHolder(lock);
    expect(sh([lock, '0.2'], env)).toMatchObject({ status: 1, stderr: expect.stringMatching(/still held/) });
  });

  it('waits for the holder to exit, then says it is free', async () => {
    const env = envWithCli();
    const lock = path.join(tmpDir('pidproof-example-'), 'job.lock');
    const h = await distHolder(lock);
    const c = track(spawn('sh', [script, lock, '60'], { env, stdio: ['ignore', 'pipe', 'inherit'] }));
    let out = '';
    c.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    let holderKilled = false;
    let finishedEarly = false;
    c.on('exit', () => (finishedEarly = !holderKilled));
    const closed = once(c, 'close');
    if (isLinux) {
      // Until `pidproof watch` (sh's child) waits on the holder's pidfd.
      await waitFor(() => childrenOf(c.pid!).some((pid) => waitsOnPidfd(pid, h.pid!)), 30_000, 'pidproof watch');
    }
    holderKilled = true;
    await kill(h);
    const [code] = (await closed) as [number];
    expect(finishedEarly).toBe(false); // it could not finish while the holder lived
    expect(code).toBe(0);
    expect(out).toMatch(isLinux ? /exited after .*\n.*is free/s : /free/);
  });
});

it('every example is compiled, and imports the package by its name', () => {
  for (const name of ['daemon', 'supervisor', 'session-lock']) {
    expect(fs.existsSync(example(name)), name).toBe(true);
    expect(fs.readFileSync(example(name), 'utf8')).toMatch(/require\("pidproof"\)/);
  }
});
