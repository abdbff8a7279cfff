/**
 * bench/doctor: `scanLocks` and `pidproof doctor` over 10,000 lock files. Target: at most 2 s.
 *
 *   npm run bench:doctor [-- --files 10000 --rounds 5 --json path | --no-json]
 *
 * The directory holds a realistic mix: pidproof locks with live holders (some kernel-held by a
 * real holder process), dead holders and recycled-looking records; OpenClaw session locks
 * (`*.jsonl.lock`, matching and mismatching starttime); bare PID files (live and dead); garbage
 * (binary, empty, wrong JSON types, too large). Reported: the median and best of `rounds` scans
 * in this process (plus the longest event-loop stall during a scan: the startup-sweep promise),
 * the CLI end to end (table and --json, as child processes), and one `fixLocks` pass.
 *
 * Runs against the compiled package in dist/ (the copy of lib/ under .bench-out/ has no addon
 * next to it) and refuses to run on the fallback backend.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { median, packageRoot, writeResults } from './common';

type Api = typeof import('../lib/index');
type Payloads = typeof import('../lib/lock/payload');


const root = packageRoot();
const dist = path.join(root, 'dist');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const api = require(path.join(dist, 'index.js')) as Api;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const payloads = require(path.join(dist, 'lock', 'payload.js')) as Payloads;
const cli = path.join(dist, 'cli.js');

const { values: args } = parseArgs({
  options: {
    files: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '5' },
    json: { type: 'string', default: path.join(root, 'bench', 'results', 'doctor-latest.json') },
    'no-json': { type: 'boolean', default: false },
  },
});
const FILES = Number(args.files);
const ROUNDS = Number(args.rounds);
const TARGET_MS = 2000;


const children: ChildProcess[] = [];
function idle(): ChildProcess {
  const c = spawn('sleep', ['600'], { stdio: 'ignore' });
  children.push(c);
  return c;
}

async function deadIdentities(n: number) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const c = spawn('sleep', ['60'], { stdio: 'ignore' });
    await new Promise((r) => c.once('spawn', r));
    const id = api.processIdentity(c.pid!);
    c.kill('SIGKILL');
    await new Promise((r) => c.once('exit', r));
    if (id) out.push(id);
  }
  return out;
}

/** A real holder: a child process that acquires `n` pidproof locks and keeps them. */
async function realHolder(dir: string, n: number): Promise<ChildProcess> {
  const script = `const p = require(${JSON.stringify(path.join(dist, 'index.js'))});
const locks = [];
for (let i = 0; i < ${n}; i++) locks.push(p.acquireLockSync(${JSON.stringify(dir)} + '/held-' + i + '.lock', { maxHoldMs: Infinity }));
process.stdout.write('ready\\n');
setInterval(() => {}, 1e6);`;
  const c = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(c);
  await new Promise<void>((resolve, reject) => {
    c.stdout!.once('data', () => resolve());
    c.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return c;
}

async function populate(dir: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const add = (k: string) => (counts[k] = (counts[k] ?? 0) + 1);
  for (let i = 0; i < 16; i++) idle();
  await new Promise((r) => setTimeout(r, 100));
  const live = children.map((c) => api.processIdentity(c.pid!)).filter((x) => x !== null);
  const dead = await deadIdentities(16);
  const held = Math.min(200, Math.floor(FILES * 0.02));
  await realHolder(dir, held);
  for (let i = 0; i < held; i++) add('pidproof-kernel-held');
  const mk = (id: NonNullable<(typeof live)[number]>, over: Record<string, unknown> = {}) => {
    const p = payloads.buildPayload(id, { token: payloads.newToken(), maxHoldMs: 3_600_000, leaseMs: null, mode: 'kernel' });
    Object.assign(p, over);
    return payloads.serialisePayload(p);
  };
  const big = Buffer.alloc(80 * 1024, 0x41);
  for (let i = held; i < FILES; i++) {
    const r = i % 20;
    const L = live[i % live.length]!;
    const D = dead[i % dead.length]!;
    let name: string;
    let data: Buffer | string;
    if (r < 6) {
      name = `job-${i}.lock`;
      data = mk(L);
      add('pidproof-live');
    } else if (r < 11) {
      name = `job-${i}.lock`;
      data = mk(D);
      add('pidproof-dead');
    } else if (r < 12) {
      name = `job-${i}.lock`;
      data = mk(L, { hostname: 'other-host' });
      add('pidproof-foreign');
    } else if (r < 14) {
      name = `session-${i}.jsonl.lock`;
      data = JSON.stringify({ pid: L.pid, createdAt: new Date().toISOString(), starttime: Number(L.startToken) });
      add('openclaw-live');
    } else if (r < 15) {
      name = `session-${i}.jsonl.lock`;
      data = JSON.stringify({ pid: L.pid, createdAt: new Date().toISOString(), starttime: Number(L.startToken) + 1 });
      add('openclaw-recycled');
    } else if (r < 16) {
      name = `daemon-${i}.pid`;
      data = `${L.pid}\n`;
      add('pidfile-live');
    } else if (r < 18) {
      name = `daemon-${i}.pid`;
      data = `${D.pid}\n`;
      add('pidfile-dead');
    } else {
      name = `junk-${i}.lock`;
      const g = i % 4;
      data = g === 0 ? Buffer.from([0, 1, 2, 255]) : g === 1 ? '' : g === 2 ? '{"pid":"x","createdAt":1}' : big;
      add('garbage');
    }
    fs.writeFileSync(path.join(dir, name), data);
  }
  return counts;
}

async function main(): Promise<void> {
  if (api.backend !== 'native') {
    console.error(`bench/doctor: backend is ${api.backend}, not native; build the addon first (npm run build)`);
    process.exit(2);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pidproof-bench-doctor-'));
  try {
    const t0 = performance.now();
    const mix = await populate(dir);
    console.log(`bench/doctor: ${FILES} lock files in ${dir} (created in ${Math.round(performance.now() - t0)} ms)`);
    console.log(`mix: ${Object.entries(mix).map(([k, v]) => `${k} ${v}`).join(', ')}`);

    // In-process scans, with the event-loop stall measured alongside.
    const scans: number[] = [];
    const stalls: number[] = [];
    let summary: ReturnType<Api['summarizeLocks']> | null = null;
    for (let r = 0; r < ROUNDS; r++) {
      const h = monitorEventLoopDelay({ resolution: 1 });
      h.enable();
      const s = performance.now();
      const entries = await api.scanLocks(dir);
      scans.push(performance.now() - s);
      h.disable();
      stalls.push(h.max / 1e6);
      summary = api.summarizeLocks(entries);
    }

    // The CLI, end to end (process start included).
    const cliRun = (extra: string[]) => {
      const s = performance.now();
      const r = spawnSync(process.execPath, [cli, 'doctor', dir, ...extra], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', COLUMNS: '120' },
        maxBuffer: 1 << 30,
      });
      const ms = performance.now() - s;
      if (r.status !== 1) throw new Error(`doctor exited ${r.status}: ${r.stderr}`);
      return { ms, bytes: r.stdout.length };
    };
    const table = Array.from({ length: 3 }, () => cliRun([]));
    const json = Array.from({ length: 3 }, () => cliRun(['--json']));
    const nodeStart = (() => {
      const s = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      return performance.now() - s;
    })();

    // One fix pass (removes every stale lock through the reclaim path).
    const entries = await api.scanLocks(dir);
    const f0 = performance.now();
    const fixed = await api.fixLocks(entries);
    const fixMs = performance.now() - f0;
    const fixSummary = api.summarizeLocks(fixed);

    const scanMedian = median(scans);
    const rows: Array<[string, string]> = [
      ['scanLocks (in process), median', `${scanMedian.toFixed(0)} ms  (${((scanMedian * 1000) / FILES).toFixed(1)} µs/file)`],
      ['scanLocks (in process), best', `${Math.min(...scans).toFixed(0)} ms`],
      ['longest event-loop stall during a scan', `${median(stalls).toFixed(1)} ms (median of rounds)`],
      ['pidproof doctor (CLI, table), median', `${median(table.map((x) => x.ms)).toFixed(0)} ms  (${(table[0].bytes / 1024).toFixed(0)} KiB out)`],
      ['pidproof doctor --json (CLI), median', `${median(json.map((x) => x.ms)).toFixed(0)} ms  (${(json[0].bytes / 1048576).toFixed(1)} MiB out)`],
      ['node -e 0 (process start, for reference)', `${nodeStart.toFixed(0)} ms`],
      [`fixLocks: ${fixSummary.removed} stale locks removed`, `${fixMs.toFixed(0)} ms  (${((fixMs * 1000) / Math.max(1, fixSummary.removed)).toFixed(0)} µs/lock)`],
    ];
    const w = Math.max(...rows.map((r) => r[0].length));
    for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
    const cliMedian = median(table.map((x) => x.ms));
    const ok = scanMedian <= TARGET_MS && cliMedian <= TARGET_MS;
    console.log(`target: scan and CLI at most ${TARGET_MS} ms for ${FILES} files: ${ok ? 'met' : 'NOT met'}`);
    console.log(`summary: ${JSON.stringify(summary)}`);

    if (!args['no-json']) {
      const out = {
        bench: 'doctor',
        date: new Date().toISOString(),
        machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, platform: `${process.platform}-${process.arch}`, kernel: os.release() },
        files: FILES,
        mix,
        scanMs: scans.map((x) => Math.round(x * 10) / 10),
        scanMedianMs: Math.round(scanMedian * 10) / 10,
        eventLoopStallMs: stalls.map((x) => Math.round(x * 10) / 10),
        cliTableMs: table.map((x) => Math.round(x.ms)),
        cliJsonMs: json.map((x) => Math.round(x.ms)),
        nodeStartMs: Math.round(nodeStart),
        fix: { removed: fixSummary.removed, ms: Math.round(fixMs) },
        summary,
        targetMs: TARGET_MS,
        targetMet: ok,
      };
      writeResults(args.json!, out);
    }
    if (!ok) process.exitCode = 1;
  } finally {
    for (const c of children) c.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  for (const c of children) c.kill('SIGKILL');
  console.error(err);
  process.exit(2);
});
