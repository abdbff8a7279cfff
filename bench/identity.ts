/**
 * bench/identity: what one process-identity read costs, next to the physical limit and the peers.
 *
 *   npm run bench:identity [-- --rounds 9 --batch-ms 120 --json path | --no-json]
 *
 * One run, interleaved: every round measures every method once per target (the order rotates
 * each round), so machine noise lands on all rows alike. Reported per row: the median of the
 * per-round ns/op, and the spread (max-min)/median. Targets: this process (Node, several threads)
 * and a spawned long-lived `sleep` (one thread); /proc/<pid>/stat costs more for more threads.
 *
 * The physical limit is bench/c/identity_loop.c, compiled here with `cc -O2` into a temp dir:
 * the exact syscall sequence of native/platform_linux.cc in a C loop, timed inside the loop (its
 * spawn is not counted). Linux only.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { machineInfo, median, packageRoot, requireNativeAddon, roundFigures, writeResults } from './common';

import type { IdentityApi } from '../lib/identity';

type Api = Pick<IdentityApi, 'processIdentity' | 'backend'>;

// ---- locate the package and make sure the compiled lib loads the real addon ---------------------


const root = packageRoot();


// ---- command line -----------------------------------------------------------------------------

const { values: opts } = parseArgs({
  options: {
    rounds: { type: 'string', default: '9' },
    'batch-ms': { type: 'string', default: '120' },
    json: { type: 'string', default: path.join(root, 'bench', 'results', 'identity-latest.json') },
    'no-json': { type: 'boolean', default: false },
  },
});
const ROUNDS = Math.max(3, Number(opts.rounds) | 0);
const BATCH_MS = Math.max(20, Number(opts['batch-ms']) | 0);

// ---- helpers ------------------------------------------------------------------------------------

let sink = 0;


function fmtNs(ns: number): string {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${ns.toFixed(0)} ns`;
}


function threadsOf(pid: number): number | null {
  try {
    const m = /^Threads:\s*(\d+)$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

// ---- methods ------------------------------------------------------------------------------------

/** A method measures `n` operations on `pid` and returns ns/op. */
interface Method {
  key: string;
  label: string;
  what: string;
  /** Most operations per batch (spawning methods are slow). */
  maxN: number;
  run(pid: number, n: number): Sample | Promise<Sample>;
}

/**
 * One batch: wall ns per op, and CPU ns per op (user + system of this process, or of the C
 * loop's): the time this work took on a CPU, without the time the scheduler gave to other
 * processes, which on a shared VM makes most of the wall-time spread.
 */
interface Sample {
  ns: number;
  cpu: number;
}

function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
}

function syncLoop(fn: (pid: number) => unknown): (pid: number, n: number) => Sample {
  return (pid, n) => {
    const c0 = cpuNow();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) if (fn(pid) !== undefined) sink++;
    const ns = Number(process.hrtime.bigint() - t0) / n;
    return { ns, cpu: (cpuNow() - c0) / n };
  };
}

function cLoop(bin: string, mode: string): (pid: number, n: number) => Sample {
  return (pid, n) => {
    const out = execFileSync(bin, [mode, String(pid), String(n)], { encoding: 'utf8', env: { ...process.env, LOOP_CPU: '1' } });
    const [ns, user, sys] = out.trim().split(/\s+/).map(Number);
    if (!Number.isFinite(ns) || !Number.isFinite(user) || !Number.isFinite(sys)) {
      throw new Error(`identity_loop ${mode}: bad output ${JSON.stringify(out)}`);
    }
    return { ns, cpu: user + sys };
  };
}

function compileCLoop(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pidproof-bench-'));
  const bin = path.join(dir, 'identity_loop');
  const src = path.join(root, 'bench', 'c', 'identity_loop.c');
  const cc = process.env.CC || 'cc';
  execFileSync(cc, ['-O2', '-o', bin, src], { stdio: ['ignore', 'inherit', 'inherit'] });
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return bin;
}

// ---- main ---------------------------------------------------------------------------------------

interface Row {
  target: string;
  pid: number;
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
  ratioVsNative: number;
  /** CPU time (user + system) per op: median of the per-round figures, and its ratio to the C loop's. */
  cpuMedianNs: number;
  cpuRoundsNs: number[];
  cpuRatioVsC: number;
}

async function main(): Promise<void> {
  if (process.platform !== 'linux') {
    console.error('bench:identity: the C physical-limit loop is Linux-only; nothing measured.');
    process.exitCode = 2;
    return;
  }

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pub = require('../lib') as typeof import('../lib');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createIdentityApi } = require('../lib/identity') as typeof import('../lib/identity');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { fallbackBackend } = require('../lib/fallback') as typeof import('../lib/fallback');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pidusage = require('pidusage') as ((pid: number) => Promise<unknown>) & { clear(): void };

  const addon = requireNativeAddon();
  const fallback: Api = createIdentityApi(fallbackBackend);
  const a = addon;
  if (typeof a.probeInto !== 'function') throw new Error('bench: this addon has no probeInto (rebuild it: npm run build:native)');
  const rawOut = new Float64Array(8);
  const bin = compileCLoop();

  const child: ChildProcess = spawn('sleep', ['3600'], { stdio: 'ignore' });
  const killChild = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.on('exit', killChild);
  if (child.pid === undefined) throw new Error('bench: cannot spawn sleep');
  // Wait for the exec to finish so the child's /proc entry is the sleep image, not node's fork.
  for (let i = 0; i < 200 && !/\(sleep\)/.test(fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8')); i++) {
    sleepMs(5);
  }
  const targets = [
    { name: 'self', pid: process.pid, threads: threadsOf(process.pid) },
    { name: 'child', pid: child.pid, threads: threadsOf(child.pid) },
  ];

  // Sanity: every backend sees the same process before anything is timed.
  for (const t of targets) {
    const n = pub.processIdentity(t.pid);
    const f = fallback.processIdentity(t.pid);
    if (n === null || f === null || n.startToken !== f.startToken) {
      throw new Error(`bench: native and fallback disagree on pid ${t.pid}: ${JSON.stringify({ n, f })}`);
    }
  }

  const methods: Method[] = [
    {
      key: 'c-probe',
      label: 'C loop: native probe syscalls',
      what: 'pidfd_open, fstat, open+read+close /proc/<pid>/stat, parse, poll, close (physical limit)',
      maxN: 1e6,
      run: cLoop(bin, 'probe'),
    },
    {
      key: 'native',
      label: 'pidproof processIdentity (native)',
      what: 'public API: argument check, addon probe, identity object with scope',
      maxN: 1e6,
      run: syncLoop((pid) => pub.processIdentity(pid)),
    },
    {
      key: 'native-raw',
      label: 'pidproof addon probeInto() (raw)',
      what: 'the N-API call processIdentity makes, alone: fills a reused Float64Array, no object',
      maxN: 1e6,
      run: syncLoop((pid) => a.probeInto!(pid, rawOut)),
    },
    {
      key: 'native-object',
      label: 'pidproof addon probe() (object)',
      what: 'the N-API call that builds the identity object in C++ (the path before issue 15)',
      maxN: 1e6,
      run: syncLoop((pid) => a.probe(pid)),
    },
    {
      key: 'fallback',
      label: 'pidproof processIdentity (fallback)',
      what: 'pure TypeScript: fs.readFileSync /proc/<pid>/stat + parse, kill(pid, 0) if unreadable',
      maxN: 1e6,
      run: syncLoop((pid) => fallback.processIdentity(pid)),
    },
    {
      key: 'c-read',
      label: 'C loop: open+read+close stat',
      what: 'reference: the /proc read alone',
      maxN: 1e6,
      run: cLoop(bin, 'read'),
    },
    {
      key: 'c-pin',
      label: 'C loop: pidfd pin only',
      what: 'reference: the probe minus the /proc read (pidfd_open, fstat, poll, close)',
      maxN: 1e6,
      run: cLoop(bin, 'pin'),
    },
    {
      key: 'c-kill',
      label: 'C loop: kill(pid, 0)',
      what: 'reference: one syscall, liveness only (fooled by recycling)',
      maxN: 1e7,
      run: cLoop(bin, 'kill'),
    },
    {
      key: 'kill0',
      label: 'process.kill(pid, 0)',
      what: 'Node liveness check (is-running); no identity',
      maxN: 1e7,
      run: syncLoop((pid) => process.kill(pid, 0)),
    },
    {
      key: 'pidusage',
      label: 'pidusage(pid)',
      what: 'pidusage 4.1.0, awaited one at a time (elapsed time, 1 tick; no identity)',
      maxN: 1e5,
      run: async (pid, n) => {
        const c0 = cpuNow();
        const t0 = process.hrtime.bigint();
        for (let i = 0; i < n; i++) if ((await pidusage(pid)) !== undefined) sink++;
        return { ns: Number(process.hrtime.bigint() - t0) / n, cpu: (cpuNow() - c0) / n };
      },
    },
    {
      key: 'ps',
      label: 'spawn ps -o lstart= -p <pid>',
      what: 'execFileSync of ps (ps-list, find-process style; 1 s resolution)',
      maxN: 40,
      run: syncLoop((pid) =>
        execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8' }),
      ),
    },
  ];

  // Calibrate: warm up, then size each batch to about BATCH_MS.
  const ops = new Map<string, number>();
  for (const m of methods) {
    let n = 4;
    let per = 0;
    for (;;) {
      per = (await m.run(process.pid, n)).ns;
      if (per * n >= 20e6 || n >= m.maxN) break;
      n = Math.min(m.maxN, n * 8);
    }
    ops.set(m.key, Math.max(3, Math.min(m.maxN, Math.round((BATCH_MS * 1e6) / per))));
  }

  const started = Date.now();
  const samples = new Map<string, number[]>();
  const cpuSamples = new Map<string, number[]>();
  for (let r = 0; r < ROUNDS; r++) {
    for (let ti = 0; ti < targets.length; ti++) {
      const t = targets[ti];
      for (let k = 0; k < methods.length; k++) {
        const m = methods[(k + r + ti) % methods.length];
        const x = await m.run(t.pid, ops.get(m.key)!);
        const key = `${t.name}/${m.key}`;
        if (!samples.has(key)) samples.set(key, []);
        samples.get(key)!.push(x.ns);
        if (!cpuSamples.has(key)) cpuSamples.set(key, []);
        cpuSamples.get(key)!.push(x.cpu);
      }
    }
    process.stderr.write(`round ${r + 1}/${ROUNDS}\r`);
  }
  process.stderr.write('\n');
  const wallS = (Date.now() - started) / 1000;
  pidusage.clear();

  const rows: Row[] = [];
  for (const t of targets) {
    const med = (key: string): number => median(samples.get(`${t.name}/${key}`)!);
    const cMed = med('c-probe');
    const nMed = med('native');
    for (const m of methods) {
      const xs = samples.get(`${t.name}/${m.key}`)!;
      rows.push({
        target: t.name,
        pid: t.pid,
        method: m.key,
        label: m.label,
        what: m.what,
        opsPerRound: ops.get(m.key)!,
        ...roundFigures(xs, cMed),
        ratioVsNative: Math.round((median(xs) / nMed) * 100) / 100,
        cpuMedianNs: Math.round(median(cpuSamples.get(`${t.name}/${m.key}`)!)),
        cpuRoundsNs: cpuSamples.get(`${t.name}/${m.key}`)!.map((x) => Math.round(x)),
        cpuRatioVsC:
          Math.round((median(cpuSamples.get(`${t.name}/${m.key}`)!) / median(cpuSamples.get(`${t.name}/c-probe`)!)) * 100) / 100,
      });
    }
  }

  const get = (target: string, key: string): Row => rows.find((x) => x.target === target && x.method === key)!;
  // Per-round ratio of two rows measured moments apart: drift on a shared VM cancels out.
  const paired = (target: string, num: string, den: string): number =>
    median(
      samples.get(`${target}/${num}`)!.map((x, i) => x / samples.get(`${target}/${den}`)![i]),
    );
  const cpuPaired = (target: string, num: string, den: string): number =>
    median(cpuSamples.get(`${target}/${num}`)!.map((x, i) => x / cpuSamples.get(`${target}/${den}`)![i]));
  const checks = targets.flatMap((t) => {
    const c = get(t.name, 'c-probe').medianNs;
    const n = get(t.name, 'native').medianNs;
    const f = get(t.name, 'fallback').medianNs;
    const p = get(t.name, 'pidusage').medianNs;
    return [
      {
        target: t.name,
        name: 'native within 1.2x of the C loop',
        value: n / c,
        paired: paired(t.name, 'native', 'c-probe'),
        cpu: get(t.name, 'native').cpuMedianNs / get(t.name, 'c-probe').cpuMedianNs,
        cpuPaired: cpuPaired(t.name, 'native', 'c-probe'),
        limit: 1.2,
        pass: n / c <= 1.2 && paired(t.name, 'native', 'c-probe') <= 1.2,
        unit: 'x of C',
      },
      {
        target: t.name,
        name: 'native >= 2x faster than fallback',
        value: f / n,
        paired: paired(t.name, 'fallback', 'native'),
        limit: 2,
        pass: f / n >= 2,
        unit: 'x faster',
      },
      {
        target: t.name,
        name: 'native >= 20x faster than pidusage',
        value: p / n,
        paired: paired(t.name, 'pidusage', 'native'),
        limit: 20,
        pass: p / n >= 20,
        unit: 'x faster',
        // The ceiling: what even a probe at the C loop's speed would reach.
        ceiling: p / c,
      },
    ];
  });

  // ---- report -----------------------------------------------------------------------------------
  const machine = { ...machineInfo(), loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100) };
  console.log(`pidproof bench:identity  ${machine.date}`);
  console.log(`cpu     ${machine.cpu} (${machine.cores} cores)`);
  console.log(`kernel  ${machine.kernel}`);
  console.log(`node    ${machine.node}   load ${machine.loadavg.join(' ')}`);
  console.log(`rounds  ${ROUNDS} interleaved, ~${BATCH_MS} ms per batch, ${wallS.toFixed(1)} s measured`);
  for (const t of targets) {
    console.log('');
    console.log(`target: ${t.name} (pid ${t.pid}, ${t.threads ?? '?'} thread(s))`);
    const head = ['method', 'median/op', 'spread', 'vs C loop', 'vs native', 'CPU/op', 'CPU vs C', 'ops/round'];
    const body = rows
      .filter((x) => x.target === t.name)
      .map((x) => [
        x.label,
        fmtNs(x.medianNs),
        `±${(x.spreadPct / 2).toFixed(0)}%`,
        `${x.ratioVsC.toFixed(2)}x`,
        `${x.ratioVsNative.toFixed(2)}x`,
        fmtNs(x.cpuMedianNs),
        `${x.cpuRatioVsC.toFixed(2)}x`,
        String(x.opsPerRound),
      ]);
    const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
    const line = (cells: string[]): string =>
      cells.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
    console.log(line(head));
    console.log(w.map((n) => '-'.repeat(n)).join('  '));
    for (const b of body) console.log(line(b));
  }
  console.log('');
  console.log('targets:');
  for (const c of checks) {
    const v =
      c.unit === 'x of C'
        ? `${c.value.toFixed(2)}x (limit ${c.limit}x; per-round paired ${c.paired.toFixed(2)}x; CPU time ${(c as { cpu?: number }).cpu?.toFixed(2)}x, paired ${(c as { cpuPaired?: number }).cpuPaired?.toFixed(2)}x)`
        : `${c.value.toFixed(1)}x (need ${c.limit}x; per-round paired ${c.paired.toFixed(1)}x)`;
    const ceiling =
      'ceiling' in c && c.ceiling !== undefined ? `; the C loop itself: ${c.ceiling.toFixed(1)}x` : '';
    console.log(`  ${c.pass ? 'PASS' : 'MISS'}  [${c.target}] ${c.name}: ${v}${ceiling}`);
  }
  console.log(`spread = (max-min)/2 of the ${ROUNDS} per-round figures, as % of the median; CPU/op = user + system time of the process`);
  console.log('(the C loop\'s or this one\'s) per op: the time on a CPU, without the time the scheduler gave other processes');

  if (!opts['no-json']) {
    const doc = {
      bench: 'identity',
      machine,
      config: { rounds: ROUNDS, batchMs: BATCH_MS, measuredSeconds: wallS },
      targets,
      results: rows,
      checks: checks.map((c) => ({
        ...c,
        value: Math.round(c.value * 100) / 100,
        paired: Math.round(c.paired * 100) / 100,
        ...('cpu' in c && c.cpu !== undefined ? { cpu: Math.round(c.cpu * 100) / 100, cpuPaired: Math.round(c.cpuPaired * 100) / 100 } : {}),
        ...('ceiling' in c && c.ceiling !== undefined ? { ceiling: Math.round(c.ceiling * 100) / 100 } : {}),
      })),
    };
    writeResults(opts.json!, doc);
  }
  if (sink < 0) console.log(sink);
  killChild();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
