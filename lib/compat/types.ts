/**
 * The drop-in's public types that its internals share (kept free of Node's types: a TypeScript
 * project that uses only `pidproof/proper-lockfile` needs no @types/node, as with
 * @types/proper-lockfile).
 */

/** The reasons that take a lock before `stale`: the recorded holder provably no longer holds it. */
export type GoneReason = 'dead-pid' | 'recycled-pid' | 'zombie-pid' | 'kernel-released';

/** The identity a record states, as `onReclaim` and the ELOCKED error report it. */
export interface RecordedHolder {
  pid: number;
  hostname: string;
  platform: string;
  bootId: string | null;
  pidNamespace: string | null;
  startToken: string | null;
  startTokenUnit: string | null;
  uniqueId: string | null;
  uniqueIdKind: string | null;
  startTimeMs: number | null;
  command: string;
  /** When the holder took the lock (ISO 8601, its clock; to the second). */
  createdAt: string;
}
