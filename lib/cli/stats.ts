/** `pidproof stats <pid | lockfile> [--interval DURATION] [--count N] [--json]` (issue 23). */
import { watchUsage, WatchError } from '../index';
import type { OwnerRecord, UsageSample } from '../index';
import { paint, safe, styleFor, type Style } from './format';
import { commandLabel, holderRecord, pidOrLock, pinnable } from './holder';
import { type CommandResult, parseCommandArgs, parseDuration, UsageError } from './usage';

export const STATS_HELP = `Usage: pidproof stats <pid | lockfile> [--interval DURATION] [--count N] [--json]

Samples a process's CPU and memory every interval until it exits: a compact table on a terminal,
JSON lines otherwise (or with --json). The process is pinned when the command starts (a Linux
pidfd and its open /proc files, a Windows process handle; macOS and FreeBSD compare its identity
in every read), so a PID that is recycled meanwhile is never read: the last line says it exited.
For a lock file, its holder is sampled, pinned to the identity the lock recorded. Nothing is ever
spawned to read the figures.

Columns: cpu% (100 = one CPU busy; empty on the first line), user and system CPU time, resident
set (rss), peak rss, virtual size, threads, minor/major page faults. A figure the OS cannot give
is "-", never 0.

Exit codes: 0 sampled until it exited (or --count lines), 1 nothing to sample (no such process,
no lock file, a lock without a live holder), 2 bad usage or an error (a holder on another host).

Options:
  -i, --interval DURATION  time between samples: 500ms, 2s, 1m (a bare number is seconds);
                           default 1s
  -n, --count N            stop after N samples
      --json               JSON lines (one UsageSample per line) even on a terminal
  -h, --help               this help

Examples:
  pidproof stats 4242
  pidproof stats --interval 250ms --count 20 4242
  pidproof stats /var/run/myapp.lock --json
`;

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** "12.3 MiB": a byte count for people; "-" when unknown. */
export function formatBytes(n: number | null): string {
  if (n === null) return '-';
  let v = n;
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${v} B` : `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${UNITS[u]}`;
}

/** "1.234 s", "12 ms": a CPU time for people; "-" when unknown. */
export function formatCpu(ms: number | null): string {
  if (ms === null) return '-';
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(2) : ms.toFixed(0)} ms`;
  if (ms < 600_000) return `${(ms / 1000).toFixed(3)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

/** A positive integer option, or a UsageError naming it. */
function parseCount(s: string | undefined): number | null {
  if (s === undefined) return null;
  if (!/^[1-9]\d{0,8}$/.test(s)) throw new UsageError(`--count must be a positive integer, got ${JSON.stringify(s)}`);
  return Number(s);
}

/** The interval option: at least 1 ms. */
export function parseInterval(s: string | undefined, fallbackMs: number): number {
  if (s === undefined) return fallbackMs;
  const ms = parseDuration(s, '--interval');
  if (ms < 1) throw new UsageError(`--interval must be at least 1ms, got ${JSON.stringify(s)}`);
  if (ms > 2147483647) throw new UsageError(`--interval ${JSON.stringify(s)} is too long`);
  return ms;
}

interface Col {
  header: string;
  width: number;
  get: (s: UsageSample) => string;
}

const COLUMNS: Col[] = [
  { header: 'time', width: 8, get: () => '' },
  { header: 'cpu%', width: 6, get: (s) => (s.cpuPercent === null ? '' : s.cpuPercent.toFixed(1)) },
  { header: 'user', width: 9, get: (s) => formatCpu(s.cpuUserMs) },
  { header: 'system', width: 9, get: (s) => formatCpu(s.cpuSystemMs) },
  { header: 'rss', width: 9, get: (s) => formatBytes(s.rssBytes) },
  { header: 'peak rss', width: 9, get: (s) => formatBytes(s.peakRssBytes) },
  { header: 'virtual', width: 9, get: (s) => formatBytes(s.virtualBytes) },
  { header: 'threads', width: 7, get: (s) => (s.threads === null ? '-' : String(s.threads)) },
  { header: 'faults', width: 13, get: (s) => `${s.minorFaults ?? '-'}/${s.majorFaults ?? '-'}` },
];

function row(cells: string[], style: Style, bold = false): string {
  const line = cells.map((c, i) => (i === 0 ? c.padEnd(COLUMNS[i].width) : c.padStart(COLUMNS[i].width))).join('  ').trimEnd();
  return bold ? paint(style, 'bold', line) : line;
}

function elapsed(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)}s` : `${Math.floor(ms / 60_000)}m${((ms % 60_000) / 1000).toFixed(0).padStart(2, '0')}s`;
}

export async function statsCommand(argv: string[]): Promise<CommandResult> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      interval: { type: 'string', short: 'i' },
      count: { type: 'string', short: 'n' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    { positional: 'PID or lock file', dashed: true, placeholders: { interval: 'DURATION', count: 'N' } },
  );
  if (values.help) return { code: 0, stdout: STATS_HELP };
  if (positionals.length !== 1) throw new UsageError(`expected one PID or lock file, got ${positionals.length}`);
  const intervalMs = parseInterval(values.interval, 1000);
  const count = parseCount(values.count);
  const json = values.json === true || !process.stdout.isTTY;
  const style = styleFor(process.stdout);

  let target: OwnerRecord | number;
  let who: string;
  const parsed = pidOrLock(positionals[0], json);
  if ('pid' in parsed) {
    target = parsed.pid;
    who = `PID ${parsed.pid}`;
  } else {
    const { raw, shown: i } = parsed;
    const rec = raw.exists ? holderRecord(raw) : null;
    if (!raw.exists || rec === null) {
      const detail = !raw.exists ? `${i.path}: no lock file, nothing to sample` : `${i.path}: no holder to sample (${i.detail})`;
      return json
        ? { code: 1, stdout: JSON.stringify({ pid: null, measured: false, final: true, reason: 'dead', detail }) + '\n' }
        : { code: 1, stderr: `${detail}\n` };
    }
    if (i.verdict === 'foreign') throw new Error(`cannot sample the holder of ${i.path}: ${i.detail}`);
    target = pinnable(rec) ? rec : rec.pid;
    who = `PID ${rec.pid}${commandLabel(i)}, holder of ${i.path}`;
  }

  let w;
  try {
    w = watchUsage(target, { intervalMs });
  } catch (err) {
    if (err instanceof WatchError) throw new Error(err.message);
    throw err;
  }
  const out = process.stdout;
  const t0 = performance.now();
  let n = 0;
  let code = 0;
  if (!json) {
    out.write(`${safe(who)}: a sample every ${formatCpu(intervalMs).replace(/\.000 s$/, ' s')}${count !== null ? `, ${count} at most` : ''}\n`);
    out.write(row(COLUMNS.map((c) => c.header), style, true) + '\n');
  }
  for await (const s of w) {
    n++;
    if (json) {
      out.write(JSON.stringify(s) + '\n');
    } else if (s.measured) {
      const cells = COLUMNS.map((c) => c.get(s));
      cells[0] = elapsed(performance.now() - t0);
      out.write(row(cells, style) + (s.final ? `  ${paint(style, 'dim', 'final')}` : '') + '\n');
    }
    if (s.final) {
      if (!s.measured && n === 1) code = 1; // nothing was ever sampled
      if (!json) {
        const colour = s.reason === 'exited' || s.reason === 'zombie' ? 'green' : 'yellow';
        out.write(`${paint(style, colour, s.reason ?? 'ended')}: ${safe(s.detail ?? '')}\n`);
      }
      break;
    }
    if (count !== null && n >= count) break;
  }
  return { code };
}
