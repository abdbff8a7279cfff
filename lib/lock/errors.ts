/** Lock errors: classes with a stable `code` and the facts a user needs. */
import type { OwnerVerdict } from '../types';
import type { LockFormat } from './payload';

/** Who held the lock when an acquire gave up. */
export interface LockHolderInfo {
  /** The lock file's payload (pidproof, OpenClaw or PID file), or null if unreadable/unknown. */
  payload: Record<string, unknown> | null;
  format: LockFormat;
  verdict: OwnerVerdict;
  /** Age of the lock (from its creation time, or the file's mtime), ms. */
  ageMs: number | null;
  /** Whether the kernel lock was held (null: unsupported or not checked). */
  kernelHeld: boolean | null;
  /** Why it was not reclaimed. */
  detail: string;
}

/**
 * The lock could not be acquired within `timeoutMs` (or, `why`, could not be waited for: a sync
 * acquire of a lock its own thread holds).
 */
export class LockTimeoutError extends Error {
  readonly code = 'ELOCKTIMEOUT';
  override name = 'LockTimeoutError';
  constructor(
    readonly path: string,
    readonly timeoutMs: number,
    readonly holder: LockHolderInfo | null,
    why?: string,
  ) {
    super(
      `lock ${path} not acquired ${why ?? `within ${timeoutMs} ms`}` +
        (holder
          ? `: held by ${holder.payload && typeof holder.payload.pid === 'number' ? `PID ${holder.payload.pid}` : 'an unknown writer'} ` +
            `(${holder.verdict}, ${holder.format}${holder.ageMs !== null ? `, age ${Math.round(holder.ageMs)} ms` : ''}): ${holder.detail}`
          : ''),
    );
  }
}

/** Why a held lock was lost. */
export type CompromiseReason =
  /** the in-process maxHoldMs watchdog released it */
  | 'max-hold-exceeded'
  /** the lock file no longer names our file: another process broke or removed it */
  | 'replaced'
  /** a heartbeat could not be written */
  | 'heartbeat-failed';

/** A held lock was lost: `lock.signal` is aborted with this error and `onCompromised` receives it. */
export class LockCompromisedError extends Error {
  readonly code = 'ELOCKCOMPROMISED';
  override name = 'LockCompromisedError';
  constructor(
    readonly path: string,
    readonly reason: CompromiseReason,
    message: string,
  ) {
    super(`lock ${path} compromised (${reason}): ${message}`);
  }
}

/** The wait was cancelled through `options.signal`: the one AbortError of every layer (../errors). */
export { AbortError } from '../errors';

/** The lock path cannot be a lock: a directory, a symlink, a FIFO, a device... */
export class LockPathError extends Error {
  readonly code = 'ELOCKPATH';
  override name = 'LockPathError';
  constructor(
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`lock path ${path}: ${message}`, options);
  }
}
