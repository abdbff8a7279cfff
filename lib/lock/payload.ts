/**
 * Lock file contents: the pidproof payload (written), and the formats pidproof can judge but never
 * writes (OpenClaw session-lock JSON, bare PID files): serialising, parsing and validating them.
 * Judging a parsed file is `judge.ts`.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { identity } from '../identity';
import type { OwnerRecord, ProcessIdentity } from '../types';
import { isDecimalU64 } from '../validate';
import { foreignRecord, isForeignRecord, problemText, recordShape } from '../record';

/** Largest lock file pidproof reads; anything bigger is not a lock file. */
export const MAX_LOCK_BYTES = 64 * 1024;

/** The payload of a pidproof lock file (format version 1). */
export interface LockPayload {
  /** Format version. */
  pidproof: 1;
  /** 128 random bits (hex) naming this holding. */
  token: string;
  pid: number;
  startToken: string | null;
  startTokenUnit: string | null;
  uniqueId: string | null;
  uniqueIdKind: string | null;
  startTimeMs: number | null;
  bootId: string | null;
  pidNamespace: string | null;
  hostname: string;
  platform: string;
  /** What the holder was running (argv[1] base name), for people. */
  command: string;
  createdAt: string;
  createdAtMs: number;
  /** Creation time on the boot's monotonic clock (ms), for hold limits immune to clock steps. */
  createdMono: number;
  /** The holder's declared maximum hold; null = unlimited. */
  maxHoldMs: number | null;
  /** Lease: contenders may break the lock when no heartbeat came for this long; null = no lease. */
  leaseMs: number | null;
  heartbeatAt: number;
  heartbeatMono: number;
  /** `kernel`: the holder keeps a kernel lock on the file; `lease`: identity + lease only. */
  mode: 'kernel' | 'lease';
  /**
   * `'root'`: `startToken` (Linux ticks) and the monotonic stamps (`createdMono`, `heartbeatMono`)
   * are in the root time namespace's terms, whatever namespace the holder ran in (issue 20).
   * Absent: written before that (or by a process whose offsets could not be told): the stamps
   * are as the holder read them in its own time namespace.
   */
  clocks?: 'root';
}

/**
 * `pidproof` (its own payload), `openclaw` (a foreign record with OpenClaw's session-lock keys
 * only), `record` (any other foreign record: README "From other languages"), `pidfile` (a bare
 * PID), `unknown` (nothing pidproof can judge).
 */
export type LockFormat = 'pidproof' | 'openclaw' | 'record' | 'pidfile' | 'unknown';

/**
 * Milliseconds on this process's monotonic clock (CLOCK_MONOTONIC), for local timing only: a time
 * namespace shifts it (`rootMonoNow` is the one that crosses process boundaries).
 */
export function monoNow(): number {
  return Number(process.hrtime.bigint() / 1000n) / 1000;
}

/** This process's CLOCK_MONOTONIC offset against the root time namespace's; null: unknown. */
let monoShiftNs: bigint | null | undefined;
function monoShift(): bigint | null {
  if (monoShiftNs === undefined) monoShiftNs = identity.clockOffsets()?.monotonicNs ?? null;
  return monoShiftNs;
}

/**
 * Milliseconds on the root time namespace's CLOCK_MONOTONIC: the same for every process of one
 * boot, in any time namespace (whole microseconds, as `monoNow`). The stamps a payload carries.
 * Where this process's offsets cannot be told (`clocksAreRoot()` false) its own clock.
 */
export function rootMonoNow(): number {
  const sh = monoShift();
  if (sh === null || sh === 0n) return monoNow();
  return Number((process.hrtime.bigint() - sh) / 1000n) / 1000;
}

/** Are this process's stamps in the root time namespace's terms (its offsets known)? */
export function clocksAreRoot(): boolean {
  return monoShift() !== null;
}

// One CSPRNG call per 256 tokens: crypto.randomBytes costs ~3-9 µs a call, twice per acquire.
const randomPool = Buffer.allocUnsafe(4096);
let randomOffset = randomPool.length;

/** `bytes` random bytes from the CSPRNG, as hex (a pool refilled by randomFillSync). */
export function randomHex(bytes: number): string {
  if (randomOffset + bytes > randomPool.length) {
    crypto.randomFillSync(randomPool);
    randomOffset = 0;
  }
  const hex = randomPool.toString('hex', randomOffset, randomOffset + bytes);
  // Used bytes are wiped (a loop: fill() is a runtime call, dearer for 6 or 16 bytes).
  for (let i = randomOffset; i < randomOffset + bytes; i++) randomPool[i] = 0;
  randomOffset += bytes;
  return hex;
}

export function newToken(): string {
  return randomHex(16);
}

const FNV_OFFSET = 0x811c9dc5;

/** 32-bit FNV-1a of a string's UTF-16 code units, continued from state `h`. */
function fnv1aFrom(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** 32-bit FNV-1a of a string's UTF-16 code units, hex: detects torn reads of a heartbeat rewrite. */
function fnv1a(s: string): string {
  return fnv1aFrom(FNV_OFFSET, s).toString(16).padStart(8, '0');
}

/**
 * The payload's keys in the order `buildPayload` creates them (the order JSON.stringify follows):
 * first what is fixed for a process and a set of options, then the token and the times. The
 * checksum of that fixed part is computed once (`fixedPart`), so a new lock hashes only its tail.
 */
const PAYLOAD_KEYS = [
  'pidproof', 'pid', 'startToken', 'startTokenUnit', 'uniqueId', 'uniqueIdKind', 'startTimeMs', 'bootId',
  'pidNamespace', 'hostname', 'platform', 'command', 'maxHoldMs', 'leaseMs', 'mode', 'clocks',
  'token', 'createdAt', 'createdAtMs', 'createdMono', 'heartbeatAt', 'heartbeatMono',
] as const;
const FIXED_KEYS = PAYLOAD_KEYS.slice(0, 16);

let fixedValues: unknown[] = [];
let fixedText = '';
let fixedHash = 0;
let fixedBytes: Buffer | null = null;

/** `{"pidproof":…,…,"clocks":…,` as JSON.stringify writes it, and its FNV-1a state; cached. */
function fixedPart(p: Record<string, unknown>): boolean {
  const f = fixedValues;
  // Named loads (one shape, fast), in FIXED_KEYS order.
  if (
    f.length === FIXED_KEYS.length &&
    f[0] === p.pidproof &&
    f[1] === p.pid &&
    f[2] === p.startToken &&
    f[3] === p.startTokenUnit &&
    f[4] === p.uniqueId &&
    f[5] === p.uniqueIdKind &&
    f[6] === p.startTimeMs &&
    f[7] === p.bootId &&
    f[8] === p.pidNamespace &&
    f[9] === p.hostname &&
    f[10] === p.platform &&
    f[11] === p.command &&
    f[12] === p.maxHoldMs &&
    f[13] === p.leaseMs &&
    f[14] === p.mode &&
    f[15] === p.clocks
  ) {
    return true;
  }
  const sub: Record<string, unknown> = {};
  for (const k of FIXED_KEYS) {
    const v = p[k];
    // A value JSON omits (undefined, a function) would drop its key: let JSON.stringify do all.
    if (v === undefined || typeof v === 'function') return false;
    sub[k] = v;
  }
  fixedValues = FIXED_KEYS.map((k) => p[k]);
  fixedText = `${JSON.stringify(sub).slice(0, -1)},`;
  fixedHash = fnv1aFrom(FNV_OFFSET, fixedText);
  fixedBytes = null;
  return true;
}

/** What the native publish needs to write a fresh payload's text itself (see `payloadHead`). */
export interface PayloadHead {
  /** The UTF-8 bytes of the text's fixed part, `{"pidproof":1,…,"clocks":"root",`. */
  head: Buffer;
  /** [FNV-1a state after the head, createdAtMs, createdMono in µs]. */
  tail: Float64Array;
}
const headTail = new Float64Array(3);

/**
 * The fixed part of a payload just built by `buildPayload` (its times and heartbeat equal, as
 * built; `fromBuildPayload`: it comes straight from there, its keys need no check), for the native
 * publish to complete: native/logic.cc FormatLockPayload writes the token,
 * the times, the checksum and the padding byte for byte as `serialisePayload` does. null for any
 * other payload: serialise it here.
 */
export function payloadHead(p: LockPayload, fromBuildPayload = false): PayloadHead | null {
  const o = p as unknown as Record<string, unknown>;
  if (!fromBuildPayload) {
    // Any other object must have exactly buildPayload's keys, in its order.
    let i = 0;
    for (const k in o) if (k !== PAYLOAD_KEYS[i++]) return null;
    if (i !== PAYLOAD_KEYS.length) return null;
  }
  if (!fixedPart(o)) return null;
  const monoUs = Math.round(p.createdMono * 1000);
  if (
    p.heartbeatAt !== p.createdAtMs ||
    p.heartbeatMono !== p.createdMono ||
    monoUs / 1000 !== p.createdMono ||
    !Number.isSafeInteger(p.createdAtMs) ||
    p.createdAt !== isoOf(p.createdAtMs)
  ) {
    return null;
  }
  fixedBytes ??= Buffer.from(fixedText, 'utf8');
  headTail[0] = fixedHash;
  headTail[1] = p.createdAtMs;
  headTail[2] = monoUs;
  return { head: fixedBytes, tail: headTail };
}

/** Printable ASCII without `"` and `\`: JSON writes such a string as is, between quotes. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
// A payload's two wall times and two monotonic times are equal pairs when it is built: a fractional
// double's shortest decimal is the costliest part of the text, so the last one is remembered.
let lastNumber = Number.NaN;
let lastNumberText = '';

/** One value as JSON.stringify writes it inside an object; undefined when it would omit the key. */
function jsonValue(v: unknown): string | undefined {
  if (typeof v === 'number') {
    if (v === lastNumber && !Object.is(v, -0)) return lastNumberText;
    if (!Number.isFinite(v)) return 'null';
    lastNumber = v;
    lastNumberText = String(v);
    return lastNumberText;
  }
  if (typeof v === 'string') return PLAIN.test(v) ? `"${v}"` : JSON.stringify(v);
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  if (v === null) return 'null';
  return typeof v === 'boolean' ? String(v) : undefined;
}

/**
 * A payload's JSON text, exactly `JSON.stringify(p)`, as `head + open + '}'`, with `headHash` the
 * FNV-1a state after `head`. A payload of `buildPayload`'s shape is written from the cached fixed
 * part (head) plus its token and times (open); any other shape (keys added, removed or reordered)
 * goes through JSON.stringify (head ''). JSON.stringify and an FNV-1a of the whole text cost ~3 µs
 * each on a 2-core VM: most of an uncontended acquire's JavaScript.
 */
function payloadParts(p: LockPayload): { head: string; open: string; headHash: number } {
  const o = p as unknown as Record<string, unknown>;
  let i = 0;
  let fast = true;
  for (const k in o) {
    if (k !== PAYLOAD_KEYS[i++]) {
      fast = false;
      break;
    }
  }
  if (fast && i === PAYLOAD_KEYS.length && fixedPart(o)) {
    const t = jsonValue(o.token);
    const c = jsonValue(o.createdAt);
    const cm = jsonValue(o.createdAtMs);
    const cmo = jsonValue(o.createdMono);
    const h = jsonValue(o.heartbeatAt);
    const hm = jsonValue(o.heartbeatMono);
    if (t !== undefined && c !== undefined && cm !== undefined && cmo !== undefined && h !== undefined && hm !== undefined) {
      const open = `"token":${t},"createdAt":${c},"createdAtMs":${cm},"createdMono":${cmo},"heartbeatAt":${h},"heartbeatMono":${hm}`;
      return { head: fixedText, open, headHash: fixedHash };
    }
  }
  return { head: '', open: JSON.stringify(p).slice(0, -1), headHash: FNV_OFFSET };
}

/**
 * The holder a payload names, as a `ProcessIdentity` (what a waiter's exit watch pins), with the
 * payload's `clocks` marker: its start token is in the root time namespace's terms.
 */
export function payloadIdentity(p: LockPayload): ProcessIdentity {
  const id: ProcessIdentity & { clocks: 'root' | null } = {
    clocks: p.clocks === 'root' ? 'root' : null,
    v: 1,
    platform: p.platform,
    pid: p.pid,
    startToken: p.startToken,
    startTokenUnit: p.startTokenUnit,
    uniqueId: p.uniqueId,
    uniqueIdKind: p.uniqueIdKind,
    startTimeMs: p.startTimeMs,
    bootId: p.bootId,
    pidNamespace: p.pidNamespace,
    hostname: p.hostname,
    ppid: null,
    state: null,
    access: 'full',
  };
  return id;
}

/** Exactly `JSON.stringify(p)` (see `payloadParts`). */
export function payloadJson(p: LockPayload): string {
  const { head, open } = payloadParts(p);
  return `${head}${open}}`;
}

/** FNV-1a continued over bytes [from, to) of `b` (UTF-16 code units = bytes for ASCII). */
function fnv1aBytes(h: number, b: Uint8Array, from: number, to: number): number {
  let x = h | 0;
  for (let i = from; i < to; i++) x = Math.imul(x ^ b[i], 0x01000193);
  return x >>> 0;
}

const SUM_BYTES = ',"sum":"00000000"}'.length;

/**
 * Serialises a payload padded to `size` bytes (0: choose a size). Heartbeats rewrite the file in
 * place with the same size, so a reader never sees a shorter file; the checksum (FNV-1a of the
 * JSON text) tells it when a read raced a rewrite. The text is written straight into the buffer
 * and, when ASCII, hashed there (typed-array reads are ~3x faster than charCodeAt here).
 */
export function serialisePayload(p: LockPayload, size = 0): Buffer {
  const { head, open, headHash } = payloadParts(p);
  const headBytes = head.length === 0 ? 0 : Buffer.byteLength(head);
  const len = headBytes + Buffer.byteLength(open) + SUM_BYTES;
  const target = size > 0 ? Math.max(size, len + 1) : Math.ceil((len + 96) / 256) * 256;
  // From Node's buffer pool (a lock payload is far below its 4 KB threshold): Buffer.alloc would
  // allocate a fresh ArrayBuffer, ~1.5 µs here. Every byte is written below.
  const buf = Buffer.allocUnsafe(target);
  if (headBytes > 0) buf.write(head, 0, 'utf8');
  const openBytes = buf.write(open, headBytes, 'utf8');
  const end = headBytes + openBytes;
  let h =
    openBytes === open.length
      ? fnv1aBytes(headHash, buf, headBytes, end)
      : fnv1aFrom(headHash, open); // not ASCII: hash the UTF-16 code units, as always
  h = Math.imul(h ^ 0x7d, 0x01000193) >>> 0; // the closing '}'
  const n = end + buf.write(`,"sum":"${h.toString(16).padStart(8, '0')}"}`, end, 'latin1');
  buf.fill(0x20, n, target - 1);
  buf[target - 1] = 0x0a;
  return buf;
}

/** ISO 8601 of an epoch ms (as Date.toISOString), its date-to-minute part cached. */
let isoMinute = Number.NaN;
let isoPrefix = '';
export function isoOf(ms: number): string {
  const minute = Math.floor(ms / 60000);
  if (!Number.isSafeInteger(ms) || minute !== isoMinute) {
    const full = new Date(ms).toISOString();
    if (!Number.isSafeInteger(ms)) return full;
    isoMinute = minute;
    isoPrefix = full.slice(0, full.length - 7); // without "ss.sssZ"
    return full;
  }
  const r = ms - minute * 60000;
  const sec = Math.floor(r / 1000);
  const milli = r - sec * 1000;
  return `${isoPrefix}${sec < 10 ? '0' : ''}${sec}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

let commandArg: string | undefined;
let commandName = '';
/** argv[1]'s base name (what the holder runs, for people), cached while argv[1] is unchanged. */
function commandOf(): string {
  const arg = process.argv[1] ?? process.argv0 ?? 'node';
  if (arg !== commandArg) {
    commandArg = arg;
    commandName = path.basename(arg);
  }
  return commandName;
}

export function buildPayload(
  self: ProcessIdentity,
  opts: { token: string; maxHoldMs: number; leaseMs: number | null; mode: 'kernel' | 'lease' },
): LockPayload {
  const wall = Date.now();
  const mono = rootMonoNow();
  // Key order: see PAYLOAD_KEYS (what is fixed for this process first, the token and times last).
  const p: LockPayload = {
    pidproof: 1,
    pid: self.pid,
    startToken: self.startToken,
    startTokenUnit: self.startTokenUnit,
    uniqueId: self.uniqueId,
    uniqueIdKind: self.uniqueIdKind,
    startTimeMs: self.startTimeMs,
    bootId: self.bootId,
    pidNamespace: self.pidNamespace,
    hostname: self.hostname,
    platform: self.platform,
    command: commandOf(),
    maxHoldMs: Number.isFinite(opts.maxHoldMs) ? opts.maxHoldMs : null,
    leaseMs: opts.leaseMs,
    mode: opts.mode,
    clocks: 'root',
    token: opts.token,
    createdAt: isoOf(wall),
    createdAtMs: wall,
    createdMono: mono,
    heartbeatAt: wall,
    heartbeatMono: mono,
  };
  // This process's time-namespace offsets cannot be told (it left the namespace its
  // /proc/self/timens_offsets describes): its stamps are its own clock's, and the payload says so
  // by saying nothing (judged like a payload of before issue 20).
  if (!clocksAreRoot()) delete p.clocks;
  return p;
}

/** What a lock file holds, parsed. */
export type Parsed =
  | { format: 'pidproof'; payload: LockPayload; record: OwnerRecord }
  | { format: 'openclaw' | 'record'; payload: Record<string, unknown>; record: OwnerRecord }
  | { format: 'pidfile'; payload: { pid: number }; record: OwnerRecord }
  | {
      format: 'unknown';
      payload: null;
      record: null;
      problem: string;
      torn?: boolean;
      /** A valid creation time the file states even though it cannot be judged (its age). */
      createdAtMs?: number;
    };

const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isNum = (v: unknown, min: number): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= min;
const isStrOrNull = (v: unknown, re?: RegExp): v is string | null =>
  v === null || (typeof v === 'string' && (!re || re.test(v)));
const MAX_PID = 2147483647;
// Upper bounds that keep arithmetic exact and reject absurd values (about 10^4 years in ms).
const MAX_MS = 3e14;

function validatePidproof(o: Record<string, unknown>): string | null {
  if (o.pidproof !== 1) return `unsupported pidproof format version ${JSON.stringify(o.pidproof)}`;
  if (typeof o.token !== 'string' || !/^[0-9a-f]{32}$/.test(o.token)) return 'token is not 128-bit hex';
  if (!isInt(o.pid, 1, MAX_PID)) return `pid is not a valid PID (${JSON.stringify(o.pid)})`;
  if (o.startToken !== null && !isDecimalU64(o.startToken)) return 'startToken is not a 64-bit decimal string';
  if (o.uniqueId !== null && !isDecimalU64(o.uniqueId)) return 'uniqueId is not a 64-bit decimal string';
  for (const k of ['startTokenUnit', 'uniqueIdKind', 'bootId', 'pidNamespace']) {
    if (!isStrOrNull(o[k])) return `${k} is not a string`;
  }
  if (typeof o.hostname !== 'string' || typeof o.platform !== 'string') return 'hostname/platform missing';
  if (!isNum(o.createdAtMs, 0) || o.createdAtMs > MAX_MS) return 'createdAtMs is not a time';
  if (!isNum(o.createdMono, 0) || o.createdMono > MAX_MS) return 'createdMono is not a time';
  if (!isNum(o.heartbeatAt, 0) || o.heartbeatAt > MAX_MS) return 'heartbeatAt is not a time';
  if (!isNum(o.heartbeatMono, 0) || o.heartbeatMono > MAX_MS) return 'heartbeatMono is not a time';
  if (o.maxHoldMs !== null && !(isNum(o.maxHoldMs, 0) && o.maxHoldMs <= MAX_MS)) return 'maxHoldMs is invalid';
  if (o.leaseMs !== null && !(isNum(o.leaseMs, 1) && o.leaseMs <= MAX_MS)) return 'leaseMs is invalid';
  if (o.mode !== 'kernel' && o.mode !== 'lease') return 'mode is invalid';
  return null;
}

/** Deepest nesting a lock file may have: pidproof payloads are flat, OpenClaw's too. */
const MAX_JSON_DEPTH = 32;

/** Deepest `[`/`{` nesting of a JSON text, outside strings (a linear scan, no recursion). */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) max = depth;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return max;
}

/** `createdAtMs` (epoch ms) or `createdAt` (ISO text or epoch ms), when valid; else undefined. */
function statedCreation(o: Record<string, unknown>): number | undefined {
  const ms = o.createdAtMs;
  if (isNum(ms, 1) && ms <= MAX_MS) return ms;
  const at = o.createdAt;
  const t = typeof at === 'string' ? Date.parse(at) : typeof at === 'number' ? at : NaN;
  return Number.isFinite(t) && t > 0 && t <= MAX_MS ? t : undefined;
}

/** Parses lock file bytes. `mtimeMs` dates a bare PID file. Never throws. */
export function parseLockFile(buf: Buffer, mtimeMs: number): Parsed {
  const unknown = (problem: string, torn = false): Parsed => ({ format: 'unknown', payload: null, record: null, problem, torn });
  if (buf.length === 0) return unknown('the file is empty');
  if (buf.includes(0)) return unknown('the file holds binary data');
  const text = buf.toString('utf8');
  const pidLine = /^\s*(\d{1,10})\s*$/.exec(text);
  if (pidLine) {
    const pid = Number(pidLine[1]);
    if (!isInt(pid, 1, MAX_PID)) return unknown(`PID ${pidLine[1]} is out of range`);
    // Dated by its mtime when that is a time the record rule takes (an mtime of 0 or before says nothing).
    const dated = Number.isFinite(mtimeMs) && mtimeMs > 0 && mtimeMs <= MAX_MS;
    return { format: 'pidfile', payload: { pid }, record: dated ? { pid, createdAtMs: mtimeMs } : { pid } };
  }
  // Bound the nesting before anything recursive sees the value (JSON.stringify, a consumer's
  // printing): lock files are flat; 20,000 nested arrays are an attack, not a lock.
  if (nestingDepth(text) > MAX_JSON_DEPTH) return unknown(`the JSON nests deeper than ${MAX_JSON_DEPTH} levels`);
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    return unknown('the file is neither JSON nor a PID', /^\s*\{"pidproof"/.test(text));
  }
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return unknown('the JSON is not an object');
  const obj = o as Record<string, unknown>;
  // Files that cannot be judged are still dated by the creation time they state, if valid.
  const stated = statedCreation(obj);
  const unjudgeable = (problem: string, torn = false): Parsed =>
    stated === undefined ? unknown(problem, torn) : { format: 'unknown', payload: null, record: null, problem, torn, createdAtMs: stated };
  if ('pidproof' in obj) {
    // The checksum covers the bytes as written (`serialisePayload`): the text up to `,"sum":…}`,
    // closed with `}`. Checked on the text, never by re-serialising what was parsed.
    const tail = /,"sum":"([0-9a-f]{8})"\}\s*$/.exec(text);
    if (tail === null || obj.sum !== tail[1] || fnv1a(`${text.slice(0, tail.index)}}`) !== tail[1]) {
      return unjudgeable('pidproof payload checksum mismatch', true);
    }
    const rest = { ...obj };
    delete rest.sum;
    const bad = validatePidproof(rest);
    if (bad) return unjudgeable(`invalid pidproof payload: ${bad}`);
    const p = rest as unknown as LockPayload;
    const record: OwnerRecord = {
      pid: p.pid,
      startToken: p.startToken,
      startTokenUnit: p.startTokenUnit,
      uniqueId: p.uniqueId,
      uniqueIdKind: p.uniqueIdKind,
      bootId: p.bootId,
      pidNamespace: p.pidNamespace,
      hostname: p.hostname,
      platform: p.platform,
      // 0 (the epoch: a clock that was never set) dates nothing; the record rule takes times after it.
      createdAtMs: p.createdAtMs > 0 ? p.createdAtMs : null,
      clocks: p.clocks === 'root' ? 'root' : null,
    };
    // The record ownerStatus will judge, by the one rule every record is read by (lib/record.ts):
    // a payload that passes its own checks but states a field that rule refuses (a pidNamespace
    // that is not decimal, an empty platform) is unjudgeable, never a throw later.
    const checked = foreignRecord(record as Record<string, unknown>);
    if ('problem' in checked) return unjudgeable(`invalid pidproof payload: ${problemText('record', checked.problem)}`);
    return { format: 'pidproof', payload: p, record };
  }
  if (isForeignRecord(obj)) {
    // A foreign record (README "From other languages"): OpenClaw's session lock `{pid, createdAt,
    // starttime?, maxHoldMs?}`, or the minimal record any language writes. One rule
    // (lib/record.ts) turns it into the record ownerStatus judges, scope fields included.
    const shape = recordShape(obj);
    const r = foreignRecord(obj);
    if ('problem' in r) return unjudgeable(problemText(shape === 'openclaw' ? 'OpenClaw lock' : 'record', r.problem));
    return { format: shape, payload: obj, record: r.record };
  }
  return unjudgeable('unrecognised JSON lock format');
}
