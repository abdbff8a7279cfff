/**
 * What `pidproof/proper-lockfile` adds to proper-lockfile's lock directory: its holder's identity
 * (pidproof's payload) in the directory inode's own extended attribute, and a kernel lock (flock)
 * the holder keeps on the directory for as long as it holds it.
 *
 * Why there. The record must stay where a stock proper-lockfile process never looks and never
 * trips: nothing may live *inside* `<file>.lock` (a stock process removes a stale lock with
 * `rmdir`, which a non-empty directory would fail), nothing may stay *beside* it after an unlock,
 * and a record left by an earlier holder must never vouch for a new directory. An extended
 * attribute of the directory inode is all three: `rmdir` ignores it and frees it with the inode,
 * and a directory made later starts without one even when the filesystem hands it the same inode
 * number (ext4 and tmpfs do, at once: checked on Linux 6.18). The flock belongs to the open
 * directory, is released by the kernel the moment its holder dies, and does not stop `rmdir`.
 *
 * The rule (`inspectDir`). A holder takes the flock first and writes the record second, so a
 * record whose flock is free proves its holder no longer holds the lock; the lock core's judge
 * (`lib/lock/judge.ts`) then names why: `dead-pid`, `recycled-pid`, `zombie-pid` (the holder's
 * identity on this host and boot), or `kernel-released` (a holder in another PID namespace of this
 * kernel). Only those take the lock before proper-lockfile's `stale`; everything else (no record,
 * a record from another host or boot, a live holder that no longer holds its flock, an unreadable
 * record) leaves proper-lockfile's mtime rule to decide, exactly as stock.
 *
 * Replacements are serialised under the lock core's replacement guard (`<lockfilePath>.pidproof-
 * guard`, a file that exists only while a drop-in process replaces the directory, then removed):
 * the replacer re-judges the path under the guard (`removableNow`) before it removes anything, so
 * two drop-in processes can never both remove and re-create the lock.
 *
 * Everything here runs on the real filesystem (the directory's descriptor, the addon), and only
 * for a directory that `options.fs` showed with the same device and inode: with a custom `fs`
 * that is not the disk (an in-memory fs), none of this applies and proper-lockfile's rules run
 * alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { addon } from '../binding';
import { identity as ids } from '../identity';
import {
  closeQuietly,
  dropGuardIfIdle,
  flockHolders,
  guardPath as guardPathOf,
  kernelTryLock,
  kernelUnlock,
  lstatOrNull,
  releaseGuard,
  sameFile,
  sleepSync,
  tryGuard,
} from '../lock/files';
import { judge, type KernelState } from '../lock/judge';
import type { LockPayload } from '../lock/payload';
import { asParsed, decodeRecord, encodeRecord } from './record-codec';
import type { GoneReason, RecordedHolder } from './types';

export type { GoneReason, RecordedHolder } from './types';

const C = fs.constants;
const DIR_FLAGS = C.O_RDONLY | (C.O_DIRECTORY ?? 0) | (C.O_NOFOLLOW ?? 0);

const EARLY = new Set<string>(['dead-pid', 'recycled-pid', 'zombie-pid', 'kernel-released']);

/** This build can keep records (the addon with its record calls; not the pure-TypeScript fallback). */
const supported =
  addon !== null && typeof addon.readDirRecord === 'function' && typeof addon.writeDirRecord === 'function';
/** Devices whose filesystem answered that it keeps no extended attributes: not asked again. */
const withoutRecords = new Set<number>();

/** What `options.fs.stat` showed of the lock directory. */
export interface Seen {
  dev: number;
  ino: number;
}

/** A record this process wrote on a directory it holds, with the descriptor keeping its flock. */
export interface Held {
  fd: number;
  dev: number;
  ino: number;
}

function openDir(p: string): { fd: number; st: fs.Stats } | null {
  let fd: number;
  try {
    fd = fs.openSync(p, DIR_FLAGS);
  } catch {
    return null; // gone, not a directory, a symlink, EMFILE, Windows: no record
  }
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) return { fd, st };
  } catch {
    // treated as no record
  }
  closeQuietly(fd);
  return null;
}

/**
 * This process's record (record-codec.ts), built once: what it states (this process's identity,
 * boot and host) is the same for every lock it takes; a lock is told from another by its
 * directory, not by its record. null when this process has something the format cannot say.
 */
let cached: { bytes: Buffer | null; pid: number } | null = null;
function currentRecord(): Buffer | null {
  if (cached === null || cached.pid !== process.pid) {
    let bytes: Buffer | null = null;
    try {
      bytes = encodeRecord(ids.selfIdentity());
    } catch {
      bytes = null;
    }
    cached = { bytes, pid: process.pid };
  }
  return cached.bytes;
}

const engageOut = new Float64Array(2);

/**
 * Called by a holder right after its `mkdir` succeeded and `options.fs.stat` showed the directory
 * (`seen`): opens it (the same device and inode: `real`), takes its flock, writes the record.
 * `record` null when any step is not possible here (then this holding has no record:
 * proper-lockfile's rules alone, for it).
 */
export function engage(lockPath: string, seen: Seen): { record: Held | null; real: boolean } {
  if (!supported) return { record: null, real: false };
  const rec = currentRecord();
  if (rec === null) return { record: null, real: onDisk(lockPath, seen) };
  if (typeof addon!.engageDirRecord === 'function' && typeof seen.dev === 'number' && typeof seen.ino === 'number') {
    // One native call: open (same device and inode), flock, write the record.
    let fd: number;
    try {
      fd = addon!.engageDirRecord(lockPath, seen.dev, seen.ino, rec, engageOut);
    } catch {
      return { record: null, real: false }; // a path the addon refuses (too long, NUL): stock rules
    }
    if (fd >= 0) return { record: { fd, dev: seen.dev, ino: seen.ino }, real: true };
    if (fd === -1) return { record: null, real: engageOut[0] !== 1 || onDisk(lockPath, seen) };
  }
  const o = openDir(lockPath);
  if (o === null) return { record: null, real: onDisk(lockPath, seen) };
  const { fd, st } = o;
  let keep = false;
  try {
    if (!sameFile(st, seen)) return { record: null, real: onDisk(lockPath, seen) };
    if (withoutRecords.has(st.dev)) return { record: null, real: true };
    // A contender judging this directory holds a shared flock for a microsecond: look again.
    let k = kernelTryLock(fd, true);
    for (let i = 0; k === 'busy' && i < 4; i++) {
      sleepSync(0.05 * (i + 1));
      k = kernelTryLock(fd, true);
    }
    if (k !== 'acquired') return { record: null, real: true };
    if (addon!.writeDirRecord!(fd, rec) === 'unsupported') {
      withoutRecords.add(st.dev);
      return { record: null, real: true };
    }
    keep = true;
    return { record: { fd, dev: st.dev, ino: st.ino }, real: true };
  } catch {
    return { record: null, real: true }; // EACCES, ENOSPC, EDQUOT...: no record for this holding
  } finally {
    if (!keep) closeQuietly(fd);
  }
}

/** Lets go of a holding's flock (after its directory was removed, or on compromise). */
export function disengage(h: Held | null): void {
  if (h !== null) closeQuietly(h.fd);
}

/**
 * After an unlock that removed the directory: lets go of the holding's flock and removes a
 * replacement guard a crashed contender may have left beside it (none normally: one lstat, in the
 * same native call as the close).
 */
export function disengageAfterUnlock(h: Held | null, lockPath: string): void {
  let guard = true;
  if (h !== null && typeof addon?.closeDirRecord === 'function') {
    try {
      const r = addon.closeDirRecord(h.fd, guardPathOf(lockPath));
      if (r >= 0) guard = r === 1;
      else closeQuietly(h.fd);
    } catch {
      closeQuietly(h.fd);
    }
  } else {
    disengage(h);
  }
  if (guard) dropIdleGuard(lockPath);
}

/** What the record on a lock directory says, judged now. */
export type DirState =
  /** No record (a stock holder, a directory being set up, no records here): proper-lockfile's rules. */
  | { kind: 'none'; real: boolean }
  /**
   * The path no longer names the directory `options.fs` showed (removed, or replaced since): the
   * judgement is out of date; look again (never remove on it).
   */
  | { kind: 'changed'; real: true }
  /** Its holder holds the directory's flock: alive on this kernel. */
  | { kind: 'held'; real: true; holder: RecordedHolder; payload: LockPayload; kernelJudged: boolean; detail: string }
  /** Its holder provably no longer holds it: the lock may be taken now. */
  | { kind: 'gone'; real: true; holder: RecordedHolder; reason: GoneReason; detail: string }
  /** The identity proves the holder gone but its flock is still held (being released): look again soon. */
  | { kind: 'releasing'; real: true; holder: RecordedHolder; detail: string }
  /** A record that proves nothing here (another host or boot, a live holder without its flock): mtime rules. */
  | { kind: 'unjudged'; real: true; holder: RecordedHolder | null; detail: string };

const NONE_REAL: DirState = Object.freeze({ kind: 'none', real: true });
const NONE_UNREAL: DirState = Object.freeze({ kind: 'none', real: false });
const CHANGED: DirState = Object.freeze({ kind: 'changed', real: true });
const NO_TOKENS: ReadonlySet<string> = new Set();

/**
 * Is what `options.fs` showed (`seen`) on the real filesystem? Its device is the device of the
 * lock directory's parent, as the real filesystem has it (a wrapper of Node's fs shows the same
 * device; an in-memory fs shows its own). Asked only when the directory itself could not be matched
 * (removed or replaced since it was seen), so that such a change is told from an fs that is not
 * the disk.
 */
function onDisk(lockPath: string, seen: Seen): boolean {
  try {
    const parent = fs.lstatSync(path.dirname(lockPath), { throwIfNoEntry: false });
    return parent !== undefined && typeof seen.dev === 'number' && parent.dev === seen.dev;
  } catch {
    return false;
  }
}

/**
 * Judges the record on the directory at `lockPath`, which `options.fs` showed as `seen`. `real`:
 * on the real filesystem (the guard and the re-check apply). Never throws; never keeps a lock on it.
 */
export function inspectDir(lockPath: string, seen: Seen): DirState {
  if (!supported) return NONE_UNREAL;
  const o = openDir(lockPath);
  if (o === null) return onDisk(lockPath, seen) ? CHANGED : NONE_UNREAL;
  const { fd, st } = o;
  try {
    if (!sameFile(st, seen)) return onDisk(lockPath, seen) ? CHANGED : NONE_UNREAL;
    if (withoutRecords.has(st.dev)) return NONE_REAL;
    // Shared: judges never exclude each other; only the holder's exclusive flock makes it busy.
    const k = kernelTryLock(fd, false);
    if (k === 'acquired') kernelUnlock(fd);
    let rec: Buffer | null | 'unsupported';
    try {
      rec = addon!.readDirRecord!(fd);
    } catch (err) {
      return { kind: 'unjudged', real: true, holder: null, detail: `its record cannot be read (${(err as Error).message})` };
    }
    if (rec === 'unsupported') {
      withoutRecords.add(st.dev);
      return NONE_REAL;
    }
    if (rec === null) return NONE_REAL;
    const d = decodeRecord(rec, st.mtimeMs, ids.currentScope());
    if (typeof d === 'string') return { kind: 'unjudged', real: true, holder: null, detail: `its record is ${d}` };
    const kernel: KernelState = k === 'acquired' ? 'free' : k === 'busy' ? 'held' : 'unsupported';
    const j = judge(asParsed(d), kernel, st.mtimeMs, ids, NO_TOKENS, () => flockHolders(st));
    if (j.reclaimable && kernel !== 'unsupported' && j.staleReasons.length > 0 && j.staleReasons.every((r) => EARLY.has(r))) {
      return { kind: 'gone', real: true, holder: d.holder, reason: j.staleReasons[0] as GoneReason, detail: j.detail };
    }
    if (j.releasing) return { kind: 'releasing', real: true, holder: d.holder, detail: j.detail };
    if (kernel === 'held') {
      return { kind: 'held', real: true, holder: d.holder, payload: d.payload, kernelJudged: j.kernelJudged === true, detail: j.detail };
    }
    return { kind: 'unjudged', real: true, holder: d.holder, detail: j.detail };
  } catch (err) {
    return { kind: 'unjudged', real: true, holder: null, detail: `its record cannot be judged (${(err as Error).message})` };
  } finally {
    closeQuietly(fd);
  }
}

/** The replacement guard of a lock directory, held while this process replaces it. */
export interface Guard {
  lockPath: string;
  fd: number;
}

/**
 * Takes the replacement guard without waiting. 'busy': another drop-in process is replacing the
 * lock right now (or something holds the guard); null: no guard can serialise here (a filesystem
 * without kernel locks, a guard path another user planted): proceed as stock does.
 */
export function takeGuard(lockPath: string): Guard | 'busy' | null {
  try {
    const g = tryGuard(lockPath, 0o644);
    if (g.kind === 'held') return { lockPath, fd: g.fd };
    return g.kind === 'busy' ? 'busy' : null;
  } catch {
    return null;
  }
}

/** Releases (and removes: nothing stays beside the lock) a guard taken by `takeGuard`. */
export function dropGuard(g: Guard | null): void {
  if (g !== null) releaseGuard(g.lockPath, { fd: g.fd }, true);
}

/** After an unlock: removes a guard a crashed replacer left beside the lock (none normally: one lstat). */
export function dropIdleGuard(lockPath: string): void {
  try {
    dropGuardIfIdle(lockPath, 0o644);
  } catch {
    // litter at worst
  }
}

/**
 * Under the guard, just before removing anything: may the directory now at `lockPath` be
 * removed? Re-judged from scratch on the real filesystem (a directory that replaced the judged
 * one, even under the same inode number, has a fresh mtime or a live record): `gone` with its
 * reason, `stale` by proper-lockfile's rule, 'vanished' (nothing there now), or null (keep it).
 */
export function removableNow(
  lockPath: string,
  staleMs: number,
): { reason: GoneReason | 'stale'; holder: RecordedHolder | null; mtimeMs: number } | 'vanished' | null {
  let st: fs.Stats | null;
  try {
    st = lstatOrNull(lockPath);
  } catch {
    return null;
  }
  if (st === null) return 'vanished';
  if (!st.isDirectory()) return null;
  const d = inspectDir(lockPath, st);
  if (d.kind === 'changed') return lstatOrNull(lockPath) === null ? 'vanished' : null;
  const mtimeMs = Math.floor(st.mtimeMs);
  if (d.kind === 'gone') return { reason: d.reason, holder: d.holder, mtimeMs };
  if (mtimeMs < Date.now() - staleMs) return { reason: 'stale', holder: d.kind === 'none' ? null : d.holder, mtimeMs };
  return null;
}
