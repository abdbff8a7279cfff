/**
 * The ESM face of `pidproof/proper-lockfile` (`import lockfile, { lock } from
 * 'pidproof/proper-lockfile'`): the CommonJS module's function as the default export, its
 * members as named exports (Node cannot detect them in a CommonJS module that exports a function).
 */
import lockfile from './proper-lockfile.js';

export default lockfile;
export const lock = lockfile.lock;
export const unlock = lockfile.unlock;
export const check = lockfile.check;
export const lockSync = lockfile.lockSync;
export const unlockSync = lockfile.unlockSync;
export const checkSync = lockfile.checkSync;
export const getLocks = lockfile.getLocks;
export type {
  CheckOptions,
  HeldLockInfo,
  LockOptions,
  ReclaimInfo,
  ReclaimReason,
  RecordedHolder,
  RetryOptions,
  UnlockOptions,
} from './proper-lockfile.js';
