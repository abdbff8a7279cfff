/** `pidproof run [--interval DURATION] [--json] [-o FILE] -- CMD [ARGS...]` (issue 23). */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { watchUsage } from '../index';
import type { UsageSample } from '../index';
import { paint, safe, styleFor } from './format';
import { formatBytes, formatCpu, parseInterval } from './stats';
import { type CommandResult, UsageError } from './usage';

export const RUN_HELP = `Usage: pidproof run [--interval DURATION] [--json] [-o FILE] -- CMD [ARGS...]

Runs a command and reports its wall time, user and system CPU time, peak resident set, peak
thread count and exit status, like /usr/bin/time -v but the same on every OS and pinned to the
child (its figures are read through a pin taken when it started, never by a PID that could name
another process later). The command's standard input, output and error are its own; the report
goes to standard error (or to FILE with -o). On a terminal it ends with a sparkline of the
command's CPU and memory over the run.

The CPU times are the command's own; its waited-for children's times are shown beside them
(POSIX; Windows keeps none). Its final figures are read the moment it exits, before it is reaped,
where the OS allows (Linux pidfd, macOS/FreeBSD kqueue, a Windows handle): when they could not be
read, the report says so and gives the last figures read, with their age.

Exit code: the command's (128 + the signal number when a signal ended it), 127 when it cannot be
found, 126 when it cannot be run, 2 for bad usage. SIGINT and SIGQUIT reach the command through
the terminal and pidproof waits for it to report; SIGTERM and SIGHUP are passed on to it.

Options:
  -i, --interval DURATION  time between samples: 100ms (default), 1s, ... (a bare number is seconds)
      --json               the report as one JSON object
  -o, --output FILE        write the report to FILE instead of standard error
  -h, --help               this help

Examples:
  pidproof run -- make -j4
  pidproof run --interval 10ms --json -o report.json -- node bench.js
`;

/** What `run --json` writes. */
interface RunReport {
  command: string[];
  pid: number | null;
  /** The command's exit code, or null when a signal ended it. */
  exitCode: number | null;
  /** The signal that ended it, or null. */
  signal: string | null;
  /** pidproof's own exit code for this run (the command's, 128 + signal, 126, 127). */
  status: number;
  wallMs: number;
  cpuUserMs: number | null;
  cpuSystemMs: number | null;
  cpuTotalMs: number | null;
  childCpuUserMs: number | null;
  childCpuSystemMs: number | null;
  /**
   * Peak resident set: the OS's own peak where it keeps one (Linux VmHWM, Windows peak working set,
   * FreeBSD ru_maxrss, macOS peak footprint), else the largest resident set sampled.
   */
  peakRssBytes: number | null;
  /** The peak is the OS's figure at the exit (false: the last one read; Linux keeps none after the exit). */
  peakRssFinal: boolean;
  peakThreads: number | null;
  /** true when the figures are the final ones, read as it exited; false: the last sample's. */
  final: boolean;
  /** Age of the figures at the exit, ms (0 when final). */
  figuresAgeMs: number | null;
  samples: number;
  intervalMs: number;
  detail: string;
}

/** The command's arguments: everything after our options (or after `--`). */
function splitArgv(argv: string[]): { ours: string[]; cmd: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return { ours: argv.slice(0, i), cmd: argv.slice(i + 1) };
    if (!a.startsWith('-') || a === '-') return { ours: argv.slice(0, i), cmd: argv.slice(i) };
    // An option that takes a value consumes the next argument.
    if (/^(-i|--interval|-o|--output)$/.test(a)) i++;
  }
  return { ours: argv, cmd: [] };
}

const BARS = '▁▂▃▄▅▆▇█';

/** A sparkline of `values` in at most `width` columns (each the max of its share of the values). */
export function sparkline(values: number[], width: number): string {
  if (values.length === 0) return '';
  const cols = Math.min(width, values.length);
  const per = values.length / cols;
  const buckets: number[] = [];
  for (let c = 0; c < cols; c++) {
    const from = Math.floor(c * per);
    const to = Math.max(from + 1, Math.floor((c + 1) * per));
    buckets.push(Math.max(...values.slice(from, to)));
  }
  const max = Math.max(...buckets);
  if (max <= 0) return BARS[0].repeat(cols);
  return buckets.map((v) => BARS[Math.min(BARS.length - 1, Math.round((v / max) * (BARS.length - 1)))]).join('');
}

export async function runCommand(argv: string[]): Promise<CommandResult> {
  const { ours, cmd } = splitArgv(argv);
  const { values, positionals } = parseArgs({
    args: ours,
    options: {
      interval: { type: 'string', short: 'i' },
      json: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
    strict: true,
  });
  if (values.help) return { code: 0, stdout: RUN_HELP };
  if (positionals.length > 0 || cmd.length === 0) throw new UsageError('expected a command to run: pidproof run -- CMD [ARGS...]');
  const intervalMs = parseInterval(values.interval, 100);
  const json = values.json === true;
  const out = values.output;
  // Colour and the sparkline only when the report goes to a terminal.
  const tty = out === undefined && process.stderr.isTTY === true && !json;
  const style = tty ? styleFor(process.stderr) : { color: false, width: 100 };

  // The child hears SIGINT/SIGQUIT from the terminal itself: wait for it and report. TERM and HUP
  // sent to pidproof alone are passed on.
  const ignore = () => {};
  // Installed before the spawn, so that a signal sent as soon as the command runs is not lost.
  let child: ReturnType<typeof spawn> | null = null;
  let early: NodeJS.Signals | null = null; // arrived before the command existed: sent once it does
  const forward = (sig: NodeJS.Signals) => () => {
    if (child === null) early = sig;
    else if (child.exitCode === null && child.signalCode === null) child.kill(sig);
  };
  const handlers: Array<[NodeJS.Signals, () => void]> = [
    ['SIGINT', ignore],
    ['SIGQUIT', ignore],
    ['SIGTERM', forward('SIGTERM')],
    ['SIGHUP', forward('SIGHUP')],
  ];
  for (const [sig, fn] of handlers) {
    if (process.platform !== 'win32' || sig === 'SIGINT') process.on(sig, fn);
  }

  const t0 = performance.now();
  child = spawn(cmd[0], cmd.slice(1), { stdio: 'inherit' });
  const report: RunReport = {
    command: cmd,
    pid: child.pid ?? null,
    exitCode: null,
    signal: null,
    status: 0,
    wallMs: 0,
    cpuUserMs: null,
    cpuSystemMs: null,
    cpuTotalMs: null,
    childCpuUserMs: null,
    childCpuSystemMs: null,
    peakRssBytes: null,
    peakRssFinal: false,
    peakThreads: null,
    final: false,
    figuresAgeMs: null,
    samples: 0,
    intervalMs,
    detail: '',
  };
  const spawnError = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
    child.once('spawn', () => resolve(null));
    child.once('error', (e) => resolve(e as NodeJS.ErrnoException));
  });
  if (spawnError !== null) {
    for (const [sig, fn] of handlers) process.removeListener(sig, fn);
    const code = spawnError.code === 'ENOENT' ? 127 : 126;
    return { code, stderr: `pidproof run: cannot run ${safe(JSON.stringify(cmd[0]))}: ${safe(spawnError.message)}\n` };
  }

  if (early !== null) child.kill(early);
  const samples: UsageSample[] = [];
  const w = watchUsage(child.pid!, { intervalMs });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, atMs: Number(process.hrtime.bigint()) / 1e6 })),
  );
  const collecting = (async () => {
    for await (const s of w) samples.push(s);
  })();
  const end = await exited;
  report.wallMs = performance.now() - t0;
  // The watch usually has its final sample already (read at the kernel's exit event); where the OS
  // keeps the exited process (Windows) this reads it now.
  try {
    w.sample();
  } catch {
    // closed: it already ended
  }
  await collecting;
  for (const [sig, fn] of handlers) process.removeListener(sig, fn);

  report.exitCode = end.code;
  report.signal = end.signal;
  const signo = end.signal === null ? 0 : ((os.constants.signals as Record<string, number>)[end.signal] ?? 0);
  report.status = end.signal !== null ? 128 + signo : (end.code ?? 1);
  report.samples = samples.filter((s) => s.measured).length;
  const measured = samples.filter((s) => s.measured);
  const last = measured.at(-1) ?? null;
  const final = samples.at(-1);
  if (last !== null) {
    report.final = final !== undefined && final.final && final.measured;
    report.figuresAgeMs = report.final ? 0 : Math.max(0, end.atMs - last.atMs);
    report.cpuUserMs = last.cpuUserMs;
    report.cpuSystemMs = last.cpuSystemMs;
    report.cpuTotalMs = last.cpuTotalMs;
    report.childCpuUserMs = last.childCpuUserMs;
    report.childCpuSystemMs = last.childCpuSystemMs;
    const peaks = measured.map((s) => s.peakRssBytes ?? s.rssBytes).filter((x): x is number => x !== null);
    report.peakRssBytes = peaks.length > 0 ? Math.max(...peaks) : null;
    report.peakRssFinal = report.final && final!.peakRssBytes !== null;
    const threads = measured.map((s) => s.threads).filter((x): x is number => x !== null);
    report.peakThreads = threads.length > 0 ? Math.max(...threads) : null;
  }
  report.detail = report.final
    ? `final figures of PID ${report.pid}, read as it exited`
    : last === null
      ? `PID ${report.pid} exited before any figures could be read`
      : `PID ${report.pid} was reaped before its final figures could be read: these are the last read, ${Math.round(report.figuresAgeMs ?? 0)} ms before its exit`;

  const text = json ? JSON.stringify(report, null, 2) + '\n' : human(report, measured, style, tty);
  if (out !== undefined) {
    fs.writeFileSync(out, text);
    return { code: report.status };
  }
  return { code: report.status, stderr: text };
}

function human(r: RunReport, samples: UsageSample[], style: ReturnType<typeof styleFor>, tty: boolean): string {
  const approx = r.final ? '' : '≥ ';
  const lines: string[] = [];
  lines.push(paint(style, 'bold', `pidproof run: ${safe(r.command.map((a) => (/[\s"']/.test(a) ? JSON.stringify(a) : a)).join(' '))}`));
  const status = r.signal !== null ? `killed by ${r.signal} (${r.status})` : String(r.exitCode);
  const kv = (k: string, v: string) => lines.push(`  ${k.padEnd(14)}${v}`);
  kv('exit status', paint(style, r.status === 0 ? 'green' : 'red', status));
  kv('wall time', formatCpu(r.wallMs));
  const kids = r.childCpuUserMs !== null && r.childCpuSystemMs !== null && r.childCpuUserMs + r.childCpuSystemMs > 0
    ? `   (its waited-for children: user ${formatCpu(r.childCpuUserMs)}, system ${formatCpu(r.childCpuSystemMs)})`
    : '';
  kv('user CPU', r.cpuUserMs === null ? '-' : approx + formatCpu(r.cpuUserMs) + kids);
  kv('system CPU', r.cpuSystemMs === null ? '-' : approx + formatCpu(r.cpuSystemMs));
  if (r.cpuTotalMs !== null && r.wallMs > 0) kv('CPU', `${approx}${((r.cpuTotalMs / r.wallMs) * 100).toFixed(0)} % of one CPU`);
  kv(
    'peak RSS',
    r.peakRssBytes === null
      ? '-'
      : r.peakRssFinal
        ? formatBytes(r.peakRssBytes)
        : `≥ ${formatBytes(r.peakRssBytes)}${r.final ? ' (the last read before the exit: this OS keeps no peak after it)' : ''}`,
  );
  kv('peak threads', r.peakThreads === null ? '-' : String(r.peakThreads));
  kv('samples', `${r.samples}, one every ${formatCpu(r.intervalMs)}, pinned to PID ${r.pid}`);
  if (!r.final) lines.push(`  ${paint(style, 'yellow', r.detail)}`);
  if (tty) {
    const width = Math.max(10, Math.min(60, style.width - 8));
    const cpu: number[] = samples.filter((s) => s.cpuPercent !== null).map((s) => s.cpuPercent!);
    const mem: number[] = samples.filter((s) => s.rssBytes !== null).map((s) => s.rssBytes!);
    if (cpu.length > 1) lines.push(`  cpu  ${paint(style, 'cyan', sparkline(cpu, width))}  max ${Math.max(...cpu).toFixed(0)} %`);
    if (mem.length > 1) lines.push(`  mem  ${paint(style, 'magenta', sparkline(mem, width))}  max ${formatBytes(Math.max(...mem))}`);
  }
  return lines.join('\n') + '\n';
}
