/**
 * File operations of the lock core: kernel locks through the addon, symlink-safe opens, bounded
 * reads, temp files, the replacement guard. All synchronous (a few µs each), so no libuv
 * threadpool thread ever waits on a lock.
 */
import fs from 'node:fs';
import path from 'node:path';
import { addon } from '../binding';
import { LockPathError } from './errors';
import { MAX_LOCK_BYTES, randomHex } from './payload';

const C = fs.constants;
const O_NOFOLLOW = C.O_NOFOLLOW ?? 0;
const O_NONBLOCK = C.O_NONBLOCK ?? 0;

export type KernelTry = 'acquired' | 'busy' | 'unsupported';

/** Non-blocking kernel lock (flock / LockFileEx). 'unsupported' without the addon or on such fs. */
export function kernelTryLock(fd: number, exclusive: boolean): KernelTry {
  if (!addon) return 'unsupported';
  return addon.tryLock(fd, exclusive);
}

export function kernelUnlock(fd: number): void {
  if (addon) addon.unlock(fd);
}

export function errCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | null)?.code;
}

// ---- What a worker holds when it is terminated (issue 20) ----------------------------------------
// `worker.terminate()` runs no more JavaScript in the worker: the addon's environment cleanup hook
// releases the descriptors registered here (native/addon.cc, "What a worker thread holds").

/** Registry kinds: a lock file and a temp file are unlinked (while ours) and closed; other closed. */
export const HELD_LOCK = 0;
export const HELD_TEMP = 1;
export const HELD_OTHER = 2;
const tracker = addon !== null && typeof addon.trackFile === 'function' && typeof addon.untrackFile === 'function' ? addon : null;

/**
 * Registers `fd` for release at environment teardown (no-op without the addon). A path the addon
 * cannot take (4096 bytes or longer: a Windows long path) is not registered: that holding is then
 * released at exit as before, never refused.
 */
export function trackFd(fd: number, kind: 0 | 1 | 2, p: string, dev: number, ino: number): void {
  if (tracker === null) return;
  try {
    tracker.trackFile!(fd, kind, p, dev, ino);
  } catch {
    // not registered (see above)
  }
}

/** Closes a descriptor, unregistering it first (a closed number may be reused by another thread). */
export function closeQuietly(fd: number | null | undefined): void {
  if (fd === null || fd === undefined) return;
  if (tracker !== null) tracker.untrackFile!(fd);
  try {
    fs.closeSync(fd);
  } catch {
    // already closed
  }
}

export function unlinkQuietly(p: string): void {
  try {
    fs.unlinkSync(p);
  } catch {
    // gone already
  }
}

export function randomSuffix(): string {
  return randomHex(6);
}

function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** Same file? (device and inode; Windows reports file ids as ino). */
export function sameFile(a: { dev: number; ino: number }, b: { dev: number; ino: number }): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** lstat, or null when the path does not exist. */
export function lstatOrNull(p: string): fs.Stats | null {
  try {
    // throwIfNoEntry: no Error object (with its stack) for ENOENT; every release checks a path
    // that is normally absent (the guard sidecar).
    return fs.lstatSync(p, { throwIfNoEntry: false }) ?? null;
  } catch (err) {
    if (errCode(err) === 'ENOENT' || errCode(err) === 'ENOTDIR') return null;
    throw err;
  }
}

export interface OpenedLock {
  fd: number;
  st: fs.Stats;
}

/** The lock file exists but this process cannot open it; `st` says whose it is (null: unknown). */
export interface DeniedLock {
  denied: true;
  st: fs.Stats | null;
}

/**
 * Opens an existing lock file for reading without following a symlink, without blocking on a
 * FIFO and without opening a device or socket (checked with lstat first, then again on the open
 * descriptor). Returns null when it does not exist, a `DeniedLock` when it cannot be read, throws
 * LockPathError when the path is not a regular file. `listedRegular`: the caller's directory
 * listing said it is a regular file (the doctor's readdir d_type), which stands in for the lstat
 * (one path lookup less per file: the doctor's paths go through /proc/self/fd). Symlinks, FIFOs,
 * sockets and directories swapped in since are still refused (O_NOFOLLOW, O_NONBLOCK, fstat); a
 * device node swapped in would be opened before fstat refuses it, which takes CAP_MKNOD to plant.
 */
export function openExisting(p: string, listedRegular = false): OpenedLock | DeniedLock | null {
  let l: fs.Stats | null = null;
  if (!listedRegular) {
    try {
      l = lstatOrNull(p);
    } catch (err) {
      // Windows: a delete-pending name (unlinked without POSIX semantics, a handle still open)
      // answers EPERM to lstat and open alike until it goes: nothing to judge now, never reclaimable.
      if (errCode(err) === 'EPERM' || errCode(err) === 'EACCES') return { denied: true, st: null };
      throw err;
    }
    if (l === null) return null;
    if (!l.isFile()) throw new LockPathError(p, `is ${kindOf(l)}, not a lock file; pidproof never follows or replaces it`);
  }
  let fd: number;
  try {
    fd = fs.openSync(p, C.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (err) {
    const code = errCode(err);
    if (code === 'ENOENT') return null;
    if (code === 'ELOOP' || code === 'EMLINK') {
      throw new LockPathError(p, 'is a symbolic link; pidproof never follows it');
    }
    if (code === 'EACCES' || code === 'EPERM') return { denied: true, st: l ?? lstatOrNullQuiet(p) };
    if (code === 'EISDIR') throw new LockPathError(p, 'is a directory, not a lock file');
    if (code === 'ENXIO' || code === 'EOPNOTSUPP') throw new LockPathError(p, 'is a socket, not a lock file');
    throw err;
  }
  const st = fs.fstatSync(fd);
  if (!st.isFile()) {
    closeQuietly(fd);
    throw new LockPathError(p, `is ${kindOf(st)}, not a lock file; pidproof never replaces it`);
  }
  // A reclaim holds the judged file's kernel lock through it: never left open by a terminated worker.
  trackFd(fd, HELD_OTHER, p, st.dev, st.ino);
  return { fd, st };
}

export function isDenied(o: OpenedLock | DeniedLock | null): o is DeniedLock {
  return o !== null && 'denied' in o;
}

/** Reads a lock file from offset 0, at most MAX_LOCK_BYTES; null when it is larger. */
export function readBounded(fd: number, size: number): Buffer | null {
  if (size > MAX_LOCK_BYTES) return null;
  const buf = Buffer.alloc(Math.min(MAX_LOCK_BYTES + 1, Math.max(size, 0) + 1));
  let n = 0;
  while (n < buf.length) {
    const r = fs.readSync(fd, buf, n, buf.length - n, n);
    if (r === 0) break;
    n += r;
  }
  if (n > MAX_LOCK_BYTES) return null;
  return buf.subarray(0, n);
}

const isWin32 = process.platform === 'win32';

/**
 * Gives a file we just created exactly `mode` (the umask may have narrowed it). POSIX only: on
 * Windows a mode only toggles the read-only attribute.
 */
export function applyMode(fd: number, mode: number): void {
  if (isWin32) return;
  if ((fs.fstatSync(fd).mode & 0o7777) !== mode) fs.fchmodSync(fd, mode);
}

/** `<dir>/<base>.pidproof-<48 random bits>.<tag>`: a sidecar name beside the lock path. */
export function sidecarPath(dir: string, base: string, tag: string): string {
  // `dir` is canonical (absolute, normalised): plain concatenation is path.join here, ~10x cheaper.
  const sep = dir.charCodeAt(dir.length - 1) === path.sep.charCodeAt(0) ? '' : path.sep;
  return `${dir}${sep}${base}.pidproof-${randomSuffix()}.${tag}`;
}

/** A new file beside the lock path, created exclusively with exactly `mode`. */
export function createExclusive(dir: string, base: string, tag: string, mode: number): { path: string; fd: number } {
  for (let i = 0; ; i++) {
    const p = sidecarPath(dir, base, tag);
    let fd: number;
    try {
      // O_RDWR: heartbeats rewrite the payload through this descriptor.
      fd = fs.openSync(p, C.O_RDWR | C.O_CREAT | C.O_EXCL | O_NOFOLLOW, mode);
    } catch (err) {
      if (errCode(err) === 'EEXIST' && i < 5) continue;
      throw err;
    }
    try {
      applyMode(fd, mode);
    } catch (err) {
      closeQuietly(fd);
      unlinkQuietly(p);
      throw err;
    }
    return { path: p, fd };
  }
}

// ---- One native call per uncontended publish and per release (issue 15) ----------------------

/** The addon's one-call publish and release exist here (POSIX builds); cleared on a -1 answer. */
let oneCall = addon !== null && typeof addon.publish === 'function' && typeof addon.releaseFile === 'function';
const publishOut = new Float64Array(5);
/** Unnamed temp files (Linux O_TMPFILE) are asked for, except for these lock paths (see publishOnce). */
const unnamedHere = process.platform === 'linux';
const noUnnamed = new Set<string>();

/** What `publishOnce` did. `fd`/`dev`/`ino`: the temp file, now the lock file when acquired. */
export interface Published {
  /**
   * `acquired`: linked at the lock path (temp name gone); `exists`: the lock is held (EEXIST), the
   * temp file is kept, locked and written; `link-failed`: link() failed otherwise, temp kept (link
   * again to get the error); `no-kernel-lock`: created with its mode only (lease mode: write a
   * lease payload and link it).
   */
  outcome: 'acquired' | 'exists' | 'link-failed' | 'no-kernel-lock';
  fd: number;
  dev: number;
  ino: number;
  /** Bytes of payload written (0 for `no-kernel-lock`). */
  size: number;
  /** Published from an unnamed temp file: no temp name was ever made. */
  unnamed: boolean;
}
const OUTCOMES: ReadonlyArray<Published['outcome']> = ['acquired', 'exists', 'link-failed', 'no-kernel-lock'];

/**
 * The uncontended publish as one native call: create `<lockPath>.pidproof-<suffix>.tmp` (the name
 * `sidecarPath` gives; the addon builds it) exclusively with exactly `mode`,
 * kernel-lock it, write `payload`, `link()` it to `lockPath`, unlink the temp name (see
 * native/lock_posix.cc). On Linux the file is first made unnamed (O_TMPFILE) and linked by its
 * descriptor: no temp name to create and remove when the lock is free; it gets the temp name only
 * when the publish does not succeed (held, or no kernel lock here), so every other outcome is as
 * above. A lock path whose directory cannot make or link unnamed files is remembered and gets the
 * named path at once. With `template`, `payload` is the head of the payload text and the addon
 * writes the rest (`payloadHead`); 'format' when it cannot (nothing done: serialise it here).
 * null when this build has no such call (Windows, the fallback): use the step-by-step path.
 * Throws the creation error (with `.code` and `.syscall`), the file removed.
 */
export function publishOnce(
  lockPath: string,
  suffix: string,
  mode: number,
  payload: Buffer,
  template?: { tail: Float64Array; token: string },
): Published | 'format' | null {
  if (!oneCall) return null;
  const unnamed = unnamedHere && !noUnnamed.has(lockPath);
  let r: ReturnType<NonNullable<NonNullable<typeof addon>['publish']>>;
  publishOut[4] = 0;
  try {
    r = addon!.publish!(lockPath, suffix, mode, payload, publishOut, template?.tail, template?.token, unnamed);
  } finally {
    if (unnamed && publishOut[4] === 2) {
      if (noUnnamed.size >= 256) noUnnamed.clear();
      noUnnamed.add(lockPath);
    }
  }
  if (r === -1) {
    oneCall = false;
    return null;
  }
  if (r === -2) return 'format';
  return { outcome: OUTCOMES[r], fd: publishOut[0], dev: publishOut[1], ino: publishOut[2], size: publishOut[3], unnamed: publishOut[4] === 1 };
}

/**
 * The release as one native call: unlink `lockPath` while it names (`dev`, `ino`), close `fd`,
 * and, with `lookForGuard`, say whether the replacement guard exists. Bits: 1 removed (or could
 * not look), 2 guard exists. null when this build has no such call: use the step-by-step path.
 */
export function releaseOnce(fd: number, lockPath: string, dev: number, ino: number, lookForGuard = true): number | null {
  if (!oneCall) return null;
  const r = addon!.releaseFile!(fd, lockPath, dev, ino, lookForGuard);
  if (r === -1) {
    oneCall = false;
    return null;
  }
  return r;
}

/** Writes the whole buffer at offset 0. */
export function writeAll(fd: number, buf: Buffer): void {
  let n = 0;
  while (n < buf.length) n += fs.writeSync(fd, buf, n, buf.length - n, n);
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));
/** Sleeps the thread without spinning (sync API only). */
export function sleepSync(ms: number): void {
  if (ms > 0) Atomics.wait(sleepCell, 0, 0, ms);
}

/**
 * The replacement guard: `<lock>.pidproof-guard`, a sidecar whose kernel lock serialises every
 * replacement of the lock path (reclaim, lease break, a release near its expiry). A kernel lock
 * dies with its holder, so the guard is never held by a dead process.
 *
 * It is opened read-only (a kernel lock needs no more), an existing guard without O_CREAT (so a
 * guard another user left in a sticky directory opens under `fs.protected_regular`), a missing
 * one created exclusively with `guardMode(lock mode, directory mode)`: only the classes that may
 * replace the lock (write its directory) may open its guard, so a mere reader of a 0644 lock cannot
 * hold the guard to block reclaims.
 * Anything that is not a regular file at the guard path (a directory, a symlink, a FIFO), or a
 * guard this user cannot open, blocks replacements: the caller is told why (`blocked`) and never
 * follows or modifies it. A guard held by another process is `busy`, with who holds it.
 */
export type GuardResult =
  | { kind: 'held'; fd: number; created: boolean }
  | { kind: 'busy'; why?: string }
  | { kind: 'unsupported' }
  | { kind: 'blocked'; why: string };

export function guardPath(lockPath: string): string {
  return `${lockPath}.pidproof-guard`;
}

/**
 * The guard's mode for a lock of mode `lockMode` in a directory of mode `dirMode`: read-write for
 * the owner; read (all a `flock` needs) for the group, or for others, only where the lock lets them
 * read it and the directory lets them replace it (write, not sticky): those are the users who can
 * reclaim it, and they could delete it anyway. A mere reader (no write to the directory) gets
 * nothing: a guard it could open it could hold, blocking every reclaim. A lock of 0644 in a 0755
 * directory gets a 0600 guard; 0640 in a group-writable 2775 directory, 0640.
 */
export function guardMode(lockMode: number, dirMode: number | null): number {
  if (dirMode === null || (dirMode & 0o1000) !== 0) return 0o600;
  return 0o600 | (lockMode & 0o040 && dirMode & 0o020 ? 0o040 : 0) | (lockMode & 0o004 && dirMode & 0o002 ? 0o004 : 0);
}

function dirModeOf(lockPath: string): number | null {
  try {
    return fs.statSync(path.dirname(lockPath)).mode;
  } catch {
    return null;
  }
}

function openGuardFd(gp: string, mode: number, create = true): { fd: number; created: boolean } | { why: string } | 'pending' | 'absent' {
  const flags = C.O_RDONLY | O_NOFOLLOW | O_NONBLOCK;
  for (let i = 0; i < 3; i++) {
    try {
      return { fd: fs.openSync(gp, flags), created: false };
    } catch (err) {
      const code = errCode(err);
      if (code === 'ENOENT' && !create) return 'absent';
      if (code === 'ENOENT') {
        try {
          const fd = fs.openSync(gp, flags | C.O_CREAT | C.O_EXCL, mode);
          try {
            applyMode(fd, mode);
          } catch {
            // the guard's mode only decides who else may take it
          }
          return { fd, created: true };
        } catch (e2) {
          if (errCode(e2) === 'EEXIST') continue; // created meanwhile: open it
          if (errCode(e2) === 'EPERM' && isWin32) return 'pending';
          throw e2;
        }
      }
      if (code === 'ELOOP' || code === 'EMLINK') return { why: `the replacement guard ${gp} is a symbolic link (pidproof never follows it; remove it)` };
      if (code === 'EISDIR') return { why: `the replacement guard ${gp} is a directory (remove it)` };
      if (code === 'ENXIO' || code === 'EOPNOTSUPP') return { why: `the replacement guard ${gp} is a socket (remove it)` };
      // Windows without POSIX delete semantics: the guard name is delete-pending (another process
      // is between the unlink and the close of dropGuardIfIdle): look again soon.
      if (code === 'EPERM' && isWin32) return 'pending';
      if (code === 'EACCES' || code === 'EPERM') {
        const st = lstatOrNullQuiet(gp);
        return { why: `the replacement guard ${gp} cannot be opened by this user${st ? ` (${ownerText(st)})` : ''}` };
      }
      throw err;
    }
  }
  return 'pending';
}

function lstatOrNullQuiet(p: string): fs.Stats | null {
  try {
    return lstatOrNull(p);
  } catch {
    return null;
  }
}

/** "owned by uid 0, mode 0600" for messages. */
export function ownerText(st: fs.Stats): string {
  return isWin32 ? 'another account' : `owned by uid ${st.uid}, mode ${(st.mode & 0o7777).toString(8).padStart(4, '0')}`;
}

/**
 * Why a held guard blocks us: the PIDs holding its kernel lock (Linux, /proc/locks) and its owner.
 * A reclaimer holds it for a moment; a process that keeps holding it blocks reclaims until it exits.
 */
function guardBusyWhy(gp: string, st: fs.Stats): string {
  const pids = flockHolders(st);
  const by = pids ? ` by PID ${pids.map((p) => (p === 0 ? '(outside this PID namespace)' : String(p))).join(', ')}` : ' by another process';
  return (
    `its replacement guard ${gp} is held${by} (${ownerText(st)}): another contender is replacing it now, ` +
    `or that process holds the guard and blocks replacements until it exits (if it is no pidproof process, stop it or have root remove the guard)`
  );
}

/**
 * What an acquire would meet at the guard, without creating, keeping or changing anything:
 * null when it could take the guard now (or there is none yet), else why not. `inspectLock` asks
 * this so that it never calls reclaimable what an acquire could not reclaim.
 */
export function probeGuard(lockPath: string): string | null {
  const gp = guardPath(lockPath);
  // The common case, no guard: one lstat, no Error object (the doctor asks for every stale file).
  // An lstat error (Windows: a delete-pending guard answers EPERM) is left to the open to name.
  let present = true;
  try {
    present = lstatOrNull(gp) !== null;
  } catch {
    // the open below answers
  }
  if (!present) return null;
  const o = openGuardFd(gp, 0, false);
  if (o === 'absent') return null;
  if (o === 'pending') return `its replacement guard ${gp} is being deleted: look again`;
  if ('why' in o) return o.why;
  try {
    const st = fs.fstatSync(o.fd);
    if (!st.isFile()) return `the replacement guard ${gp} is ${kindOf(st)}, not a file (remove it)`;
    const k = kernelTryLock(o.fd, true);
    if (k === 'acquired') kernelUnlock(o.fd);
    return k === 'busy' ? guardBusyWhy(gp, st) : null;
  } finally {
    closeQuietly(o.fd);
  }
}

/** Takes the guard without waiting. */
export function tryGuard(lockPath: string, mode: number): GuardResult {
  const gp = guardPath(lockPath);
  for (let attempt = 0; attempt < 3; attempt++) {
    const o = openGuardFd(gp, guardMode(mode, dirModeOf(lockPath)));
    if (o === 'pending' || o === 'absent') return { kind: 'busy' };
    if ('why' in o) return { kind: 'blocked', why: o.why };
    const { fd, created } = o;
    let st: fs.Stats;
    try {
      st = fs.fstatSync(fd);
    } catch (err) {
      closeQuietly(fd);
      throw err;
    }
    if (!st.isFile()) {
      closeQuietly(fd);
      return { kind: 'blocked', why: `the replacement guard ${gp} is ${kindOf(st)}, not a file (remove it)` };
    }
    const k = kernelTryLock(fd, true);
    if (k !== 'acquired') {
      if (k === 'busy') {
        const why = guardBusyWhy(gp, st);
        closeQuietly(fd);
        return { kind: 'busy', why };
      }
      closeQuietly(fd);
      // No kernel locks on this filesystem: a guard is useless here; leave no file behind.
      if (created) unlinkQuietly(gp);
      return { kind: 'unsupported' };
    }
    // Locked an inode that is still the guard (not one unlinked by hand meanwhile)?
    try {
      const onDisk = lstatOrNull(gp);
      if (onDisk && sameFile(onDisk, st)) {
        narrowGuard(fd, st, lockPath, mode);
        // Held through this descriptor: closed by the addon if the worker ends meanwhile.
        trackFd(fd, HELD_OTHER, gp, st.dev, st.ino);
        return { kind: 'held', fd, created };
      }
    } catch (err) {
      closeQuietly(fd); // never keep a guard locked on an error path
      throw err;
    }
    closeQuietly(fd);
  }
  return { kind: 'busy' };
}

/**
 * A guard of ours that an older pidproof created with the lock's own mode (readable by readers):
 * narrow it to `guardMode` while we hold it (never widen it). Someone else's guard is left as it is.
 */
function narrowGuard(fd: number, st: fs.Stats, lockPath: string, lockMode: number): void {
  if (isWin32 || typeof process.geteuid !== 'function' || st.uid !== process.geteuid()) return;
  const want = guardMode(lockMode, dirModeOf(lockPath));
  if ((st.mode & 0o777 & ~want) === 0) return;
  try {
    fs.fchmodSync(fd, st.mode & 0o777 & want);
  } catch {
    // its mode only decides who else may take it
  }
}

/**
 * Lets go of a guard we hold. `remove`: also unlink it, which is always safe while holding its
 * kernel lock (whoever locks the old inode next sees that the path no longer names it, and
 * retries): a contender that created the guard and then gave up leaves nothing behind.
 */
export function releaseGuard(lockPath: string, g: { fd: number }, remove: boolean): void {
  if (remove) {
    try {
      const onDisk = lstatOrNull(guardPath(lockPath));
      if (onDisk && sameFile(onDisk, fs.fstatSync(g.fd))) fs.unlinkSync(guardPath(lockPath));
    } catch {
      // litter at worst
    }
  }
  closeQuietly(g.fd);
}

/**
 * Removes the guard sidecar once nothing needs it: only while holding its kernel lock and only
 * when the lock path is gone.
 */
export function dropGuardIfIdle(lockPath: string, mode: number): void {
  if (lstatOrNull(guardPath(lockPath)) === null) return; // the common case: no reclaim ever happened here
  const g = tryGuard(lockPath, mode);
  if (g.kind !== 'held') return;
  releaseGuard(lockPath, g, lstatOrNull(lockPath) === null);
}

/** Takes the guard, waiting (sync, bounded) while another process replaces the lock. */
export function takeGuardSync(lockPath: string, mode: number, maxWaitMs: number): GuardResult {
  const end = Date.now() + maxWaitMs;
  for (let wait = 1; ; wait = Math.min(wait * 2, 20)) {
    const g = tryGuard(lockPath, mode);
    if (g.kind !== 'busy') return g;
    if (Date.now() >= end) return g;
    sleepSync(wait);
  }
}

/** Linux `statfs` f_type of filesystems that never accept a regular file (linux/magic.h). */
const VIRTUAL_FS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x63677270, 'cgroup2'],
  [0x27e0eb, 'cgroup'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0x1cd1, 'devpts'],
  [0x62656570, 'configfs'],
  [0xcafe4a11, 'bpf'],
]);

/**
 * Why this process could not create a lock file in `dir`, or null when nothing says so (the
 * create itself then answers). For `inspectLock` of a missing file, which must not promise an
 * acquire that would fail with a LockPathError: no write access, a read-only mount, a virtual
 * filesystem (checked by its `statfs` type on Linux, since root passes the access check there).
 */
export function cannotCreateIn(dir: string): string | null {
  if (process.platform === 'linux' && typeof fs.statfsSync === 'function') {
    try {
      const fsType = VIRTUAL_FS.get(Number(fs.statfsSync(dir).type));
      if (fsType !== undefined) {
        return `its directory ${dir} is on ${fsType}, a virtual filesystem that takes no lock files: choose a directory on a regular filesystem`;
      }
    } catch {
      // unknown here: the access check (or the create itself) answers
    }
  }
  try {
    fs.accessSync(dir, C.W_OK);
  } catch (err) {
    const code = errCode(err);
    if (code === 'EROFS') return `its directory ${dir} is on a read-only filesystem: choose a writable directory`;
    if (code === 'ENOENT' || code === 'ENOTDIR') return `its directory ${dir} does not exist`;
    if (code === 'EACCES' || code === 'EPERM') {
      const who = typeof process.geteuid === 'function' ? ` (uid ${process.geteuid()})` : '';
      const d = lstatOrNullQuiet(dir);
      return `this user${who} cannot create files in its directory ${dir}${d ? ` (${ownerText(d)})` : ''}: choose a directory this user can write, or grant it write access`;
    }
  }
  return null;
}

/**
 * Can this process replace (rename over) or remove a file in `dir` owned by `fileUid`? POSIX:
 * it needs write access to the directory and, when the directory is sticky (`/tmp`), to own the
 * file or the directory, or be root. Returns why not, or null. Windows: null (ACLs decide; the
 * rename then answers).
 */
export function cannotReplace(dir: string, fileSt: fs.Stats): string | null {
  if (isWin32 || typeof process.geteuid !== 'function') return null;
  const euid = process.geteuid();
  if (euid === 0) return null;
  let d: fs.Stats;
  try {
    d = fs.statSync(dir);
  } catch {
    return null; // let the operation itself answer
  }
  try {
    fs.accessSync(dir, C.W_OK);
  } catch {
    return `this user (uid ${euid}) cannot write its directory (${ownerText(d)})`;
  }
  if ((d.mode & 0o1000) !== 0 && fileSt.uid !== euid && d.uid !== euid) {
    return `its directory is sticky (like /tmp) and the lock belongs to uid ${fileSt.uid}: only that user or root can replace it (pidproof doctor --fix as either)`;
  }
  return null;
}

/**
 * The PIDs holding a `flock` on the file `st` (Linux, from /proc/locks), or null when that cannot
 * be told (another OS, /proc/locks unreadable, or the file's device not matched there). PIDs are
 * as /proc sees them: 0 for a holder outside this PID namespace.
 */
export function flockHolders(st: { dev: number; ino: number }): number[] | null {
  if (process.platform !== 'linux') return null;
  let text: string;
  try {
    text = fs.readFileSync('/proc/locks', 'latin1');
  } catch {
    return null;
  }
  // Userspace st_dev (glibc encoding) -> the kernel's major:minor as /proc/locks prints them.
  const dev = BigInt(st.dev);
  const major = Number(((dev >> 8n) & 0xfffn) | ((dev >> 32n) & ~0xfffn));
  const minor = Number((dev & 0xffn) | ((dev >> 12n) & ~0xffn));
  const want = `${major.toString(16).padStart(2, '0')}:${minor.toString(16).padStart(2, '0')}:${st.ino}`;
  const pids: number[] = [];
  for (const line of text.split('\n')) {
    // "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF"; blocked waiters are "1: -> FLOCK ...".
    const f = line.trim().split(/\s+/);
    if (f[1] !== 'FLOCK' || f[5] !== want) continue;
    pids.push(Number(f[4]));
  }
  return pids.length > 0 ? pids : null;
}
