/**
 * bench/usage: what one usage read costs (issue 23), next to the physical limit and pidusage.
 *
 *   npm run bench:usage [-- --rounds 9 --batch-ms 120 --batch-size 500 --hold-s 60
 *                          --parts reads,batch,hold --json path | --no-json]
 *
 * One run, interleaved as bench/identity: every round measures every method once (the order
 * rotates each round), so machine noise lands on all rows alike; reported per row: the median of
 * the per-round ns/op, the spread, and the CPU time per op. Target: a spawned `sleep` (one
 * thread, as a benchmark's child process usually is at rest).
 *
 * Parts:
 * - reads: sampleUsage(record) and sampleUsage(pid) (one-shot: pin, read, verify each time),
 *   a watchUsage sample (UsageWatch.sample(): its pin held), the raw addon call, pidusage(pid),
 *   and bench/c/usage_loop.c (modes sample, paths: the watch's limit, pinned: three held descriptors).
 * - batch: sampleUsage([500 records]) per process against 500 single C-loop reads.
 * - hold: a watchUsage at 10 ms for --hold-s seconds (default 60): descriptors and heap (after a
 *   forced GC) at the start, every 5 s and at the end must stay constant.
 *
 * Linux only (the C loop is Linux's syscalls). Results: bench/results/usage-latest.json (with
 * --parts, usage-<parts>-latest.json, so a partial run never overwrites a full one).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { machineInfo, median, packageRoot, requireNativeAddon, roundFigures, writeResults } from './common';

const root = packageRoot();

const { values: opts } = parseArgs({
  options: {
    rounds: { type: 'string', default: '9' },
    'batch-ms': { type: 'string', default: '120' },
    'batch-size': { type: 'string', default: '500' },
    'hold-s': { type: 'string', default: '60' },
    parts: { type: 'string', default: 'reads,batch,hold' },
    json: { type: 'string' },
    'no-json': { type: 'boolean', default: false },
  },
});
const ROUNDS = Math.max(3, Number(opts.rounds) | 0);
const BATCH_MS = Math.max(20, Number(opts['batch-ms']) | 0);
const BATCH_SIZE = Math.max(2, Number(opts['batch-size']) | 0);
const HOLD_S = Math.max(5, Number(opts['hold-s']) | 0);
const PARTS = new Set(opts.parts!.split(',').map((s) => s.trim()));
const ALL_PARTS = PARTS.has('reads') && PARTS.has('batch') && PARTS.has('hold');
const JSON_PATH =
  opts.json ?? path.join(root, 'bench', 'results', ALL_PARTS ? 'usage-latest.json' : `usage-${[...PARTS].sort().join('-')}-latest.json`);

let sink = 0;

function fmtNs(ns: number): string {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${ns.toFixed(0)} ns`;
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

interface Sample {
  ns: number;
  cpu: number;
}

interface Method {
  key: string;
  label: string;
  what: string;
  maxN: number;
  /** Operations per call of run() (a batch counts each process). */
  per?: number;
  run(n: number): Sample | Promise<Sample>;
}

function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
}

function syncLoop(fn: () => unknown, per = 1): (n: number) => Sample {
  return (n) => {
    const c0 = cpuNow();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) if (fn() !== undefined) sink++;
    const ns = Number(process.hrtime.bigint() - t0) / (n * per);
    return { ns, cpu: (cpuNow() - c0) / (n * per) };
  };
}

function compileCLoop(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pidproof-bench-'));
  const bin = path.join(dir, 'usage_loop');
  const cc = process.env.CC || 'cc';
  execFileSync(cc, ['-O2', '-o', bin, path.join(root, 'bench', 'c', 'usage_loop.c')], { stdio: ['ignore', 'inherit', 'inherit'] });
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return bin;
}

function cLoop(bin: string, mode: string, pids: number[]): (n: number) => Sample {
  return (n) => {
    const out = execFileSync(bin, [mode, String(n), ...pids.map(String)], { encoding: 'utf8', env: { ...process.env, LOOP_CPU: '1' } });
    const [ns, user, sys] = out.trim().split(/\s+/).map(Number);
    if (!Number.isFinite(ns) || !Number.isFinite(user) || !Number.isFinite(sys)) throw new Error(`usage_loop ${mode}: bad output ${JSON.stringify(out)}`);
    return { ns, cpu: user + sys };
  };
}

// Interrupted: exit through the 'exit' handlers, so the spawned sleeps are killed too.
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(sig, () => process.exit(128 + os.constants.signals[sig]));

/** `n` long-lived `sleep` processes, exec finished (their /proc comm is "sleep"). */
function spawnSleeps(n: number): ChildProcess[] {
  const kids: ChildProcess[] = [];
  for (let i = 0; i < n; i++) kids.push(spawn('sleep', ['3600'], { stdio: 'ignore' }));
  process.on('exit', () => {
    for (const k of kids) if (k.exitCode === null && k.signalCode === null) k.kill('SIGKILL');
  });
  for (const k of kids) {
    if (k.pid === undefined) throw new Error('bench: cannot spawn sleep');
    for (let i = 0; i < 400; i++) {
      try {
        const stat = fs.readFileSync(`/proc/${k.pid}/stat`, 'utf8');
        if (/\(sleep\)/.test(stat) && Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[21]) > 0) break;
      } catch {
        // not yet
      }
      sleepMs(5);
    }
  }
  return kids;
}

function fdCount(): number {
  return fs.readdirSync('/proc/self/fd').length;
}

/** Descriptors this process holds on `pid`: its open /proc/<pid> files and pidfds naming it. */
function fdsOn(pid: number): number {
  let n = 0;
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    try {
      const link = fs.readlinkSync(`/proc/self/fd/${fd}`);
      if (link.startsWith(`/proc/${pid}/`)) n++;
      else if (link.includes('pidfd') && new RegExp(`^Pid:\\s+${pid}$`, 'm').test(fs.readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))) n++;
    } catch {
      // closed meanwhile
    }
  }
  return n;
}

interface Row {
  part: string;
  method: string;
  label: string;
  what: string;
  opsPerRound: number;
  medianNs: number;
  minNs: number;
  maxNs: number;
  spreadPct: number;
  roundsNs: number[];
  ratioVsC: number;
  cpuMedianNs: number;
  cpuRoundsNs: number[];
  cpuRatioVsC: number;
}

/** Runs `methods` interleaved for ROUNDS rounds; the first method is the row every ratio is against. */
async function measure(part: string, methods: Method[]): Promise<{ rows: Row[]; samples: Map<string, number[]>; cpu: Map<string, number[]> }> {
  const ops = new Map<string, number>();
  for (const m of methods) {
    let n = 2;
    let per = 0;
    for (;;) {
      per = (await m.run(n)).ns * (m.per ?? 1);
      if (per * n >= 20e6 || n >= m.maxN) break;
      n = Math.min(m.maxN, n * 8);
    }
    ops.set(m.key, Math.max(2, Math.min(m.maxN, Math.round((BATCH_MS * 1e6) / per))));
  }
  const samples = new Map<string, number[]>(methods.map((m) => [m.key, []]));
  const cpu = new Map<string, number[]>(methods.map((m) => [m.key, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < methods.length; k++) {
      const m = methods[(k + r) % methods.length];
      const x = await m.run(ops.get(m.key)!);
      samples.get(m.key)!.push(x.ns);
      cpu.get(m.key)!.push(x.cpu);
    }
    process.stderr.write(`${part}: round ${r + 1}/${ROUNDS}\r`);
  }
  process.stderr.write('\n');
  const cMed = median(samples.get(methods[0].key)!);
  const cCpu = median(cpu.get(methods[0].key)!);
  const rows = methods.map((m) => ({
    part,
    method: m.key,
    label: m.label,
    what: m.what,
    opsPerRound: ops.get(m.key)!,
    ...roundFigures(samples.get(m.key)!, cMed),
    cpuMedianNs: Math.round(median(cpu.get(m.key)!)),
    cpuRoundsNs: cpu.get(m.key)!.map((x) => Math.round(x)),
    cpuRatioVsC: Math.round((median(cpu.get(m.key)!) / cCpu) * 100) / 100,
  }));
  return { rows, samples, cpu };
}

function printRows(title: string, rows: Row[]): void {
  console.log('');
  console.log(title);
  const head = ['method', 'median/op', 'spread', 'vs C loop', 'CPU/op', 'CPU vs C', 'ops/round'];
  const body = rows.map((x) => [x.label, fmtNs(x.medianNs), `±${(x.spreadPct / 2).toFixed(0)}%`, `${x.ratioVsC.toFixed(2)}x`, fmtNs(x.cpuMedianNs), `${x.cpuRatioVsC.toFixed(2)}x`, String(x.opsPerRound)]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  console.log(line(head));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const b of body) console.log(line(b));
}

async function main(): Promise<void> {
  if (process.platform !== 'linux') {
    console.error('bench:usage: the C physical-limit loop is Linux-only; nothing measured.');
    process.exitCode = 2;
    return;
  }
  const addon = requireNativeAddon();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pub = require('../lib') as typeof import('../lib');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pidusage = require('pidusage') as ((pid: number) => Promise<unknown>) & { clear(): void };
  if (typeof addon.usageInto !== 'function') throw new Error('bench: this addon has no usageInto (rebuild it: npm run build:native)');
  const bin = compileCLoop();
  const loadStart = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const started = Date.now();

  const [child] = spawnSleeps(1);
  const pid = child.pid!;
  const rec = pub.processIdentity(pid)!;
  const rows: Row[] = [];
  const checks: Array<{ name: string; value: number; paired?: number; limit: number; pass: boolean; unit: string; note?: string }> = [];
  const paired = (s: Map<string, number[]>, num: string, den: string) => median(s.get(num)!.map((x, i) => x / s.get(den)![i]));
  let hold: Record<string, unknown> | null = null;

  if (PARTS.has('reads')) {
    // Sanity: the public API and the C loop read the same process.
    const first = pub.sampleUsage(rec);
    if (first.verdict !== 'alive' || first.usage === null) throw new Error(`bench: cannot sample pid ${pid}: ${first.detail}`);
    const watch = pub.watchUsage(rec, { intervalMs: 3_600_000 });
    await watch.next(); // the first sample; later ones come from sample() below
    const raw = new Float64Array(24);
    const rawPid = new Float64Array([pid]);
    const notes: unknown[] = [];
    const methods: Method[] = [
      { key: 'c-sample', label: 'C loop: one-shot sample syscalls', what: 'pidfd_open, fstat, open+read+read+close stat and status, parse, CPU clock, poll, close (physical limit)', maxN: 1e6, run: cLoop(bin, 'sample', [pid]) },
      { key: 'record', label: 'pidproof sampleUsage(record)', what: 'public API: record checks, one native read (pinned), ownerStatus verdict on that read, result object', maxN: 1e6, run: syncLoop(() => pub.sampleUsage(rec)) },
      { key: 'pid', label: 'pidproof sampleUsage(pid)', what: 'public API with a bare PID (unpinned: no verdict against a record)', maxN: 1e6, run: syncLoop(() => pub.sampleUsage(pid)) },
      { key: 'raw', label: 'pidproof addon usageInto() (raw)', what: 'the N-API call sampleUsage makes, alone: fills a reused Float64Array', maxN: 1e6, run: syncLoop(() => addon.usageInto!(rawPid, raw, notes)) },
      { key: 'c-paths', label: 'C loop: watch sample syscalls (one pidfd)', what: 'CPU clock, stat and status opened by path, parse, poll(pidfd, 0) (the watch\'s physical limit: it holds only its pidfd)', maxN: 1e6, run: cLoop(bin, 'paths', [pid]) },
      { key: 'watch', label: 'pidproof watchUsage sample()', what: 'UsageWatch.sample(): one native read through the held pidfd, sample object with cpuPercent', maxN: 1e6, run: syncLoop(() => watch.sample()) },
      { key: 'c-pinned', label: 'C loop: three held descriptors (reference)', what: 'CPU clock, pread of stat and status held open, parse: what a watch holding three descriptors (before 2026-12-07) cost per sample', maxN: 1e6, run: cLoop(bin, 'pinned', [pid]) },
      {
        key: 'pidusage',
        label: 'pidusage(pid)',
        what: 'pidusage 4.1.0, awaited one at a time (keeps /proc/<pid>/stat open, verifies nothing)',
        maxN: 1e5,
        run: async (n) => {
          const c0 = cpuNow();
          const t0 = process.hrtime.bigint();
          for (let i = 0; i < n; i++) if ((await pidusage(pid)) !== undefined) sink++;
          return { ns: Number(process.hrtime.bigint() - t0) / n, cpu: (cpuNow() - c0) / n };
        },
      },
    ];
    const m = await measure('reads', methods);
    watch.close();
    pidusage.clear();
    rows.push(...m.rows);
    const med = (k: string) => m.rows.find((r) => r.method === k)!.medianNs;
    checks.push(
      { name: 'sampleUsage(record) <= 1.3x the C loop of the same syscalls', value: med('record') / med('c-sample'), paired: paired(m.samples, 'record', 'c-sample'), limit: 1.3, pass: med('record') / med('c-sample') <= 1.3, unit: 'x of C' },
      { name: 'sampleUsage(record) >= 10x faster than pidusage', value: med('pidusage') / med('record'), paired: paired(m.samples, 'pidusage', 'record'), limit: 10, pass: med('pidusage') / med('record') >= 10, unit: 'x faster' },
      { name: 'a watchUsage sample >= 30x faster than pidusage', value: med('pidusage') / med('watch'), paired: paired(m.samples, 'pidusage', 'watch'), limit: 30, pass: med('pidusage') / med('watch') >= 30, unit: 'x faster', note: `its C loop (one pidfd) itself: ${(med('pidusage') / med('c-paths')).toFixed(1)}x; three held descriptors' C loop: ${(med('pidusage') / med('c-pinned')).toFixed(1)}x` },
      { name: 'a watchUsage sample <= 1.3x its C loop (one pidfd)', value: med('watch') / med('c-paths'), paired: paired(m.samples, 'watch', 'c-paths'), limit: 1.3, pass: med('watch') / med('c-paths') <= 1.3, unit: 'x of C' },
    );
    printRows(`reads: one process (sleep, pid ${pid}, 1 thread)`, m.rows);
  }

  if (PARTS.has('batch')) {
    const kids = spawnSleeps(BATCH_SIZE);
    const pids = kids.map((k) => k.pid!);
    const recs = pids.map((p) => pub.processIdentity(p)!);
    const check = pub.sampleUsage(recs);
    if (check.some((r) => r.verdict !== 'alive')) throw new Error('bench: a batch target is not alive');
    const methods: Method[] = [
      { key: 'c-batch', label: `C loop: ${BATCH_SIZE} single sample reads`, what: 'the one-shot sample syscalls for each PID in turn, per process', maxN: 1e4, per: BATCH_SIZE, run: cLoop(bin, 'sample', pids) },
      { key: 'batch', label: `pidproof sampleUsage([${BATCH_SIZE} records])`, what: 'one crossing for all, ownerStatus verdict for each, per process', maxN: 1e4, per: BATCH_SIZE, run: syncLoop(() => pub.sampleUsage(recs), BATCH_SIZE) },
    ];
    // The C loop reports per PID read already; its n is iterations over all PIDs.
    const m = await measure(`batch of ${BATCH_SIZE}`, methods);
    rows.push(...m.rows);
    const med = (k: string) => m.rows.find((r) => r.method === k)!.medianNs;
    checks.push({ name: `a batch of ${BATCH_SIZE} <= 1.3x ${BATCH_SIZE} single C-loop reads`, value: med('batch') / med('c-batch'), paired: paired(m.samples, 'batch', 'c-batch'), limit: 1.3, pass: med('batch') / med('c-batch') <= 1.3, unit: 'x of C' });
    printRows(`batch: ${BATCH_SIZE} processes (sleep), per process`, m.rows);
    for (const k of kids) k.kill('SIGKILL');
  }

  if (PARTS.has('hold')) {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (typeof gc !== 'function') throw new Error('bench: run with --expose-gc for the hold part (npm run bench:usage does)');
    const heap = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    // Let what the other parts closed asynchronously (libuv handles, pidusage's files) settle.
    await new Promise((r) => setTimeout(r, 200));
    const points: Array<{ atS: number; fds: number; fdsOnTarget: number; heapBytes: number; samples: number }> = [];
    // What this process held on the target before the watch (pidusage keeps its stat file open).
    const base = fdsOn(pid);
    const w = pub.watchUsage(rec, { intervalMs: 10 });
    let n = 0;
    const t0 = performance.now();
    let next = 0;
    for await (const s of w) {
      if (!s.measured) throw new Error('bench: the held process stopped being measured');
      n++;
      const at = (performance.now() - t0) / 1000;
      if (at >= next || at >= HOLD_S) {
        points.push({ atS: Math.round(at * 10) / 10, fds: fdCount(), fdsOnTarget: fdsOn(pid) - base, heapBytes: heap(), samples: n });
        process.stderr.write(`hold: ${Math.round(at)}/${HOLD_S} s, ${n} samples\r`);
        next += 5;
      }
      if (at >= HOLD_S) break;
    }
    process.stderr.write('\n');
    const fds = points.map((p) => p.fds);
    const onTarget = points.map((p) => p.fdsOnTarget);
    const heaps = points.slice(1).map((p) => p.heapBytes); // after the first GC'd point
    const heapDrift = Math.max(...heaps) - Math.min(...heaps);
    w.close();
    await new Promise((r) => setTimeout(r, 50));
    const after = fdsOn(pid) - base;
    hold = { intervalMs: 10, seconds: HOLD_S, samples: n, samplesPerSecond: Math.round(n / HOLD_S), fdsMin: Math.min(...fds), fdsMax: Math.max(...fds), fdsOnTargetMin: Math.min(...onTarget), fdsOnTargetMax: Math.max(...onTarget), fdsOnTargetAfterClose: after, heapDriftBytes: heapDrift, points };
    console.log('');
    console.log(
      `hold: watchUsage at 10 ms for ${HOLD_S} s: ${n} samples; descriptors the watch holds on the watched process ${Math.min(...onTarget)}..${Math.max(...onTarget)} (${after} after close), ` +
        `all descriptors of this process ${Math.min(...fds)}..${Math.max(...fds)}; heap after GC varies by ${(heapDrift / 1024).toFixed(0)} KiB over ${heaps.length} points`,
    );
    checks.push({ name: `watchUsage at 10 ms for ${HOLD_S} s holds constant descriptors (1 on the process: its pidfd; 0 after close)`, value: Math.max(...onTarget) - Math.min(...onTarget), limit: 0, pass: Math.max(...onTarget) === Math.min(...onTarget) && Math.max(...onTarget) === 1 && after === 0, unit: 'descriptors' });
    // A leak of one sample per read would be ~6000 x 500 bytes = 3 MB; 256 KiB is GC noise.
    checks.push({ name: `watchUsage at 10 ms for ${HOLD_S} s holds a constant heap (drift under 256 KiB after GC)`, value: heapDrift, limit: 256 * 1024, pass: heapDrift < 256 * 1024, unit: 'bytes' });
  }

  const machine = { ...machineInfo(), loadavgStart: loadStart, loadavgEnd: os.loadavg().map((x) => Math.round(x * 100) / 100) };
  console.log('');
  console.log(`pidproof bench:usage  ${machine.date}`);
  console.log(`cpu     ${machine.cpu} (${machine.cores} cores), ${machine.kernel}, node ${machine.node}`);
  console.log(`load    ${machine.loadavgStart.join(' ')} at the start, ${machine.loadavgEnd.join(' ')} at the end (a shared machine)`);
  console.log(`rounds  ${ROUNDS} interleaved, ~${BATCH_MS} ms per batch, ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
  console.log('targets:');
  for (const c of checks) {
    const v =
      c.unit === 'x of C'
        ? `${c.value.toFixed(2)}x (limit ${c.limit}x; per-round paired ${c.paired!.toFixed(2)}x)`
        : c.unit === 'x faster'
          ? `${c.value.toFixed(1)}x (need ${c.limit}x; per-round paired ${c.paired!.toFixed(1)}x)`
          : `${c.value} ${c.unit}`;
    console.log(`  ${c.pass ? 'PASS' : 'MISS'}  ${c.name}: ${v}${c.note ? `; ${c.note}` : ''}`);
  }
  if (!opts['no-json']) {
    writeResults(JSON_PATH, {
      bench: 'usage',
      machine,
      config: { rounds: ROUNDS, batchMs: BATCH_MS, batchSize: BATCH_SIZE, holdSeconds: HOLD_S, parts: [...PARTS] },
      target: { pid, threads: 1, command: 'sleep 3600' },
      results: rows,
      hold,
      checks: checks.map((c) => ({ ...c, value: Math.round(c.value * 100) / 100, ...(c.paired !== undefined ? { paired: Math.round(c.paired * 100) / 100 } : {}) })),
    });
  }
  if (sink < 0) console.log(sink);
  child.kill('SIGKILL');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
