/**
 * The drop-in's public types that its internals share (kept free of Node's types: a TypeScript
 * project that uses only `pidproof/proper-lockfile` needs no @types/node, as with
 * @types/proper-lockfile).
 */

/** The reasons that take a lock before `stale`: the recorded holder provably no longer holds it. */
export type GoneReason = 'dead-pid' | 'recycled-pid' | 'zombie-pid' | 'kernel-released';

/**
 * The identity a holder's record states, as `onReclaim` and the ELOCKED error report it. The record
 * is small (it lives in the directory inode's own attributes), so the boot and host are kept as
 * fingerprints: `bootId` is this boot's id when the record is from this boot, else
 * `boot:<fingerprint>`; `hostname` is this host's name when the record is from this host, else null.
 */
export interface RecordedHolder {
  pid: number;
  platform: string;
  startToken: string | null;
  startTokenUnit: string | null;
  uniqueId: string | null;
  uniqueIdKind: string | null;
  bootId: string | null;
  pidNamespace: string | null;
  hostname: string | null;
}
