/**
 * bench/lock, part `contention`: many contenders for one lock, in one process and across
 * processes (issue 21). Every contender loops: acquire, enter the critical section (an O_EXCL
 * marker file, the witness of a double grant), hold it for `setTimeout(holdMs)` (~1.1 ms for 1),
 * leave, release.
 *
 * Scenarios, each in fresh child processes (so descriptor counts and CPU time are theirs alone):
 * - in-process, N = 2, 10, 50, 300 contenders in one process, each doing max(1, round(S / N))
 *   critical sections (S = --sections, 400): ms per critical section from the first acquire to
 *   the last release, against
 *     - the floor: a promise mutex (FIFO, no file at all) running the same loop;
 *     - proper-lockfile with its fastest retries (a 1 ms poll for ever);
 * - across processes, P x C: P processes (4) with C contenders each (10; and 1 as a reference),
 *   all started together, each contender looping until a shared deadline (--duration-ms, 2000):
 *   ms per critical section over the whole run, and each process's share of the critical
 *   sections that began before the deadline (fairness), with the longest time a process went
 *   without one.
 * Per row: the median over --contention-rounds rounds (3; the implementations of a scenario run
 * in an order that rotates every round, so load drift lands on all of them), CPU time per critical
 * section (user + system of the contending processes, from process.cpuUsage()), and descriptors
 * at peak above the child's count before its contenders started (the parent samples
 * /proc/<pid>/fd every ~2 ms).
 *
 * `--baseline <dir>`: another pidproof package root (a checkout of older code, built): its
 * `dist/index.js` runs every pidproof row beside this tree's, interleaved in the same run, so a
 * before/after table needs no second run on a machine whose load changes by the minute.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// ---- the child ------------------------------------------------------------------------------------

interface ChildArgs {
  impl: 'pidproof' | 'mutex' | 'plf';
  /** pidproof: the index.js to load. */
  lib?: string;
  lockPath: string;
  marker: string;
  contenders: number;
  /** Count mode: critical sections per contender. */
  each?: number;
  /** Duration mode: contenders stop acquiring this long after 'go'. */
  durationMs?: number;
  holdMs: number;
}

/** proper-lockfile's fastest waiting: retry every 1 ms, for ever (the `retry` module's `forever`). */
export const PLF_FASTEST = { retries: 1, forever: true, factor: 1, minTimeout: 1, maxTimeout: 1 };

type Release = () => Promise<void> | void;

function makeAcquire(a: ChildArgs): () => Promise<Release> {
  if (a.impl === 'pidproof') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pub = require(a.lib!) as typeof import('../lib/index');
    const opts = { timeoutMs: 3_600_000 };
    return async () => {
      const l = await pub.acquireLock(a.lockPath, opts);
      return () => l.release();
    };
  }
  if (a.impl === 'plf') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const plf = require('proper-lockfile') as { lock(p: string, o: object): Promise<() => Promise<void>> };
    const opts = { realpath: false, retries: PLF_FASTEST };
    return () => plf.lock(a.lockPath, opts);
  }
  // The floor: a FIFO promise mutex, no file, no syscall.
  let tail: Promise<void> = Promise.resolve();
  return () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const prev = tail;
    tail = prev.then(() => held);
    return prev.then(() => release);
  };
}

function fdCount(): number {
  return fs.readdirSync('/proc/self/fd').length;
}

export function contentionChild(): void {
  const send = (m: object): void => {
    process.send!(m);
  };
  process.on('disconnect', () => process.exit(0));
  let args: ChildArgs;
  let acquire: () => Promise<Release>;
  process.on('message', (m: { op: string; args?: ChildArgs }) => {
    void (async () => {
      try {
        if (m.op === 'setup') {
          args = m.args!;
          acquire = makeAcquire(args);
          // Warm up: the library loaded, one uncontended round trip (lazy state is created).
          const r = await acquire();
          await r();
          send({ ev: 'ready', fds: fdCount(), pid: process.pid });
        } else if (m.op === 'go') {
          send({ ev: 'done', ...(await run(args, acquire)) });
        }
      } catch (err) {
        send({ ev: 'error', message: String((err as Error)?.stack ?? err) });
      }
    })();
  });
  send({ ev: 'spawned' });
}

async function run(a: ChildArgs, acquire: () => Promise<Release>) {
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const deadline = a.durationMs !== undefined ? t0 + a.durationMs : Infinity;
  const grants: number[] = [];
  let doubles = 0;
  let sections = 0;
  const contender = async (): Promise<void> => {
    for (let j = 0; a.each !== undefined ? j < a.each : performance.now() < deadline; j++) {
      const release = await acquire();
      const at = performance.now();
      let witnessed = false;
      try {
        fs.closeSync(fs.openSync(a.marker, 'wx'));
        witnessed = true;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        doubles++;
      }
      grants.push(at);
      await sleep(a.holdMs);
      if (witnessed) fs.unlinkSync(a.marker);
      sections++;
      await release();
    }
  };
  await Promise.all(Array.from({ length: a.contenders }, contender));
  const t1 = performance.now();
  const c = process.cpuUsage(c0);
  // performance.now() is relative to this process's start: send the offset to the shared clock.
  return {
    sections,
    doubles,
    wallMs: t1 - t0,
    cpuMs: (c.user + c.system) / 1000,
    startNs: String(process.hrtime.bigint() - BigInt(Math.round((performance.now() - t0) * 1e6))),
    grantsMs: grants.map((g) => Math.round((g - t0) * 1000) / 1000),
    deadlineMs: a.durationMs ?? null,
  };
}

// ---- the parent -----------------------------------------------------------------------------------

interface Done {
  sections: number;
  doubles: number;
  wallMs: number;
  cpuMs: number;
  startNs: string;
  grantsMs: number[];
  deadlineMs: number | null;
}

class Kid {
  private queue: Array<Record<string, unknown>> = [];
  private waiting: ((m: Record<string, unknown>) => void) | null = null;
  readonly exited: Promise<void>;
  constructor(readonly proc: ChildProcess) {
    proc.on('message', (m: Record<string, unknown>) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = null;
        w(m);
      } else this.queue.push(m);
    });
    this.exited = new Promise((r) => proc.once('exit', () => r()));
  }
  async next(ev: string, timeoutMs: number): Promise<Record<string, unknown>> {
    const m =
      this.queue.shift() ??
      (await new Promise<Record<string, unknown>>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`contention child ${this.proc.pid}: no '${ev}' within ${timeoutMs} ms`)), timeoutMs);
        void this.exited.then(() => reject(new Error(`contention child ${this.proc.pid} exited`)));
        this.waiting = (x) => {
          clearTimeout(t);
          resolve(x);
        };
      }));
    if (m.ev === 'error') throw new Error(`contention child ${this.proc.pid}: ${String(m.message)}`);
    if (m.ev !== ev) throw new Error(`contention child ${this.proc.pid}: expected '${ev}', got ${JSON.stringify(m).slice(0, 300)}`);
    return m;
  }
}

/** One implementation of a scenario: what runs in the children. */
export interface Impl {
  key: string;
  label: string;
  impl: ChildArgs['impl'];
  lib?: string;
}

export interface Scenario {
  key: string;
  label: string;
  procs: number;
  contenders: number;
  /** Count mode (in-process): sections per contender. */
  each?: number;
  /** Duration mode (across processes). */
  durationMs?: number;
}

interface RoundFigures {
  msPerSection: number;
  cpuMsPerSection: number;
  fdsPeak: number;
  sections: number;
  doubles: number;
  wallMs: number;
  /** Across processes: each process's share of the sections begun before the deadline. */
  shares?: number[];
  /** Across processes: the longest a process went without a grant before the deadline (ms). */
  maxGapMs?: number;
}

async function runOnce(sc: Scenario, im: Impl, dir: string, holdMs: number, benchFile: string): Promise<RoundFigures> {
  const lockPath = path.join(dir, im.impl === 'plf' ? 'c-plf' : 'c.lock');
  const marker = path.join(dir, 'in-critical-section');
  fs.rmSync(marker, { force: true });
  const kids: Kid[] = [];
  const peaks: number[] = [];
  let sampler: NodeJS.Timeout | undefined;
  try {
    for (let i = 0; i < sc.procs; i++) {
      const proc = fork(benchFile, ['--contention-child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      const k = new Kid(proc);
      kids.push(k);
      await k.next('spawned', 60_000);
    }
    const args: ChildArgs = {
      impl: im.impl,
      lib: im.lib,
      lockPath,
      marker,
      contenders: sc.contenders,
      each: sc.each,
      durationMs: sc.durationMs,
      holdMs,
    };
    const base: number[] = [];
    for (const k of kids) {
      k.proc.send({ op: 'setup', args });
      base.push((await k.next('ready', 60_000)).fds as number);
    }
    for (let i = 0; i < kids.length; i++) peaks.push(base[i]);
    const sample = (): void => {
      for (let i = 0; i < kids.length; i++) {
        try {
          const n = fs.readdirSync(`/proc/${kids[i].proc.pid}/fd`).length;
          if (n > peaks[i]) peaks[i] = n;
        } catch {
          // exited
        }
      }
    };
    sampler = setInterval(sample, 2);
    for (const k of kids) k.proc.send({ op: 'go' });
    const done = (await Promise.all(kids.map((k) => k.next('done', 30 * 60_000)))) as unknown as Done[];
    clearInterval(sampler);
    sampler = undefined;
    const sections = done.reduce((s, d) => s + d.sections, 0);
    const doubles = done.reduce((s, d) => s + d.doubles, 0);
    // Wall: from the earliest start to the latest end, on the shared monotonic clock.
    const starts = done.map((d) => BigInt(d.startNs));
    const first = starts.reduce((a, b) => (a < b ? a : b));
    const ends = done.map((d, i) => Number(starts[i] - first) / 1e6 + d.wallMs);
    const wallMs = Math.max(...ends);
    const cpuMs = done.reduce((s, d) => s + d.cpuMs, 0);
    const fig: RoundFigures = {
      msPerSection: wallMs / sections,
      cpuMsPerSection: cpuMs / sections,
      fdsPeak: Math.max(...peaks.map((p, i) => p - base[i])),
      sections,
      doubles,
      wallMs,
    };
    if (sc.procs > 1 && sc.durationMs !== undefined) {
      const inWindow = done.map((d) => d.grantsMs.filter((g) => g < sc.durationMs!));
      const total = inWindow.reduce((s, g) => s + g.length, 0);
      fig.shares = inWindow.map((g) => Math.round((g.length / total) * 1000) / 1000);
      let gap = 0;
      for (const g of inWindow) {
        const s = [...g].sort((a, b) => a - b);
        let prev = 0;
        for (const x of [...s, sc.durationMs]) {
          gap = Math.max(gap, x - prev);
          prev = x;
        }
      }
      fig.maxGapMs = Math.round(gap * 10) / 10;
    }
    return fig;
  } finally {
    if (sampler) clearInterval(sampler);
    for (const k of kids) if (k.proc.exitCode === null && k.proc.signalCode === null) k.proc.kill('SIGKILL');
    await Promise.all(kids.map((k) => k.exited));
    fs.rmSync(marker, { force: true });
    fs.rmSync(lockPath, { recursive: true, force: true });
  }
}

export interface ContentionRow {
  scenario: string;
  scenarioLabel: string;
  impl: string;
  label: string;
  rounds: number;
  msPerSection: number;
  msPerSectionRounds: number[];
  cpuMsPerSection: number;
  cpuMsPerSectionRounds: number[];
  fdsPeak: number;
  fdsPeakRounds: number[];
  sections: number;
  doubles: number;
  shares?: number[][];
  minShare?: number;
  maxGapMs?: number;
}

const med = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Runs every scenario with every implementation, `rounds` times, interleaved. */
export async function contention(
  scenarios: Array<{ sc: Scenario; impls: Impl[] }>,
  opts: { rounds: number; holdMs: number; dir: string; benchFile: string },
): Promise<ContentionRow[]> {
  const rows: ContentionRow[] = [];
  for (const { sc, impls } of scenarios) {
    const figs = new Map<string, RoundFigures[]>(impls.map((i) => [i.key, []]));
    for (let r = 0; r < opts.rounds; r++) {
      for (let k = 0; k < impls.length; k++) {
        const im = impls[(k + r) % impls.length];
        process.stderr.write(`contention ${sc.label}: round ${r + 1}/${opts.rounds}, ${im.label}          \r`);
        figs.get(im.key)!.push(await runOnce(sc, im, opts.dir, opts.holdMs, opts.benchFile));
      }
    }
    for (const im of impls) {
      const f = figs.get(im.key)!;
      const row: ContentionRow = {
        scenario: sc.key,
        scenarioLabel: sc.label,
        impl: im.key,
        label: im.label,
        rounds: f.length,
        msPerSection: r3(med(f.map((x) => x.msPerSection))),
        msPerSectionRounds: f.map((x) => r3(x.msPerSection)),
        cpuMsPerSection: r3(med(f.map((x) => x.cpuMsPerSection))),
        cpuMsPerSectionRounds: f.map((x) => r3(x.cpuMsPerSection)),
        fdsPeak: Math.max(...f.map((x) => x.fdsPeak)),
        fdsPeakRounds: f.map((x) => x.fdsPeak),
        sections: f.reduce((s, x) => s + x.sections, 0),
        doubles: f.reduce((s, x) => s + x.doubles, 0),
      };
      if (f[0].shares) {
        row.shares = f.map((x) => x.shares!);
        row.minShare = Math.min(...f.flatMap((x) => x.shares!));
        row.maxGapMs = Math.max(...f.map((x) => x.maxGapMs!));
      }
      rows.push(row);
    }
  }
  process.stderr.write('\n');
  return rows;
}
