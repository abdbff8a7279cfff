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

export function closeQuietly(fd: number | null | undefined): void {
  if (fd === null || fd === undefined) return;
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

/**
 * Opens an existing lock file for reading without following a symlink and without blocking on a
 * FIFO. Returns null when it does not exist, 'denied' when it cannot be read, throws LockPathError
 * when the path is not a regular file.
 */
export function openExisting(p: string): OpenedLock | null | 'denied' {
  if (O_NOFOLLOW === 0) {
    // Windows has no O_NOFOLLOW: check first (a symlink swapped in between is opened read-only).
    let l: fs.Stats | null;
    try {
      l = lstatOrNull(p);
    } catch (err) {
      // A delete-pending name (unlinked without POSIX semantics, a handle still open) answers
      // EPERM to lstat and open alike until it goes: nothing to judge now, never reclaimable.
      if (errCode(err) === 'EPERM' || errCode(err) === 'EACCES') return 'denied';
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
    if (code === 'EACCES' || code === 'EPERM') return 'denied';
    if (code === 'EISDIR') throw new LockPathError(p, 'is a directory, not a lock file');
    throw err;
  }
  const st = fs.fstatSync(fd);
  if (!st.isFile()) {
    closeQuietly(fd);
    throw new LockPathError(p, `is ${kindOf(st)}, not a lock file; pidproof never replaces it`);
  }
  return { fd, st };
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

/** A new file beside the lock path, created exclusively. */
export function createExclusive(dir: string, base: string, tag: string): { path: string; fd: number } {
  for (let i = 0; ; i++) {
    const p = path.join(dir, `${base}.pidproof-${randomSuffix()}.${tag}`);
    try {
      // O_RDWR: heartbeats rewrite the payload through this descriptor.
      const fd = fs.openSync(p, C.O_RDWR | C.O_CREAT | C.O_EXCL | O_NOFOLLOW, 0o644);
      return { path: p, fd };
    } catch (err) {
      if (errCode(err) === 'EEXIST' && i < 5) continue;
      throw err;
    }
  }
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
 * The replacement guard: `<lock>.pidproof-guard`, a permanent sidecar whose kernel lock serialises
 * every replacement of the lock path (reclaim, lease break, a release near its expiry). A kernel
 * lock dies with its holder, so the guard can never go stale. Returns the fd holding it, null when
 * another process holds it right now, or 'unsupported' when the filesystem has no kernel locks.
 */
export function tryGuard(lockPath: string): number | null | 'unsupported' {
  const gp = `${lockPath}.pidproof-guard`;
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = fs.openSync(gp, C.O_RDWR | C.O_CREAT | O_NOFOLLOW, 0o644);
    } catch (err) {
      if (errCode(err) === 'ELOOP') throw new LockPathError(gp, 'is a symbolic link; pidproof never follows it');
      // Windows without POSIX delete semantics: the guard name is delete-pending (another process
      // is between the unlink and the close of dropGuardIfIdle), so opening it fails with EPERM.
      if (errCode(err) === 'EPERM' && process.platform === 'win32') return null;
      throw err;
    }
    const k = kernelTryLock(fd, true);
    if (k !== 'acquired') {
      closeQuietly(fd);
      if (k === 'busy') return null;
      // No kernel locks on this filesystem: a guard is useless here; leave no file behind.
      unlinkQuietly(gp);
      return 'unsupported';
    }
    // Locked an inode that is still the guard (not one unlinked by hand meanwhile)?
    try {
      const onDisk = lstatOrNull(gp);
      if (onDisk && sameFile(onDisk, fs.fstatSync(fd))) return fd;
    } catch (err) {
      closeQuietly(fd); // never keep a guard locked on an error path
      throw err;
    }
    closeQuietly(fd);
  }
  return null;
}

/**
 * Removes the guard sidecar once nothing needs it: only while holding its kernel lock and only
 * when the lock path is gone. Safe because every guard taker re-checks, after locking, that the
 * path still names the inode it locked (`tryGuard`).
 */
export function dropGuardIfIdle(lockPath: string): void {
  const gp = `${lockPath}.pidproof-guard`;
  if (lstatOrNull(gp) === null) return; // the common case: no reclaim ever happened here
  const g = tryGuard(lockPath);
  if (typeof g !== 'number') return;
  try {
    if (lstatOrNull(lockPath) === null) unlinkQuietly(gp);
  } finally {
    closeQuietly(g);
  }
}

/** Takes the guard, waiting (sync, bounded) while another process replaces the lock. */
export function takeGuardSync(lockPath: string, maxWaitMs: number): number | null | 'unsupported' {
  const end = Date.now() + maxWaitMs;
  for (let wait = 1; ; wait = Math.min(wait * 2, 20)) {
    const g = tryGuard(lockPath);
    if (g !== null) return g;
    if (Date.now() >= end) return null;
    sleepSync(wait);
  }
}
