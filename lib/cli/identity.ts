/** `pidproof identity [pid ...] [--json]`. */
import { processIdentity, selfIdentity } from '../index';
import type { ProcessIdentity } from '../types';
import { type Column, fitsTable, formatTime, joinWrapped, paint, styleFor, table, verdictPaint } from './format';
import { type CommandResult, parseCommandArgs } from './usage';
import { parsePid } from './holder';

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


export function identityCommand(argv: string[]): CommandResult {
  const { values, positionals } = parseCommandArgs(
    argv,
    { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    { positional: 'PID' },
  );
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
  type Row = { pid: number; id: ProcessIdentity | null };
  const cols = (units: boolean): Column<Row>[] => [
    { header: 'PID', get: (r) => String(r.pid), align: 'right', title: (r) => `PID ${r.pid}` },
    {
      header: 'STATE',
      get: (r) => (r.id ? (r.id.state ?? 'unknown') : 'no such process'),
      paint: (r) => (r.id ? verdictPaint(r.id.state ?? 'unknown') : 'red'),
    },
    { header: 'STARTED', get: (r) => formatTime(r.id?.startTimeMs ?? null) },
    // Identifiers are never shortened: a truncated token identifies nothing.
    { header: 'START TOKEN', get: (r) => (r.id?.startToken ? `${r.id.startToken}${units ? ` ${r.id.startTokenUnit}` : ''}` : '-') },
    { header: 'UNIQUE ID', get: (r) => (r.id?.uniqueId ? `${r.id.uniqueId}${units ? ` ${r.id.uniqueIdKind}` : ''}` : '-') },
    { header: 'PPID', get: (r) => (r.id?.ppid != null ? String(r.id.ppid) : '-'), align: 'right' },
    { header: 'ACCESS', get: (r) => r.id?.access ?? '-' },
  ];
  // Units in the cells when they fit; else in the footer (one unit of each kind per machine);
  // else one block per process (table() stacks what does not fit).
  const withUnits = fitsTable(cols(true), ids, style.width) || !fitsTable(cols(false), ids, style.width);
  let out = table(cols(withUnits), ids, style) + '\n';
  const scope = ids.find((x) => x.id)?.id;
  if (scope) {
    const items = [`host ${scope.hostname}`, `boot ${scope.bootId ?? 'unknown'}`, `pid namespace ${scope.pidNamespace ?? '-'}`, scope.platform];
    if (!withUnits) {
      const units = [...new Set(ids.flatMap((x) => (x.id?.startTokenUnit ? [`start token: ${x.id.startTokenUnit}`] : [])))];
      const kinds = [...new Set(ids.flatMap((x) => (x.id?.uniqueIdKind ? [`unique id: ${x.id.uniqueIdKind}`] : [])))];
      items.push(...units, ...kinds);
    }
    out += joinWrapped(items, ' · ', style.width).map((l) => paint(style, 'dim', l) + '\n').join('');
  }
  return { code, stdout: out, stderr };
}
