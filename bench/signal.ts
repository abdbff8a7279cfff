/**
 * bench/signal: what one safe signal costs, next to the physical limit and process.kill.
 *
 *   npm run bench:signal [-- --rounds 9 --batch-ms 120 --json path | --no-json]
 *
 * One run, interleaved: every round measures every method once (the order rotates each round), so
 * machine noise lands on all rows alike. Reported per row: the median of the per-round ns/op and
 * the spread (max-min)/median; the PASS/MISS lines also give the paired ratio (median of per-round
 * ratios of two rows measured moments apart).
 *
 * The target is a spawned Python process with SIGUSR1 blocked: every method sends it the same
 * SIGUSR1, which stays pending (standard signals do not queue twice), so no method pays for
 * waking the target or running a handler, and the process is still the same one after millions of
 * sends.
 *
 * The physical limit is bench/c/signal_loop.c, compiled here with `cc -O2` into a temp dir: the
 * exact syscall sequence of native/platform_linux.cc's SignalProcess in a C loop, timed inside
 * the loop (its spawn is not counted). Linux only.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cpuModel, median, packageRoot, requireNativeAddon } from './common';

const root = packageRoot();

const { values: opts } = parseArgs({
  options: {
    rounds: { type: 'string', default: '9' },
    'batch-ms': { type: 'string', default: '120' },
    json: { type: 'string', default: path.join(root, 'bench', 'results', 'signal-latest.json') },
    'no-json': { type: 'boolean', default: false },
  },
});
const ROUNDS = Math.max(3, Number(opts.rounds) | 0);
const BATCH_MS = Math.max(20, Number(opts['batch-ms']) | 0);

let sink = 0;

function fmtNs(ns: number): string {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${ns.toFixed(0)} ns`;
}

interface Method {
  key: string;
  label: string;
  what: string;
  maxN: number;
  run(n: number): number;
}

function syncLoop(fn: () => unknown): (n: number) => number {
  return (n) => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) if (fn() !== undefined) sink++;
    return Number(process.hrtime.bigint() - t0) / n;
  };
}

function compileCLoop(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pidproof-bench-'));
  const bin = path.join(dir, 'signal_loop');
  const cc = process.env.CC || 'cc';
  execFileSync(cc, ['-O2', '-o', bin, path.join(root, 'bench', 'c', 'signal_loop.c')], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return bin;
}

interface Row {
  method: string;
  label: string;
  what: string;
  opsPerRound: number;
  medianNs: number;
  minNs: number;
  maxNs: number;
  spreadPct: number;
  roundsNs: number[];
  ratioVsKill: number;
}

async function main(): Promise<void> {
  if (process.platform !== 'linux') {
    console.error('bench:signal: the C physical-limit loop is Linux-only; nothing measured.');
    process.exitCode = 2;
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pub = require('../lib') as typeof import('../lib');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createSignalApi } = require('../lib/signal') as typeof import('../lib/signal');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { fallbackBackend } = require('../lib/fallback') as typeof import('../lib/fallback');
  const addon = requireNativeAddon();
  const fallback = createSignalApi(fallbackBackend, null);
  const bin = compileCLoop();

  // The target: SIGUSR1 blocked, so every send leaves it pending and nothing runs in the target.
  const child: ChildProcess = spawn(
    'python3',
    ['-c', 'import signal, sys, time\nsignal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])\nprint("ready", flush=True)\ntime.sleep(3600)'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const killChild = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.on('exit', killChild);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', () => reject(new Error('bench: the target exited')));
  });
  const pid = child.pid!;
  const SIGUSR1 = os.constants.signals.SIGUSR1;
  const id = pub.processIdentity(pid)!;
  const tokenOnly = { pid, startToken: id.startToken, startTokenUnit: id.startTokenUnit };
  const out = new BigUint64Array(2);
  const cLoop = (mode: string) => (n: number) => {
    const o = execFileSync(bin, [mode, String(pid), String(SIGUSR1), String(n)], { encoding: 'utf8' });
    const ns = Number(o.trim());
    if (!Number.isFinite(ns)) throw new Error(`signal_loop ${mode}: bad output ${JSON.stringify(o)}`);
    return ns;
  };
  // Sanity before timing: every pidproof method proves and sends.
  for (const r of [pub.signalProcess(id, 'SIGUSR1'), pub.signalProcess(tokenOnly, 'SIGUSR1'), fallback.signalProcess(id, 'SIGUSR1')]) {
    if (!r.sent) throw new Error(`bench: not sent: ${r.detail}`);
  }
  const havePidfs = id.uniqueId !== null;

  const methods: Method[] = [
    {
      key: 'c-pinned',
      label: 'C loop: pinned signal, inode decides',
      what: 'pidfd_open, fstat (pidfs inode compared), poll, pidfd_send_signal, close (physical limit)',
      maxN: 1e6,
      run: cLoop('pinned'),
    },
    {
      key: 'native',
      label: 'pidproof signalProcess(identity)',
      what: 'public API, full identity: argument checks, scope, one addon call (no /proc read)',
      maxN: 1e6,
      run: syncLoop(() => pub.signalProcess(id, 'SIGUSR1')),
    },
    {
      key: 'native-raw',
      label: 'pidproof addon signal() (raw)',
      what: 'the N-API call alone, no TypeScript facade',
      maxN: 1e6,
      run: syncLoop(() => addon.signal(pid, SIGUSR1, out, true, id.uniqueIdKind, id.uniqueId, id.startTokenUnit, id.startToken)),
    },
    {
      key: 'c-pinned-token',
      label: 'C loop: pinned signal, start token decides',
      what: 'pidfd_open, fstat, open+read+close /proc/<pid>/stat + parse, poll, pidfd_send_signal, close',
      maxN: 1e6,
      run: cLoop('pinned-token'),
    },
    {
      key: 'native-token',
      label: 'pidproof signalProcess({pid, startToken})',
      what: 'public API, a record without a unique id: the /proc read on the pin',
      maxN: 1e6,
      run: syncLoop(() => pub.signalProcess(tokenOnly, 'SIGUSR1')),
    },
    {
      key: 'fallback',
      label: 'pidproof signalProcess (fallback)',
      what: 'pure TypeScript: ownerStatus (/proc read), process.kill, ownerStatus again; no pin',
      maxN: 1e6,
      run: syncLoop(() => fallback.signalProcess(id, 'SIGUSR1')),
    },
    {
      key: 'c-pin-send',
      label: 'C loop: pidfd_open + send + close',
      what: 'reference: a pinned send that verifies nothing',
      maxN: 1e7,
      run: cLoop('pin-send'),
    },
    {
      key: 'c-kill',
      label: 'C loop: kill(pid, SIGUSR1)',
      what: 'reference: one syscall; fooled by a recycled PID',
      maxN: 1e7,
      run: cLoop('kill'),
    },
    {
      key: 'kill',
      label: "process.kill(pid, 'SIGUSR1')",
      what: 'what Node code does today; no identity, fooled by a recycled PID',
      maxN: 1e7,
      run: syncLoop(() => process.kill(pid, 'SIGUSR1')),
    },
  ].filter((m) => havePidfs || (m.key !== 'c-pinned' && m.key !== 'native' && m.key !== 'native-raw'));

  const ops = new Map<string, number>();
  for (const m of methods) {
    let n = 4;
    let per = 0;
    for (;;) {
      per = m.run(n);
      if (per * n >= 20e6 || n >= m.maxN) break;
      n = Math.min(m.maxN, n * 8);
    }
    ops.set(m.key, Math.max(3, Math.min(m.maxN, Math.round((BATCH_MS * 1e6) / per))));
  }

  const started = Date.now();
  const samples = new Map<string, number[]>(methods.map((m) => [m.key, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < methods.length; k++) {
      const m = methods[(k + r) % methods.length];
      samples.get(m.key)!.push(m.run(ops.get(m.key)!));
    }
    process.stderr.write(`round ${r + 1}/${ROUNDS}\r`);
  }
  process.stderr.write('\n');
  const wallS = (Date.now() - started) / 1000;
  // Still the same process, never signalled to death: the figures are of one target throughout.
  if (pub.compareIdentity(id) !== 'same') throw new Error('bench: the target changed during the run');

  const med = (key: string): number => median(samples.get(key)!);
  const killMed = med('kill');
  const rows: Row[] = methods.map((m) => {
    const xs = samples.get(m.key)!;
    const md = median(xs);
    const mn = Math.min(...xs);
    const mx = Math.max(...xs);
    return {
      method: m.key,
      label: m.label,
      what: m.what,
      opsPerRound: ops.get(m.key)!,
      medianNs: Math.round(md),
      minNs: Math.round(mn),
      maxNs: Math.round(mx),
      spreadPct: Math.round(((mx - mn) / md) * 1000) / 10,
      roundsNs: xs.map((x) => Math.round(x)),
      ratioVsKill: Math.round((md / killMed) * 100) / 100,
    };
  });
  const paired = (num: string, den: string): number =>
    median(samples.get(num)!.map((x, i) => x / samples.get(den)![i]));
  const comparisons = [
    ...(havePidfs
      ? [
          { name: 'signalProcess(identity) vs its C loop', num: 'native', den: 'c-pinned' },
          { name: 'raw addon call vs its C loop', num: 'native-raw', den: 'c-pinned' },
          { name: 'signalProcess(identity) vs process.kill', num: 'native', den: 'kill' },
        ]
      : []),
    { name: 'signalProcess({pid, startToken}) vs its C loop', num: 'native-token', den: 'c-pinned-token' },
    { name: 'signalProcess({pid, startToken}) vs process.kill', num: 'native-token', den: 'kill' },
    { name: 'fallback vs process.kill', num: 'fallback', den: 'kill' },
    { name: 'process.kill vs C kill(2)', num: 'kill', den: 'c-kill' },
  ].map((c) => ({ ...c, value: med(c.num) / med(c.den), paired: paired(c.num, c.den) }));

  const machine = {
    date: new Date().toISOString(),
    cpu: cpuModel(),
    cores: os.cpus().length,
    kernel: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
  console.log(`pidproof bench:signal  ${machine.date}`);
  console.log(`cpu     ${machine.cpu} (${machine.cores} cores)`);
  console.log(`kernel  ${machine.kernel}`);
  console.log(`node    ${machine.node}   load ${machine.loadavg.join(' ')}`);
  console.log(`rounds  ${ROUNDS} interleaved, ~${BATCH_MS} ms per batch, ${wallS.toFixed(1)} s measured`);
  console.log(`target  pid ${pid} (python3, SIGUSR1 blocked: every send stays pending)${havePidfs ? '' : '; no pidfs on this kernel: inode rows skipped'}`);
  console.log('');
  const head = ['method', 'median/op', 'spread', 'vs process.kill', 'ops/round'];
  const body = rows.map((x) => [x.label, fmtNs(x.medianNs), `±${(x.spreadPct / 2).toFixed(0)}%`, `${x.ratioVsKill.toFixed(2)}x`, String(x.opsPerRound)]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  console.log(line(head));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const b of body) console.log(line(b));
  console.log('');
  console.log('ratios (median of medians; per-round paired in brackets):');
  for (const c of comparisons) console.log(`  ${c.name}: ${c.value.toFixed(2)}x (${c.paired.toFixed(2)}x)`);
  console.log(`spread = (max-min)/2 of the ${ROUNDS} per-round figures, as % of the median`);

  if (!opts['no-json']) {
    const file = path.resolve(opts.json!);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const doc = {
      bench: 'signal',
      machine,
      config: { rounds: ROUNDS, batchMs: BATCH_MS, measuredSeconds: wallS, signal: 'SIGUSR1', pidfs: havePidfs },
      results: rows,
      comparisons: comparisons.map((c) => ({ ...c, value: Math.round(c.value * 100) / 100, paired: Math.round(c.paired * 100) / 100 })),
    };
    fs.writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
    console.log(`results: ${path.relative(process.cwd(), file) || file}`);
  }
  if (sink < 0) console.log(sink);
  killChild();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
