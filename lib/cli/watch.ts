/** `pidproof watch <pid | lockfile> [--timeout SECONDS] [--json]`. */
import { inspectLock, ownerStatus, processIdentity, watchExit } from '../index';
import type { ExitInfo, LockInspection, OwnerRecord } from '../index';
import { formatAge, paint, safeDeep, styleFor, wrap } from './format';
import { type CommandResult, parseCommandArgs, UsageError } from './usage';
import { commandLabel, holderRecord, pidOrLock, pinnable } from './holder';

export const WATCH_HELP = `Usage: pidproof watch <pid | lockfile> [--timeout SECONDS] [--json]

Blocks until that exact process exits, then prints how long it waited. A PID is pinned to the
process holding it now (a recycled PID never fools it). For a lock file, the holder is watched,
pinned to the identity recorded in the lock (pidproof locks and stamps, foreign records with a
starttime such as OpenClaw's; another boot's record is gone at once);
for a bare PID file or a legacy lock without a start token, whatever process holds that PID now.
A missing lock file, or one with no holder or a dead holder, returns at once and says so.

A pidproof lock held from another PID namespace (another container) of this kernel is watched
through its kernel lock: the command returns when the kernel releases it.

Exit codes: 0 it exited (or was already gone), 1 timeout, 2 error (bad usage, a holder on
another host, or in another PID namespace without a kernel lock, which cannot be watched here).

Options:
  -t, --timeout SECONDS  give up after this long (decimals allowed)
      --json             one JSON object: {target, path, pid, reason, waitedMs, exitedAt, timedOut}
  -h, --help             this help

Examples:
  pidproof watch 4242
  pidproof watch /var/run/myapp.lock --timeout 30
  pidproof watch ~/.openclaw/agents/main/sessions/abc.jsonl.lock --json
`;


function parseTimeout(s: string | undefined): number | null {
  if (s === undefined) return null;
  const n = Number(s);
  if (s.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 2_000_000) {
    throw new UsageError(`--timeout must be a positive number of seconds, got ${JSON.stringify(s)}`);
  }
  return n * 1000;
}

/** What `watch --json` prints. */
interface WatchReport {
  target: string;
  /** The lock file watched, or null for a PID. */
  path: string | null;
  pid: number | null;
  /** ExitInfo.reason, or `no-lock` / `no-holder` for a lock file with nothing to wait for, or `timeout`. */
  reason: string;
  waitedMs: number;
  exitedAt: number | null;
  timedOut: boolean;
  detail: string;
}

/** The record to watch for a lock's holder, or its PID number when it has no identity to pin. */
function holderTarget(i: LockInspection): { target: OwnerRecord | number; pinned: boolean } | null {
  const rec = holderRecord(i);
  if (rec === null) return null;
  return pinnable(rec) ? { target: rec, pinned: true } : { target: rec.pid, pinned: false };
}

const GONE: Record<string, string> = {
  dead: 'was not running',
  zombie: 'had already exited (a zombie)',
  recycled: 'had already exited (its PID now names another process)',
  'other-boot': 'belongs to an earlier boot',
  exited: 'exited',
};

export async function watchCommand(argv: string[]): Promise<CommandResult> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      timeout: { type: 'string', short: 't' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    { positional: 'PID or lock file', dashed: true, placeholders: { timeout: 'SECONDS' } },
  );
  if (values.help) return { code: 0, stdout: WATCH_HELP };
  if (positionals.length !== 1) throw new UsageError(`expected one PID or lock file, got ${positionals.length}`);
  const timeoutMs = parseTimeout(values.timeout);
  const arg = positionals[0];
  const style = styleFor(process.stdout);
  const report: WatchReport = {
    target: arg,
    path: null,
    pid: null,
    reason: '',
    waitedMs: 0,
    exitedAt: null,
    timedOut: false,
    detail: '',
  };
  const done = (code: number): CommandResult => {
    if (values.json) return { code, stdout: JSON.stringify(report, null, 2) + '\n' };
    return { code, stdout: wrap(report.detail, style.width, '  ', '').join('\n') + '\n' };
  };

  let target: OwnerRecord | number;
  let who: string;
  const parsed = pidOrLock(arg, values.json === true);
  if ('pid' in parsed) {
    report.pid = parsed.pid;
    target = parsed.pid;
    who = `PID ${parsed.pid}`;
  } else {
    const { raw, shown: i } = parsed;
    report.path = raw.path;
    if (!i.exists) {
      report.reason = 'no-lock';
      report.detail = `${i.path}: no lock file, nothing to wait for`;
      return done(0);
    }
    const t = holderTarget(raw);
    report.pid = t ? (typeof t.target === 'number' ? t.target : t.target.pid) : null;
    if (!t) {
      report.reason = 'no-holder';
      report.detail = `${i.path}: no holder to wait for (${i.detail})`;
      return done(0);
    }
    if (i.verdict === 'foreign') {
      throw new Error(`cannot watch the holder of ${i.path}: ${i.detail}`);
    }
    if (i.kernelHeld === true && typeof t.target === 'object' && ownerStatus(t.target).verdict === 'foreign') {
      // A holder in another PID namespace (or host name) of this kernel: its PID means nothing
      // here, but its kernel lock does. Wait for the kernel to release it.
      return waitKernelRelease(raw, report, timeoutMs, style, values.json === true, done);
    }
    if (['dead', 'recycled', 'zombie', 'other-boot'].includes(i.verdict) && i.kernelHeld !== true) {
      report.reason = i.verdict;
      report.detail = `${i.path}: its holder PID ${report.pid} ${GONE[i.verdict] ?? i.verdict}; nothing to wait for`;
      return done(0);
    }
    target = t.target;
    who = `PID ${report.pid}${commandLabel(i)}, holder of ${i.path}${t.pinned ? '' : ' (no start token recorded: watching whatever process holds the PID now)'}`;
  }

  const ac = new AbortController();
  const timer = timeoutMs === null ? undefined : setTimeout(() => ac.abort(), timeoutMs);
  const t0 = performance.now();
  if (process.stderr.isTTY && !values.json) {
    const id = typeof target === 'number' ? processIdentity(target) : null;
    const state = id ? ` [${id.state ?? 'running'}]` : '';
    process.stderr.write(paint(styleFor(process.stderr), 'dim', `waiting for ${who}${state}…`) + '\n');
  }
  let info: ExitInfo;
  try {
    info = await watchExit(target, { signal: ac.signal, ref: true });
  } catch (err) {
    if (ac.signal.aborted && (err as { name?: string }).name === 'AbortError') {
      report.reason = 'timeout';
      report.timedOut = true;
      report.waitedMs = Math.round(performance.now() - t0);
      report.detail = `${who} ${paint(style, 'yellow', 'still running')} after ${formatAge(report.waitedMs)} (timeout)`;
      return done(1);
    }
    throw err;
  } finally {
    if (timer) clearTimeout(timer);
  }
  report.reason = info.reason;
  report.waitedMs = Math.round(info.waitedMs);
  report.exitedAt = info.exitedAt;
  report.detail =
    info.reason === 'exited'
      ? `${who} ${paint(style, 'green', 'exited')} after ${formatAge(info.waitedMs)}`
      : `${who} ${GONE[info.reason] ?? info.reason}; nothing to wait for`;
  return done(0);
}

/** Polls the kernel lock of a lock file whose holder cannot be pinned here (25 ms growing to 250 ms). */
async function waitKernelRelease(
  first: LockInspection,
  report: WatchReport,
  timeoutMs: number | null,
  style: ReturnType<typeof styleFor>,
  json: boolean,
  done: (code: number) => CommandResult,
): Promise<CommandResult> {
  const token = (first.holder as { token?: unknown } | null)?.token;
  const shown = json ? first : safeDeep(first);
  const who = `PID ${report.pid}, holder of ${shown.path} (${shown.detail.replace(/ holds its kernel lock.*$/, '')})`;
  if (process.stderr.isTTY && !json) {
    process.stderr.write(paint(styleFor(process.stderr), 'dim', `waiting for ${who} to release its kernel lock…`) + '\n');
  }
  const t0 = performance.now();
  for (let delay = 25; ; delay = Math.min(250, Math.ceil(delay * 1.5))) {
    const waited = performance.now() - t0;
    if (timeoutMs !== null && waited >= timeoutMs) {
      report.reason = 'timeout';
      report.timedOut = true;
      report.waitedMs = Math.round(waited);
      report.detail = `${who} ${paint(style, 'yellow', 'still holds it')} after ${formatAge(report.waitedMs)} (timeout)`;
      return done(1);
    }
    await new Promise((r) => setTimeout(r, timeoutMs === null ? delay : Math.min(delay, timeoutMs - waited)));
    const now = inspectLock(first.path);
    const sameHolding = now.exists && (now.holder as { token?: unknown } | null)?.token === token;
    if (!sameHolding || now.kernelHeld !== true) {
      report.reason = 'exited';
      report.waitedMs = Math.round(performance.now() - t0);
      report.exitedAt = Date.now();
      report.detail = `${who} ${paint(style, 'green', sameHolding ? 'released its kernel lock' : 'no longer holds the lock')} after ${formatAge(report.waitedMs)}`;
      return done(0);
    }
  }
}
