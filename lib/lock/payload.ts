/**
 * Lock file contents: the pidproof payload (written), and the formats pidproof can judge but never
 * writes (OpenClaw session-lock JSON, bare PID files): serialising, parsing and validating them.
 * Judging a parsed file is `judge.ts`.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { OwnerRecord, ProcessIdentity } from '../types';
import { isDecimalU64 } from '../validate';

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
}

export type LockFormat = 'pidproof' | 'openclaw' | 'pidfile' | 'unknown';

/** Milliseconds on the boot's monotonic clock (shared by every process of one boot). */
export function monoNow(): number {
  return Number(process.hrtime.bigint() / 1000n) / 1000;
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
  randomPool.fill(0, randomOffset, randomOffset + bytes);
  randomOffset += bytes;
  return hex;
}

export function newToken(): string {
  return randomHex(16);
}

/** 32-bit FNV-1a of a string's UTF-16 code units, hex: detects torn reads of a heartbeat rewrite. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * Serialises a payload padded to `size` bytes (0: choose a size). Heartbeats rewrite the file in
 * place with the same size, so a reader never sees a shorter file; the checksum tells it when a
 * read raced a rewrite.
 */
export function serialisePayload(p: LockPayload, size = 0): Buffer {
  const body = JSON.stringify(p);
  const text = `${body.slice(0, -1)},"sum":"${fnv1a(body)}"}`;
  const len = Buffer.byteLength(text);
  const target = size > 0 ? Math.max(size, len + 1) : Math.ceil((len + 96) / 256) * 256;
  const buf = Buffer.alloc(target, 0x20);
  buf.write(text, 0, 'utf8');
  buf[target - 1] = 0x0a;
  return buf;
}

export function buildPayload(
  self: ProcessIdentity,
  opts: { token: string; maxHoldMs: number; leaseMs: number | null; mode: 'kernel' | 'lease' },
): LockPayload {
  const wall = Date.now();
  const mono = monoNow();
  return {
    pidproof: 1,
    token: opts.token,
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
    command: path.basename(process.argv[1] ?? process.argv0 ?? 'node'),
    createdAt: new Date(wall).toISOString(),
    createdAtMs: wall,
    createdMono: mono,
    maxHoldMs: Number.isFinite(opts.maxHoldMs) ? opts.maxHoldMs : null,
    leaseMs: opts.leaseMs,
    heartbeatAt: wall,
    heartbeatMono: mono,
    mode: opts.mode,
  };
}

/** What a lock file holds, parsed. */
export type Parsed =
  | { format: 'pidproof'; payload: LockPayload; record: OwnerRecord }
  | { format: 'openclaw'; payload: Record<string, unknown>; record: OwnerRecord }
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
    return { format: 'pidfile', payload: { pid }, record: { pid, createdAtMs: mtimeMs } };
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
    return {
      format: 'pidproof',
      payload: p,
      record: {
        pid: p.pid,
        startToken: p.startToken,
        startTokenUnit: p.startTokenUnit,
        uniqueId: p.uniqueId,
        uniqueIdKind: p.uniqueIdKind,
        bootId: p.bootId,
        pidNamespace: p.pidNamespace,
        hostname: p.hostname,
        platform: p.platform,
        createdAtMs: p.createdAtMs,
      },
    };
  }
  if ('pid' in obj && 'createdAt' in obj) {
    // OpenClaw session lock: { pid, createdAt (ISO), starttime? (Linux ticks), maxHoldMs? }.
    if (!isInt(obj.pid, 1, MAX_PID)) return unjudgeable(`OpenClaw lock with invalid pid ${JSON.stringify(obj.pid)}`);
    const created = typeof obj.createdAt === 'string' ? Date.parse(obj.createdAt) : NaN;
    if (!Number.isFinite(created)) return unjudgeable('OpenClaw lock with invalid createdAt');
    const st = obj.starttime;
    if (st !== undefined && st !== null && !(Number.isSafeInteger(st) && (st as number) >= 0)) {
      return unjudgeable(`OpenClaw lock with invalid starttime ${JSON.stringify(st)}`);
    }
    const record: OwnerRecord = { pid: obj.pid, createdAtMs: created };
    if (typeof st === 'number') {
      record.startToken = String(st);
      record.startTokenUnit = 'linux-ticks';
      record.platform = 'linux';
    }
    return { format: 'openclaw', payload: obj, record };
  }
  return unjudgeable('unrecognised JSON lock format');
}
