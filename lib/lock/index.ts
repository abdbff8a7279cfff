/** The lock core's public surface. */
export { acquireLock, acquireLockSync, withLock } from './lock';
export type { Lock, LockOptions } from './lock';
export { inspectLock } from './inspect';
export type { InspectOptions, LockInspection } from './inspect';
export { AbortError, LockCompromisedError, LockPathError, LockTimeoutError } from './errors';
export type { CompromiseReason, LockHolderInfo } from './errors';
export type { LockFormat, LockPayload } from './payload';
export { DEFAULT_LOCK_PATTERNS, fixLocks, scanLocks, summarizeLocks } from './doctor';
export type { DoctorAction, DoctorEntry, DoctorEntryKind, DoctorProgress, DoctorSummary, FixLocksOptions, ScanLocksOptions } from './doctor';
