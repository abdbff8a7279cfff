/**
 * The lock doctor: `scanLocks` finds lock files of every format pidproof judges (pidproof,
 * OpenClaw session locks, bare PID files) in directories and inspects each one; `fixLocks`
 * removes the reclaimable ones through the acquire path (kernel lock + replacement guard + inode
 * check), never with a plain unlink, so a lock a live process took meanwhile is never deleted.
 *
 * Built for a server's startup sweep: directories are read asynchronously, files are inspected in
 * small batches with a yield to the event loop between batches, and an `AbortSignal` stops it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe as describeValue } from '../validate';
import { AbortError, LockPathError, LockTimeoutError } from './errors';
import { closeQuietly, errCode, kernelTryLock, lstatOrNull, sameFile } from './files';
import { type LockInspection, inspectLock, unjudged } from './inspect';
import { acquireLockSync, readAndJudge } from './lock';

/** What the doctor does (or did) with an entry. */
export type DoctorAction =
  /** healthy, live, or not provably stale: left alone */
  | 'keep'
  /** provably stale: `fixLocks` would remove it */
  | 'remove'
  /** `fixLocks` removed it (through the race-free reclaim path) */
  | 'removed'
  /** `fixLocks` tried and failed: see `error` */
  | 'failed'
  /** not a lock file pidproof can judge (symlink, directory, FIFO, unreadable...): see `error` */
  | 'skipped';

/** What kind of directory entry it is. */
export type DoctorEntryKind =
  /** a regular file matching the pattern: a lock file (of any format, or garbage) */
  | 'lock'
  /** a pidproof temp file (`<lock>.pidproof-<hex>.tmp`) left by a writer that died before publishing */
  | 'temp'
  /** a symbolic link matching the pattern: never followed */
  | 'symlink'
  /** a directory matching the pattern (or one that could not be read) */
  | 'directory'
  /** a FIFO, socket or device matching the pattern */
  | 'other';

/** One scanned entry: what `inspectLock` says plus what the doctor does about it. */
export interface DoctorEntry extends LockInspection {
  kind: DoctorEntryKind;
  /** The holder's PID from the payload, or null. */
  pid: number | null;
  action: DoctorAction;
  /** Why `fixLocks` chose its action when it differs from the scan's judgement (e.g. "already gone"). */
  note: string | null;
  /** The error for `skipped` and `failed` entries, else null. */
  error: string | null;
}

/** Progress of a scan or fix, for a progress line. */
export interface DoctorProgress {
  phase: 'scan' | 'fix';
  /** Directories read so far. */
  dirs: number;
  /** Directory entries matching the patterns so far. */
  found: number;
  /** Entries inspected (scan) or handled (fix) so far. */
  done: number;
}

/** Options of `scanLocks`. */
export interface ScanLocksOptions {
  /** Descend into subdirectories (never through symbolic links). Default false. */
  recursive?: boolean;
  /**
   * Globs on the base name (`*`, `?`, `[...]`, `[!...]`, `{a,b}`, `\` escapes; `*` also matches a
   * leading dot). Default `DEFAULT_LOCK_PATTERNS` (`*.lock`, which covers OpenClaw's
   * `*.jsonl.lock`, and `*.pid`).
   */
  pattern?: string | readonly string[];
  /** Fix what is found (`fixLocks`) before resolving. Default false. */
  fix?: boolean;
  /** Files inspected between two yields to the event loop (1..10000). Default 64. */
  batchSize?: number;
  /** Cancels the scan: it rejects with an `AbortError`. */
  signal?: AbortSignal;
  /** Called after each batch (it must not throw; errors it throws are ignored). */
  onProgress?: (progress: DoctorProgress) => void;
}

/** Options of `fixLocks`. */
export interface FixLocksOptions {
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (progress: DoctorProgress) => void;
}

/** Counts over a scan, for a summary line and `--json`. */
export interface DoctorSummary {
  /** Entries reported. */
  entries: number;
  /** Entries of kind `lock`. */
  locks: number;
  /** Locks whose holder is alive (verdict `alive`). */
  live: number;
  /** Entries provably stale when scanned (`reclaimable`). */
  stale: number;
  /** Entries `fixLocks` removed. */
  removed: number;
  /** Stale entries left in place: action `remove` (not fixed) or `failed`. */
  remaining: number;
  /** Entries whose removal failed. */
  failed: number;
  /** Locks that cannot be judged: verdict `unknown` or `foreign`, never removed automatically. */
  unknown: number;
  /** Entries skipped (symlinks, directories, unreadable...). */
  skipped: number;
  /** Counts per verdict. */
  byVerdict: Record<string, number>;
  /** Counts per format. */
  byFormat: Record<string, number>;
}

/** Default patterns: pidproof and OpenClaw (`*.jsonl.lock`) locks, and PID files. */
export const DEFAULT_LOCK_PATTERNS: readonly string[] = Object.freeze(['*.lock', '*.pid']);

const DEFAULT_BATCH = 64;
/** Yield at the latest after this much synchronous work, whatever the batch size. */
const MAX_SLICE_MS = 8;
/** Holding used by `fixLocks` to replace a stale lock before removing it. */
const FIX_MAX_HOLD_MS = 60_000;

const TEMP_RE = /^(.+)\.pidproof-[0-9a-f]+\.tmp$/;
const SIDECAR_RE = /\.pidproof-(?:guard|[0-9a-f]+\.(?:tmp|break))$/;

// ---- glob ------------------------------------------------------------------------------------------

const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/]/;

/**
 * Compiles a base-name glob to a RegExp: `*` (any run), `?` (one character), `[abc]`, `[a-z]`,
 * `[!abc]`/`[^abc]`, `{a,b}` (nestable), `\x` (a literal x). One rule for both kinds of bracket:
 * an opening `[` or `{` must be closed (an unclosed one is almost always a typo, so it is an
 * error, not a silent literal); a lone `]` or `}` is literal; `\[` and `\{` match the characters.
 * Throws TypeError for an unclosed bracket, a trailing lone `\`, or a `/` (base names only).
 */
export function globToRegExp(glob: string): RegExp {
  if (typeof glob !== 'string') throw new TypeError(`pattern must be a string, got ${describeValue(glob)}`);
  if (glob.length === 0) throw new TypeError('pattern must not be empty');
  if (glob.includes('/')) {
    throw new TypeError(`pattern ${JSON.stringify(glob)} must match base names only (no "/")`);
  }
  let re = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') {
      const n = glob[++i];
      if (n === undefined) throw new TypeError(`pattern ${JSON.stringify(glob)} ends with a lone "\\"`);
      re += REGEX_SPECIAL.test(n) ? `\\${n}` : n;
    } else if (c === '*') {
      while (glob[i + 1] === '*') i++;
      re += '.*';
    } else if (c === '?') {
      re += '.';
    } else if (c === '[') {
      // Find the closing bracket; a ']' right after '[' or '[!' is literal.
      let j = i + 1;
      if (glob[j] === '!' || glob[j] === '^') j++;
      if (glob[j] === ']') j++;
      while (j < glob.length && glob[j] !== ']') j++;
      if (j >= glob.length) {
        throw new TypeError(`pattern ${JSON.stringify(glob)} has an unclosed "[" (write \\[ to match a "[")`);
      }
      let body = glob.slice(i + 1, j);
      let neg = '';
      if (body[0] === '!' || body[0] === '^') {
        neg = '^';
        body = body.slice(1);
      }
      re += `[${neg}${body.replace(/[\\\]^[]/g, (m) => `\\${m}`)}]`;
      i = j;
    } else if (c === '{') {
      depth++;
      re += '(?:';
    } else if (c === ',' && depth > 0) {
      re += '|';
    } else if (c === '}' && depth > 0) {
      depth--;
      re += ')';
    } else {
      re += REGEX_SPECIAL.test(c) ? `\\${c}` : c;
    }
  }
  if (depth !== 0) throw new TypeError(`pattern ${JSON.stringify(glob)} has an unclosed "{" (write \\{ to match a "{")`);
  return new RegExp(`^${re}$`, 's');
}

function compilePatterns(pattern: unknown): RegExp[] {
  if (pattern === undefined) return DEFAULT_LOCK_PATTERNS.map(globToRegExp);
  const list = typeof pattern === 'string' ? [pattern] : pattern;
  if (!Array.isArray(list) || list.length === 0) {
    throw new TypeError(`options.pattern must be a string or a non-empty array of strings, got ${describeValue(pattern)}`);
  }
  return list.map((p) => {
    if (typeof p !== 'string') throw new TypeError(`options.pattern must hold strings, got ${describeValue(p)}`);
    return globToRegExp(p);
  });
}

// ---- entries ---------------------------------------------------------------------------------------

function pidOf(holder: LockInspection['holder']): number | null {
  const pid = (holder as { pid?: unknown } | null)?.pid;
  return typeof pid === 'number' && Number.isInteger(pid) ? pid : null;
}

function entryOf(i: LockInspection, kind: DoctorEntryKind, action: DoctorAction): DoctorEntry {
  return { ...i, kind, pid: pidOf(i.holder), action, note: null, error: null };
}

function message(err: unknown): string {
  if (err instanceof LockPathError) return err.message.replace(/^lock path [^:]*: /, '');
  const e = err as NodeJS.ErrnoException;
  return e?.code && !String(e.message).startsWith(e.code) ? `${e.code}: ${e.message}` : String(e?.message ?? err);
}

/** An entry that is not inspected (symlink, directory, device, error). */
function skippedEntry(p: string, kind: DoctorEntryKind, why: string, st?: fs.Stats | null): DoctorEntry {
  const ageMs = st ? Math.max(0, Date.now() - st.mtimeMs) : null;
  return { ...unjudged(p, why, ageMs), kind, pid: null, action: 'skipped', note: null, error: why };
}

const IDENTITY_PROOFS = new Set(['dead', 'recycled', 'zombie', 'other-boot']);

/**
 * A pidproof temp file is litter only on proof: kernel locks work here, nobody holds its kernel
 * lock (a live writer keeps it from creation to publication), and its writer is provably gone.
 */
function tempLitter(i: LockInspection): boolean {
  return (
    i.exists &&
    i.format === 'pidproof' &&
    i.kernelHeld === false &&
    i.mode === 'kernel' &&
    IDENTITY_PROOFS.has(i.verdict)
  );
}

function inspectFile(p: string, kind: 'lock' | 'temp'): DoctorEntry | null {
  let i: LockInspection;
  try {
    i = inspectLock(p);
  } catch (err) {
    if (kind === 'temp') return null;
    const k: DoctorEntryKind = err instanceof LockPathError && /symbolic link/.test(err.message) ? 'symlink' : 'lock';
    return skippedEntry(p, k, message(err), lstatOrNullQuiet(p));
  }
  if (!i.exists) return null; // removed between the directory read and the inspection
  if (kind === 'temp') {
    if (!tempLitter(i)) return null;
    const e = entryOf(i, 'temp', 'remove');
    e.detail = `temp file of a writer that died before publishing its lock (${i.detail})`;
    return e;
  }
  if (i.format === 'unknown' && i.holder === null && /permission denied/.test(i.detail)) {
    const e = entryOf(i, 'lock', 'skipped');
    e.error = 'EACCES: permission denied';
    return e;
  }
  return entryOf(i, 'lock', i.reclaimable ? 'remove' : 'keep');
}

function lstatOrNullQuiet(p: string): fs.Stats | null {
  try {
    return lstatOrNull(p);
  } catch {
    return null;
  }
}

// ---- scheduling ------------------------------------------------------------------------------------

function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function abortError(signal: AbortSignal): AbortError {
  return new AbortError('The lock scan was aborted', { cause: signal.reason });
}

function checkBatch(v: unknown): number {
  if (v === undefined) return DEFAULT_BATCH;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 10_000) {
    throw new RangeError(`options.batchSize must be an integer between 1 and 10000, got ${describeValue(v)}`);
  }
  return v;
}

interface Common {
  batch: number;
  signal: AbortSignal | undefined;
  onProgress: ((p: DoctorProgress) => void) | undefined;
}

function commonOptions(options: unknown): { c: Common; o: Record<string, unknown> } {
  const o = options === undefined ? {} : options;
  if (o === null || typeof o !== 'object' || Array.isArray(o)) {
    throw new TypeError(`options must be an object, got ${describeValue(o)}`);
  }
  const r = o as Record<string, unknown>;
  if (r.signal !== undefined && !(r.signal instanceof AbortSignal)) {
    throw new TypeError(`options.signal must be an AbortSignal, got ${describeValue(r.signal)}`);
  }
  if (r.onProgress !== undefined && typeof r.onProgress !== 'function') {
    throw new TypeError(`options.onProgress must be a function, got ${describeValue(r.onProgress)}`);
  }
  return {
    o: r,
    c: {
      batch: checkBatch(r.batchSize),
      signal: r.signal as AbortSignal | undefined,
      onProgress: r.onProgress as Common['onProgress'],
    },
  };
}

function report(c: Common, p: DoctorProgress): void {
  try {
    c.onProgress?.(p);
  } catch {
    // a progress callback never breaks the scan
  }
}

/** Runs `fn` over `items` in batches, yielding between batches. */
async function inBatches<T>(
  items: readonly T[],
  c: Common,
  fn: (item: T) => void,
  progress: (done: number) => void,
): Promise<void> {
  let n = 0;
  while (n < items.length) {
    if (c.signal?.aborted) throw abortError(c.signal);
    const start = performance.now();
    const end = Math.min(items.length, n + c.batch);
    while (n < end) {
      fn(items[n++]);
      if (performance.now() - start > MAX_SLICE_MS) break;
    }
    progress(n);
    if (n < items.length) await yieldToLoop();
  }
}

// ---- scan ------------------------------------------------------------------------------------------

interface Candidate {
  path: string;
  kind: 'lock' | 'temp' | 'symlink' | 'directory' | 'other';
  why?: string;
}

async function readDir(dir: string): Promise<fs.Dirent[]> {
  return fs.promises.readdir(dir, { withFileTypes: true });
}

/** Resolves and checks the directories to scan. Throws for one that does not exist. */
async function rootsOf(dirs: unknown): Promise<string[]> {
  const list = typeof dirs === 'string' ? [dirs] : dirs;
  if (!Array.isArray(list) || list.length === 0) {
    throw new TypeError(`dirs must be a directory path or a non-empty array of them, got ${describeValue(dirs)}`);
  }
  const out: string[] = [];
  for (const d of list) {
    if (typeof d !== 'string' || d.length === 0) throw new TypeError(`dirs must hold non-empty strings, got ${describeValue(d)}`);
    const real = await fs.promises.realpath(path.resolve(d));
    const st = await fs.promises.stat(real);
    if (!st.isDirectory()) {
      const err = new Error(`ENOTDIR: not a directory: ${d}`) as NodeJS.ErrnoException;
      err.code = 'ENOTDIR';
      err.path = d;
      throw err;
    }
    if (!out.includes(real)) out.push(real);
  }
  return out;
}

/**
 * Scans directories for lock files and inspects each one (reading only, unless `fix`). Resolves
 * with the entries sorted by path. Rejects with the filesystem error for a directory in `dirs`
 * that cannot be read (ENOENT, ENOTDIR, EACCES), with an `AbortError` on `options.signal`, and
 * TypeError/RangeError for bad arguments; every other problem is reported on its entry.
 */
export async function scanLocks(dirs: string | readonly string[], options?: ScanLocksOptions): Promise<DoctorEntry[]> {
  const { c, o } = commonOptions(options);
  const patterns = compilePatterns(o.pattern);
  if (o.recursive !== undefined && typeof o.recursive !== 'boolean') {
    throw new TypeError(`options.recursive must be a boolean, got ${describeValue(o.recursive)}`);
  }
  if (o.fix !== undefined && typeof o.fix !== 'boolean') {
    throw new TypeError(`options.fix must be a boolean, got ${describeValue(o.fix)}`);
  }
  const recursive = o.recursive === true;
  if (c.signal?.aborted) throw abortError(c.signal);
  const roots = await rootsOf(dirs);
  const matches = (name: string) => patterns.some((re) => re.test(name));

  // 1. Walk (asynchronous reads; never through a symlink).
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const visited = new Set<string>(roots);
  const queue = [...roots];
  let dirsRead = 0;
  for (let qi = 0; qi < queue.length; qi++) {
    if (c.signal?.aborted) throw abortError(c.signal);
    const dir = queue[qi];
    let ents: fs.Dirent[];
    try {
      ents = await readDir(dir);
    } catch (err) {
      if (qi < roots.length) throw err;
      candidates.push({ path: dir, kind: 'directory', why: `cannot read the directory: ${message(err)}` });
      continue;
    }
    dirsRead++;
    for (const d of ents) {
      const p = path.join(dir, d.name);
      let isFile = d.isFile();
      let isDir = d.isDirectory();
      let isLink = d.isSymbolicLink();
      if (!isFile && !isDir && !isLink && !d.isFIFO() && !d.isSocket() && !d.isCharacterDevice() && !d.isBlockDevice()) {
        const st = lstatOrNullQuiet(p); // DT_UNKNOWN on some filesystems
        if (!st) continue;
        isFile = st.isFile();
        isDir = st.isDirectory();
        isLink = st.isSymbolicLink();
      }
      if (isDir && recursive && !visited.has(p)) {
        visited.add(p);
        queue.push(p);
      }
      const temp = TEMP_RE.exec(d.name);
      if (temp) {
        if (isFile && matches(temp[1]) && !seen.has(p)) {
          seen.add(p);
          candidates.push({ path: p, kind: 'temp' });
        }
        continue;
      }
      if (SIDECAR_RE.test(d.name) || !matches(d.name) || seen.has(p)) continue;
      seen.add(p);
      if (isFile) candidates.push({ path: p, kind: 'lock' });
      else if (isLink) candidates.push({ path: p, kind: 'symlink', why: 'is a symbolic link; pidproof never follows it' });
      else if (isDir) candidates.push({ path: p, kind: 'directory', why: 'is a directory, not a lock file' });
      else candidates.push({ path: p, kind: 'other', why: 'is not a regular file (FIFO, socket or device)' });
    }
    if (c.onProgress) report(c, { phase: 'scan', dirs: dirsRead, found: candidates.length, done: 0 });
  }

  // 2. Inspect, in batches.
  const entries: DoctorEntry[] = [];
  await inBatches(
    candidates,
    c,
    (cand) => {
      if (cand.kind === 'lock' || cand.kind === 'temp') {
        const e = inspectFile(cand.path, cand.kind);
        if (e) entries.push(e);
      } else {
        entries.push(skippedEntry(cand.path, cand.kind, cand.why ?? 'skipped', lstatOrNullQuiet(cand.path)));
      }
    },
    (done) => report(c, { phase: 'scan', dirs: dirsRead, found: candidates.length, done }),
  );
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (o.fix === true) return fixLocks(entries, { batchSize: c.batch, signal: c.signal, onProgress: c.onProgress });
  return entries;
}

// ---- fix -------------------------------------------------------------------------------------------

/** Removes one stale lock through the acquire path: reclaim under the kernel lock, then release. */
function fixLock(e: DoctorEntry): DoctorEntry {
  const out: DoctorEntry = { ...e, note: null, error: null };
  let lock;
  try {
    lock = acquireLockSync(e.path, { timeoutMs: 0, maxHoldMs: FIX_MAX_HOLD_MS });
  } catch (err) {
    if (err instanceof LockTimeoutError) {
      out.action = 'keep';
      out.note = `no longer reclaimable: ${err.holder ? `${err.holder.verdict}: ${err.holder.detail}` : 'another process is replacing it right now'}`;
      return out;
    }
    if (err instanceof LockPathError) {
      out.action = 'skipped';
      out.error = message(err);
      return out;
    }
    out.action = 'failed';
    out.error = message(err);
    return out;
  }
  const reclaimed = lock.reclaimed;
  lock.releaseSync();
  dropGuard(e.path);
  if (reclaimed !== null) {
    out.action = 'removed';
    out.note = `reclaimed (${reclaimed.staleReasons.join(', ')}) and released`;
  } else {
    out.action = 'keep';
    out.note = 'already gone: removed by another process before the fix reached it';
  }
  return out;
}

/**
 * The reclaim left the lock's replacement guard (`<lock>.pidproof-guard`) behind; remove it when
 * the lock is gone, holding the guard's kernel lock. The guard protocol tolerates this: whoever
 * takes a guard checks afterwards that the path still names the inode it locked, and retries.
 */
function dropGuard(lockPath: string): void {
  const gp = `${lockPath}.pidproof-guard`;
  let fd: number | null = null;
  try {
    fd = fs.openSync(gp, fs.constants.O_RDWR | (fs.constants.O_NOFOLLOW ?? 0));
    if (kernelTryLock(fd, true) !== 'acquired') return;
    const st = fs.fstatSync(fd);
    const cur = lstatOrNull(gp);
    if (cur && sameFile(cur, st) && lstatOrNull(lockPath) === null) fs.unlinkSync(gp);
  } catch {
    // a guard left in place is harmless
  } finally {
    closeQuietly(fd);
  }
}

/**
 * Removes a dead writer's temp file: exclusive kernel lock on it, the path still names it, the
 * writer still provably gone. A temp name is random and never reused, so unlinking the name can
 * never touch a live lock (the lock path is another name, even when it shares the inode).
 */
function fixTemp(e: DoctorEntry): DoctorEntry {
  const out: DoctorEntry = { ...e, note: null, error: null };
  let fd: number | null = null;
  try {
    fd = fs.openSync(e.path, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
    const st = fs.fstatSync(fd);
    if (!st.isFile() || kernelTryLock(fd, true) !== 'acquired') {
      out.action = 'keep';
      out.note = 'no longer removable: its kernel lock is held';
      return out;
    }
    const cur = lstatOrNull(e.path);
    if (!cur || !sameFile(cur, st)) {
      out.action = 'keep';
      out.note = 'already gone';
      return out;
    }
    const j = readAndJudge(fd, st, 'free');
    if (j.format !== 'pidproof' || !IDENTITY_PROOFS.has(j.verdict)) {
      out.action = 'keep';
      out.note = `no longer removable: ${j.detail}`;
      return out;
    }
    fs.unlinkSync(e.path);
    out.action = 'removed';
    out.note = 'temp file removed';
    return out;
  } catch (err) {
    if (errCode(err) === 'ENOENT') {
      out.action = 'keep';
      out.note = 'already gone';
      return out;
    }
    out.action = 'failed';
    out.error = message(err);
    return out;
  } finally {
    closeQuietly(fd);
  }
}

/**
 * Removes the entries a scan found reclaimable (action `remove`), each through the same race-free
 * path as an acquire: `acquireLockSync(path, { timeoutMs: 0 })` reclaims it under the kernel lock
 * and replacement guard only if it is still provably stale, then the replacement is released. A
 * lock that a live process took meanwhile is kept. Resolves with updated copies of the entries.
 */
export async function fixLocks(entries: readonly DoctorEntry[], options?: FixLocksOptions): Promise<DoctorEntry[]> {
  if (!Array.isArray(entries)) throw new TypeError(`entries must be an array, got ${describeValue(entries)}`);
  const { c } = commonOptions(options);
  if (c.signal?.aborted) throw abortError(c.signal);
  const out: DoctorEntry[] = entries.map((e) => ({ ...e }));
  const todo = out.map((e, i) => ({ e, i })).filter(({ e }) => e.action === 'remove');
  await inBatches(
    todo,
    c,
    ({ e, i }) => {
      out[i] = e.kind === 'temp' ? fixTemp(e) : fixLock(e);
    },
    (done) => report(c, { phase: 'fix', dirs: 0, found: todo.length, done }),
  );
  return out;
}

/** Counts for a summary line (and the `summary` of `pidproof doctor --json`). */
export function summarizeLocks(entries: readonly DoctorEntry[]): DoctorSummary {
  const s: DoctorSummary = {
    entries: entries.length,
    locks: 0,
    live: 0,
    stale: 0,
    removed: 0,
    remaining: 0,
    failed: 0,
    unknown: 0,
    skipped: 0,
    byVerdict: {},
    byFormat: {},
  };
  for (const e of entries) {
    if (e.kind === 'lock' && e.action !== 'skipped') {
      s.locks++;
      s.byVerdict[e.verdict] = (s.byVerdict[e.verdict] ?? 0) + 1;
      s.byFormat[e.format] = (s.byFormat[e.format] ?? 0) + 1;
      if (e.verdict === 'alive') s.live++;
      if (e.verdict === 'unknown' || e.verdict === 'foreign') s.unknown++;
    }
    if (e.reclaimable && (e.kind === 'lock' || e.kind === 'temp')) s.stale++;
    if (e.action === 'removed') s.removed++;
    if (e.action === 'failed') s.failed++;
    if (e.action === 'remove' || e.action === 'failed') s.remaining++;
    if (e.action === 'skipped') s.skipped++;
  }
  return s;
}
