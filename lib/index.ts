/**
 * pidproof: is the process that wrote this record still the same live process?
 *
 * Public API. Everything here is bound to the backend selected at load time (`backend`).
 */
// The published declarations use Node's types (AbortSignal, Buffer, `node:fs`, NodeJS.*,
// Symbol.dispose). This directive, kept in dist/index.d.ts by `preserve`, loads @types/node for
// any consumer that has it installed, whatever its `types` setting (TypeScript >= 6 defaults it
// to `[]`). Checked by `npm run test:pack` with TypeScript 5.x and 7.x.
/// <reference types="node" preserve="true" />
import { identity } from './identity';

export type {
  BootIdentity,
  IdentityMatch,
  OwnerRecord,
  OwnerStatus,
  OwnerStatusOptions,
  OwnerVerdict,
  Platform,
  ProcessIdentity,
  ProcessState,
  Scope,
  StartTokenUnit,
  UniqueIdKind,
} from './types';

const api = identity;

/** Which backend answers: the native addon, or the pure-TypeScript fallback. */
export const backend: 'native' | 'fallback' = api.backend;

/**
 * The identity of the process with this PID, or null when there is none (a thread id is not a
 * process). Throws TypeError/RangeError for a PID that is not an integer in [1, 2^31-1].
 */
export const processIdentity = api.processIdentity;

/** The identity of this process (read once, then cached). */
export const selfIdentity = api.selfIdentity;

/** This boot: `bootId` and wall-clock `bootTimeMs` (both null where the OS has none). */
export const bootIdentity = api.bootIdentity;

/** The scope a PID is meaningful in: platform, hostname, boot id, PID namespace. */
export const currentScope = api.currentScope;

/**
 * Compares a recorded identity with `current` (omitted: probes the PID now; null: gone).
 * `same` and `different` are proofs; `unknown` means there is nothing comparable.
 */
export const compareIdentity = api.compareIdentity;

/**
 * Verdict on the owner of a record: `alive`, `dead`, `recycled`, `zombie`, `other-boot`,
 * `foreign` (another host or PID namespace: never probed) or `unknown` (never `dead`).
 */
export const ownerStatus = api.ownerStatus;

export { ProcessWatch, WatchError, isAlive, watchExit, watchProcess } from './watch';
export type {
  ExitInfo,
  ExitReason,
  WatchErrorCode,
  WatchExitOptions,
  WatchMechanism,
  WatchProcessOptions,
} from './watch';

export { UsageWatch, sampleUsage, watchUsage } from './usage';
export type { ProcessUsage, UsageEndReason, UsageMechanism, UsageResult, UsageSample, UsageTarget, WatchUsageOptions } from './usage';

export { signalProcess, terminateProcess } from './signal';
export type { SignalResult, SignalSpec, SignalTarget, TerminateInfo, TerminateOptions } from './signal';

export { acquireLock, acquireLockSync, withLock, inspectLock } from './lock';
export { DEFAULT_LOCK_PATTERNS, fixLocks, scanLocks, summarizeLocks } from './lock';
export type { DoctorAction, DoctorEntry, DoctorEntryKind, DoctorProgress, DoctorSummary, FixLocksOptions, ScanLocksOptions } from './lock';
export { AbortError, LockCompromisedError, LockPathError, LockTimeoutError } from './lock';
export type { CompromiseReason, InspectOptions, Lock, LockFormat, LockHolderInfo, LockInspection, LockOptions, LockPayload } from './lock';
