/**
 * The minimal foreign record: what a writer in any language (Python, Go, Rust, a shell script)
 * records so that pidproof judges its process exactly, and the JSON that OpenClaw's session lock
 * writes, which is the same record with fewer fields (README "From other languages",
 * `record.schema.json` `#/$defs/record`).
 *
 * One rule, shared by every reader: `ownerStatus`/`compareIdentity`/`signalProcess` given such a
 * record (identity.ts `normaliseRecord`), the lock core, `inspectLock` and the doctor
 * (lock/payload.ts `parseLockFile`), and `pidproof watch`/`kill` (cli/holder.ts). The record it
 * returns carries every scope field the file states (`bootId`, `hostname`, `pidNamespace`,
 * `platform`), so all of them judge its scope by `ownerStatus`'s one scope check.
 */
import type { OwnerRecord } from './types';
import { isDecimalU64, MAX_PID } from './validate';

/** The fields of the minimal record besides `pid` (unknown fields are ignored). */
export const RECORD_FIELDS = ['starttime', 'bootId', 'hostname', 'pidNamespace', 'platform', 'createdAt', 'createdAtMs', 'startToken', 'uniqueId'] as const;

/** The keys OpenClaw's session lock writes; a record with no other key is in OpenClaw's format. */
const OPENCLAW_KEYS = new Set(['pid', 'createdAt', 'starttime', 'maxHoldMs', 'bootId']); // bootId: OpenClaw PR #30525

/**
 * The unit of a `starttime` recorded on `platform`: the kernel's own start stamp, read once at the
 * process's creation and never adjusted (see README "From other languages").
 */
export const START_UNITS: Readonly<Record<string, string>> = Object.freeze({
  linux: 'linux-ticks',
  darwin: 'darwin-us',
  win32: 'win32-filetime',
  freebsd: 'freebsd-us-since-boot',
});

/** Upper bound of a creation time in epoch ms (about year 11,500): keeps arithmetic exact. */
const MAX_MS = 3e14;

/** RFC 3339 date-time (what JSON Schema's `date-time` format means), as OpenClaw, Python and `date -u` write it. */
const RFC3339 = /^(\d{4})-(\d\d)-(\d\d)[Tt ](\d\d):(\d\d):(\d\d)(?:\.\d+)?(?:[Zz]|[+-](\d\d):(\d\d))$/;

/** Epoch ms of an RFC 3339 date-time whose fields are in range (no Feb 30, no 24:00), else NaN. */
function rfc3339(s: string): number {
  const m = RFC3339.exec(s);
  if (m === null) return NaN;
  const [y, mo, d, h, mi, se, oh, om] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate(); // the month's last day
  if (mo < 1 || mo > 12 || d < 1 || d > days || h > 23 || mi > 59 || se > 59 || oh > 23 || om > 59) return NaN;
  return Date.parse(s);
}

/** Which of the two shapes a foreign record has, for naming it: OpenClaw's keys only, or more. */
export type RecordShape = 'openclaw' | 'record';

/** A field of a foreign record that is present but not what the format allows. */
export interface RecordProblem {
  field: string;
  value: unknown;
  /** What the field must be. */
  expected: string;
}

/**
 * Whether a JSON object is a foreign record to judge: a `pid` key and at least one field of the
 * minimal record (a `{"pid": N}` alone says no more than a bare PID file, and is not taken for
 * one: many JSON files have a `pid`). pidproof's own payload (`pidproof` key) is not.
 */
export function isForeignRecord(o: Record<string, unknown>): boolean {
  if (!('pid' in o) || 'pidproof' in o) return false;
  for (const k of RECORD_FIELDS) if (o[k] !== undefined) return true;
  return false;
}

/** `openclaw` when every key is one OpenClaw's session lock writes (and `createdAt` is there). */
export function recordShape(o: Record<string, unknown>): RecordShape {
  if (!('createdAt' in o)) return 'record';
  for (const k in o) if (!OPENCLAW_KEYS.has(k)) return 'record';
  return 'openclaw';
}

const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/**
 * A foreign record as an `OwnerRecord`, or the first field that is present but invalid. `null`
 * counts as absent for every optional field (OpenClaw writes `"starttime": null` off Linux).
 *
 * - `starttime`: the process's kernel start stamp, a non-negative integer, or a decimal string
 *   (up to 2^64-1; Windows FILETIMEs exceed JSON's exact integers), in the unit of `platform`
 *   (`START_UNITS`), Linux when absent (OpenClaw records Linux ticks only).
 * - `bootId`, `hostname`, `pidNamespace` (a decimal string), `platform`: its scope, judged by
 *   `ownerStatus` exactly as for pidproof's own records. An empty `bootId` or `hostname` counts as
 *   absent (OpenClaw reads an empty bootId so; a host's name can be empty).
 * - `createdAtMs` (epoch ms) or else `createdAt` (RFC 3339): when it was written (age; a live
 *   process that started after it holds another PID).
 * - `startToken`/`startTokenUnit`, `uniqueId`/`uniqueIdKind`: a saved `ProcessIdentity`'s names,
 *   read in place of `starttime`.
 */
export function foreignRecord(o: Record<string, unknown>): { record: OwnerRecord } | { problem: RecordProblem } {
  const bad = (field: string, expected: string) => ({ problem: { field, value: o[field], expected } });
  const pid = o.pid;
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid < 1 || pid > MAX_PID) {
    return bad('pid', `an integer between 1 and ${MAX_PID}`);
  }
  const record: OwnerRecord = { pid };
  const platform = o.platform ?? null;
  if (platform !== null && !isStr(platform)) return bad('platform', 'a process.platform name (linux, darwin, win32, freebsd)');
  if (platform !== null) record.platform = platform;
  // A pidproof identity saved as JSON (`pidproof identity --json`, JSON.stringify(processIdentity(pid)))
  // names its stamp `startToken`, with its unit, and may carry a unique id: taken as ownerStatus
  // takes them (a token without a unit is in this platform's native unit). `starttime` is then unread.
  for (const [k, kind] of [
    ['startToken', 'startTokenUnit'],
    ['uniqueId', 'uniqueIdKind'],
  ] as const) {
    const v = o[k] ?? null;
    if (v === null) continue;
    const text = typeof v === 'number' && k === 'startToken' && Number.isSafeInteger(v) && v >= 0 ? String(v) : v;
    if (typeof text !== 'string' || !isDecimalU64(text)) return bad(k, 'a decimal string below 2^64');
    const named = o[kind] ?? null;
    if (named !== null && !isStr(named)) return bad(kind, 'a non-empty string');
    record[k] = text;
    if (named !== null) record[kind] = named;
  }
  const st = o.starttime ?? null;
  const token =
    st === null ? null : typeof st === 'number' && Number.isSafeInteger(st) && st >= 0 ? String(st) : typeof st === 'string' && isDecimalU64(st) ? st : null;
  if (st !== null && token === null) return bad('starttime', 'a non-negative integer, or a decimal string below 2^64');
  if (token !== null && o.startToken === undefined) {
    const on = platform ?? 'linux';
    const unit = START_UNITS[on];
    if (unit === undefined) return bad('platform', `a platform whose start-stamp unit pidproof knows (${Object.keys(START_UNITS).join(', ')}) when starttime is given`);
    record.startToken = token;
    record.startTokenUnit = unit;
    record.platform = on;
  }
  for (const k of ['bootId', 'hostname'] as const) {
    const v = o[k] ?? null;
    // Empty: unknown, as absent. A bootId is OpenClaw's "could not read boot_id" (its reader
    // ignores it); a host name can be empty (sethostname(2) with length 0, in a UTS namespace), and
    // then every identity read on that host says so.
    if (v === null || v === '') continue;
    if (!isStr(v)) return bad(k, 'a non-empty string');
    record[k] = v;
  }
  const ns = o.pidNamespace ?? null;
  if (ns !== null) {
    if (typeof ns !== 'string' || !isDecimalU64(ns)) return bad('pidNamespace', 'the PID namespace inode as a decimal string');
    record.pidNamespace = ns;
  }
  const ms = o.createdAtMs ?? null;
  if (ms !== null) {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0 || ms > MAX_MS) return bad('createdAtMs', 'a time in epoch milliseconds');
    record.createdAtMs = ms;
  }
  const at = o.createdAt ?? null;
  if (at !== null) {
    const t = typeof at === 'string' ? rfc3339(at) : NaN;
    if (!Number.isFinite(t) || t <= 0 || t > MAX_MS) return bad('createdAt', 'an RFC 3339 date-time such as 2026-01-31T12:00:00.000Z');
    if (ms === null) record.createdAtMs = t;
  }
  return { record };
}

/**
 * The error class for a problem: RangeError when the value has the right type but is out of range
 * (a negative or too large number, a decimal string of 20 digits above 2^64-1), TypeError otherwise
 * (leading zeros, 21 digits: not a decimal string as validate.ts reads one).
 */
export function problemError(p: RecordProblem): typeof RangeError | typeof TypeError {
  const v = p.value;
  // A date-time that parses but lies outside the times a record may state (before 1970, say).
  if (p.field === 'createdAt' && typeof v === 'string' && Number.isFinite(Date.parse(v))) return RangeError;
  if (typeof v === 'number') {
    if (p.field === 'createdAtMs') return Number.isFinite(v) ? RangeError : TypeError;
    return Number.isInteger(v) && ['pid', 'starttime', 'startToken'].includes(p.field) ? RangeError : TypeError;
  }
  // A decimal string as the validators read one (no leading zeros, at most 20 digits) above 2^64-1.
  if (typeof v === 'string' && /^(0|[1-9]\d{0,19})$/.test(v) && ['starttime', 'startToken', 'uniqueId', 'pidNamespace'].includes(p.field)) return RangeError;
  return TypeError;
}

/** A problem in words: `<what> with invalid <field> <value>` (the value shown short). */
export function problemText(what: string, p: RecordProblem): string {
  let shown: string;
  try {
    shown = JSON.stringify(p.value) ?? String(p.value);
  } catch {
    shown = String(p.value);
  }
  if (shown.length > 60) shown = `${shown.slice(0, 60)}…`;
  return `${what} with invalid ${p.field} ${shown}`;
}
