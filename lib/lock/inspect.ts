/** `inspectLock(path)`: who holds a lock, is it alive, can it be reclaimed — without touching it. */
import nodePath from 'node:path';
import type { OwnerVerdict } from '../types';
import { judgeDenied, judgeOpened } from './attempt';
import { cannotCreateIn, closeQuietly, isDenied, openExisting } from './files';
import { assertKnownOptions, assertObject } from '../validate';
import { type JudgeOptions, NO_OPTIONS } from './judge';
import { canonicalLockPath, judgeOptionsOf } from './options';
import type { LockFormat, LockPayload } from './payload';

/** What `inspectLock` found. */
export interface LockInspection {
  /** Absolute path inspected. */
  path: string;
  /** Whether a lock file exists at the path. */
  exists: boolean;
  /**
   * `pidproof`, `openclaw` (a foreign record with OpenClaw's session-lock keys only), `record` (any
   * other foreign record: README "From other languages"), `pidfile` (a bare PID) or `unknown`.
   */
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
  /**
   * Proven reasons it is stale: `dead-pid`, `recycled-pid`, `zombie-pid`, `other-boot`,
   * `kernel-released`, `lease-expired`, `hold-exceeded`, `orphan-self`, and (only with
   * `reclaimUnknownAfterMs`) `unknown-expired`.
   */
  staleReasons: string[];
  /**
   * Age, ms, from the creation time the file states (pidproof `createdAtMs`, OpenClaw `createdAt`,
   * also in files it cannot judge) when valid, else from its mtime (bare PID files); null without a file.
   */
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
 * Inspects the lock at `path`. Reads only: the kernel lock is probed the way an acquire probes it
 * (exclusively, without waiting) and dropped at once, which never disturbs a holder, so what it
 * says and what an acquire would do never disagree. Throws `LockPathError` for a directory,
 * symlink, FIFO, socket or device at the path.
 */
export function inspectLock(path: string, options?: InspectOptions): LockInspection {
  let opts = NO_OPTIONS;
  if (options !== undefined) {
    const o = assertObject(options, 'options');
    assertKnownOptions(o, ['reclaimUnknownAfterMs', 'legacyCommand']);
    opts = judgeOptionsOf(o);
  }
  return inspectAt(canonicalLockPath(path), opts);
}

/** Options of `inspectLock`: the judging options an acquire would use, so both agree. */
export interface InspectOptions {
  /** As `LockOptions.reclaimUnknownAfterMs`. */
  reclaimUnknownAfterMs?: number;
  /** As `LockOptions.legacyCommand`. */
  legacyCommand?: string | RegExp;
}

/**
 * What the doctor's directory listing says about a candidate, read just before: a regular file
 * (its d_type), and whether its replacement guard was listed. Saves path lookups per file.
 */
export interface ListedHints {
  regular: boolean;
  guardListed: boolean;
}

/** @internal How `detail` begins for a missing lock file that an acquire could not create. */
export const NO_FILE_BUT_FAILS = 'no lock file, but an acquire would fail: ';

/** @internal `inspectLock` of a path taken as given (the doctor passes directory-pinned paths). */
export function inspectAt(p: string, opts: JudgeOptions = NO_OPTIONS, listed?: ListedHints): LockInspection {
  const dir = nodePath.dirname(p);
  for (let attempt = 0; ; attempt++) {
    // A retry (the file changed meanwhile) trusts no listing.
    const o = openExisting(p, attempt === 0 && listed?.regular === true);
    if (o === null) {
      const refused = cannotCreateIn(dir);
      const detail = refused === null ? 'no lock file: an acquire would take it at once' : `${NO_FILE_BUT_FAILS}${refused}`;
      return { ...unjudged(p, detail, null), exists: false, verdict: 'dead' };
    }
    if (isDenied(o)) {
      const j = judgeDenied(p, dir, o);
      return unjudged(p, j.detail, j.ageMs);
    }
    let r: ReturnType<typeof judgeOpened>;
    try {
      r = judgeOpened(p, dir, o, false, opts, attempt === 0 && listed?.guardListed === false);
    } finally {
      closeQuietly(o.fd);
    }
    // Replaced or removed between the open and the probe: look at what is there now.
    if ((r === 'moved' || r === 'pending') && attempt < 8) continue;
    if (r === 'moved' || r === 'pending') return unjudged(p, 'the lock file keeps changing (contended): look again', null);
    const { j, k } = r;
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
  }
}
