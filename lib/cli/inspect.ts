/** `pidproof inspect <lockfile> [--json]`. */
import { inspectLock } from '../index';
import type { LockInspection, OwnerRecord } from '../index';
import { foreignRecord } from '../record';
import { NO_FILE_BUT_FAILS } from '../lock/inspect';
import { formatAge, formatTime, paint, safeDeep, type Style, styleFor, verdictPaint, wrap } from './format';
import { type CommandResult, EXIT, parseCommandArgs, parseCommandPattern, parseDuration, unjudged, UsageError } from './usage';

export const INSPECT_HELP = `Usage: pidproof inspect <lockfile> [--json] [--reclaim-unknown-after DURATION] [--legacy-command CMD]

Shows who holds a lock file and whether it is stale, without touching it: its format (pidproof,
a foreign record such as OpenClaw's session lock or one written from another language, a bare
PID file), the holder's identity (PID, start token, unique id, host,
boot, command, creation time, age), the verdict, the stale reasons, whether the kernel lock is
held, and what an acquire would do now (take it, reclaim it, or wait).

Exit codes: 0 the lock is healthy (a live holder) or absent, 1 it is stale (an acquire would
reclaim it), 2 error (bad usage, the path is a directory, a symlink..., or it is absent and an
acquire could not create it: an unwritable directory, a read-only or virtual filesystem),
3 it cannot be judged here (not a lock file, unreadable, a live PID with nothing to compare,
another host): an acquire would wait, and it is never reclaimed automatically. A holder in
another PID namespace of this kernel (another container, same boot id) is judged by its kernel
lock.

Options:
  --json                      the inspection as one JSON object (LockInspection plus "acquire")
  --reclaim-unknown-after DURATION
                              judge as an acquire with reclaimUnknownAfterMs would (30m, 90s, 1h)
  --legacy-command CMD        judge a bare PID file as an acquire with legacyCommand would
                              (a substring, or /REGEX/)
  -h, --help                  this help

Examples:
  pidproof inspect /var/run/myapp.lock
  pidproof inspect ~/.openclaw/agents/main/sessions/abc.jsonl.lock --json
`;

/** What an acquire would do now, for people and for --json. */
export interface AcquireOutlook {
  action: 'take' | 'reclaim' | 'wait' | 'fail';
  reason: string;
}

export function acquireOutlook(i: LockInspection): AcquireOutlook {
  if (!i.exists && i.detail.startsWith(NO_FILE_BUT_FAILS)) {
    return { action: 'fail', reason: `no lock file, and it cannot be created: ${i.detail.slice(NO_FILE_BUT_FAILS.length)}` };
  }
  if (!i.exists) return { action: 'take', reason: 'no lock file: it would be taken at once' };
  if (i.reclaimable) {
    return { action: 'reclaim', reason: `stale (${i.staleReasons.join(', ')}): it would be reclaimed at once` };
  }
  const h = i.holder as Record<string, unknown> | null;
  let why: string;
  if (i.kernelHeld === true && ['dead', 'recycled', 'zombie', 'other-boot'].includes(i.verdict)) {
    why = 'its holder is gone but its kernel lock is still held (released a moment after a holder dies, or held by another process)';
  } else if (i.kernelHeld === true) why = 'a live process holds its kernel lock';
  else if (i.verdict === 'foreign') why = 'the holder belongs to another host or PID namespace and cannot be judged here';
  else if (i.verdict === 'unknown') why = 'the holder cannot be judged; pidproof never reclaims without proof';
  else if (i.verdict === 'alive') why = 'the holder is alive';
  else why = i.detail;
  let until = '';
  if (i.format === 'pidproof' && h) {
    const limits: string[] = [];
    if (typeof h.maxHoldMs === 'number' && typeof h.createdAtMs === 'number') {
      limits.push(`its maxHoldMs expires in ${formatAge(Math.max(0, (h.createdAtMs as number) + (h.maxHoldMs as number) - Date.now()))}`);
    }
    if (typeof h.leaseMs === 'number') limits.push(`its lease (${h.leaseMs} ms) lapses without heartbeats`);
    if (limits.length) until = `; until the holder releases or exits, or ${limits.join(', or ')}`;
    else until = '; until the holder releases or exits (it declared no hold limit)';
  } else if (i.verdict === 'alive') {
    until = '; until the holder exits';
  }
  return { action: 'wait', reason: `${why}${until}` };
}

/** A foreign record as pidproof reads it (lib/record.ts), or null when it is invalid. */
function foreignOf(holder: LockInspection['holder']): OwnerRecord | null {
  if (holder === null) return null;
  const r = foreignRecord(holder as Record<string, unknown>);
  return 'record' in r ? r.record : null;
}

/**
 * What the file is, in words: named by its contents, never by a guess at who wrote it. A foreign
 * record with OpenClaw's session-lock keys only is "in OpenClaw's format"; either kind says
 * whether it carries a start stamp (judged exactly) or not (judged by evidence only).
 */
export function formatName(format: LockInspection['format'], foreign: OwnerRecord | null, holder: LockInspection['holder'] = null): string {
  if (format === 'openclaw' || format === 'record') {
    const saved = holder !== null && ('startToken' in holder || 'uniqueId' in holder);
    const what = format === 'openclaw' ? "foreign record, OpenClaw's format" : saved ? 'identity record (a saved ProcessIdentity)' : 'foreign record';
    if (foreign === null) return what;
    return typeof foreign.startToken === 'string'
      ? `${what} · start stamp ${foreign.startTokenUnit}: judged exactly`
      : `${what} · no start stamp: judged by evidence only`;
  }
  return { pidproof: 'pidproof', pidfile: 'bare PID file: judged by evidence only', unknown: 'unknown' }[format];
}

/** `  key        value`, the value wrapped to the width under itself. */
function line(style: Style, key: string, value: string): string {
  return wrap(value, style.width, ' '.repeat(13), `  ${paint(style, 'dim', key.padEnd(10))} `).join('\n') + '\n';
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : null;
}

/** The human rendering of one inspection. */
export function renderInspection(i: LockInspection, style: Style): string {
  let out = paint(style, 'bold', i.path) + '\n';
  if (!i.exists) {
    out += line(style, 'exists', 'no');
    const o = acquireOutlook(i);
    out += line(style, 'acquire', o.action === 'fail' ? paint(style, 'red', `fail: ${o.reason}`) : paint(style, 'green', 'take it at once (no lock file)'));
    return out;
  }
  const foreign = i.format === 'openclaw' || i.format === 'record' ? foreignOf(i.holder) : null;
  // A foreign record's fields as pidproof reads them (its start stamp's unit, its scope).
  const h = (foreign ?? i.holder ?? {}) as Record<string, unknown>;
  const pmode = i.format === 'pidproof' && typeof h.mode === 'string' ? paint(style, 'dim', ` (${h.mode} mode)`) : '';
  out += line(style, 'format', `${formatName(i.format, foreign, i.holder)}${pmode}`);
  if (i.holder) {
    const pid = str(h.pid) ?? '-';
    const cmd = str(h.command);
    out += line(style, 'holder', `PID ${paint(style, 'bold', pid)}${cmd ? ` (${cmd})` : ''}`);
    const token = str(h.startToken);
    const unit = str(h.startTokenUnit);
    if (token) out += line(style, 'start', `${token}${unit ? ` ${unit}` : ''}`);
    const uid = str(h.uniqueId);
    if (uid) out += line(style, 'unique id', `${uid}${str(h.uniqueIdKind) ? ` ${h.uniqueIdKind}` : ''}`);
    const scope = [str(h.hostname), str(h.platform) && (str(h.hostname) ? `(${h.platform})` : String(h.platform)), str(h.pidNamespace) && `· pid namespace ${h.pidNamespace}`]
      .filter((x): x is string => typeof x === 'string' && x !== '')
      .join(' ')
      .replace(/^· /, '');
    if (scope) out += line(style, 'host', scope);
    if (str(h.bootId)) out += line(style, 'boot', String(h.bootId));
    const created = typeof h.createdAtMs === 'number' ? h.createdAtMs : typeof h.createdAt === 'string' ? Date.parse(h.createdAt) : null;
    if (created !== null && Number.isFinite(created)) out += line(style, 'created', formatTime(created));
    const limits: string[] = [];
    if (typeof h.maxHoldMs === 'number') limits.push(`maxHold ${formatAge(h.maxHoldMs)}`);
    if (typeof h.leaseMs === 'number') limits.push(`lease ${formatAge(h.leaseMs)}`);
    if (limits.length) out += line(style, 'limits', limits.join(' · '));
  }
  out += line(style, 'age', formatAge(i.ageMs));
  out += line(
    style,
    'kernel',
    i.kernelHeld === null
      ? i.mode === 'lease'
        ? 'no kernel locks on this filesystem (identity + lease mode)'
        : 'not checked'
      : i.kernelHeld
        ? paint(style, 'green', 'held by a live process')
        : 'free',
  );
  out += line(style, 'verdict', `${paint(style, verdictPaint(i.verdict), i.verdict)}: ${i.detail}`);
  out += line(style, 'stale', i.staleReasons.length ? paint(style, 'red', i.staleReasons.join(', ')) : 'no');
  const a = acquireOutlook(i);
  const word = a.action === 'take' ? 'take it at once' : a.action === 'reclaim' ? 'reclaim it' : 'wait';
  out += line(style, 'acquire', `${paint(style, a.action === 'wait' ? 'yellow' : a.action === 'reclaim' ? 'red' : 'green', word)}: ${a.reason}`);
  return out;
}

export function inspectCommand(argv: string[]): CommandResult {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      json: { type: 'boolean' },
      'reclaim-unknown-after': { type: 'string' },
      'legacy-command': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    { positional: 'lock file', dashed: true, placeholders: { 'reclaim-unknown-after': 'DURATION', 'legacy-command': 'CMD' } },
  );
  if (values.help) return { code: 0, stdout: INSPECT_HELP };
  if (positionals.length !== 1) throw new UsageError(`expected one lock file, got ${positionals.length}`);
  const after = values['reclaim-unknown-after'];
  const i = inspectLock(positionals[0], {
    reclaimUnknownAfterMs: after === undefined ? undefined : parseDuration(after, '--reclaim-unknown-after'),
    legacyCommand: values['legacy-command'] === undefined ? undefined : parseCommandPattern(values['legacy-command'], '--legacy-command'),
  }); // LockPathError and the like: exit 2 from the dispatcher
  const code = !i.exists ? (acquireOutlook(i).action === 'fail' ? EXIT.error : EXIT.ok) : i.reclaimable ? EXIT.stale : unjudged(i) ? EXIT.unjudged : EXIT.ok;
  if (values.json) {
    return { code, stdout: JSON.stringify({ ...i, acquire: acquireOutlook(i) }, null, 2) + '\n' };
  }
  return { code, stdout: renderInspection(safeDeep(i), styleFor(process.stdout)) };
}
