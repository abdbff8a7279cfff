/** What `watch` and `kill` need from a lock file: its holder's record, and PIDs on the command line. */
import fs from 'node:fs';
import { inspectLock } from '../index';
import type { LockInspection, OwnerRecord } from '../index';
import { foreignRecord } from '../record';
import { safeDeep } from './format';
import { UsageError } from './usage';

/**
 * The target argument of `watch` and `kill`: a PID, or a lock file inspected once. `raw` is the
 * exact inspection (for --json and for records), `shown` the same made terminal-safe for people
 * (file names and payload strings), or `raw` itself under --json. LockPathError (a directory, a
 * symlink...) propagates: exit 2.
 */
export function pidOrLock(arg: string, json: boolean): { pid: number } | { raw: LockInspection; shown: LockInspection } {
  if (/^\d+$/.test(arg)) return { pid: parsePid(arg) };
  const raw = inspectLock(arg);
  return { raw, shown: json ? raw : safeDeep(raw) };
}

/** " (<command>)" when the lock recorded its holder's command line, else "". */
export function commandLabel(i: LockInspection): string {
  const c = (i.holder as { command?: unknown } | null)?.command;
  return typeof c === 'string' ? ` (${c})` : '';
}

/** A PID argument: an integer in [1, 2^31-1], or a UsageError. */
export function parsePid(s: string): number {
  if (!/^[1-9]\d{0,9}$/.test(s) || Number(s) > 2147483647) {
    throw new UsageError(`not a PID: ${JSON.stringify(s)} (expected an integer between 1 and 2147483647)`);
  }
  return Number(s);
}

/** The holder's record from an inspection: what was recorded about it, nothing more. */
export function holderRecord(i: LockInspection): OwnerRecord | null {
  const h = i.holder as Record<string, unknown> | null;
  if (!h || typeof h.pid !== 'number') return null;
  const pid = h.pid;
  if (i.format === 'pidproof') {
    const rec: OwnerRecord = { pid };
    for (const k of ['startToken', 'startTokenUnit', 'uniqueId', 'uniqueIdKind', 'bootId', 'pidNamespace', 'hostname', 'platform'] as const) {
      const v = h[k];
      if (typeof v === 'string') (rec as Record<string, unknown>)[k] = v;
    }
    if (typeof h.createdAtMs === 'number') rec.createdAtMs = h.createdAtMs;
    return rec;
  }
  if (i.format === 'openclaw' || i.format === 'record') {
    // The lock core's own rule (lib/record.ts): start stamp, unit and every scope field it states.
    const r = foreignRecord(h);
    return 'record' in r ? r.record : null;
  }
  if (i.format === 'pidfile') {
    // A bare PID file is dated by its mtime: a process that started after it holds another PID.
    let mtimeMs: number | null = null;
    try {
      mtimeMs = fs.lstatSync(i.path).mtimeMs;
    } catch {
      mtimeMs = i.ageMs === null ? null : Date.now() - i.ageMs;
    }
    // (An mtime of 0 or before dates nothing: the record rule refuses it.)
    return mtimeMs === null || !(mtimeMs > 0 && mtimeMs <= 3e14) ? { pid } : { pid, createdAtMs: mtimeMs };
  }
  return null;
}

/** Whether a record carries anything that pins a live process to it (a start token, a unique id). */
export function pinnable(rec: OwnerRecord): boolean {
  return (rec.startToken !== undefined && rec.startToken !== null) || (rec.uniqueId !== undefined && rec.uniqueId !== null);
}
