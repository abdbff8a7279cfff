/** `pidproof kill [-s SIGNAL] [--grace SECONDS] [--json] <pid | lockfile | pidfile>`. */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { signalProcess, terminateProcess, WatchError } from '../index';
import type { LockFormat, OwnerRecord, SignalResult } from '../index';
import { formatAge, paint, safe, styleFor, verdictPaint } from './format';
import { type CommandResult, UsageError } from './usage';
import { commandLabel, holderRecord, pidOrLock } from './holder';

export const KILL_HELP = `Usage: pidproof kill [-s SIGNAL] [--grace SECONDS] [--json] <pid | lockfile | pidfile>

Signals the process that a lock file, a PID file or a PID names, only while it is still that
process. For a lock or PID file the recorded holder is signalled only when the live process at
its PID is proven to be it (same unique id or start token); a dead, recycled or stale holder gets
nothing, and neither does the unrelated process that inherited its PID. A PID is pinned to the
process holding it now. Lock files: pidproof locks and stamps, foreign records (OpenClaw's
session locks, records written from other languages), judged by their scope first (another
boot, host or PID namespace is never signalled); a PID file is a file holding only a PID.

A bare PID file records no start time, so its holder can be proven gone (a process that started
after the file was written holds the PID now: exit 1) but never proven to be the same process:
pidproof then sends nothing (exit 2). "pidproof kill <pid>" signals whatever holds the PID now.

How: on Linux the check and the send use one pidfd (pidfd_send_signal: no window); on Windows one
process handle (TerminateProcess; only TERM and KILL exist there, both end the process at once);
macOS and FreeBSD check, kill(2) and check again (a window of microseconds, reported if it bit).

Exit codes: 0 sent (with --grace: sent, and the process is gone), 1 nothing to signal (no such
process, recycled, exited, no lock file, a stale lock), 2 not provable (unknown: nothing
comparable recorded; foreign: another host or PID namespace), an error (permission denied, a
signal the OS cannot deliver) or bad usage.

Options:
  -s, --signal SIGNAL  a name (TERM, SIGTERM, hup) or number; default TERM; 0 only checks
  -g, --grace SECONDS  then wait for the exit; after SECONDS send SIGKILL; return once it is gone
      --json           one JSON object: {target, path, format, pid, signal, sent, verdict,
                       detail, graceMs, exited, reason, waitedMs, signalsSent}
  -h, --help           this help

Examples:
  pidproof kill 4242
  pidproof kill -s HUP /run/nginx.pid
  pidproof kill --grace 10 /var/lib/app/server.lock
  pidproof kill -s 0 --json ~/.openclaw/agents/main/sessions/abc.jsonl.lock
`;

/** What `kill --json` prints. */
interface KillReport {
  target: string;
  /** The lock or PID file, absolute; null for a PID. */
  path: string | null;
  format: LockFormat | null;
  pid: number | null;
  signal: string;
  /** A signal was delivered to the proven process. */
  sent: boolean;
  /** `alive` when sent; else why not (dead, recycled, zombie, other-boot, foreign, unknown), or `no-lock`. */
  verdict: string;
  detail: string;
  /** --grace: the grace in ms; null without it. */
  graceMs: number | null;
  /** --grace: the process is gone. */
  exited: boolean | null;
  /** --grace: ExitInfo.reason (`exited`, or `dead`/`zombie`/`recycled`/`other-boot` when already gone). */
  reason: string | null;
  waitedMs: number | null;
  /** --grace: the signals delivered, in order. */
  signalsSent: string[];
}


/** TERM, SIGTERM, term, 15, 0 -> the name or number signalProcess takes. */
function parseSignalArg(s: string): NodeJS.Signals | number {
  const signals = os.constants.signals as unknown as Record<string, number>;
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    if (n === 0 || Object.values(signals).includes(n)) return n;
    throw new UsageError(`-s ${s}: not a signal number of this OS`);
  }
  const up = s.toUpperCase();
  const name = up.startsWith('SIG') ? up : `SIG${up}`;
  if (Object.prototype.hasOwnProperty.call(signals, name)) return name as NodeJS.Signals;
  throw new UsageError(`-s ${s}: not a signal of this OS (try TERM, HUP, INT, KILL, USR1 or a number)`);
}

function parseGrace(s: string | undefined): number | null {
  if (s === undefined) return null;
  const n = Number(s);
  if (s.trim() === '' || !Number.isFinite(n) || n < 0 || n > 2_000_000) {
    throw new UsageError(`--grace must be a non-negative number of seconds, got ${JSON.stringify(s)}`);
  }
  return n * 1000;
}

function signalName(sig: NodeJS.Signals | number): string {
  if (typeof sig === 'string') return sig;
  if (sig === 0) return '0';
  const signals = os.constants.signals as unknown as Record<string, number>;
  return Object.keys(signals).find((k) => signals[k] === sig) ?? String(sig);
}

/** Exit code of a signalProcess result: sent 0; provably nothing to signal 1; not provable 2. */
function codeOf(verdict: string, sent: boolean): number {
  if (sent) return 0;
  return verdict === 'unknown' || verdict === 'foreign' ? 2 : 1;
}

export async function killCommand(argv: string[]): Promise<CommandResult> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      signal: { type: 'string', short: 's' },
      grace: { type: 'string', short: 'g' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { code: 0, stdout: KILL_HELP };
  if (positionals.length !== 1) throw new UsageError(`expected one PID, lock file or PID file, got ${positionals.length}`);
  const sig = values.signal === undefined ? 'SIGTERM' : parseSignalArg(values.signal);
  const graceMs = parseGrace(values.grace);
  if (graceMs !== null && sig === 0) throw new UsageError('--grace needs a signal that asks the process to stop, not 0');
  const arg = positionals[0];
  const style = styleFor(process.stdout);
  const report: KillReport = {
    target: arg,
    path: null,
    format: null,
    pid: null,
    signal: signalName(sig),
    sent: false,
    verdict: '',
    detail: '',
    graceMs,
    exited: null,
    reason: null,
    waitedMs: null,
    signalsSent: [],
  };
  const done = (code: number): CommandResult => {
    if (values.json) return { code, stdout: JSON.stringify(report, null, 2) + '\n' };
    return { code, stdout: report.detail + '\n' };
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
    report.format = i.exists ? i.format : null;
    if (!i.exists) {
      report.verdict = 'no-lock';
      report.detail = `${i.path}: no such file; nothing to signal`;
      return done(1);
    }
    const rec = holderRecord(raw);
    if (rec === null) {
      report.verdict = 'unknown';
      report.detail = `${i.path}: ${i.detail}; nothing sent`;
      return done(2);
    }
    report.pid = rec.pid;
    target = rec;
    who = `PID ${rec.pid}${commandLabel(i)}, ${i.format === 'pidfile' ? 'named by' : 'holder of'} ${i.path}`;
  }

  if (graceMs === null) {
    const r: SignalResult = signalProcess(target, sig);
    report.sent = r.sent;
    report.verdict = r.verdict;
    const prefix = typeof target === 'number' ? '' : `${who}: `;
    const rd = values.json ? r.detail : safe(r.detail);
    report.detail = r.sent
      ? `${prefix}${paint(style, 'green', sig === 0 ? 'alive' : 'sent')}: ${rd}`
      : `${prefix}${paint(style, verdictPaint(r.verdict), r.verdict)}: ${rd}`;
    return done(codeOf(r.verdict, r.sent));
  }

  if (process.stderr.isTTY && !values.json) {
    process.stderr.write(paint(styleFor(process.stderr), 'dim', `stopping ${who} (${report.signal}, then SIGKILL after ${formatAge(graceMs)})…`) + '\n');
  }
  let info;
  try {
    info = await terminateProcess(target, { termSignal: sig, graceMs, ref: true });
  } catch (err) {
    if (err instanceof WatchError && (err.code === 'EFOREIGN' || err.code === 'EUNKNOWNIDENTITY')) {
      report.verdict = err.code === 'EFOREIGN' ? 'foreign' : 'unknown';
      report.detail = `${who}: ${paint(style, 'yellow', report.verdict)}: ${values.json ? err.message : safe(err.message)}`;
      return done(2);
    }
    throw err;
  }
  report.exited = true;
  report.reason = info.reason;
  report.waitedMs = Math.round(info.waitedMs);
  report.signalsSent = info.signalsSent;
  report.sent = info.signalsSent.length > 0;
  if (!report.sent) {
    report.verdict = info.reason === 'exited' ? 'dead' : info.reason;
    const why: Record<string, string> = {
      dead: 'no process has that PID',
      zombie: 'it had already exited (a zombie)',
      recycled: 'its PID now names another process',
      'other-boot': 'it belongs to an earlier boot',
      exited: 'it exited before anything was sent',
    };
    report.detail = `${who}: ${paint(style, verdictPaint(report.verdict), report.verdict)}: ${why[info.reason] ?? info.reason}; nothing sent`;
    return done(1);
  }
  report.verdict = 'alive';
  const steps =
    info.signalsSent.length > 1
      ? `${info.signalsSent[0]} sent; still running after ${formatAge(graceMs)}, so ${info.signalsSent.slice(1).join(', ')} sent`
      : `${info.signalsSent[0]} sent`;
  report.detail = `${who}: ${steps}; ${paint(style, 'green', 'exited')} after ${formatAge(info.waitedMs)}`;
  return done(0);
}
