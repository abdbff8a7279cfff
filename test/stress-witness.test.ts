/**
 * The stress tests' witness (test/fixtures/proc-witness.ts), checked on its own with real
 * processes: it must report a process that entered the critical section without the lock while
 * its marker's writer can still run (a double grant), and step over a marker whose writer is dead
 * (gone, a zombie). A witness that cannot fail would make the stress tests' "0 double grants" mean
 * nothing; one that calls a dead holder alive makes them fail for no fault of the lock.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, isLinux, killAndReap, onLines, statFields, tmpDir, track, waitFor } from './helpers';
import { fixture } from './lock-helpers';

afterAll(cleanup);

function lines(child: ChildProcess): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  onLines(child.stdout!, (l) => out.push(JSON.parse(l) as Record<string, unknown>));
  return out;
}

/** A process that takes the marker and stays in; `unreaped`: its parent (python3) never reaps it. */
async function holder(marker: string, unreaped = false): Promise<{ child: ChildProcess; pid: number }> {
  const argv = [process.execPath, fixture('witness-probe'), marker, 'hold'];
  const child = unreaped
    ? spawn('python3', ['-c', 'import os, sys, time\nif os.fork() == 0: os.execv(sys.argv[1], sys.argv[1:])\ntime.sleep(120)', ...argv], { stdio: ['pipe', 'pipe', 'inherit'] })
    : spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
  track(child);
  const events = lines(child);
  const m = await waitFor(() => events.find((e) => e.t === 'in'), 30_000, 'the holder to enter');
  expect(m.owned).toBe(true);
  return { child, pid: m.pid as number };
}

/** Another process tries to enter: what its witness found. */
async function enter(marker: string): Promise<Record<string, unknown>> {
  const child = track(spawn(process.execPath, [fixture('witness-probe'), marker, 'enter'], { stdio: ['ignore', 'pipe', 'inherit'] }));
  const events = lines(child);
  return waitFor(() => events.find((e) => e.t === 'entered'), 30_000, 'the enterer');
}

function state(pid: number): string | null {
  return statFields(pid)?.[0] ?? null;
}

describe.skipIf(!isLinux)(`stress witness${isLinux ? '' : ' (Linux: it reads /proc)'}`, () => {
  it('reports a double grant: a second process enters while the marker’s writer is alive (sleeping in its event loop)', async () => {
    const marker = path.join(tmpDir('pidproof-witness-'), 'in-critical-section');
    const h = await holder(marker);
    const r = await enter(marker);
    expect(r.owned).toBe(false);
    expect(r.pid).toBe(h.pid);
    expect(r.tag).toBe('holder');
    // The report carries the writer's /proc state: alive, not exiting.
    const proc = r.proc as { stat: string; State: string; tasks: string[] };
    expect(proc.stat.startsWith(`${h.pid} (`)).toBe(true);
    expect(proc.State).toMatch(/^[RS] /);
    h.child.stdin!.end();
  });

  it('reports a double grant when the writer is stopped (SIGSTOP: it can run again)', async () => {
    const marker = path.join(tmpDir('pidproof-witness-'), 'in-critical-section');
    const h = await holder(marker);
    process.kill(h.pid, 'SIGSTOP');
    await waitFor(() => state(h.pid) === 'T', 10_000, 'the holder to stop');
    const r = await enter(marker);
    expect(r.owned).toBe(false);
    expect(r.pid).toBe(h.pid);
    process.kill(h.pid, 'SIGCONT');
    h.child.stdin!.end();
  });

  it('steps over the marker of a writer SIGKILLed and reaped', async () => {
    const marker = path.join(tmpDir('pidproof-witness-'), 'in-critical-section');
    const h = await holder(marker);
    await killAndReap(h.child);
    expect(state(h.pid)).toBeNull();
    const r = await enter(marker);
    expect(r.owned).toBe(true);
  });

  it('steps over the marker of a writer SIGKILLed and left a zombie (its parent never reaps it)', async () => {
    const marker = path.join(tmpDir('pidproof-witness-'), 'in-critical-section');
    const h = await holder(marker, true);
    process.kill(h.pid, 'SIGKILL');
    await waitFor(() => state(h.pid) === 'Z', 10_000, 'the holder to become a zombie');
    const r = await enter(marker);
    expect(r.owned).toBe(true);
    expect(state(h.pid)).toBe('Z');
  });

  it('steps over a marker naming a live PID with another start time (the PID was reused)', async () => {
    const dir = tmpDir('pidproof-witness-');
    const marker = path.join(dir, 'in-critical-section');
    fs.writeFileSync(marker, `${process.pid} 1 forged`);
    const r = await enter(marker);
    expect(r.owned).toBe(true);
  });
});
