/**
 * Shared types of pidproof. The raw shapes (`RawIdentity`, `RawScope`, `Backend`) are the
 * internal contract between the backends (native addon, pure-TypeScript fallback) and the public
 * API; they are never exported from the package.
 */

import type { ClockOffsets } from './timens';

/** Operating systems pidproof knows. Another OS reports its own `process.platform` name. */
export type Platform = 'linux' | 'darwin' | 'win32' | 'freebsd' | (string & {});

/** Unit of a start token; tokens compare only within one unit. */
export type StartTokenUnit =
  | 'linux-ticks'
  | 'darwin-us'
  | 'win32-filetime'
  | 'freebsd-us-since-boot'
  | 'ps-lstart-s'
  | (string & {});

/** Kind of a per-boot unique process id. */
export type UniqueIdKind =
  | 'linux-pidfs-inode'
  | 'darwin-p_uniqueid'
  | 'win32-process-sequence-number'
  | (string & {});

/** Process state, a fact at probe time (not part of identity). */
export type ProcessState = 'running' | 'sleeping' | 'stopped' | 'zombie';

/**
 * Who a process is, in a form that survives `JSON.stringify`/`JSON.parse` and still compares
 * correctly. Every 64-bit value is a decimal string.
 */
export interface ProcessIdentity {
  /** Schema version of this record. */
  v: 1;
  /** OS that recorded it (`process.platform` names). */
  platform: Platform;
  /** PID as seen by the caller (in `pidNamespace`). */
  pid: number;
  /** Kernel start stamp of the process, decimal unsigned 64-bit string; null when unreadable. */
  startToken: string | null;
  /** Unit of `startToken`; null when `startToken` is null. */
  startTokenUnit: StartTokenUnit | null;
  /** Per-boot unique process id (Linux pidfs inode, macOS p_uniqueid, Windows sequence number). */
  uniqueId: string | null;
  /** Kind of `uniqueId`; null when `uniqueId` is null. */
  uniqueIdKind: UniqueIdKind | null;
  /** Wall-clock start in epoch milliseconds. Display only: may shift when the clock steps. */
  startTimeMs: number | null;
  /** Boot the record belongs to (Linux boot_id, macOS kern.bootsessionuuid, Windows BootId). */
  bootId: string | null;
  /** Linux PID namespace inode of the caller (decimal string); null elsewhere. */
  pidNamespace: string | null;
  /** Host name of the recording machine. */
  hostname: string;
  /** Parent PID at probe time (a fact, not identity). */
  ppid: number | null;
  /** State at probe time; null when it could not be read. */
  state: ProcessState | null;
  /** `partial` when some sources were denied (hidepid, another user's process on Windows). */
  access: 'full' | 'partial';
}

/** The caller's scope: a PID means something only on this host, in this boot and namespace. */
export interface Scope {
  platform: Platform;
  hostname: string;
  bootId: string | null;
  pidNamespace: string | null;
}

/** The boot the caller runs in. */
export interface BootIdentity {
  bootId: string | null;
  /** Boot wall-clock time in epoch ms (whole seconds on Linux); null when unknown. */
  bootTimeMs: number | null;
}

/** Result of comparing a recorded identity to a current one. */
export type IdentityMatch = 'same' | 'different' | 'unknown';

/** Verdict on a record's owner. */
export type OwnerVerdict =
  | 'alive'
  | 'dead'
  | 'recycled'
  | 'zombie'
  | 'other-boot'
  | 'foreign'
  | 'unknown';

/**
 * A record to judge: a full `ProcessIdentity`, or a partial legacy record. Only `pid` is required.
 * `startToken` may be a decimal string or a non-negative integer (OpenClaw's `starttime`).
 */
export interface OwnerRecord {
  pid: number;
  startToken?: string | number | null;
  startTokenUnit?: StartTokenUnit | null;
  uniqueId?: string | null;
  uniqueIdKind?: UniqueIdKind | null;
  bootId?: string | null;
  pidNamespace?: string | null;
  hostname?: string | null;
  platform?: Platform | null;
  /** When the record was written, epoch ms. Lets legacy records be judged by start time. */
  createdAtMs?: number | null;
  /**
   * A foreign record's start stamp (OpenClaw's lock, README "From other languages"), read when
   * `startToken` is absent: in the native unit of `platform` (Linux ticks when absent).
   */
  starttime?: number | string | null;
  /** A foreign record's creation time (RFC 3339), read when `createdAtMs` is absent. */
  createdAt?: string | null;
  /**
   * `'root'`: `startToken` (Linux ticks) is in the root time namespace's terms, as pidproof's own
   * lock payloads say (issue 20). Absent or null: it may be as its writer read it in its own time
   * namespace (OpenClaw's `starttime`, other writers); a difference a time-namespace offset could
   * explain is then never taken for a recycled PID.
   */
  clocks?: 'root' | null;
  [key: string]: unknown;
}

export interface OwnerStatusOptions {
  /**
   * Evidence for records without a start token or unique id (a bare PID file, an OpenClaw lock
   * without `starttime`): the command line the recorded process runs, as a substring or a RegExp.
   * A live PID whose command line does not match is `recycled`; one that matches stays `unknown`
   * (evidence, not proof: a restarted copy of the same program may hold the recycled PID). Never
   * consulted when the record carries a token or id that decides.
   */
  command?: string | RegExp;
  /**
   * Slack for wall-clock comparisons of legacy records (`createdAtMs` against a process start
   * time or the boot time), in ms. Default 2000: Linux start times come from whole-second btime,
   * `ps` gives whole seconds.
   */
  clockToleranceMs?: number;
}

export interface OwnerStatus {
  verdict: OwnerVerdict;
  /** The process now holding the PID, when it was probed and exists. */
  current: ProcessIdentity | null;
  /** One sentence saying why. */
  detail: string;
}

// ---- internal backend contract ----------------------------------------------------------------

/** @internal what a backend returns for one process. */
export interface RawIdentity {
  pid: number;
  startToken: string | null;
  startTokenUnit: string | null;
  uniqueId: string | null;
  uniqueIdKind: string | null;
  startTimeMs: number | null;
  ppid: number | null;
  state: ProcessState | null;
  access: 'full' | 'partial';
  /**
   * Why `access` is partial, when the backend can say: on FreeBSD the settings that may hide the
   * process from this caller (e.g. `security.bsd.see_other_uids=0`); then nothing but the PID is
   * known and the process may not even exist. Absent otherwise.
   */
  accessDetail?: string | null;
}

/** @internal the caller's scope as a backend reads it. */
export interface RawScope {
  platform: string;
  bootId: string | null;
  bootTimeMs: number | null;
  pidNamespace: string | null;
  hostname: string;
}

/** @internal cheap liveness answer. */
export interface RawLiveness {
  exists: boolean;
  exited: boolean;
  uniqueId: string | null;
}

/**
 * @internal the command line of a live process, bounded to `MAX_COMMAND_BYTES` of UTF-8 (cut at a
 * character boundary; `truncated` when there was more). Linux, FreeBSD and macOS: the arguments
 * joined with single spaces; Windows: the image path. Empty for a zombie or a kernel thread.
 */
export interface RawCommand {
  text: string;
  truncated: boolean;
}

/** @internal the bound of `RawCommand.text`, in UTF-8 bytes (native/platform.h kMaxCommandBytes). */
export const MAX_COMMAND_BYTES = 32 * 1024;

/** @internal a source of process facts: the native addon or the pure-TypeScript fallback. */
export interface Backend {
  readonly name: 'native' | 'fallback';
  probe(pid: number): RawIdentity | null;
  scope(): RawScope;
  /** null when this backend has no cheap exact liveness path. */
  checkAlive(pid: number): RawLiveness | null;
  /**
   * The command line of the process with this PID; null when no process has it. Throws an Error
   * with `.code` EACCES/EPERM when the OS denies the read. Evidence, not proof: any process may
   * set its own arguments.
   */
  command(pid: number): RawCommand | null;
  /**
   * This process's clock offsets against the root time namespace (Linux time namespaces; zeros
   * elsewhere), read once; null when they cannot be told (see lib/timens.ts). Start tokens from
   * `probe` are already in the root namespace's terms.
   */
  clockOffsets(): ClockOffsets | null;
  /**
   * Identity and usage of each PID, each read in one call (null: no such process). Absent where
   * this backend cannot read usage without spawning a process (the fallback off Linux).
   */
  sampleUsage?(pids: readonly number[]): Array<RawUsageSample | null>;
  /**
   * Pins a process for repeated usage reads: null when no process has the PID, 'unsupported' when
   * nothing can be held (the caller samples one-shot and compares identities). Native only.
   */
  openUsage?(pid: number): RawUsagePin | null | 'unsupported';
  /**
   * A pin that reads through `exit`'s own handle, holding nothing more (Linux: the exit watch's
   * pidfd pins the reads, so a usage watch holds one descriptor); 'unsupported' where that handle
   * cannot pin reads (macOS/FreeBSD kqueue: open a pin with `openUsage`). The read made to learn
   * that is the pin's first `sample()`. Closing the pin closes nothing: `exit.close()` does.
   */
  usageThrough?(pid: number, exit: RawUsageHandle): RawUsagePin | 'unsupported';
}

// ---- usage (issue 23) ---------------------------------------------------------------------------

/**
 * @internal one usage read of one process, as a backend returns it. Every figure is null where the
 * OS cannot say (never a made-up 0); sizes in bytes, times in ms.
 */
export interface RawUsage {
  /** Monotonic time of the read, ms (the clock of `process.hrtime()`). */
  atMs: number;
  cpuUserMs: number | null;
  cpuSystemMs: number | null;
  cpuTotalMs: number | null;
  childCpuUserMs: number | null;
  childCpuSystemMs: number | null;
  rssBytes: number | null;
  peakRssBytes: number | null;
  virtualBytes: number | null;
  threads: number | null;
  voluntaryCtxSwitches: number | null;
  involuntaryCtxSwitches: number | null;
  minorFaults: number | null;
  majorFaults: number | null;
  /** `partial`: a figure this OS gives could not be read for this process; `accessDetail` says why. */
  access: 'full' | 'partial';
  accessDetail: string | null;
}

/** @internal every figure of a usage read, none known: spread into a read with no numbers. */
export const NO_USAGE_FIGURES: Readonly<Omit<RawUsage, 'atMs' | 'access' | 'accessDetail'>> = Object.freeze({
  cpuUserMs: null,
  cpuSystemMs: null,
  cpuTotalMs: null,
  childCpuUserMs: null,
  childCpuSystemMs: null,
  rssBytes: null,
  peakRssBytes: null,
  virtualBytes: null,
  threads: null,
  voluntaryCtxSwitches: null,
  involuntaryCtxSwitches: null,
  minorFaults: null,
  majorFaults: null,
});

/** @internal identity and usage read in one call: the usage belongs to that identity. */
export interface RawUsageSample {
  identity: RawIdentity;
  usage: RawUsage;
}

/** @internal a handle usage can be read through: an exit watch (lib/binding.ts `RawExitWatch`). */
export interface RawUsageHandle {
  /** 1: `out` filled; 0: the pinned process was reaped; -1: this handle does not pin reads. */
  usageInto?(out: Float64Array, notes: unknown[]): number;
}

/** @internal a process pinned for repeated usage reads (native/addon.cc `UsagePin`). */
export interface RawUsagePin {
  /** The pinned process now, or null once it is gone (reaped, or its PID names another process). */
  sample(): RawUsageSample | null;
  /** Idempotent. */
  close(): void;
}
