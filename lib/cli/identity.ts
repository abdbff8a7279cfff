/** `pidproof identity [pid ...] [--json]`. */
import { parseArgs } from 'node:util';
import { processIdentity, selfIdentity } from '../index';
import type { ProcessIdentity } from '../types';
import { type Column, formatTime, paint, styleFor, table, verdictPaint } from './format';
import { UsageError, type CommandResult } from './usage';

export const IDENTITY_HELP = `Usage: pidproof identity [pid ...] [--json]

Prints the identity of each PID (default: the pidproof process itself): start token, unique id,
start time, parent, state. A PID that names no process (or names a thread) is reported and makes
the exit code 1.

Options:
  --json     one JSON array, an identity (or null for a missing PID) per argument
  -h, --help this help

Examples:
  pidproof identity
  pidproof identity 1 $$ --json
`;

function parsePid(s: string): number {
  if (!/^[1-9]\d{0,9}$/.test(s) || Number(s) > 2147483647) {
    throw new UsageError(`not a PID: ${JSON.stringify(s)} (expected an integer between 1 and 2147483647)`);
  }
  return Number(s);
}

export function identityCommand(argv: string[]): CommandResult {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return { code: 0, stdout: IDENTITY_HELP };
  const pids = positionals.map(parsePid);
  const ids: Array<{ pid: number; id: ProcessIdentity | null }> =
    pids.length === 0
      ? [{ pid: process.pid, id: selfIdentity() }]
      : pids.map((pid) => ({ pid, id: processIdentity(pid) }));
  const missing = ids.filter((x) => x.id === null).map((x) => x.pid);
  const code = missing.length > 0 ? 1 : 0;
  const stderr = missing.length > 0 ? `pidproof: no such process: ${missing.join(', ')}\n` : '';
  if (values.json) {
    return { code, stdout: JSON.stringify(ids.map((x) => x.id), null, 2) + '\n', stderr };
  }
  const style = styleFor(process.stdout);
  const cols: Column<{ pid: number; id: ProcessIdentity | null }>[] = [
    { header: 'PID', get: (r) => String(r.pid), align: 'right' },
    {
      header: 'STATE',
      get: (r) => (r.id ? (r.id.state ?? 'unknown') : 'no such process'),
      paint: (r) => (r.id ? verdictPaint(r.id.state ?? 'unknown') : 'red'),
    },
    { header: 'STARTED', get: (r) => formatTime(r.id?.startTimeMs ?? null) },
    { header: 'START TOKEN', get: (r) => (r.id?.startToken ? `${r.id.startToken} ${r.id.startTokenUnit}` : '-'), shrink: true },
    { header: 'UNIQUE ID', get: (r) => (r.id?.uniqueId ? `${r.id.uniqueId} ${r.id.uniqueIdKind}` : '-'), shrink: true },
    { header: 'PPID', get: (r) => (r.id?.ppid != null ? String(r.id.ppid) : '-'), align: 'right' },
    { header: 'ACCESS', get: (r) => r.id?.access ?? '-' },
  ];
  let out = table(cols, ids, style) + '\n';
  const scope = ids.find((x) => x.id)?.id;
  if (scope) {
    out += paint(
      style,
      'dim',
      `host ${scope.hostname} · boot ${scope.bootId ?? 'unknown'} · pid namespace ${scope.pidNamespace ?? '-'} · ${scope.platform}`,
    ) + '\n';
  }
  return { code, stdout: out, stderr };
}
