/**
 * Stress: 8 worker processes × 300 acquisitions of one lock, each a read-modify-write of a counter
 * file inside the critical section, while a killer SIGKILLs holders inside it (at least 30 times).
 * An independent witness (an O_EXCL marker, checked through /proc, not through pidproof) catches
 * any double grant; lost updates would show as duplicate counter values. The same with 4 workers
 * of 5 async contenders each (issue 21: a line of contenders per process, the lock handed over
 * in place inside a process, turns between processes): every process makes progress too.
 */
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isLinux, tmpDir, track } from './helpers';
import { fixture } from './lock-helpers';

const WORKERS = 8;
const ITERATIONS = 300;
const MIN_KILLS = 30;
const MAX_KILLS = 45;

interface Worker {
  child: ChildProcess;
  inside: boolean;
  exits: number;
  /** Critical sections (of all workers) entered before this worker started. */
  bornAt?: number;
  iterations: number;
  killed: boolean;
  done: boolean;
  /** Its share of the work: a killed worker's replacement keeps its slot. */
  slot: number;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

interface StressRun {
  workers: number;
  contenders: number;
  iterations: number;
  minKills: number;
  maxKills: number;
}

/**
 * Runs one stress and checks it; returns the entries (by worker PID, in order), and the workers'
 * completed critical sections when the first worker finished, for more checks.
 */
async function stress(o: StressRun): Promise<{ order: number[]; finishedBy: Map<number, number>; atFirstDone: Map<number, string>; atFirstDoneSlots: Map<number, number> }> {
  const dir = tmpDir('pidproof-stress-');
  dirs.push(dir);
  const lockPath = path.join(dir, 'counter.lock');
  const workers = new Set<Worker>();
  const enters: number[] = [];
  const order: number[] = [];
  const kills: number[] = [];
  const killedAt = new Map<number, number>();
  const doubles: unknown[] = [];
  const errors: string[] = [];
  const finishedBy = new Map<number, number>();
  let atFirstDone = new Map<number, string>();
  let completed = 0;
  let finished = 0;
  // Killed workers are replaced, so o.workers workers finish in the end.
  const target = o.workers;

  const slotEnters = new Map<number, number>();
  let atFirstDoneSlots = new Map<number, number>();
  const start = (iterations: number, slot: number) => {
    const child = track(
      fork(fixture('lock-worker'), [lockPath, dir, String(iterations), String(o.contenders)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
    const w: Worker = { child, inside: false, exits: 0, iterations, killed: false, done: false, bornAt: order.length, slot };
    workers.add(w);
    child.on('message', (m: { t: string; at?: number; message?: string; other?: number }) => {
      if (m.t === 'enter') {
        w.inside = true;
        slotEnters.set(slot, (slotEnters.get(slot) ?? 0) + 1);
        enters.push(m.at!);
        order.push(child.pid!);
      } else if (m.t === 'exit') {
        w.inside = false;
        w.exits++;
        completed++;
      } else if (m.t === 'done') {
        w.done = true;
        if (finished === 0) {
          atFirstDoneSlots = new Map([...Array(o.workers).keys()].filter((i) => i !== slot).map((i) => [i, slotEnters.get(i) ?? 0]));
          atFirstDone = new Map([...workers].filter((x) => x !== w).map((x) => [x.child.pid!, `${x.exits} of the last ${order.length - x.bornAt!}`]));
        }
        finished++;
        finishedBy.set(child.pid!, w.exits);
      } else if (m.t === 'double') {
        // With the other party's /proc state as the witness saw it and how long after its SIGKILL.
        const k = killedAt.get(m.other!);
        doubles.push({ ...m, sinceKillMs: k === undefined ? null : m.at! - k });
      } else if (m.t === 'error') {
        errors.push(m.message!);
      }
    });
    // 'close', not 'exit': it comes once the IPC channel is drained, so w.exits and w.done count
    // every message the worker sent before it died (a worker killed just after its last 'exit'
    // may already have sent 'done': it finished, and is not replaced by a second 'done').
    child.on('close', (code) => {
      workers.delete(w);
      if (w.killed && !w.done) {
        // Replace it with a worker that does the rest of its acquisitions.
        start(w.iterations - w.exits, slot);
      } else if (w.killed) {
        // Killed after its last critical section: nothing to replace.
      } else if (code !== 0) {
        errors.push(`worker ${child.pid} exited with ${code}`);
      } else if (!w.done) {
        errors.push(`worker ${child.pid} exited without finishing`);
      } else if (w.exits !== w.iterations) {
        errors.push(`worker ${child.pid} finished ${w.exits} of its ${w.iterations} critical sections`);
      }
    });
    return w;
  };
  for (let i = 0; i < o.workers; i++) start(o.iterations, i);

  // The killer: SIGKILL a worker that is inside the critical section (it holds the lock), at
  // random moments, often enough to reach minKills however fast the lock is: it tries every
  // 5 ms while behind the pace of one kill per 1/minKills of the work, else every 60-120 ms.
  const total = o.workers * o.iterations;
  let nextKillAt = 0;
  const killer = setInterval(() => {
    if (kills.length >= o.maxKills || Date.now() < nextKillAt) return;
    const inside = [...workers].filter((w) => w.inside && !w.killed);
    if (inside.length === 0) return;
    const behind = kills.length < Math.ceil((completed / total) * (o.minKills + 5));
    if (!behind && Math.random() > 0.05) return;
    const w = inside[Math.floor(Math.random() * inside.length)];
    w.killed = true;
    kills.push(Date.now());
    killedAt.set(w.child.pid!, kills[kills.length - 1]);
    w.child.kill('SIGKILL');
    nextKillAt = Date.now() + (behind ? 5 : 60 + Math.random() * 60);
  }, 5);

  const deadline = Date.now() + 150_000;
  while (finished < target && errors.length === 0 && doubles.length === 0) {
    if (Date.now() > deadline) throw new Error(`stress run did not finish: ${finished}/${target} workers done`);
    await new Promise((r) => setTimeout(r, 50));
  }
  clearInterval(killer);

  expect(errors).toEqual([]);
  expect(doubles).toEqual([]);
  expect(kills.length).toBeGreaterThanOrEqual(o.minKills);

  // Lost updates: every counter value written exactly once.
  const counter = Number(fs.readFileSync(path.join(dir, 'counter'), 'utf8'));
  const written = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('written.'))
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).map(Number));
  const unique = new Set(written);
  expect(unique.size).toBe(written.length); // no value written twice: no overlap
  expect(Math.max(...written)).toBeLessThanOrEqual(counter);
  expect(written.every((v) => v >= 1 && v <= counter)).toBe(true);
  // A holder killed between writing the counter and logging it leaves one value unlogged.
  expect(counter - written.length).toBeGreaterThanOrEqual(0);
  expect(counter - written.length).toBeLessThanOrEqual(kills.length);
  // Every acquisition that reported completion is counted.
  expect(written.length).toBeGreaterThanOrEqual(completed);
  expect(completed).toBeGreaterThanOrEqual(o.workers * o.iterations - kills.length);

  // Recovery: the next entry into the critical section after each kill.
  const recoveries = kills.map((k) => {
    const next = enters.find((e) => e >= k);
    return next === undefined ? Infinity : next - k;
  });
  const sorted = [...recoveries].sort((a, b) => a - b);
  const worst = sorted[sorted.length - 1];
  const p50 = sorted[Math.floor(sorted.length / 2)];
  console.log(
    `stress (${o.workers} workers x ${o.contenders} contenders): ${completed} completed critical sections, counter ${counter}, ` +
      `${kills.length} kills, 0 double grants, recovery after kill p50 ${p50} ms, worst ${worst} ms`,
  );
  // No stale period is sat out: bounded far below the workers' 60 s timeout. (A generous bound:
  // on a loaded machine the worst case here was 0.7 s; the figures belong in bench:lock. Below
  // 10 s, the stale period of proper-lockfile's default, which a stale-period design would show.)
  expect(worst).toBeLessThan(9000);
  // No lock file left behind by the killed holders once everyone is done.
  expect(fs.existsSync(lockPath)).toBe(false);
  return { order, finishedBy, atFirstDone, atFirstDoneSlots };
}

// The witness reads /proc to tell a killed holder's marker from a live one.
describe.runIf(isLinux)('lock stress (Linux: the witness reads /proc)', () => {
  it(`${WORKERS} workers × ${ITERATIONS} acquisitions with SIGKILLed holders: no double grant, no lost update, fast recovery`, async () => {
    await stress({ workers: WORKERS, contenders: 1, iterations: ITERATIONS, minKills: MIN_KILLS, maxKills: MAX_KILLS });
  }, 180_000);

  it('4 workers × 5 contenders each × 240 acquisitions with SIGKILLed holders: no double grant, no lost update, every process makes progress', async () => {
    const { order, finishedBy, atFirstDone, atFirstDoneSlots } = await stress({ workers: 4, contenders: 5, iterations: 240, minKills: 20, maxKills: 30 });
    // Every process made progress: every worker (and every replacement of a killed one) did its
    // whole share, checked per worker in stress(). How the lock went from process to process
    // (turns: bench:lock --parts contention measures the shares):
    expect(finishedBy.size).toBe(4);
    // No share shut out while another ran through its whole share: when the first worker finished,
    // every other share (a worker and the replacements of it when killed) had entered the critical
    // section at least once (a count, not a timing).
    expect([...atFirstDoneSlots.keys()]).toHaveLength(3);
    for (const [slot, entered] of atFirstDoneSlots) expect(entered, `share ${slot}`).toBeGreaterThan(0);
    let switches = 0;
    let longest = 0;
    for (let i = 0, run = 0; i < order.length; i++) {
      run = i > 0 && order[i] === order[i - 1] ? run + 1 : 1;
      if (i > 0 && order[i] !== order[i - 1]) switches++;
      longest = Math.max(longest, run);
    }
    console.log(
      `stress (4 workers x 5 contenders): when the first worker finished, each other one had done ` +
        `${[...atFirstDone.values()].join(', ')} critical sections since it started; ${switches} switches between processes, longest run ${longest} grants in a row`,
    );
  }, 180_000);
});
