/** `inspectLock(path)`: who holds a lock, is it alive, can it be reclaimed — without touching it. */
import fs from 'node:fs';
import type { OwnerVerdict } from '../types';
import { closeQuietly, kernelTryLock, kernelUnlock, openExisting } from './files';
import { readAndJudge } from './attempt';
import { canonicalLockPath } from './options';
import type { LockFormat, LockPayload } from './payload';
import type { KernelState } from './judge';

/** What `inspectLock` found. */
export interface LockInspection {
  /** Absolute path inspected. */
  path: string;
  /** Whether a lock file exists at the path. */
  exists: boolean;
  /** `pidproof`, `openclaw` (session-lock JSON), `pidfile` (a bare PID) or `unknown`. */
  format: LockFormat;
  /**
   * Whether a kernel lock is held on the file right now: true means a live process on this
   * host holds it; null when the file does not exist or the filesystem has no kernel locks.
   */
  kernelHeld: boolean | null;
  /** The parsed payload, or null. */
  holder: LockPayload | Record<string, unknown> | null;
  /** The owner's verdict (`unknown` for unrecognised files; `dead` when there is no file). */
  verdict: OwnerVerdict;
  /** Proven reasons it is stale: `dead-pid`, `recycled-pid`, `zombie-pid`, `other-boot`, `lease-expired`, `hold-exceeded`, `orphan-self`. */
  staleReasons: string[];
  /** Age from the payload's creation time (or the file's mtime), ms; null without a file. */
  ageMs: number | null;
  /** Whether an acquire would reclaim (or break) it now. */
  reclaimable: boolean;
  /** One sentence for people. */
  detail: string;
  /** Whether pidproof can keep kernel locks on this filesystem (`lease` mode otherwise). */
  mode: 'kernel' | 'lease' | null;
}

/**
 * An inspection of a file that could not be judged (unreadable, not a lock file, not inspected):
 * verdict `unknown`, never reclaimable. Shared with the doctor's skipped entries.
 */
export function unjudged(path: string, detail: string, ageMs: number | null): LockInspection {
  return {
    path,
    exists: true,
    format: 'unknown',
    kernelHeld: null,
    holder: null,
    verdict: 'unknown',
    staleReasons: [],
    ageMs,
    reclaimable: false,
    detail,
    mode: null,
  };
}

/**
 * Inspects the lock at `path`. Reads only; the kernel lock is probed with a shared lock taken and
 * dropped at once, which never disturbs a holder. Throws `LockPathError` for a directory, symlink,
 * FIFO or device at the path.
 */
export function inspectLock(path: string): LockInspection {
  const p = canonicalLockPath(path);
  const o = openExisting(p);
  if (o === null) {
    return { ...unjudged(p, 'no lock file: an acquire would take it at once', null), exists: false, verdict: 'dead' };
  }
  if (o === 'denied') {
    let ageMs: number | null = null;
    try {
      ageMs = Math.max(0, Date.now() - fs.lstatSync(p).mtimeMs);
    } catch {
      ageMs = null;
    }
    return unjudged(p, 'the lock file cannot be read (permission denied)', ageMs);
  }
  try {
    const k = kernelTryLock(o.fd, false);
    if (k === 'acquired') kernelUnlock(o.fd);
    const kernel: KernelState = k === 'acquired' ? 'free' : k === 'busy' ? 'held' : 'unsupported';
    const j = readAndJudge(o.fd, o.st, kernel);
    return {
      path: p,
      exists: true,
      format: j.format,
      kernelHeld: k === 'unsupported' ? null : k === 'busy',
      holder: j.holder,
      verdict: j.verdict,
      staleReasons: j.staleReasons,
      ageMs: j.ageMs,
      reclaimable: j.reclaimable,
      detail: j.detail,
      mode: k === 'unsupported' ? 'lease' : 'kernel',
    };
  } finally {
    closeQuietly(o.fd);
  }
}
