/**
 * The reclaim rule: a parsed lock file plus the state of its kernel lock becomes a verdict, the
 * stale reasons that prove it may be replaced, and whether a reclaim is proven safe now. Every path
 * that judges a lock file (acquire, `inspectLock`, the doctor, `pidproof watch`) goes through
 * `judge`, so they can never disagree.
 */
import type { IdentityApi } from '../identity';
import { processOffsets } from '../timens';
import type { OwnerRecord, OwnerVerdict, Scope } from '../types';
import { clocksAreRoot, type LockFormat, type LockPayload, type Parsed, rootMonoNow } from './payload';

/** Kernel lock state observed on the file: held by someone else, free, or not supported. */
export type KernelState = 'held' | 'free' | 'unsupported' | 'unknown';

export interface Judgement {
  format: LockFormat;
  /** The parsed payload (pidproof/openclaw/pidfile), or null. */
  holder: LockPayload | Record<string, unknown> | null;
  verdict: OwnerVerdict;
  staleReasons: string[];
  reclaimable: boolean;
  ageMs: number | null;
  detail: string;
  /** The holder's identity record, when it has one (for waiting on its exit). */
  record: OwnerRecord | null;
  /** The reclaim proof is an expired lease/hold (the holder may still be alive). */
  byExpiry: boolean;
  /** A read raced a heartbeat rewrite: read again. */
  torn: boolean;
  /**
   * The identity proves the holder gone but the kernel lock is still held (being released after
   * its death, or held by another process): not reclaimable now; worth looking again soon.
   */
  releasing?: boolean;
  /**
   * Judged by its kernel lock alone (a holder in another PID namespace of this
   * kernel): nothing pins it, but the kernel drops the lock the moment it dies, so a waiter polls
   * that lock often.
   */
  kernelJudged?: boolean;
  /** Stale, but its replacement guard is held by another process (the detail names it). */
  guardHeld?: boolean;
}

/** What a caller may add to the rule (`LockOptions` / `ScanLocksOptions`). */
export interface JudgeOptions {
  /** A file pidproof cannot judge, whose kernel lock is free, is reclaimable once this old. */
  reclaimUnknownAfterMs: number | null;
  /** Evidence for bare PID files and token-less legacy records: the live process's command. */
  legacyCommand: string | RegExp | null;
}

export const NO_OPTIONS: JudgeOptions = Object.freeze({ reclaimUnknownAfterMs: null, legacyCommand: null });

/**
 * A file pidproof cannot judge (empty, unparseable, unrecognised JSON, invalid fields, a payload
 * whose checksum never verifies). Never reclaimed by default. With `reclaimUnknownAfterMs`, it is
 * once older than that and its kernel lock is free: nobody holds it through pidproof, and a
 * writer that uses no kernel lock (OpenClaw's `open('wx')` then write) has had that long to finish.
 * Age: the creation time the file states when valid, else its mtime.
 */
function judgeUnknown(
  parsed: Extract<Parsed, { format: 'unknown' }>,
  kernel: KernelState,
  mtimeMs: number,
  nowWall: number,
  after: number | null,
): Judgement {
  const ageMs = Math.max(0, nowWall - (parsed.createdAtMs ?? mtimeMs));
  // A checksum that does not verify is a heartbeat rewrite caught midway only while a writer
  // holds the kernel lock; with the kernel lock free, no live pidproof holder is writing it.
  const torn = parsed.torn === true && kernel !== 'free';
  let detail = `not a lock pidproof can judge: ${parsed.problem}`;
  let reclaimable = false;
  const reasons: string[] = [];
  if (after === null) {
    detail += '; it is never reclaimed automatically (unless reclaimUnknownAfterMs is set)';
  } else if (kernel === 'held') {
    detail += '; a live process holds its kernel lock: never reclaimed by age';
  } else if (kernel !== 'free') {
    detail += '; no kernel lock here can show it unused: never reclaimed by age';
  } else if (ageMs > after) {
    reclaimable = true;
    reasons.push('unknown-expired');
    detail += `; ${Math.round(ageMs)} ms old, beyond reclaimUnknownAfterMs ${after}, and its kernel lock is free`;
  } else {
    detail += `; reclaimable once older than reclaimUnknownAfterMs ${after} (${Math.round(ageMs)} ms old)`;
  }
  return {
    format: 'unknown',
    holder: null,
    verdict: 'unknown',
    staleReasons: reasons,
    reclaimable,
    ageMs,
    detail,
    record: null,
    byExpiry: false,
    torn,
  };
}

/** Verdicts that prove the recorded holder can no longer be the one holding anything. */
const HOLDER_GONE = new Set<string>(['dead', 'recycled', 'zombie', 'other-boot']);

/**
 * Judges a parsed lock file. `ownTokens`: tokens this process holds right now. `kernelHolders`:
 * asked only when the kernel lock is held although the identity proves the holder gone; the PIDs
 * holding the file's kernel lock (Linux /proc/locks), or null when that cannot be told.
 */
export function judge(
  parsed: Parsed,
  kernel: KernelState,
  mtimeMs: number,
  ids: IdentityApi,
  ownTokens: ReadonlySet<string>,
  kernelHolders: () => number[] | null = () => null,
  opts: JudgeOptions = NO_OPTIONS,
): Judgement {
  const nowWall = Date.now();
  if (parsed.format === 'unknown') return judgeUnknown(parsed, kernel, mtimeMs, nowWall, opts.reclaimUnknownAfterMs);
  const record = parsed.record;
  const st = ids.ownerStatus(record, opts.legacyCommand === null ? undefined : { command: opts.legacyCommand });
  const reasons: string[] = [];
  let verdict = st.verdict;
  let detail = st.detail;
  const identityProof: Record<string, string> = {
    dead: 'dead-pid',
    recycled: 'recycled-pid',
    zombie: 'zombie-pid',
    'other-boot': 'other-boot',
  };
  if (identityProof[verdict]) reasons.push(identityProof[verdict]);
  const scope = ids.currentScope();
  let kernelJudged = false;
  // One kernel, one truth: a kernel-mode pidproof lock written in another PID namespace with this
  // boot id (whatever its hostname; with this PID namespace the identity already compared it) was
  // written on this kernel, so its kernel lock decides.
  // Its PID means nothing here and is never probed (ownerStatus said `foreign` without probing).
  if (
    parsed.format === 'pidproof' &&
    verdict === 'foreign' &&
    parsed.payload.mode === 'kernel' &&
    (kernel === 'free' || kernel === 'held') &&
    sameKernel(parsed.payload, scope)
  ) {
    const where = elsewhere(parsed.payload, scope);
    kernelJudged = true;
    if (kernel === 'free') {
      verdict = 'dead';
      reasons.push('kernel-released');
      detail = `holder PID ${parsed.payload.pid} ${where} on this kernel; its kernel lock is free: it is gone`;
    } else {
      verdict = 'alive';
      detail = `holder PID ${parsed.payload.pid} ${where} on this kernel holds its kernel lock: it is alive`;
    }
  }
  let byExpiry = false;
  const createdAtMs = record.createdAtMs ?? mtimeMs;
  const ageMs = Math.max(0, nowWall - createdAtMs);
  if (parsed.format === 'pidproof') {
    const p = parsed.payload;
    // Same kernel: one CLOCK_MONOTONIC, whatever the container (PID or UTS namespace) the holder
    // ran in, once both stamps are in the root time namespace's terms (`monoShiftOf`); otherwise
    // the wall clock, with a tolerance (other boots, and stamps whose time namespace is unknown).
    const shift = sameKernel(p, scope) ? monoShiftOf(p, st.verdict) : null;
    const sameBoot = shift !== null;
    const mono = rootMonoNow() + (shift ?? 0);
    const tol = 2000;
    if (p.leaseMs !== null) {
      const quiet = sameBoot ? mono - p.heartbeatMono : nowWall - p.heartbeatAt - tol;
      if (quiet > p.leaseMs) {
        reasons.push('lease-expired');
        detail = `no heartbeat for ${Math.round(quiet)} ms (lease ${p.leaseMs} ms)`;
        byExpiry = true;
      }
    }
    if (p.maxHoldMs !== null) {
      const held = sameBoot ? mono - p.createdMono : nowWall - p.createdAtMs - tol;
      if (held > p.maxHoldMs) {
        reasons.push('hold-exceeded');
        detail = `held for ${Math.round(held)} ms, beyond its declared maxHoldMs ${p.maxHoldMs}`;
        byExpiry = true;
      }
    }
    // Our own PID and identity, a free kernel lock, and a token this process does not hold: a
    // lock this process leaked (its descriptor closed without a release).
    if (
      kernel === 'free' &&
      verdict === 'alive' &&
      p.pid === process.pid &&
      !ownTokens.has(p.token)
    ) {
      reasons.push('orphan-self');
      detail = 'written by this process, which no longer holds it (leaked without release)';
    }
  }
  // A kernel-mode pidproof lock of this host and boot (ownerStatus judged it here: `unknown`, not
  // foreign or other-boot) whose holder cannot be judged (access denied: hidepid, FreeBSD's
  // see_other_uids, another user on Windows) but whose kernel lock is free: a live pidproof holder
  // always holds its file's kernel lock, so this holding is over.
  if (parsed.format === 'pidproof' && verdict === 'unknown' && parsed.payload.mode === 'kernel' && kernel === 'free') {
    verdict = 'dead';
    reasons.push('kernel-released');
    detail = `${detail}; its kernel lock is free on this kernel: its holder no longer holds it`;
  }
  let reclaimable: boolean;
  let releasing = false;
  if (kernel === 'held') {
    // The kernel says a live process on this kernel holds it: only a declared expiry breaks it...
    reclaimable = byExpiry;
    if (!byExpiry && reasons.length > 0) {
      // ...unless that process is provably not the holder. A pidproof holder keeps the kernel lock
      // of the file its payload names it in; when the identity proves that holder gone and the
      // kernel names other processes as the lock's holders (anyone who can read a file can flock
      // it), the lock is pinned, not held. Replacing it is still serialised by the guard.
      const pinners =
        parsed.format === 'pidproof' && parsed.payload.mode === 'kernel' && HOLDER_GONE.has(verdict)
          ? kernelHolders()
          : null;
      const recordedPid = record.pid;
      if (pinners !== null && pinners.every((pid) => pid !== 0 && pid !== recordedPid)) {
        reclaimable = true;
        detail = `${detail}; its kernel lock is held by PID ${pinners.join(', ')}, which is not its holder (a process that can read the file pins it): reclaimable`;
      } else {
        // The recorded holder is gone, yet something holds the kernel lock: the kernel is still
        // releasing a dead holder's locks (a SIGKILLed process's other threads are still tearing
        // down; Windows unlocks "when resources allow"), or a process that inherited or opened the
        // file holds it. Never reclaimed while held; an acquire looks again soon.
        releasing = true;
        const named = pinners === null ? '' : ` (the kernel names PID ${pinners.join(', ')})`;
        detail = `${detail}; but its kernel lock is still held${named}: a dead holder's lock is released a moment after it exits, or another process that can read the file holds it`;
      }
    }
  } else {
    reclaimable = reasons.length > 0 && verdict !== 'foreign';
    if (verdict === 'foreign' && byExpiry) reclaimable = true;
  }
  return {
    format: parsed.format,
    holder: parsed.payload,
    verdict,
    staleReasons: reasons,
    reclaimable,
    ageMs,
    detail,
    record,
    byExpiry,
    torn: false,
    releasing,
    kernelJudged,
  };
}

/**
 * How far the holder's monotonic stamps run ahead of the root time namespace's CLOCK_MONOTONIC
 * (ms), or null when that cannot be told (then a hold limit or lease is judged by the wall clock,
 * which no time namespace shifts). 0 for a payload in root terms (`clocks: 'root'`). A payload
 * of before issue 20 holds its writer's own clock: its offsets are read from the live holder,
 * proven the recorded process (`alive`) in this PID namespace; a holder elsewhere (another PID
 * namespace, judged by its kernel lock) cannot be asked.
 */
function monoShiftOf(p: LockPayload, verdict: OwnerVerdict): number | null {
  if (!clocksAreRoot()) return null; // this process's own stamps are not in root terms
  if (p.clocks === 'root') return 0;
  // `alive` from ownerStatus: probed in this PID namespace and proven the recorded process.
  if (verdict !== 'alive') return null;
  const o = processOffsets(p.pid);
  return o === null ? null : Number(o.monotonicNs) / 1e6;
}

/** Written on this kernel: both boot ids known and equal, same OS. */
function sameKernel(p: LockPayload, scope: Scope): boolean {
  return p.bootId !== null && scope.bootId !== null && p.bootId === scope.bootId && p.platform === scope.platform;
}

/** Where a same-kernel record was written, in words: its PID namespace and/or hostname. */
function elsewhere(p: LockPayload, scope: Scope): string {
  const parts: string[] = [];
  if (p.pidNamespace !== null && p.pidNamespace !== scope.pidNamespace) parts.push(`in PID namespace ${p.pidNamespace}`);
  if (p.hostname !== scope.hostname) parts.push(`on host ${JSON.stringify(p.hostname)}`);
  return parts.length > 0 ? parts.join(' ') : 'in another scope';
}
