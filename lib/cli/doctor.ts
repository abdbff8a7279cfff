/** `pidproof doctor <dir...> [--recursive] [--pattern GLOB]... [--fix] [--json]`. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_LOCK_PATTERNS, fixLocks, scanLocks, summarizeLocks } from '../index';
import type { DoctorEntry, DoctorProgress, DoctorSummary } from '../index';
import { type Column, formatAge, paint, type Paint, type Style, styleFor, table, verdictPaint } from './format';
import { type CommandResult, UsageError } from './usage';

export const DOCTOR_HELP = `Usage: pidproof doctor <dir...> [--recursive] [--pattern GLOB]... [--fix] [--json]

Scans directories for lock files of every format pidproof judges (pidproof locks, OpenClaw
session locks *.jsonl.lock, bare PID files) and reports each one: holder PID, verdict, age, stale
reasons and the action taken. Symbolic links are never followed (they are reported as skipped).

--fix removes only provably stale locks (dead, recycled, zombie or other-boot holder, expired
lease or hold), each through the same race-free reclaim path as an acquire (kernel lock, guard,
inode check), never with a plain unlink: a lock a live process takes meanwhile is kept. Live,
foreign and unreadable ("unknown") locks are never removed.

Exit codes: 0 healthy (or every stale lock was fixed), 1 stale locks found and not fixed,
2 error (bad usage, a directory that does not exist).

Options:
  -r, --recursive     descend into subdirectories (never through symlinks)
  -p, --pattern GLOB  base-name glob, repeatable: * ? [abc] [!abc] {a,b}
                      (default: ${DEFAULT_LOCK_PATTERNS.join(' ')}; *.lock covers *.jsonl.lock)
      --fix           remove the stale locks (safely, see above)
      --json          one JSON object: {version: 1, scannedAt, dirs, entries, summary, ...}
  -h, --help          this help

Examples:
  pidproof doctor /var/run/myapp
  pidproof doctor ~/.openclaw/agents --recursive --pattern '*.jsonl.lock'
  pidproof doctor /tmp/locks --fix
  pidproof doctor /srv/locks -r --json | jq '.entries[] | select(.reclaimable)'
`;

/** The `--json` document (format version 1; see the README for the schema). */
export interface DoctorReport {
  version: 1;
  scannedAt: string;
  durationMs: number;
  dirs: string[];
  options: { recursive: boolean; patterns: string[]; fix: boolean };
  entries: DoctorEntry[];
  summary: DoctorSummary;
  exitCode: number;
}

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

function actionPaint(a: DoctorEntry['action']): Paint {
  switch (a) {
    case 'removed':
      return 'green';
    case 'remove':
    case 'failed':
      return 'red';
    case 'skipped':
      return 'yellow';
    default:
      return 'dim';
  }
}

function reasonsOf(e: DoctorEntry): string {
  if (e.error) return e.error;
  if (e.staleReasons.length) return e.staleReasons.join(', ');
  if (e.note) return e.note;
  if (e.verdict === 'unknown' || e.verdict === 'foreign') return e.detail;
  return '-';
}

function verdictOf(e: DoctorEntry): string {
  if (e.action === 'skipped') return '-';
  return e.verdict;
}

/** The table and summary line for people. */
export function renderDoctor(entries: DoctorEntry[], s: DoctorSummary, dirs: string[], ms: number, fix: boolean, style: Style): string {
  let out = '';
  if (entries.length > 0) {
    const cols: Column<DoctorEntry>[] = [
      { header: 'PATH', get: (e) => displayPath(e.path), shrink: true },
      { header: 'PID', get: (e) => (e.pid === null ? '-' : String(e.pid)), align: 'right' },
      { header: 'FORMAT', get: (e) => (e.kind === 'lock' ? e.format : e.kind) },
      { header: 'VERDICT', get: verdictOf, paint: (e) => (e.action === 'skipped' ? 'dim' : verdictPaint(e.verdict)) },
      { header: 'AGE', get: (e) => formatAge(e.ageMs), align: 'right' },
      { header: 'REASONS', get: reasonsOf, shrink: true, paint: (e) => (e.staleReasons.length ? 'red' : e.error ? 'yellow' : 'dim') },
      { header: 'ACTION', get: (e) => e.action, paint: (e) => actionPaint(e.action) },
    ];
    out += table(cols, entries, style) + '\n';
  }
  const parts: string[] = [];
  parts.push(`${s.live} live`);
  const stale = `${s.stale} stale`;
  parts.push(s.stale ? paint(style, 'red', stale) + (fix ? ` (${s.removed} removed${s.failed ? `, ${s.failed} failed` : ''})` : '') : stale);
  if (s.unknown) parts.push(paint(style, 'yellow', `${s.unknown} unknown/foreign (never removed automatically)`));
  const other = s.locks - s.live - s.unknown - s.byVerdictStale();
  void other;
  if (s.skipped) parts.push(`${s.skipped} skipped`);
  const where = dirs.length === 1 ? displayPath(dirs[0]) || '.' : `${dirs.length} directories`;
  out += `${s.locks} lock file${s.locks === 1 ? '' : 's'} in ${where}: ${parts.join(', ')} ${paint(style, 'dim', `· ${formatAge(ms)}`)}\n`;
  if (!fix && s.remaining > 0) {
    out += paint(style, 'dim', `Run with --fix to remove the ${s.remaining} stale one${s.remaining === 1 ? '' : 's'} (through the race-free reclaim path).`) + '\n';
  }
  return out;
}
