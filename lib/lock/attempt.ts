/**
 * One acquire attempt: the publish and reclaim algorithm.
 *
 * Acquire: write the payload to a temp file that is kernel-locked first, `link()` it to the lock
 * path (EEXIST if held: no half-written lock is ever visible). Contended: open the existing file,
 * try its kernel lock without blocking. Held ⇒ a live process holds it. Free ⇒ judge the payload;
 * reclaim only on proof (dead, recycled, zombie, other boot, expired lease or hold), under the
 * replacement guard, after checking the path still names the judged inode, with one atomic
 * `rename()`. Release: unlink only if the path still names our inode, then close.
 *
 * Windows (the branch that matters is `replaceAside` in the reclaim). What libuv does there: every
 * file Node opens is opened with FILE_SHARE_DELETE; `unlink` sets a POSIX delete disposition
 * (Windows 10 1709+ on NTFS: the name goes at once, open handles keep working, as on Linux) and
 * falls back to the classic delete-pending disposition when the filesystem or Windows version
 * refuses it (and wine 8 always behaves this way): the name stays until the file's last handle
 * closes, and `link`/`open(O_EXCL)` onto it fail with EEXIST (wine) or EPERM (Windows) until then;
 * `rename` is MoveFileExW(MOVEFILE_REPLACE_EXISTING), which fails with EPERM when the target is open
 * by anyone: by our own descriptor holding the judged file's kernel lock, always. So on Windows:
 *  - Publish: unchanged. `link(tmp, lock)` is exclusive (EEXIST, or EPERM for a delete-pending
 *    name: contention). Unlinking the temp name while it is open works; without POSIX delete the
 *    temp name lingers, delete-pending, until our handle closes (release or death: the kernel closes
 *    it), and the OS removes it then. It is never judged: contenders only open the lock path.
 *  - Reclaim: never `rename()` over the judged file. Still under the guard, holding the judged
 *    file's kernel lock, after the path-names-it check: rename the judged file *aside* (renaming an
 *    open file is allowed when every handle shares delete, as libuv's do), check the aside name is
 *    the judged file, drop the aside name, then publish ours with the exclusive `link()`. The
 *    lock path is empty in between: a plain publisher may win it, and then we retry (lost a
 *    race, never two holders). A holder broken by expiry that is still running keeps its handle on
 *    the aside file; its next heartbeat or release sees the lock path name another file, exactly as
 *    after the POSIX `rename()`. A handle opened without FILE_SHARE_DELETE (another program) makes
 *    the rename fail: we wait, nothing changed.
 *  - Release: unchanged, unlink then close. Unlinking an open, LockFileEx-locked file works (the
 *    range lock does not block deletion and stays ours until close). Closing first is not an
 *    option: the file would stay visible with our live identity and no kernel lock, so a contender
 *    in a worker thread of this process would judge it `orphan-self`, reclaim it, and our
 *    path-based unlink could then remove the successor's file. Without POSIX delete the lock name
 *    is delete-pending between our unlink and close (a few µs): a contender's `link` fails
 *    (contention) and its open fails with EPERM (judged 'denied': it waits, never reclaims).
 * wine 8 differs from Windows in one way this relies on neither way: a delete-pending name there
 * can still be opened and stat'ed (it names the pending file until its last handle closes), where
 * Windows answers EPERM (`stillNames` says 'pending': look again soon).
 */
import fs from 'node:fs';
import path from 'node:path';
import { identity as ids } from '../identity';
import { abortErrorFor, type AbortError } from '../errors';
import { type LockHolderInfo, LockPathError, LockTimeoutError } from './errors';
import {
  cannotCreateIn,
  cannotReplace,
  closeQuietly,
  createExclusive,
  type DeniedLock,
  errCode,
  flockHolders,
  HELD_LOCK,
  HELD_TEMP,
  isDenied,
  kernelTryLock,
  kernelUnlock,
  type KernelTry,
  lstatOrNull,
  type OpenedLock,
  openExisting,
  ownerText,
  type Published,
  publishOnce,
  randomSuffix,
  readBounded,
  probeGuard,
  releaseGuard,
  sameFile,
  trackFd,
  tryGuard,
  unlinkQuietly,
  writeAll,
} from './files';
import { heldTokens, Holding, type Lock, LockHandle } from './holding';
import { type Judgement, judge, type JudgeOptions, type KernelState, NO_OPTIONS } from './judge';
import type { Settings } from './options';
import { buildPayload, isoOf, type LockPayload, payloadHead, newToken, parseLockFile, type Parsed, rootMonoNow, serialisePayload } from './payload';

interface Temp {
  path: string;
  fd: number;
  dev: number;
  ino: number;
  payload: LockPayload;
  size: number;
  fresh: boolean;
}

export interface Attempt {
  path: string;
  dir: string;
  base: string;
  s: Settings;
  tmp: Temp | null;
  last: { judgement: Judgement; kernelHeld: boolean | null } | null;
}

export type TryResult =
  | { kind: 'acquired'; lock: Lock }
  | { kind: 'retry' } // something changed under us: try again at once
  | { kind: 'busy' } // another process is replacing the lock right now: try again very soon
  | { kind: 'wait'; judgement: Judgement; kernelHeld: boolean | null };

/** Creates the temp file to publish, or a LockPathError that names the lock, its directory and the fix. */
function createTemp(a: Attempt): { path: string; fd: number } {
  try {
    return createExclusive(a.dir, a.base, 'tmp', a.s.mode);
  } catch (err) {
    throw createError(a, err);
  }
}

/** A temp file that cannot be created: a LockPathError saying why and what to do, else `err`. */
function createError(a: Attempt, err: unknown): unknown {
  const code = errCode(err);
  const who = typeof process.geteuid === 'function' ? ` (uid ${process.geteuid()})` : '';
  let why: string | null = null;
  if (code === 'EACCES' || code === 'EPERM') {
    // The reason inspectLock gives too (a virtual filesystem such as /sys refuses even root, by
    // statfs type; otherwise the access check), else the plain permission answer.
    const d = lstatOrNull(a.dir);
    why =
      cannotCreateIn(a.dir) ??
      `this user${who} cannot create files in its directory ${a.dir}${d ? ` (${ownerText(d)})` : ''}: choose a directory this user can write, or grant it write access`;
  } else if (code === 'EROFS') {
    why = `its directory ${a.dir} is on a read-only filesystem: choose a writable directory`;
  } else if (code === 'ENOENT' || code === 'ENOTDIR') {
    why = `its directory ${a.dir} does not accept new files (a virtual filesystem such as /proc or /sys?): choose a directory on a regular filesystem`;
  }
  // ENOSPC, EDQUOT, EMFILE: `resourceError` (the errno's own code, for every call of an attempt).
  if (why === null) return err;
  return new LockPathError(a.path, why, { cause: err });
}

/**
 * Told the name of every temp file this thread makes for a lock (line.ts: a contender's temp file
 * that is not this thread's own shows another contender waiting).
 */
let tempNamed: ((lockPath: string, tempPath: string) => void) | null = null;
export function onTempNamed(fn: (lockPath: string, tempPath: string) => void): void {
  tempNamed = fn;
}

function makeTemp(a: Attempt): Temp {
  const { path: p, fd } = createTemp(a);
  tempNamed?.(a.path, p);
  try {
    // Kernel-lock first, then write: the lock is held from the file's first visible instant.
    const k = kernelTryLock(fd, true);
    if (k === 'busy') throw new Error(`pidproof: fresh temp file ${p} is already locked`);
    return writeTemp(a, p, fd, k === 'acquired' ? 'kernel' : 'lease', null);
  } catch (err) {
    closeQuietly(fd);
    unlinkQuietly(p);
    throw err;
  }
}

function newPayload(a: Attempt, mode: 'kernel' | 'lease'): LockPayload {
  return buildPayload(ids.selfIdentity(), { token: newToken(), maxHoldMs: a.s.maxHoldMs, leaseMs: a.s.leaseMs, mode });
}

/** Writes a fresh payload to a created temp file (unless `st` says it is written) and describes it. */
function writeTemp(a: Attempt, p: string, fd: number, mode: 'kernel' | 'lease', st: { dev: number; ino: number } | null): Temp {
  const payload = newPayload(a, mode);
  const buf = serialisePayload(payload);
  writeAll(fd, buf);
  const at = st ?? fs.fstatSync(fd);
  trackFd(fd, HELD_TEMP, p, at.dev, at.ino); // unlinked and closed if a terminated worker leaves it
  return { path: p, fd, dev: at.dev, ino: at.ino, payload, size: buf.length, fresh: true };
}

/** Errors of the native publish that the step-by-step path reports as creation errors. */
const CREATION_CALLS = new Set(['open', 'fstat', 'fchmod']);

/**
 * The first attempt's publish as one native call (create, lock, write, link, unlink: see
 * `publishOnce`). 'acquired'; 'contended' with `a.tmp` set (the temp file kept for the judging and
 * the retries); 'link' with `a.tmp` set when the link must be tried step by step (it failed with
 * another error, or there is no kernel lock here and a lease payload was written); null when this
 * build has no one-call publish.
 */
function publishFirst(a: Attempt): 'acquired' | 'contended' | 'link' | null {
  const payload = newPayload(a, 'kernel');
  // The addon writes the token, times, checksum and padding after the cached head; else the
  // whole text is serialised here.
  const head = payloadHead(payload, true);
  let buf = head ? head.head : serialisePayload(payload);
  let template = head ? { tail: head.tail, token: payload.token } : undefined;
  let r: Published | 'format' | null = null;
  let p = '';
  for (let i = 0; ; i++) {
    // The addon names the temp file `<lock>.pidproof-<suffix>.tmp`, what sidecarPath would.
    const suffix = randomSuffix();
    p = `${a.path}.pidproof-${suffix}.tmp`;
    try {
      r = publishOnce(a.path, suffix, a.s.mode, buf, template);
      if (r === 'format') {
        buf = serialisePayload(payload);
        template = undefined;
        r = publishOnce(a.path, suffix, a.s.mode, buf);
      }
    } catch (err) {
      if (errCode(err) === 'EEXIST' && i < 5) continue;
      const call = (err as { syscall?: unknown }).syscall;
      throw typeof call === 'string' && CREATION_CALLS.has(call) ? createError(a, err) : err;
    }
    break;
  }
  if (r === null || r === 'format') return null;
  if (!r.unnamed) tempNamed?.(a.path, p);
  if (r.outcome === 'no-kernel-lock') {
    try {
      a.tmp = writeTemp(a, p, r.fd, 'lease', r);
    } catch (err) {
      closeQuietly(r.fd);
      unlinkQuietly(p);
      throw err;
    }
    return 'link';
  }
  a.tmp = { path: p, fd: r.fd, dev: r.dev, ino: r.ino, payload, size: r.size, fresh: true };
  if (r.outcome === 'acquired') return 'acquired';
  return r.outcome === 'exists' ? 'contended' : 'link';
}

/** A temp file reused by a later attempt gets fresh timestamps (hold limits count from now). */
function refresh(t: Temp): void {
  if (t.fresh) {
    t.fresh = false;
    return;
  }
  const wall = Date.now();
  const mono = rootMonoNow();
  Object.assign(t.payload, {
    createdAt: isoOf(wall),
    createdAtMs: wall,
    createdMono: mono,
    heartbeatAt: wall,
    heartbeatMono: mono,
  });
  writeAll(t.fd, serialisePayload(t.payload, t.size));
}

function adopt(a: Attempt, reclaimed: Lock['reclaimed'], tracked = false): Lock {
  const t = a.tmp!;
  a.tmp = null;
  // Now the lock file: released like one if a terminated worker leaves it (issue 20). (`tracked`:
  // the native publish registered it so already.)
  if (!tracked) trackFd(t.fd, HELD_LOCK, a.path, t.dev, t.ino);
  const h = new Holding(a.path, t.fd, t.dev, t.ino, t.payload, t.size, a.s.owner, a.s.mode);
  h.metGuard = reclaimed !== null; // a reclaim may leave the guard for its release to remove
  h.addHandler(a.s.onCompromised);
  return new LockHandle(h, reclaimed);
}

export function holderInfo(j: Judgement, kernelHeld: boolean | null): LockHolderInfo {
  return {
    payload: j.holder as Record<string, unknown> | null,
    format: j.format,
    verdict: j.verdict,
    ageMs: j.ageMs,
    kernelHeld,
    detail: j.detail,
  };
}

export function readAndJudge(fd: number, st: fs.Stats, kernel: KernelState, opts: JudgeOptions = NO_OPTIONS): Judgement {
  let parsed: Parsed = { format: 'unknown', payload: null, record: null, problem: 'unread' };
  for (let i = 0; i < 4; i++) {
    const buf = readBounded(fd, st.size);
    parsed =
      buf === null
        ? { format: 'unknown', payload: null, record: null, problem: `the file is ${st.size} bytes, too large for a lock file` }
        : parseLockFile(buf, st.mtimeMs);
    // A torn read raced a heartbeat rewrite: read again.
    if (!(parsed.format === 'unknown' && parsed.torn)) break;
  }
  return judge(parsed, kernel, st.mtimeMs, ids, heldTokens(), () => flockHolders(st), opts);
}

/**
 * Judges an opened lock file, the one way acquire and `inspectLock` both do it: the kernel lock
 * is tried exclusively (as an acquire would; a shared probe would succeed beside a reader's shared
 * lock and disagree with it), then the payload, then whether this process could replace the file.
 * `keep`: hold the kernel lock on return (an acquire goes on to reclaim); else it is dropped at
 * once. 'moved' when the path no longer names the opened file; 'pending' for a delete-pending name.
 */
export function judgeOpened(
  lockPath: string,
  dir: string,
  o: OpenedLock,
  keep: boolean,
  opts: JudgeOptions = NO_OPTIONS,
  guardListedAbsent = false,
): { j: Judgement; k: KernelTry; kernelHeld: boolean | null } | 'moved' | 'pending' {
  const k = kernelTryLock(o.fd, true);
  if (k === 'acquired') {
    if (!keep) kernelUnlock(o.fd);
    // We held the kernel lock of the inode we opened; is it still the lock file?
    const named = stillNames(lockPath, o.st);
    if (named !== true) return named === 'pending' ? 'pending' : 'moved';
  }
  const kernel: KernelState = k === 'acquired' ? 'free' : k === 'busy' ? 'held' : 'unsupported';
  const j = readAndJudge(o.fd, o.st, kernel, opts);
  if (j.reclaimable) {
    const why = cannotReplace(dir, o.st);
    if (why !== null) blocked(j, why);
  }
  // An inspection also looks at the replacement guard, as the acquire it predicts would (the
  // acquire itself takes the guard next, in tryOnce).
  // (`guardListedAbsent`: the doctor's directory listing, just read, has no guard for it.)
  if (j.reclaimable && !keep && k !== 'unsupported' && !guardListedAbsent) {
    const why = probeGuard(lockPath);
    if (why !== null) blocked(j, why);
  }
  return { j, k, kernelHeld: k === 'busy' ? true : k === 'acquired' ? false : null };
}

/** A stale lock this process cannot replace: not reclaimable here, and the detail says why. */
function blocked(j: Judgement, why: string): Judgement {
  j.reclaimable = false;
  j.detail = `${j.detail}; stale, but ${why}`;
  return j;
}

/** The judgement of a lock file this process cannot open: whose it is and what to do. */
export function judgeDenied(lockPath: string, dir: string, d: DeniedLock): Judgement {
  const st = d.st;
  let detail: string;
  if (st === null) {
    detail = `the lock file cannot be read (permission denied${isWin32 ? ', or being deleted' : ''})`;
  } else {
    const who = typeof process.geteuid === 'function' ? ` (uid ${process.geteuid()})` : '';
    const stuck = cannotReplace(dir, st);
    detail =
      `this user${who} cannot read the lock file (permission denied: ${ownerText(st)})` +
      (stuck ? `, and ${stuck}` : '') +
      `; ask its owner or root to inspect it (pidproof inspect ${lockPath})`;
  }
  return {
    format: 'unknown',
    holder: null,
    verdict: 'unknown',
    staleReasons: [],
    reclaimable: false,
    ageMs: st === null ? null : Math.max(0, Date.now() - st.mtimeMs),
    detail: `${detail}; it is never reclaimed automatically`,
    record: null,
    byExpiry: false,
    torn: false,
  };
}

const isWin32 = process.platform === 'win32';

/**
 * Does `p` still name the file `st`? 'pending' on Windows when the name is delete-pending (unlinked
 * without POSIX semantics while a handle, maybe ours, keeps it open): lstat answers EPERM until the
 * last handle closes, and then the name is gone.
 */
function stillNames(p: string, st: fs.Stats): boolean | 'pending' {
  let cur: fs.Stats | null;
  try {
    cur = lstatOrNull(p);
  } catch (err) {
    if (isWin32 && errCode(err) === 'EPERM') return 'pending';
    throw err;
  }
  return cur !== null && sameFile(cur, st);
}

/** One attempt (see `attemptOnce`); a resource that ran out is named in words (`resourceError`). */
export function tryOnce(a: Attempt): TryResult {
  try {
    return attemptOnce(a);
  } catch (err) {
    throw resourceError(a, err);
  }
}

/**
 * A full filesystem or descriptor table met by an attempt: an Error with the errno's `code`
 * (`ENOSPC`, `EDQUOT`, `EMFILE`, `ENFILE`), `syscall` and `cause`, whose message names the
 * user's lock path, what ran out and what to do (never only the internal temp file's name).
 * Anything else is returned as it is.
 */
function resourceError(a: Attempt, err: unknown): unknown {
  const code = errCode(err);
  let what: string;
  switch (code) {
    case 'ENOSPC':
      what = `no space left on the filesystem of ${a.dir} (a lock file needs one inode and a few hundred bytes): free some space there, or put the lock on another filesystem`;
      break;
    case 'EDQUOT':
      what = `this user's disk quota is exhausted on the filesystem of ${a.dir}: free some space there, raise the quota, or put the lock on another filesystem`;
      break;
    case 'EMFILE':
      what =
        'this process has no file descriptor left (an acquire opens the lock file, a temp file and a pidfd; each held lock keeps one open): ' +
        'raise the limit (`ulimit -n`, systemd LimitNOFILE=) or release locks and close descriptors it no longer needs';
      break;
    case 'ENFILE':
      what = 'the system-wide table of open files is full (fs.file-max): close files elsewhere or raise fs.file-max';
      break;
    default:
      return err;
  }
  if (resourceErrors.has(err as object)) return err;
  const e = new Error(`${code}: cannot acquire the lock ${a.path}: ${what}`, { cause: err });
  const o = err as { syscall?: unknown; errno?: unknown };
  Object.assign(e, { code, errno: o.errno, syscall: o.syscall, path: a.path });
  resourceErrors.add(e);
  return e;
}
const resourceErrors = new WeakSet<object>();

function attemptOnce(a: Attempt): TryResult {
  let linked = false; // link() already answered EEXIST for this temp file
  if (a.tmp) refresh(a.tmp);
  else {
    const first = publishFirst(a);
    if (first === 'acquired') return { kind: 'acquired', lock: adopt(a, null, true) };
    if (first === null) a.tmp = makeTemp(a);
    linked = first === 'contended';
  }
  const tmp = a.tmp!;
  if (!linked) {
    try {
      fs.linkSync(tmp.path, a.path);
      unlinkQuietly(tmp.path);
      return { kind: 'acquired', lock: adopt(a, null) };
    } catch (err) {
      const code = errCode(err);
      // Windows answers EPERM for a name whose file is being deleted: contention, look again.
      if (code !== 'EEXIST' && !(code === 'EPERM' && isWin32)) throw err;
    }
  }
  const o = openExisting(a.path);
  if (o === null) return { kind: 'retry' };
  if (isDenied(o)) return wait(a, judgeDenied(a.path, a.dir, o), null);
  try {
    const r = judgeOpened(a.path, a.dir, o, true, a.s.judge);
    if (r === 'pending') return { kind: 'busy' };
    if (r === 'moved') return { kind: 'retry' };
    const { j, k, kernelHeld } = r;
    // A torn read (a heartbeat rewrite in progress, or a live process keeps the file torn): looked
    // at again within milliseconds, then with the backoff, never in a busy loop.
    if (j.torn) return wait(a, j, kernelHeld);
    if (!j.reclaimable) return wait(a, j, kernelHeld);
    a.last = { judgement: j, kernelHeld };
    const reclaimed = { staleReasons: j.staleReasons, holder: holderInfo(j, kernelHeld) };
    if (tmp.payload.mode === 'kernel' && k !== 'unsupported') {
      const g = tryGuard(a.path, a.s.mode);
      if (g.kind === 'busy') {
        // Usually another contender replacing it this instant (looked at again within
        // milliseconds); if it lasts, the wait backs off and the timeout says who holds it.
        if (g.why === undefined) return { kind: 'busy' };
        return wait(a, { ...blocked({ ...j }, g.why), guardHeld: true }, kernelHeld);
      }
      if (g.kind === 'blocked') return wait(a, blocked(j, g.why), kernelHeld);
      if (g.kind === 'held') {
        let won = false;
        try {
          const named = stillNames(a.path, o.st);
          if (named !== true) return named === 'pending' ? { kind: 'busy' } : { kind: 'retry' };
          if (j.byExpiry) {
            // A heartbeat may have landed since: judge again under the guard.
            const again = readAndJudge(o.fd, o.st, k === 'busy' ? 'held' : 'free', a.s.judge);
            if (!again.reclaimable) return wait(a, again, kernelHeld);
          }
          // Windows cannot rename over a file that is open (ours, at least): move it aside.
          const res = isWin32 ? replaceAside(a, o.st, reclaimed, j, kernelHeld) : renameOver(a, reclaimed, j, kernelHeld);
          won = res.kind === 'acquired';
          return res;
        } finally {
          // A guard this contender created and did not use stays only if it won (see releaseGuard).
          releaseGuard(a.path, g, g.created && !won);
        }
      }
    }
    // No kernel locks here: claim the judged file by renaming it aside, verify, then publish.
    return replaceAside(a, o.st, reclaimed, j, kernelHeld);
  } finally {
    closeQuietly(o.fd);
  }
}

function wait(a: Attempt, j: Judgement, kernelHeld: boolean | null): TryResult {
  a.last = { judgement: j, kernelHeld };
  return { kind: 'wait', judgement: j, kernelHeld };
}

/** Codes a rename answers when this process may not replace the file (sticky, immutable, LSM). */
const REFUSED = new Set(['EPERM', 'EACCES', 'EBUSY', 'EROFS']);

/** Atomic replacement of the judged inode by our kernel-locked temp file (under the guard). */
function renameOver(a: Attempt, reclaimed: Lock['reclaimed'], j: Judgement, kernelHeld: boolean | null): TryResult {
  try {
    fs.renameSync(a.tmp!.path, a.path);
  } catch (err) {
    const code = errCode(err);
    if (code !== undefined && REFUSED.has(code)) {
      return wait(a, blocked({ ...j }, `the system refused to replace it (${code}: ${(err as Error).message})`), kernelHeld);
    }
    throw err;
  }
  return { kind: 'acquired', lock: adopt(a, reclaimed) };
}

/**
 * Replaces the judged file without `rename()` over it: renames it aside, checks the aside name is
 * the judged file (else puts it back), then publishes ours with the exclusive `link()`. Used where
 * there is no kernel lock (lease mode), and on Windows under the guard and the judged file's kernel
 * lock (see the module comment). `wait` is the answer when Windows refuses to move the file.
 */
function replaceAside(
  a: Attempt,
  judged: fs.Stats,
  reclaimed: Lock['reclaimed'],
  j: Judgement,
  kernelHeld: boolean | null,
): TryResult {
  const aside = `${a.path}.pidproof-${randomSuffix()}.break`;
  try {
    fs.renameSync(a.path, aside);
  } catch (err) {
    const code = errCode(err);
    if (code === 'ENOENT') return { kind: 'retry' };
    // Windows: a handle opened without FILE_SHARE_DELETE (another program) pins the name. POSIX:
    // a sticky directory, an immutable file, a security module.
    if (code !== undefined && REFUSED.has(code)) {
      return wait(a, isWin32 ? j : blocked({ ...j }, `the system refused to move it (${code})`), kernelHeld);
    }
    throw err;
  }
  const moved = lstatOrNull(aside);
  if (!moved || !sameFile(moved, judged)) {
    // We moved a newer lock than the one judged: put it back.
    try {
      fs.linkSync(aside, a.path);
    } catch {
      // someone published meanwhile; the displaced holder will learn at its next check
    }
    unlinkQuietly(aside);
    return { kind: 'retry' };
  }
  unlinkQuietly(aside);
  try {
    fs.linkSync(a.tmp!.path, a.path);
  } catch (err) {
    if (errCode(err) === 'EEXIST') return { kind: 'retry' };
    // Windows: a delete-pending name (a release between its unlink and close): look again soon.
    if (isWin32 && errCode(err) === 'EPERM') return { kind: 'busy' };
    throw err;
  }
  unlinkQuietly(a.tmp!.path);
  return { kind: 'acquired', lock: adopt(a, reclaimed) };
}

export function discardTemp(a: Attempt): void {
  if (!a.tmp) return;
  closeQuietly(a.tmp.fd);
  unlinkQuietly(a.tmp.path);
  a.tmp = null;
}

export function startAttempt(p: string, s: Settings): Attempt {
  // POSIX: `p` is canonical, so its last '/' splits it (path.dirname and basename do more work).
  const i = isWin32 ? -1 : p.lastIndexOf('/');
  if (i < 0) return { path: p, dir: path.dirname(p), base: path.basename(p), s, tmp: null, last: null };
  return { path: p, dir: i === 0 ? '/' : p.slice(0, i), base: p.slice(i + 1), s, tmp: null, last: null };
}

export function timeoutError(a: Attempt): LockTimeoutError {
  return new LockTimeoutError(
    a.path,
    a.s.timeoutMs,
    a.last ? holderInfo(a.last.judgement, a.last.kernelHeld) : null,
  );
}

export function abortError(signal: AbortSignal): AbortError {
  return abortErrorFor(signal, 'lock acquisition');
}

/** Next poll delay: 10 ms growing 1.5x to `capMs`, with ±20% jitter. */
export function backoff(n: number, capMs: number): number {
  const base = Math.min(capMs, 10 * 1.5 ** n);
  return base * (0.8 + Math.random() * 0.4);
}
