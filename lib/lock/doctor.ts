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
import { assertKnownOptions, describe as describeValue } from '../validate';
import { abortErrorFor, type AbortError } from '../errors';
import { LockPathError, LockTimeoutError } from './errors';
import { closeQuietly, dropGuardIfIdle, errCode, kernelTryLock, lstatOrNull, sameFile } from './files';
import { inspectAt, type ListedHints, type LockInspection, unjudged } from './inspect';
import { readAndJudge } from './attempt';
import { type JudgeOptions, NO_OPTIONS } from './judge';
import { acquireLockSyncAt } from './lock';
import { judgeOptionsOf } from './options';
import { inPinned, type PinnedDir, pinDir, shown, unpin } from './pin';

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
  /**
   * Migration: files pidproof cannot judge, whose kernel lock is free, are stale (`remove`, reason
   * `unknown-expired`) once older than this (ms). Default: never (see `LockOptions`).
   */
  reclaimUnknownAfterMs?: number;
  /** Migration: evidence for bare PID files and token-less legacy locks (see `LockOptions`). */
  legacyCommand?: string | RegExp;
}

/** Options of `fixLocks`. */
export interface FixLocksOptions {
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (progress: DoctorProgress) => void;
  /** As `LockOptions.reclaimUnknownAfterMs`: lets the fix take unjudgeable files this old. */
  reclaimUnknownAfterMs?: number;
  /** As `LockOptions.legacyCommand`: evidence for bare PID files and token-less legacy locks. */
  legacyCommand?: string | RegExp;
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
  /** Locks left that cannot be judged: verdict `unknown` or `foreign` (not removed by --reclaim-unknown-after). */
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
const GUARD_SUFFIX = '.pidproof-guard';

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

/** Inspects `name` inside a pinned directory; the entry reports the scanned path. */
function inspectFile(
  pin: PinnedDir,
  name: string,
  kind: 'lock' | 'temp',
  opts: JudgeOptions,
  listed?: ListedHints,
): DoctorEntry | null {
  const p = path.join(pin.dir, name);
  let i: LockInspection;
  try {
    i = inspectAt(inPinned(pin, name), opts, listed);
  } catch (err) {
    if (kind === 'temp') return null;
    const k: DoctorEntryKind = err instanceof LockPathError && /symbolic link/.test(err.message) ? 'symlink' : 'lock';
    return skippedEntry(p, k, shown(pin, message(err)), lstatOrNullQuiet(inPinned(pin, name)));
  }
  i = { ...i, path: p, detail: shown(pin, i.detail) };
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
  return abortErrorFor(signal, 'lock scan');
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
  judge: JudgeOptions;
}

const FIX_OPTION_NAMES = ['batchSize', 'signal', 'onProgress', 'reclaimUnknownAfterMs', 'legacyCommand'] as const;
const SCAN_OPTION_NAMES = [...FIX_OPTION_NAMES, 'recursive', 'pattern', 'fix'] as const;

function commonOptions(options: unknown, known: readonly string[]): { c: Common; o: Record<string, unknown> } {
  const o = options === undefined ? {} : options;
  if (o === null || typeof o !== 'object' || Array.isArray(o)) {
    throw new TypeError(`options must be an object, got ${describeValue(o)}`);
  }
  const r = o as Record<string, unknown>;
  assertKnownOptions(r, known);
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
      judge: judgeOptionsOf(r),
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
  /** A regular file, per the listing's d_type (not an lstat after DT_UNKNOWN). */
  listedRegular?: boolean;
}

async function readDir(dir: string): Promise<fs.Dirent[]> {
  return fs.promises.readdir(dir, { withFileTypes: true });
}

function dirsError(code: string, d: string, what: string, cause: unknown): NodeJS.ErrnoException {
  const err = new Error(`${code}: directory ${JSON.stringify(d)} ${what}`, cause ? { cause } : undefined) as NodeJS.ErrnoException;
  err.code = code;
  err.path = d;
  return err;
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
    let real: string;
    let st: fs.Stats;
    try {
      // The native realpath, as pinDir uses: both must spell a directory the same way.
      real = fs.realpathSync.native(path.resolve(d));
      st = await fs.promises.stat(real);
    } catch (err) {
      const code = errCode(err);
      const what =
        code === 'ENOENT'
          ? 'does not exist'
          : code === 'EACCES' || code === 'EPERM'
            ? 'cannot be reached by this user (permission denied)'
            : code === 'ENOTDIR'
              ? 'is not a directory'
              : `cannot be opened (${(err as Error).message})`;
      throw dirsError(code ?? 'EIO', d, `${what}; dirs must name existing directories to scan`, err);
    }
    if (!st.isDirectory()) throw dirsError('ENOTDIR', d, 'is not a directory; dirs must name directories to scan', null);
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
  const { c, o } = commonOptions(options, SCAN_OPTION_NAMES);
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

  // 1. Walk (asynchronous reads; never through a symlink; each directory pinned while read).
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const guards = new Set<string>(); // replacement guards listed, by path
  const visited = new Set<string>(roots);
  const queue = [...roots];
  const dirIds = new Map<string, { dev: number; ino: number }>();
  let dirsRead = 0;
  for (let qi = 0; qi < queue.length; qi++) {
    if (c.signal?.aborted) throw abortError(c.signal);
    const dir = queue[qi];
    let ents: fs.Dirent[];
    let pin: PinnedDir | null = null;
    try {
      pin = pinDir(dir, null);
      dirIds.set(dir, { dev: pin.dev, ino: pin.ino });
      ents = await readDir(pin.via);
    } catch (err) {
      if (qi < roots.length) throw err;
      candidates.push({ path: dir, kind: 'directory', why: `cannot read the directory: ${message(err)}` });
      continue;
    } finally {
      unpin(pin);
    }
    dirsRead++;
    for (const ent of ents) if (ent.name.endsWith(GUARD_SUFFIX)) guards.add(path.join(dir, ent.name));
    for (const ent of ents) {
      const p = path.join(dir, ent.name);
      const listedRegular = ent.isFile();
      let isFile = listedRegular;
      let isDir = ent.isDirectory();
      let isLink = ent.isSymbolicLink();
      if (!isFile && !isDir && !isLink && !ent.isFIFO() && !ent.isSocket() && !ent.isCharacterDevice() && !ent.isBlockDevice()) {
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
      const temp = TEMP_RE.exec(ent.name);
      if (temp) {
        if (isFile && matches(temp[1]) && !seen.has(p)) {
          seen.add(p);
          candidates.push({ path: p, kind: 'temp', listedRegular });
        }
        continue;
      }
      if (SIDECAR_RE.test(ent.name) || !matches(ent.name) || seen.has(p)) continue;
      seen.add(p);
      if (isFile) candidates.push({ path: p, kind: 'lock', listedRegular });
      else if (isLink) candidates.push({ path: p, kind: 'symlink', why: 'is a symbolic link; pidproof never follows it' });
      else if (isDir) candidates.push({ path: p, kind: 'directory', why: 'is a directory, not a lock file' });
      else candidates.push({ path: p, kind: 'other', why: 'is not a regular file (FIFO, socket or device)' });
    }
    if (c.onProgress) report(c, { phase: 'scan', dirs: dirsRead, found: candidates.length, done: 0 });
  }

  // 2. Inspect, in batches, each directory pinned (one at a time: candidates come by directory).
  const entries: DoctorEntry[] = [];
  const pins = new PinCache(dirIds);
  try {
    await inBatches(
      candidates,
      c,
      (cand) => {
        if (cand.kind === 'lock' || cand.kind === 'temp') {
          const dir = path.dirname(cand.path);
          const pin = pins.get(dir);
          if (!(pin instanceof PinnedDir_)) {
            if (cand.kind === 'lock') entries.push(skippedEntry(cand.path, 'lock', message(pin), null));
            return;
          }
          const e = inspectFile(pin.pin, path.basename(cand.path), cand.kind, c.judge, {
            regular: cand.listedRegular === true,
            guardListed: guards.has(`${cand.path}${GUARD_SUFFIX}`),
          });
          if (e) {
            entries.push(e);
            dirOf.set(e, { dev: pin.pin.dev, ino: pin.pin.ino });
            if (c.judge !== NO_OPTIONS) judgedWith.set(e, c.judge);
          }
        } else {
          entries.push(skippedEntry(cand.path, cand.kind, cand.why ?? 'skipped', lstatOrNullQuiet(cand.path)));
        }
      },
      (done) => report(c, { phase: 'scan', dirs: dirsRead, found: candidates.length, done }),
    );
  } finally {
    pins.close();
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (o.fix === true) {
    return fixLocks(entries, {
      batchSize: c.batch,
      signal: c.signal,
      onProgress: c.onProgress,
      reclaimUnknownAfterMs: c.judge.reclaimUnknownAfterMs ?? undefined,
      legacyCommand: c.judge.legacyCommand ?? undefined,
    });
  }
  return entries;
}

// ---- fix -------------------------------------------------------------------------------------------

/** The directory identity each scanned entry was found in, for the fix to check it again. */
const dirOf = new WeakMap<DoctorEntry, { dev: number; ino: number }>();
/**
 * The judging options a scan found an entry stale with (`reclaimUnknownAfterMs`,
 * `legacyCommand`): a fix of that entry judges it with them again unless it is given its own, so
 * `fixLocks(await scanLocks(dirs, opts))` acts on what the scan marked `remove` (issue 20).
 */
const judgedWith = new WeakMap<DoctorEntry, JudgeOptions>();

/**
 * The options that fix entry `e` (index `i`): the ones given to `fixLocks` where set, else the
 * scan's. An entry whose staleness rests on an option neither supplies (a copy of a scanned entry,
 * e.g. through JSON) is a TypeError that says which option to pass: never a silent keep.
 */
function fixOptionsFor(e: DoctorEntry, scanned: DoctorEntry, i: number, given: JudgeOptions): JudgeOptions {
  const scan = judgedWith.get(scanned);
  const o: JudgeOptions = {
    reclaimUnknownAfterMs: given.reclaimUnknownAfterMs ?? scan?.reclaimUnknownAfterMs ?? null,
    legacyCommand: given.legacyCommand ?? scan?.legacyCommand ?? null,
  };
  if (e.action === 'remove' && o.reclaimUnknownAfterMs === null && e.staleReasons.includes('unknown-expired')) {
    throw new TypeError(
      `entries[${i}] (${e.path}) was found stale with reclaimUnknownAfterMs (reason unknown-expired), which fixLocks cannot see on this copy of the entry: pass options.reclaimUnknownAfterMs (as given to scanLocks)`,
    );
  }
  if (e.action === 'remove' && o.legacyCommand === null && /the expected command/.test(e.detail)) {
    throw new TypeError(
      `entries[${i}] (${e.path}) was found stale by its command line (legacyCommand), which fixLocks cannot see on this copy of the entry: pass options.legacyCommand (as given to scanLocks)`,
    );
  }
  return o.reclaimUnknownAfterMs === null && o.legacyCommand === null ? NO_OPTIONS : o;
}

/** Wraps a pin (a class, so `instanceof` tells a pin from the error it may be instead). */
class PinnedDir_ {
  constructor(readonly pin: PinnedDir) {}
}

/**
 * One pinned directory at a time (entries arrive grouped by directory): pins on first use,
 * checks the scan-time identity when known, caches the failure for the directory's other entries.
 */
class PinCache {
  private dir: string | null = null;
  private cur: PinnedDir_ | Error | null = null;
  constructor(private readonly ids: ReadonlyMap<string, { dev: number; ino: number }> | null) {}

  get(dir: string, expect: { dev: number; ino: number } | null = null): PinnedDir_ | Error {
    if (this.dir !== dir || this.cur === null) {
      this.close();
      this.dir = dir;
      try {
        this.cur = new PinnedDir_(pinDir(dir, expect ?? this.ids?.get(dir) ?? null));
      } catch (err) {
        this.cur = err instanceof Error ? err : new Error(String(err));
      }
    }
    return this.cur;
  }

  close(): void {
    if (this.cur instanceof PinnedDir_) unpin(this.cur.pin);
    this.cur = null;
    this.dir = null;
  }
}

/** Permission bits for the fix's temp file and guard: those of the lock it replaces. */
function modeFor(p: string): number {
  try {
    return (fs.lstatSync(p).mode & 0o666) | 0o600;
  } catch {
    return 0o600;
  }
}

/** Removes one stale lock through the acquire path: reclaim under the kernel lock, then release. */
function fixLock(e: DoctorEntry, pin: PinnedDir, judgeOpts: JudgeOptions): DoctorEntry {
  const out: DoctorEntry = { ...e, note: null, error: null };
  const at = inPinned(pin, path.basename(e.path));
  const mode = modeFor(at);
  let lock;
  try {
    lock = acquireLockSyncAt(at, {
      timeoutMs: 0,
      maxHoldMs: FIX_MAX_HOLD_MS,
      mode,
      reclaimUnknownAfterMs: judgeOpts.reclaimUnknownAfterMs ?? undefined,
      legacyCommand: judgeOpts.legacyCommand ?? undefined,
    });
  } catch (err) {
    if (err instanceof LockTimeoutError) {
      out.action = 'keep';
      out.note = shown(
        pin,
        `no longer reclaimable: ${err.holder ? `${err.holder.verdict}: ${err.holder.detail}` : 'another process is replacing it right now'}`,
      );
      return out;
    }
    if (err instanceof LockPathError) {
      out.action = 'skipped';
      out.error = shown(pin, message(err));
      return out;
    }
    out.action = 'failed';
    out.error = shown(pin, message(err));
    return out;
  }
  const reclaimed = lock.reclaimed;
  lock.releaseSync();
  try {
    dropGuardIfIdle(at, mode);
  } catch {
    // a guard left in place is harmless
  }
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
 * Removes a dead writer's temp file: exclusive kernel lock on it, the path still names it, the
 * writer still provably gone. A temp name is random and never reused, so unlinking the name can
 * never touch a live lock (the lock path is another name, even when it shares the inode).
 */
function fixTemp(e: DoctorEntry, pin: PinnedDir): DoctorEntry {
  const out: DoctorEntry = { ...e, note: null, error: null };
  const at = inPinned(pin, path.basename(e.path));
  let fd: number | null = null;
  try {
    fd = fs.openSync(at, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
    const st = fs.fstatSync(fd);
    if (!st.isFile() || kernelTryLock(fd, true) !== 'acquired') {
      out.action = 'keep';
      out.note = 'no longer removable: its kernel lock is held';
      return out;
    }
    const cur = lstatOrNull(at);
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
    fs.unlinkSync(at);
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
    out.error = shown(pin, message(err));
    return out;
  } finally {
    closeQuietly(fd);
  }
}

/**
 * Removes the entries a scan found reclaimable (action `remove`), each through the same race-free
 * path as an acquire: the lock is reclaimed under the kernel lock and replacement guard only if it
 * is still provably stale, then the replacement is released. A lock that a live process took
 * meanwhile is kept. Each directory is pinned first and must still be the one scanned (same
 * device and inode, reached without a symlink; see `pin.ts`): otherwise its entries are
 * `skipped` with the reason and nothing in it is touched. Resolves with updated copies.
 */
export async function fixLocks(entries: readonly DoctorEntry[], options?: FixLocksOptions): Promise<DoctorEntry[]> {
  if (!Array.isArray(entries)) throw new TypeError(`entries must be an array, got ${describeValue(entries)}`);
  const { c } = commonOptions(options, FIX_OPTION_NAMES);
  if (c.signal?.aborted) throw abortError(c.signal);
  const out: DoctorEntry[] = entries.map((e) => ({ ...e }));
  const todo = out
    .map((e, i) => ({ e, i, id: dirOf.get(entries[i]) ?? null, judge: fixOptionsFor(e, entries[i], i, c.judge) }))
    .filter(({ e }) => e.action === 'remove')
    .sort((x, y) => (x.e.path < y.e.path ? -1 : x.e.path > y.e.path ? 1 : 0));
  const pins = new PinCache(null);
  try {
    await inBatches(
      todo,
      c,
      ({ e, i, id, judge }) => {
        const pin = pins.get(path.dirname(e.path), id);
        if (!(pin instanceof PinnedDir_)) {
          out[i] = { ...e, action: 'skipped', note: null, error: message(pin) };
          return;
        }
        out[i] = e.kind === 'temp' ? fixTemp(e, pin.pin) : fixLock(e, pin.pin, judge);
      },
      (done) => report(c, { phase: 'fix', dirs: 0, found: todo.length, done }),
    );
  } finally {
    pins.close();
  }
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
      if ((e.verdict === 'unknown' || e.verdict === 'foreign') && e.action !== 'removed') s.unknown++;
    }
    if (e.reclaimable && (e.kind === 'lock' || e.kind === 'temp')) s.stale++;
    if (e.action === 'removed') s.removed++;
    if (e.action === 'failed') s.failed++;
    if (e.action === 'remove' || e.action === 'failed') s.remaining++;
    if (e.action === 'skipped') s.skipped++;
  }
  return s;
}
