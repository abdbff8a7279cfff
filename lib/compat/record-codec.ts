/**
 * The drop-in's record: a holder's identity in at most ~64 bytes, so that ext4 keeps it inside the
 * directory's inode (a 256-byte inode has about 64 bytes of room for one attribute value). A
 * larger value (pidproof's JSON payload is ~560 bytes) gets a block of its own, allocated and
 * journaled for every lock and freed at every unlock: that doubled the cost of an uncontended
 * lock+unlock on ext4 here (mkdir+setxattr+rmdir 9.5 ms against 5.0 ms, 248 µs of CPU against 129 µs,
 * on a disk-loaded VM; a 60-byte value cost nothing measurable).
 *
 * Format 1, ASCII, one space between fields:
 *
 *   1 <P><pid> <U><startToken>|- <K><uniqueId>|- <boot>|- <pidns>|- <host>
 *
 * numbers in base 36; `P` the platform (l linux, d darwin, f freebsd, w win32), `U` the start
 * token's unit (t linux-ticks, u darwin-us, f win32-filetime, b freebsd-us-since-boot, s
 * ps-lstart-s), `K` the unique id's kind (p linux-pidfs-inode, d darwin-p_uniqueid, w
 * win32-process-sequence-number); `boot` and `host` are fingerprints (base64url of the first 9
 * and 6 bytes of the boot id's and hostname's SHA-256): a reader compares them with its own boot
 * id and hostname, which is all the judge needs (same boot? same host?). Typical Linux record:
 * 50-55 bytes.
 */
import crypto from 'node:crypto';
import { isoOf, type LockPayload, monoNow } from '../lock/payload';
import type { OwnerRecord, ProcessIdentity, Scope } from '../types';
import type { RecordedHolder } from './types';

const PLATFORMS: Record<string, string> = { linux: 'l', darwin: 'd', freebsd: 'f', win32: 'w' };
const UNITS: Record<string, string> = {
  'linux-ticks': 't',
  'darwin-us': 'u',
  'win32-filetime': 'f',
  'freebsd-us-since-boot': 'b',
  'ps-lstart-s': 's',
};
const KINDS: Record<string, string> = {
  'linux-pidfs-inode': 'p',
  'darwin-p_uniqueid': 'd',
  'win32-process-sequence-number': 'w',
};
const invert = (m: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k]));
const PLATFORM_OF = invert(PLATFORMS);
const UNIT_OF = invert(UNITS);
const KIND_OF = invert(KINDS);

const fingerprints = new Map<string, string>();
/** base64url of the first `bytes` bytes of SHA-256(`s`), cached (this process's own two values). */
function fingerprint(s: string, bytes: number): string {
  const key = `${bytes}:${s}`;
  let f = fingerprints.get(key);
  if (f === undefined) {
    f = crypto.createHash('sha256').update(s).digest().subarray(0, bytes).toString('base64url');
    if (fingerprints.size < 64) fingerprints.set(key, f);
  }
  return f;
}
const bootPrint = (bootId: string): string => fingerprint(bootId, 9);
const hostPrint = (hostname: string): string => fingerprint(hostname, 6);

const b36 = (decimal: string): string => BigInt(decimal).toString(36);
function fromB36(s: string): string | null {
  if (!/^[0-9a-z]{1,13}$/.test(s)) return null;
  let v = 0n;
  for (const c of s) v = v * 36n + BigInt(parseInt(c, 36));
  return v < 2n ** 64n ? v.toString() : null;
}

/** The record of `id` (this process), or null when it has something format 1 cannot say. */
export function encodeRecord(id: ProcessIdentity): Buffer | null {
  const p = PLATFORMS[id.platform];
  if (p === undefined) return null;
  let start = '-';
  if (id.startToken !== null) {
    const u = id.startTokenUnit === null ? undefined : UNITS[id.startTokenUnit];
    if (u === undefined) return null;
    start = u + b36(id.startToken);
  }
  let uid = '-';
  if (id.uniqueId !== null) {
    const k = id.uniqueIdKind === null ? undefined : KINDS[id.uniqueIdKind];
    if (k === undefined) return null;
    uid = k + b36(id.uniqueId);
  }
  const boot = id.bootId === null ? '-' : bootPrint(id.bootId);
  const ns = id.pidNamespace === null ? '-' : /^\d{1,20}$/.test(id.pidNamespace) ? b36(id.pidNamespace) : null;
  if (ns === null) return null;
  return Buffer.from(`1 ${p}${id.pid.toString(36)} ${start} ${uid} ${boot} ${ns} ${hostPrint(id.hostname)}`, 'latin1');
}

/** A decoded record: what the lock core's judge takes, and what `onReclaim` reports. */
export interface Decoded {
  payload: LockPayload;
  record: OwnerRecord;
  holder: RecordedHolder;
}

const RECORD = /^1 ([a-z])([0-9a-z]{1,6}) (-|[a-z][0-9a-z]{1,13}) (-|[a-z][0-9a-z]{1,13}) (-|[A-Za-z0-9_-]{12}) (-|[0-9a-z]{1,13}) ([A-Za-z0-9_-]{8})$/;

/**
 * Decodes a record read from a directory whose mtime is `mtimeMs`, against this process's scope:
 * a boot or host fingerprint that matches this boot's (host's) becomes this boot id (hostname);
 * one that does not becomes a value no scope has (`boot:<print>`, `host:<print>`), so the judge
 * sees another boot or host. A string saying why, for anything else.
 */
export function decodeRecord(buf: Buffer, mtimeMs: number, scope: Scope): Decoded | string {
  const m = RECORD.exec(buf.toString('latin1'));
  if (m === null) return 'not a record pidproof writes (format 1)';
  const platform = PLATFORM_OF[m[1]];
  const pid = parseInt(m[2], 36);
  if (platform === undefined || !(pid >= 1 && pid <= 2147483647)) return 'a record with an invalid platform or PID';
  let startToken: string | null = null;
  let startTokenUnit: string | null = null;
  if (m[3] !== '-') {
    startTokenUnit = UNIT_OF[m[3][0]] ?? null;
    startToken = fromB36(m[3].slice(1));
    if (startTokenUnit === null || startToken === null) return 'a record with an invalid start token';
  }
  let uniqueId: string | null = null;
  let uniqueIdKind: string | null = null;
  if (m[4] !== '-') {
    uniqueIdKind = KIND_OF[m[4][0]] ?? null;
    uniqueId = fromB36(m[4].slice(1));
    if (uniqueIdKind === null || uniqueId === null) return 'a record with an invalid unique id';
  }
  const bootId = m[5] === '-' ? null : scope.bootId !== null && bootPrint(scope.bootId) === m[5] ? scope.bootId : `boot:${m[5]}`;
  const pidNamespace = m[6] === '-' ? null : fromB36(m[6]);
  if (m[6] !== '-' && pidNamespace === null) return 'a record with an invalid PID namespace';
  const sameHost = hostPrint(scope.hostname) === m[7];
  const hostname = sameHost ? scope.hostname : `host:${m[7]}`;
  const at = Math.floor(mtimeMs);
  const mono = monoNow();
  const payload: LockPayload = {
    pidproof: 1,
    pid,
    startToken,
    startTokenUnit,
    uniqueId,
    uniqueIdKind,
    startTimeMs: null,
    bootId,
    pidNamespace,
    hostname,
    platform,
    command: '',
    maxHoldMs: null,
    leaseMs: null,
    mode: 'kernel',
    // Format 1 is written by processes whose start tokens are in the root time namespace's terms.
    clocks: 'root',
    // Not recorded: a token no holding of this process has, the directory's mtime as its age.
    token: '0'.repeat(32),
    createdAt: isoOf(at),
    createdAtMs: at,
    createdMono: mono,
    heartbeatAt: at,
    heartbeatMono: mono,
  };
  const record: OwnerRecord = { pid, startToken, startTokenUnit, uniqueId, uniqueIdKind, bootId, pidNamespace, hostname, platform, createdAtMs: at, clocks: 'root' };
  const holder: RecordedHolder = {
    pid,
    platform,
    startToken,
    startTokenUnit,
    uniqueId,
    uniqueIdKind,
    bootId,
    pidNamespace,
    hostname: sameHost ? scope.hostname : null,
  };
  return { payload, record, holder };
}

/** For the judge: a decoded record as the lock core's parsed pidproof payload. */
export function asParsed(d: Decoded): { format: 'pidproof'; payload: LockPayload; record: OwnerRecord } {
  return { format: 'pidproof', payload: d.payload, record: d.record };
}
