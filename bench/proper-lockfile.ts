/**
 * bench/proper-lockfile: pidproof/proper-lockfile (the drop-in) side by side with stock
 * proper-lockfile 4.1.2 in one run: what a lock+unlock costs, how fast a waiter gets the lock after
 * its holder is SIGKILLed, and how often processes racing for one stale lock both win it.
 *
 *   npm run bench:proper-lockfile [-- --rounds 9 --batch-ms 150 --kills 60 --stock-kills 5
 *                                    --races 12 --json path | --no-json]
 *
 * 1. Uncontended lock+unlock (async and sync, default options: realpath on an existing file),
 *    interleaved: every round measures every row once (the order rotates), on tmpfs (/dev/shm)
 *    and on the default temporary directory (ext4 here). The physical limit: bench/c/lock_loop.c
 *    `mkdir` (mkdir, stat, rmdir: what proper-lockfile's lock+unlock come down to), compiled here.
 * 2. Recovery after SIGKILL: a holder process holds the lock; a waiter process is already waiting
 *    with retries (its first attempt failed) when, after a random 20-120 ms, the holder is
 *    SIGKILLed; from the parent's clock reading before kill() to the waiter's acquisition (one
 *    CLOCK_MONOTONIC for every process: process.hrtime.bigint()). Both with stale 2000 (stock's
 *    floor) and the same retries (1, 2, 4 ... 50 ms); the drop-in also with the retry options'
 *    defaults (10 retries, 1 s doubling), which its exit watch cuts short.
 * 3. Race for a stale lock: K processes released at once on a lock directory whose mtime is a
 *    minute old; a round with more than one winner is a double grant (stock's issue #121).
 *
 * Linux only (the record and its kernel lock are Linux/macOS/FreeBSD; the figures are this VM's).
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { machineInfo, median, packageRoot, requireNativeAddon, roundFigures, writeResults } from './common';

interface ProperLockfile {
  lock(file: string, options?: object): Promise<() => Promise<void>>;
  lockSync(file: string, options?: object): () => void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadStock = (): ProperLockfile => require('proper-lockfile') as ProperLockfile;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadDropin = (): ProperLockfile => require('../lib/compat/proper-lockfile') as ProperLockfile;
const libOf = (impl: string): ProperLockfile => (impl === 'stock' ? loadStock() : loadDropin());

const FAST_RETRIES = { retries: 100_000, minTimeout: 1, maxTimeout: 50 };
const STALE = 2000;

// ---- child roles ----------------------------------------------------------------------------------

type Msg = { ev: string; [k: string]: unknown };

function childMain(): void {
  const send = (m: Msg): void => {
    process.send!(m);
  };
  process.on('disconnect', () => process.exit(0));
  process.on('message', (m: { op: string; impl: string; file: string; opts: object }) => {
    void (async () => {
      try {
        const lib = libOf(m.impl);
        if (m.op === 'hold') {
          await lib.lock(m.file, m.opts);
          send({ ev: 'held', pid: process.pid });
        } else if (m.op === 'wait') {
          const got = lib.lock(m.file, m.opts);
          send({ ev: 'waiting' });
          await got;
          send({ ev: 'acquired', t: String(process.hrtime.bigint()) });
        } else if (m.op === 'race') {
          // Ready, then lock on 'go' (sent to every racer at once).
          process.once('message', () => {
            lib.lock(m.file, m.opts).then(
              () => send({ ev: 'won' }),
              (err: Error & { code?: string }) => send({ ev: 'lost', code: err.code ?? err.message }),
            );
          });
          send({ ev: 'ready' });
        }
      } catch (err) {
        send({ ev: 'error', message: String((err as Error)?.stack ?? err) });
      }
    })();
  });
  send({ ev: 'ready-child' });
}

class Peer {
  private queue: Msg[] = [];
  private waiting: ((m: Msg) => void) | null = null;
  readonly proc: ChildProcess;
  readonly exited: Promise<void>;
  constructor() {
    this.proc = fork(__filename, ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.proc.on('message', (m: Msg) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = null;
        w(m);
      } else this.queue.push(m);
    });
    this.exited = new Promise((resolve) => this.proc.once('exit', () => resolve()));
  }
  next(ms = 60_000): Promise<Msg> {
    const q = this.queue.shift();
    if (q) return Promise.resolve(q);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`child ${this.proc.pid}: no message in ${ms} ms`)), ms);
      this.waiting = (m) => {
        clearTimeout(t);
        resolve(m);
      };
    });
  }
  async expect(ev: string, ms?: number): Promise<Msg> {
    const m = await this.next(ms);
    if (m.ev !== ev) throw new Error(`child ${this.proc.pid}: expected ${ev}, got ${JSON.stringify(m)}`);
    return m;
  }
  send(m: object): void {
    this.proc.send(m);
  }
  async kill(): Promise<void> {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
    await this.exited;
  }
}

async function peer(): Promise<Peer> {
  const p = new Peer();
  await p.expect('ready-child');
  return p;
}

// ---- helpers --------------------------------------------------------------------------------------

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const fmtMs = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
function fmtNs(ns: number): string {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(1)} µs`;
  return `${ns.toFixed(0)} ns`;
}
function table(head: string[], body: string[][]): string[] {
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...body.map(line)];
}
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
function fsTypeOf(dir: string): string {
  try {
    // One line per mount stacked there (/dev/shm can show two): the first names the filesystem.
    return execFileSync('findmnt', ['-n', '-o', 'FSTYPE', '--target', dir], { encoding: 'utf8' }).trim().split('\n')[0];
  } catch {
    return 'unknown';
  }
}
function loadAvg(): number[] {
  return os.loadavg().map((x) => Math.round(x * 100) / 100);
}

// ---- part 1: uncontended ----------------------------------------------------------------------------

/**
 * One batch: wall ns per op, and CPU ns per op (user + system of this process, its thread pool
 * included, or of the C loop): the time the work took on a CPU, without the time the scheduler gave
 * other processes, which on this shared VM makes most of the wall-time spread.
 */
interface Sample {
  ns: number;
  cpu: number;
}

interface Row {
  key: string;
  label: string;
  mode: 'async' | 'sync' | 'c';
  run(n: number): Promise<Sample> | Sample;
}

let batchNs = 150e6;

function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
}

function syncLoop(fn: () => void): (n: number) => Sample {
  return (n) => {
    const c0 = cpuNow();
    const t0 = process.hrtime.bigint();
    const end = t0 + BigInt(Math.round(batchNs));
    let i = 0;
    for (; i < n || process.hrtime.bigint() < end; i++) fn();
    return { ns: Number(process.hrtime.bigint() - t0) / i, cpu: (cpuNow() - c0) / i };
  };
}

function asyncLoop(fn: () => Promise<void>): (n: number) => Promise<Sample> {
  return async (n) => {
    const c0 = cpuNow();
    const t0 = process.hrtime.bigint();
    const end = t0 + BigInt(Math.round(batchNs));
    let i = 0;
    for (; i < n || process.hrtime.bigint() < end; i++) await fn();
    return { ns: Number(process.hrtime.bigint() - t0) / i, cpu: (cpuNow() - c0) / i };
  };
}

function compileCLoop(root: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pidproof-bench-'));
  const bin = path.join(dir, 'lock_loop');
  execFileSync(process.env.CC || 'cc', ['-O2', '-o', bin, path.join(root, 'bench', 'c', 'lock_loop.c')], { stdio: ['ignore', 'inherit', 'inherit'] });
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return bin;
}

interface URow {
  fs: string;
  dir: string;
  method: string;
  label: string;
  mode: string;
  opsPerRound: number;
  medianNs: number;
  minNs: number;
  maxNs: number;
  spreadPct: number;
  roundsNs: number[];
  ratioVsC: number;
  /** stock's median (same mode) / this row's: > 1 means faster than stock. */
  speedupVsStock: number | null;
  /** CPU time per op (user + system): median of the per-round figures, and stock's / this row's. */
  cpuMedianNs: number;
  cpuRoundsNs: number[];
  cpuSpeedupVsStock: number | null;
}

async function uncontended(bin: string, dir: string, rounds: number, batchMs: number): Promise<URow[]> {
  const stock = loadStock();
  const dropin = loadDropin();
  const f = (name: string): string => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, '');
    return p;
  };
  const [fa, fb, fc, fd] = [f('stock-async'), f('dropin-async'), f('stock-sync'), f('dropin-sync')];
  const rows: Row[] = [
    {
      key: 'c-mkdir',
      label: 'C loop: mkdir+stat+rmdir',
      mode: 'c',
      run: (n) => {
        const out = execFileSync(bin, ['mkdir', dir, String(n), String(Math.round(batchNs / 1e6))], { encoding: 'utf8', env: { ...process.env, LOOP_CPU: '1' } });
        const [ns, user, sys] = out.trim().split(/\s+/).map(Number);
        return { ns, cpu: user + sys };
      },
    },
    { key: 'stock-async', label: 'proper-lockfile 4.1.2 lock+release', mode: 'async', run: asyncLoop(async () => (await stock.lock(fa))()) },
    { key: 'dropin-async', label: 'pidproof/proper-lockfile lock+release', mode: 'async', run: asyncLoop(async () => (await dropin.lock(fb))()) },
    { key: 'stock-sync', label: 'proper-lockfile 4.1.2 lockSync+release', mode: 'sync', run: syncLoop(() => stock.lockSync(fc)()) },
    { key: 'dropin-sync', label: 'pidproof/proper-lockfile lockSync+release', mode: 'sync', run: syncLoop(() => dropin.lockSync(fd)()) },
  ];
  const ops = new Map<string, number>();
  batchNs = 0;
  for (const r of rows) {
    let n = 8;
    let per = 0;
    for (;;) {
      per = (await r.run(n)).ns;
      if (per * n >= 30e6 || n >= 1e6) break;
      n *= 4;
    }
    ops.set(r.key, Math.max(10, Math.round((batchMs * 1e6) / per)));
  }
  batchNs = batchMs * 0.8e6;
  const samples = new Map<string, number[]>(rows.map((r) => [r.key, []]));
  const cpus = new Map<string, number[]>(rows.map((r) => [r.key, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < rows.length; k++) {
      const r = rows[(k + round) % rows.length];
      const x = await r.run(ops.get(r.key)!);
      samples.get(r.key)!.push(x.ns);
      cpus.get(r.key)!.push(x.cpu);
    }
    process.stderr.write(`uncontended (${path.basename(dir)}): round ${round + 1}/${rounds}\r`);
  }
  process.stderr.write('\n');
  const left = fs.readdirSync(dir).filter((n) => !['stock-async', 'dropin-async', 'stock-sync', 'dropin-sync'].includes(n));
  if (left.length) throw new Error(`bench: left behind in ${dir}: ${left.join(', ')}`);
  const cMed = median(samples.get('c-mkdir')!);
  const stockMed = { async: median(samples.get('stock-async')!), sync: median(samples.get('stock-sync')!) };
  const stockCpu = { async: median(cpus.get('stock-async')!), sync: median(cpus.get('stock-sync')!) };
  const type = fsTypeOf(dir);
  return rows.map((r) => {
    const xs = samples.get(r.key)!;
    const cs = cpus.get(r.key)!;
    return {
      fs: type,
      dir,
      method: r.key,
      label: r.label,
      mode: r.mode,
      opsPerRound: ops.get(r.key)!,
      ...roundFigures(xs, cMed),
      speedupVsStock: r.mode === 'c' ? null : Math.round((stockMed[r.mode as 'async' | 'sync'] / median(xs)) * 100) / 100,
      cpuMedianNs: Math.round(median(cs)),
      cpuRoundsNs: cs.map((x) => Math.round(x)),
      cpuSpeedupVsStock: r.mode === 'c' ? null : Math.round((stockCpu[r.mode as 'async' | 'sync'] / median(cs)) * 100) / 100,
    };
  });
}

// ---- part 2: recovery after SIGKILL -------------------------------------------------------------------

interface Recovery {
  method: string;
  impl: string;
  settings: string;
  runs: number;
  p50Ms: number;
  p99Ms: number;
  minMs: number;
  maxMs: number;
  meanMs: number;
  samplesMs: number[];
}

async function recovery(dir: string, impl: 'stock' | 'dropin', method: string, opts: object, runs: number): Promise<Recovery> {
  const file = path.join(dir, `${method}-target`);
  fs.writeFileSync(file, '');
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const holder = await peer();
    const waiter = await peer();
    try {
      holder.send({ op: 'hold', impl, file, opts: { stale: STALE } });
      await holder.expect('held');
      waiter.send({ op: 'wait', impl, file, opts: { stale: STALE, ...opts } });
      await waiter.expect('waiting');
      await sleep(20 + Math.random() * 100);
      const t0 = process.hrtime.bigint();
      holder.proc.kill('SIGKILL');
      const got = await waiter.expect('acquired', 60_000);
      xs.push(Number(BigInt(got.t as string) - t0) / 1e6);
    } finally {
      await holder.kill();
      await waiter.kill();
      fs.rmSync(`${file}.lock`, { recursive: true, force: true });
    }
    process.stderr.write(`recovery ${method}: ${i + 1}/${runs}\r`);
  }
  process.stderr.write('\n');
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    method,
    impl,
    settings: `stale ${STALE}, retries ${JSON.stringify(opts)}`,
    runs,
    p50Ms: round(pct(xs, 50)),
    p99Ms: round(pct(xs, 99)),
    minMs: round(Math.min(...xs)),
    maxMs: round(Math.max(...xs)),
    meanMs: round(xs.reduce((a, b) => a + b, 0) / xs.length),
    samplesMs: xs.map(round),
  };
}

// ---- part 3: racing for a stale lock -----------------------------------------------------------------

interface Race {
  impl: string;
  racers: number;
  rounds: number;
  roundsWithDoubleGrant: number;
  winnersPerRound: number[];
  otherOutcomes: Record<string, number>;
}

async function races(dir: string, impl: 'stock' | 'dropin', racers: number, rounds: number): Promise<Race> {
  const r: Race = { impl, racers, rounds, roundsWithDoubleGrant: 0, winnersPerRound: [], otherOutcomes: {} };
  for (let i = 0; i < rounds; i++) {
    const file = path.join(dir, `race-${impl}-${i}`);
    fs.writeFileSync(file, '');
    fs.mkdirSync(`${file}.lock`);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(`${file}.lock`, old, old);
    const ps = await Promise.all(Array.from({ length: racers }, () => peer()));
    try {
      for (const p of ps) p.send({ op: 'race', impl, file, opts: { realpath: false } });
      for (const p of ps) await p.expect('ready');
      for (const p of ps) p.send({ op: 'go' });
      const out = await Promise.all(ps.map((p) => p.next()));
      const won = out.filter((m) => m.ev === 'won').length;
      r.winnersPerRound.push(won);
      if (won > 1) r.roundsWithDoubleGrant++;
      for (const m of out) if (m.ev !== 'won') r.otherOutcomes[String(m.code ?? m.ev)] = (r.otherOutcomes[String(m.code ?? m.ev)] ?? 0) + 1;
    } finally {
      for (const p of ps) await p.kill();
      fs.rmSync(`${file}.lock`, { recursive: true, force: true });
    }
    process.stderr.write(`race ${impl}: ${i + 1}/${rounds}\r`);
  }
  process.stderr.write('\n');
  return r;
}

// ---- main ----------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (process.platform !== 'linux') throw new Error('bench:proper-lockfile runs on Linux');
  requireNativeAddon();
  const { values: opts } = parseArgs({
    options: {
      rounds: { type: 'string', default: '9' },
      'batch-ms': { type: 'string', default: '150' },
      kills: { type: 'string', default: '60' },
      'stock-kills': { type: 'string', default: '5' },
      races: { type: 'string', default: '12' },
      parts: { type: 'string', default: 'uncontended,recovery,race' },
      json: { type: 'string' },
      'no-json': { type: 'boolean', default: false },
    },
  });
  const ROUNDS = Number(opts.rounds);
  const BATCH_MS = Number(opts['batch-ms']);
  const KILLS = Number(opts.kills);
  const STOCK_KILLS = Number(opts['stock-kills']);
  const RACES = Number(opts.races);
  const parts = new Set(String(opts.parts).split(','));
  const root = packageRoot();
  const jsonFile = opts.json ?? path.join(root, 'bench', 'results', parts.size === 3 ? 'proper-lockfile-latest.json' : `proper-lockfile-${[...parts].sort().join('-')}-latest.json`);
  const machine = machineInfo();
  const loadBefore = loadAvg();
  const started = Date.now();
  const peers = {
    'proper-lockfile': JSON.parse(fs.readFileSync(require.resolve('proper-lockfile/package.json'), 'utf8')).version as string,
  };
  console.log(`bench:proper-lockfile on ${machine.cpu} (${machine.cores} cores), ${machine.kernel}, Node ${machine.node}; load ${loadBefore.join(' ')}`);

  let uRows: URow[] = [];
  if (parts.has('uncontended')) {
    const bin = compileCLoop(root);
    for (const base of ['/dev/shm', os.tmpdir()]) {
      if (!fs.existsSync(base)) continue;
      const d = fs.mkdtempSync(path.join(base, 'pidproof-plbench-'));
      try {
        uRows = uRows.concat(await uncontended(bin, d, ROUNDS, BATCH_MS));
      } finally {
        fs.rmSync(d, { recursive: true, force: true });
      }
    }
  }

  const recoveries: Recovery[] = [];
  const raceRows: Race[] = [];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pidproof-plbench-'));
  try {
    if (parts.has('recovery')) {
      recoveries.push(await recovery(work, 'dropin', 'dropin-fast-retries', FAST_RETRIES, KILLS));
      recoveries.push(await recovery(work, 'dropin', 'dropin-default-retries', { retries: 10 }, Math.max(10, Math.round(KILLS / 3))));
      recoveries.push(await recovery(work, 'stock', 'stock-fast-retries', FAST_RETRIES, STOCK_KILLS));
    }
    if (parts.has('race')) {
      raceRows.push(await races(work, 'stock', 6, RACES));
      raceRows.push(await races(work, 'dropin', 6, RACES));
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const loadAfter = loadAvg();
  const wallS = Math.round((Date.now() - started) / 100) / 10;

  // ---- report -----------------------------------------------------------------------------------------
  if (uRows.length) {
    for (const type of [...new Set(uRows.map((r) => r.fs))]) {
      console.log('');
      console.log(`uncontended lock+release on ${type} (median of ${ROUNDS} interleaved rounds)`);
      const body = uRows
        .filter((r) => r.fs === type)
        .map((r) => [
          r.label,
          fmtNs(r.medianNs),
          `±${r.spreadPct}%`,
          `${r.ratioVsC.toFixed(2)}x`,
          r.speedupVsStock === null ? '' : `${r.speedupVsStock.toFixed(2)}x`,
          fmtNs(r.cpuMedianNs),
          r.cpuSpeedupVsStock === null ? '' : `${r.cpuSpeedupVsStock.toFixed(2)}x`,
        ]);
      for (const l of table(['method', 'median/op', 'spread', 'vs C loop', 'stock/this', 'CPU/op', 'CPU stock/this'], body)) console.log(l);
    }
  }
  if (recoveries.length) {
    console.log('');
    console.log("recovery after SIGKILL of the holder (parent's clock before kill() -> the waiting waiter's acquisition)");
    const body = recoveries.map((r) => [r.method, String(r.runs), fmtMs(r.p50Ms), fmtMs(r.p99Ms), fmtMs(r.minMs), fmtMs(r.maxMs)]);
    for (const l of table(['method', 'runs', 'p50 ms', 'p99 ms', 'min ms', 'max ms'], body)) console.log(l);
    for (const r of recoveries) console.log(`  ${r.method}: ${r.settings}`);
  }
  if (raceRows.length) {
    console.log('');
    console.log('racing for a stale lock (6 processes released at once on a directory a minute old)');
    const body = raceRows.map((r) => [r.impl, String(r.rounds), String(r.roundsWithDoubleGrant), r.winnersPerRound.join(' '), JSON.stringify(r.otherOutcomes)]);
    for (const l of table(['impl', 'rounds', 'double grants', 'winners per round', 'others got'], body)) console.log(l);
  }
  const checks: Array<{ name: string; pass: boolean; text: string }> = [];
  for (const type of [...new Set(uRows.map((r) => r.fs))]) {
    for (const mode of ['async', 'sync']) {
      const s = uRows.find((r) => r.fs === type && r.method === `stock-${mode}`)!;
      const d = uRows.find((r) => r.fs === type && r.method === `dropin-${mode}`)!;
      checks.push({
        name: `lock+unlock ${mode} on ${type} no slower than stock (wall and CPU medians)`,
        pass: d.medianNs <= s.medianNs && d.cpuMedianNs <= s.cpuMedianNs,
        text: `wall ${fmtNs(d.medianNs)} vs ${fmtNs(s.medianNs)} (${d.speedupVsStock}x), CPU ${fmtNs(d.cpuMedianNs)} vs ${fmtNs(s.cpuMedianNs)} (${d.cpuSpeedupVsStock}x)`,
      });
    }
  }
  const fast = recoveries.find((r) => r.method === 'dropin-fast-retries');
  if (fast) {
    checks.push({ name: 'recovery p50 <= 50 ms', pass: fast.p50Ms <= 50, text: `${fmtMs(fast.p50Ms)} ms` });
    checks.push({ name: 'recovery p99 <= 200 ms', pass: fast.p99Ms <= 200, text: `${fmtMs(fast.p99Ms)} ms` });
  }
  const dr = raceRows.find((r) => r.impl === 'dropin');
  if (dr) checks.push({ name: 'no double grant among drop-in racers', pass: dr.roundsWithDoubleGrant === 0, text: `${dr.roundsWithDoubleGrant} of ${dr.rounds} rounds` });
  console.log('');
  console.log('targets:');
  for (const c of checks) console.log(`  ${c.pass ? 'PASS' : 'MISS'}  ${c.name}: ${c.text}`);
  console.log(`load average before ${loadBefore.join(' ')}, after ${loadAfter.join(' ')} (${machine.cores} cores, shared with other work); ${wallS} s`);

  if (!opts['no-json']) {
    writeResults(jsonFile, {
      bench: 'proper-lockfile',
      machine,
      load: { before: loadBefore, after: loadAfter },
      peers,
      config: { rounds: ROUNDS, batchMs: BATCH_MS, kills: KILLS, stockKills: STOCK_KILLS, raceRounds: RACES, stale: STALE, measuredSeconds: wallS },
      uncontended: uRows,
      recovery: recoveries,
      race: raceRows,
      checks,
    });
  }
}

if (process.argv.includes('--child')) {
  childMain();
} else {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
