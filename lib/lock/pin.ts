/**
 * Pinned directories for the doctor: a directory scanned as root must be the directory that is
 * fixed, even when another user who owns part of the tree swaps a component for a symlink between
 * the scan and the fix.
 *
 * Linux: the directory is opened once (`O_DIRECTORY`), its descriptor is checked to name exactly
 * the scanned path (`/proc/self/fd/<n>` reads back the canonical path the kernel opened: any
 * symlink swapped into the path makes it differ) and the scanned device and inode, and from then
 * on every operation goes through `/proc/self/fd/<n>/<name>`, which the kernel resolves through
 * the open descriptor, never again through the path. No window remains.
 *
 * Elsewhere (macOS, FreeBSD, Windows: no such descriptor paths) the same checks are made on the
 * path (`realpath` must be the scanned path, device and inode must match) right before each
 * directory is used; a swap in the microseconds between the check and the use is not detected.
 */
import fs from 'node:fs';
import path from 'node:path';
import { closeQuietly, HELD_OTHER, trackFd } from './files';

export interface PinnedDir {
  /** The directory as scanned and reported (canonical, absolute). */
  dir: string;
  /** What to join names to: `/proc/self/fd/<n>` when pinned by descriptor, else `dir`. */
  via: string;
  dev: number;
  ino: number;
  fd: number | null;
}

const C = fs.constants;
const O_DIRECTORY = C.O_DIRECTORY ?? 0;
const O_NOFOLLOW = C.O_NOFOLLOW ?? 0;
let fdPaths: boolean | undefined;

/** Does this system resolve `/proc/self/fd/<n>/name` through the descriptor? Checked once. */
function descriptorPaths(): boolean {
  if (fdPaths === undefined) {
    fdPaths = false;
    if (process.platform === 'linux') {
      let fd: number | null = null;
      try {
        fd = fs.openSync('/', C.O_RDONLY | O_DIRECTORY);
        fdPaths = fs.statSync(`/proc/self/fd/${fd}/.`).ino === fs.fstatSync(fd).ino;
      } catch {
        fdPaths = false;
      } finally {
        closeQuietly(fd);
      }
    }
  }
  return fdPaths;
}

/** The tree moved under the doctor: the directory is not the one scanned. */
export class TreeMovedError extends Error {
  constructor(readonly dir: string, why: string) {
    super(`the directory ${dir} changed since it was scanned (${why}): nothing in it was touched`);
  }
}

/**
 * Pins `dir` (a canonical absolute path). `expect`: the device and inode recorded when it was
 * scanned (null at the first visit). Throws TreeMovedError when the path no longer leads to that
 * directory without a symlink, or the filesystem error (ENOENT...) when it cannot be opened.
 */
export function pinDir(dir: string, expect: { dev: number; ino: number } | null): PinnedDir {
  if (descriptorPaths()) {
    let fd: number;
    try {
      fd = fs.openSync(dir, C.O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // O_NOFOLLOW | O_DIRECTORY on a symlink: ELOOP, or ENOTDIR on some kernels.
      if (code === 'ELOOP' || code === 'ENOTDIR') {
        throw new TreeMovedError(dir, fs.lstatSync(dir, { throwIfNoEntry: false })?.isSymbolicLink() ? 'it is now a symbolic link' : 'it is no longer a directory');
      }
      throw err;
    }
    try {
      const st = fs.fstatSync(fd);
      const real = fs.readlinkSync(`/proc/self/fd/${fd}`);
      if (real !== dir) throw new TreeMovedError(dir, `it now resolves to ${real}`);
      if (expect && (st.dev !== expect.dev || st.ino !== expect.ino)) {
        throw new TreeMovedError(dir, 'another directory now has its name');
      }
      trackFd(fd, HELD_OTHER, dir, st.dev, st.ino); // closed if a terminated worker leaves it
      return { dir, via: `/proc/self/fd/${fd}`, dev: st.dev, ino: st.ino, fd };
    } catch (err) {
      closeQuietly(fd);
      throw err;
    }
  }
  const real = fs.realpathSync.native(dir);
  // Windows paths are case-insensitive (and its realpath may spell the drive letter either way).
  const same = process.platform === 'win32' ? real.toLowerCase() === dir.toLowerCase() : real === dir;
  if (!same) throw new TreeMovedError(dir, `it now resolves to ${real}`);
  const st = fs.lstatSync(dir);
  if (!st.isDirectory()) throw new TreeMovedError(dir, 'it is no longer a directory');
  if (expect && (st.dev !== expect.dev || st.ino !== expect.ino)) {
    throw new TreeMovedError(dir, 'another directory now has its name');
  }
  return { dir, via: dir, dev: st.dev, ino: st.ino, fd: null };
}

export function unpin(p: PinnedDir | null): void {
  if (p?.fd != null) closeQuietly(p.fd);
}

/** The path of `name` inside a pinned directory, for file operations. */
export function inPinned(p: PinnedDir, name: string): string {
  return p.via === p.dir ? path.join(p.dir, name) : `${p.via}/${name}`;
}

/** Replaces descriptor paths in a message with the directory they stand for. */
export function shown(p: PinnedDir, text: string): string {
  return p.via === p.dir ? text : text.split(p.via).join(p.dir);
}
