/**
 * Usage sampling pinned to a process identity: `sampleUsage`, `watchUsage` (issue 23).
 *
 * The identity and the usage are read in one native call, so the numbers provably belong to the
 * process that identity names; the verdict is ownerStatus's own (lib/identity.ts `ownerStatusOf`,
 * judged on that identity), and numbers are returned only when the process is provably the
 * recorded one (`alive`, or a `zombie` with its final times). A recycled PID never yields numbers.
 *
 * How a read is pinned, per backend (native/platform_*.cc, "Usage"):
 * - Linux: a pidfd, then /proc/<pid>/stat and status (opened by path, closed at once) and the
 *   process's CPU-time clock, then the pidfd must show the process was not reaped meanwhile (a PID
 *   is reused only after its process is reaped). A watch holds one descriptor: its exit watch's
 *   pidfd, which gives the exit event and pins every read. Without pidfd_open (old kernels, seccomp)
 *   a watch holds the /proc/<pid> directory and opens each file through it (bound to its process).
 * - Windows: one process handle (OpenProcess), which also keeps the final times after the exit.
 * - macOS, FreeBSD: no handle exists; the identity is read and compared in the same call as the
 *   usage (p_uniqueid before and after on macOS, ki_start in the same kinfo_proc on FreeBSD).
 * - The fallback backend (no binary): Linux reads /proc between two identity probes that must agree;
 *   elsewhere it would have to spawn ps or PowerShell for every read, which usage sampling never
 *   does, so it answers with no numbers and says why.
 */
import os from 'node:os';
import { onAbort } from './abort';
import { addon as loadedAddon, selectedBackend } from './binding';
import type { NativeAddon, RawExitWatch } from './binding';
import { abortErrorFor } from './errors';
import { createIdentityApi, defaultTokenUnit, normaliseRecord } from './identity';
import type {
  Backend,
  OwnerRecord,
  OwnerVerdict,
  ProcessIdentity,
  RawUsage,
  RawUsagePin,
  RawUsageSample,
} from './types';
import { NO_USAGE_FIGURES } from './types';
import { assertKnownOptions, assertObject, assertPid, describe } from './validate';
import { WatchError } from './watch';

/** What `sampleUsage` and `watchUsage` accept: a recorded identity (pinned to it), or a bare PID. */
export type UsageTarget = ProcessIdentity | OwnerRecord | number;

/**
 * One usage read of one process. Every figure is null where the OS cannot say (never a made-up 0);
 * README "Sampling a process's usage" lists what each OS gives. Sizes are bytes, times ms; byte
 * counts and counters are exact below 2^53.
 */
export interface ProcessUsage {
  /** Monotonic time of the read in ms, on the clock of `process.hrtime()` (for deltas). */
  atMs: number;
  /** User CPU time (Linux: the kernel's 10 ms ticks; Windows 100 ns; macOS, FreeBSD 1 µs or better). */
  cpuUserMs: number | null;
  /** System (kernel) CPU time, in the same units as `cpuUserMs`. */
  cpuSystemMs: number | null;
  /**
   * User + system at the best precision the OS has: on Linux the scheduler's own runtime in
   * nanoseconds (its CPU-time clock), of which `cpuUserMs`/`cpuSystemMs` are the tick-rounded
   * split; elsewhere their sum. `cpuPercent` is computed from it.
   */
  cpuTotalMs: number | null;
  /** CPU time of the children it has waited for (POSIX cutime); null on Windows. */
  childCpuUserMs: number | null;
  /** System CPU time of the children it has waited for (POSIX cstime); null on Windows. */
  childCpuSystemMs: number | null;
  /** Resident set size (Windows: working set). Null for an exited process (it has none left). */
  rssBytes: number | null;
  /**
   * Peak resident set size over the process's life: Linux VmHWM, Windows PeakWorkingSetSize,
   * FreeBSD ru_maxrss; macOS the lifetime peak physical footprint (macOS keeps no peak RSS).
   */
  peakRssBytes: number | null;
  /** Virtual size. Null for an exited process. */
  virtualBytes: number | null;
  /** Live threads. Null for an exited process. */
  threads: number | null;
  /** Voluntary context switches of the whole process (FreeBSD only: see README). */
  voluntaryCtxSwitches: number | null;
  /** Involuntary context switches of the whole process (FreeBSD only: see README). */
  involuntaryCtxSwitches: number | null;
  /** Page faults served without I/O. */
  minorFaults: number | null;
  /** Page faults that needed I/O. */
  majorFaults: number | null;
  /** `partial` when a figure this OS gives could not be read for this process (`accessDetail` says why). */
  access: 'full' | 'partial';
  /** Why access is partial; null otherwise. */
  accessDetail: string | null;
}

/** What `sampleUsage` returns for one target. */
export interface UsageResult {
  /** The target's PID. */
  pid: number;
  /**
   * For a record, `ownerStatus`'s verdict on the process read in the same call as the usage:
   * `alive`, `dead`, `recycled`, `zombie`, `other-boot`, `foreign` or `unknown`. For a bare PID:
   * `alive`, `zombie` or `dead`.
   */
  verdict: OwnerVerdict;
  /** One sentence for people: whose numbers these are, or why there are none. */
  detail: string;
  /**
   * true when the target was a record: the numbers (if any) were proven to be the recorded
   * process's. false for a bare PID: read as whatever process held it at the call.
   */
  pinned: boolean;
  /** The process that held the PID at the read, when there was one (as `ownerStatus().current`). */
  current: ProcessIdentity | null;
  /** Non-null only for `alive`, or a `zombie` that is provably the recorded process (its final times). */
  usage: ProcessUsage | null;
}

/** Why a `watchUsage` ended (`UsageSample.reason` of its final sample). */
export type UsageEndReason =
  /** the process exited while watched */
  | 'exited'
  /** no process had the PID when the watch was opened */
  | 'dead'
  /** the PID already named another process when the watch was opened */
  | 'recycled'
  /** it had already exited when the watch was opened (a zombie) */
  | 'zombie'
  /** the record comes from an earlier boot */
  | 'other-boot'
  /** this backend cannot read usage without spawning a process (the fallback off Linux) */
  | 'unsupported';

/** One sample of a `watchUsage`. The usage fields are those of `ProcessUsage`, all null when `measured` is false. */
export interface UsageSample extends Omit<ProcessUsage, 'access'> {
  /** The watched PID. */
  pid: number;
  /** false: no numbers (the process was gone before they could be read); never guessed. */
  measured: boolean;
  /** The last sample: the watch ends after it. */
  final: boolean;
  /** On the final sample, why the watch ended; null before. */
  reason: UsageEndReason | null;
  /** For people: why the watch ended, or why access is partial; null otherwise. */
  detail: string | null;
  /**
   * CPU use since the previous sample, from the deltas of `cpuTotalMs` and `atMs`: 100 = one CPU
   * busy the whole time (a process with threads on several CPUs goes above 100). null on the first
   * sample (there is no previous one: never 0), and when not measured.
   */
  cpuPercent: number | null;
  /** As `ProcessUsage.access`; null when not measured. */
  access: 'full' | 'partial' | null;
}

export interface WatchUsageOptions {
  /** Time between samples, ms (default 1000, at least 1). The first sample is taken at once. */
  intervalMs?: number;
  /** Ends the watch: a pending `next()` rejects with pidproof's `AbortError`; the pin is released. */
  signal?: AbortSignal;
}

/** How a `UsageWatch` reads its process. */
export type UsageMechanism =
  /**
   * the native layer guarantees every read: a kernel pin held for the watch's life (Linux a pidfd,
   * or the /proc/<pid> directory without pidfd_open; Windows the process handle), or the identity
   * compared in the same native call (macOS, FreeBSD)
   */
  | 'pinned'
  /** no pin: the identity is read and compared in the same call as each read (macOS, FreeBSD, fallback) */
  | 'verified'
  /** nothing to read: the watch ended at once */
  | 'none';

const DEFAULT_INTERVAL_MS = 1000;
const MAX_INTERVAL_MS = 2147483647;
const WATCH_USAGE_OPTIONS = ['intervalMs', 'signal'] as const;
/** PIDs per native crossing (native/addon.cc kMaxUsageBatch). */
const MAX_BATCH = 65536;

interface Target {
  pid: number;
  record: ProcessIdentity | OwnerRecord | null;
}

function readTarget(t: unknown, name: string, unit: string | null): Target {
  if (typeof t === 'number') return { pid: assertPid(t, name), record: null };
  if (t === null || typeof t !== 'object' || Array.isArray(t)) {
    throw new TypeError(`${name} must be a ProcessIdentity, a record with a pid, or a pid, got ${describe(t)}`);
  }
  // ownerStatus's checks (one validator for every entry point), naming `name`.
  const n = normaliseRecord(t, name, unit);
  return { pid: n.pid, record: t as OwnerRecord };
}

function isAbortSignal(v: unknown): v is AbortSignal {
  return typeof AbortSignal !== 'undefined' && v instanceof AbortSignal;
}

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** A backend's usage object is made fresh for each read, in ProcessUsage's shape: handed out as is. */
function copyUsage(u: RawUsage): ProcessUsage {
  return u;
}

/**
 * EMFILE/ENFILE with what ran out and what to do. `opening`: pinning the process (the watch's one
 * descriptor); else a sample, which opens /proc/<pid>/stat and status for a moment on Linux.
 */
function mapFdError(e: unknown, pid: number, opening: boolean): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  if (code !== 'EMFILE' && code !== 'ENFILE') return e;
  const what = opening
    ? `while pinning PID ${pid} for a usage watch. Each watch holds one descriptor (Linux a pidfd, ` +
      'macOS/FreeBSD a kqueue, Windows a process handle) until the process exits or the watch ends'
    : `while reading the usage of PID ${pid}: each sample opens /proc/${pid}/stat and status for a ` +
      'moment, beside the one descriptor each watch holds';
  const err = new Error(
    `${code}: too many open files ${what}; raise the limit (\`ulimit -n\`, systemd LimitNOFILE=) or ` +
      'watch fewer processes at once',
    { cause: e },
  );
  Object.assign(err, { code, syscall: (e as { syscall?: unknown }).syscall });
  return err;
}

/** Why this backend has no usage reads: the fallback off Linux would have to spawn a process. */
function unsupportedWhy(b: Backend): string {
  return (
    `the ${b.name} backend reads no usage on ${process.platform} without spawning a process (ps, ` +
    'PowerShell) for every read, which usage sampling never does; install a prebuilt binary or build ' +
    'the native addon (npm rebuild pidproof)'
  );
}

// ---- the API ---------------------------------------------------------------------------------------

export interface UsageApi {
  sampleUsage(target: UsageTarget): UsageResult;
  sampleUsage(targets: readonly UsageTarget[]): UsageResult[];
  watchUsage(target: UsageTarget, options?: WatchUsageOptions): UsageWatch;
}

/** @internal what a UsageWatch reads with. */
interface Source {
  /** A read of the watched process, or 'gone' once it cannot be read any more. */
  read(): RawUsageSample | 'gone';
  close(): void;
}

/** @internal builds the API over one backend; tests use it with the fallback and mocks. */
export function createUsageApi(backend: Backend, addon: NativeAddon | null): UsageApi {
  const ids = createIdentityApi(backend);
  const unit = defaultTokenUnit(process.platform, backend.name);
  const read = backend.sampleUsage?.bind(backend) ?? null;
  // Exit events for a prompt final sample: the addon's exit watch (Linux pidfd, macOS/FreeBSD
  // kqueue). On Linux the same pidfd pins every read (backend.usageThrough): one descriptor per
  // watch. On Windows the usage handle itself keeps the final times, and the watch holds that one
  // handle only.
  const exitWatcher =
    backend.name === 'native' && addon !== null && typeof addon.openWatch === 'function' && process.platform !== 'win32'
      ? addon
      : null;

  /**
   * Judges one target on what is read for its PID: `get()` reads it (once; a record of another
   * scope is never read). Records are checked by ownerStatus's own rules, errors naming `name`.
   */
  function judge(t: Target, get: () => RawUsageSample | null, name = 'target'): UsageResult {
    if (t.record === null) {
      const s = get();
      if (s === null) return { pid: t.pid, verdict: 'dead', detail: `no process has PID ${t.pid}`, pinned: false, current: null, usage: null };
      const current = ids.ownerStatusOf({ pid: t.pid }, () => s.identity).current;
      const hidden = s.identity.accessDetail;
      if (typeof hidden === 'string' && hidden !== '') {
        // FreeBSD: the kernel may hide it from this user; it may not even exist.
        return {
          pid: t.pid,
          verdict: 'unknown',
          detail: `the kernel may be hiding PID ${t.pid} from this user (${hidden}), so neither its life nor its death can be proven, and no figures can be read`,
          pinned: false,
          current,
          usage: null,
        };
      }
      const zombie = s.identity.state === 'zombie';
      const usage = copyUsage(s.usage);
      const what = zombie
        ? `PID ${t.pid} is a zombie: it has exited and waits to be reaped; these are its final figures`
        : `PID ${t.pid}`;
      return {
        pid: t.pid,
        verdict: zombie ? 'zombie' : 'alive',
        detail:
          `${what} (unpinned: a bare PID is read as whatever process holds it at the call; pass its ` +
          `identity to have it verified)${usage.accessDetail ? `; ${usage.accessDetail}` : ''}`,
        pinned: false,
        current,
        usage,
      };
    }
    const record = t.record;
    const got: { s: RawUsageSample | null } = { s: null };
    const st = ids.ownerStatusOf(
      record,
      () => {
        got.s = get();
        return got.s === null ? null : got.s.identity;
      },
      undefined,
      name,
    );
    const s = got.s;
    let usage: ProcessUsage | null = null;
    let detail = st.detail;
    if (s !== null && st.current !== null) {
      if (st.verdict === 'alive') {
        usage = copyUsage(s.usage);
      } else if (st.verdict === 'zombie') {
        if (ids.compareIdentity(record, st.current) === 'same') {
          usage = copyUsage(s.usage);
          detail += '; these are its final figures';
        } else {
          detail += '; no figures: nothing proves it is the recorded process';
        }
      }
    }
    if (usage?.accessDetail) detail += `; ${usage.accessDetail}`;
    if (usage === null && st.verdict === 'recycled') detail += '; no figures: they would be another process\'s';
    return { pid: t.pid, verdict: st.verdict, detail, pinned: true, current: st.current, usage };
  }

  /** The fallback off Linux: nothing is spawned, so nothing but kill(pid, 0) can be asked. */
  function judgeUnsupported(t: Target): UsageResult {
    const why = unsupportedWhy(backend);
    const r = t.record as Record<string, unknown> | null;
    if (r !== null) {
      const host = typeof r.hostname === 'string' ? r.hostname : null;
      const platform = typeof r.platform === 'string' ? r.platform : null;
      if ((host !== null && host !== os.hostname()) || (platform !== null && platform !== process.platform)) {
        return { pid: t.pid, verdict: 'foreign', detail: `recorded on ${host ?? platform}, not here: ${why}`, pinned: true, current: null, usage: null };
      }
    }
    let exists = true;
    try {
      process.kill(t.pid, 0);
    } catch (err) {
      exists = (err as NodeJS.ErrnoException).code === 'EPERM';
    }
    if (!exists) {
      return { pid: t.pid, verdict: 'dead', detail: `no process has PID ${t.pid}`, pinned: r !== null, current: null, usage: null };
    }
    return { pid: t.pid, verdict: 'unknown', detail: `PID ${t.pid} exists, but ${why}`, pinned: r !== null, current: null, usage: null };
  }

  /** Many targets: all checked first (a bad one throws before anything is read), one crossing. */
  function sampleMany(targets: Target[]): UsageResult[] {
    if (read === null) return targets.map(judgeUnsupported);
    const out: UsageResult[] = [];
    for (let i = 0; i < targets.length; i += MAX_BATCH) {
      const chunk = targets.slice(i, i + MAX_BATCH);
      const samples = read(chunk.map((t) => t.pid));
      for (let k = 0; k < chunk.length; k++) out.push(judge(chunk[k], () => samples[k], `targets[${i + k}]`));
    }
    return out;
  }

  const one: number[] = [0];

  function sampleUsage(target: UsageTarget): UsageResult;
  function sampleUsage(targets: readonly UsageTarget[]): UsageResult[];
  function sampleUsage(arg: UsageTarget | readonly UsageTarget[]): UsageResult | UsageResult[] {
    if (Array.isArray(arg)) {
      const ts = (arg as readonly unknown[]).map((t, i) => readTarget(t, `targets[${i}]`, unit));
      return sampleMany(ts);
    }
    // One target: ownerStatus's own checks come first (errors name `target`), then the one read.
    if (typeof arg === 'number') assertPid(arg, 'target');
    else if (arg === null || typeof arg !== 'object') readTarget(arg, 'target', unit); // throws
    const t: Target = typeof arg === 'number' ? { pid: arg, record: null } : { pid: (arg as { pid: number }).pid, record: arg as OwnerRecord };
    if (read === null) return judgeUnsupported(t.record === null ? t : readTarget(arg, 'target', unit));
    return judge(t, () => {
      one[0] = t.pid;
      return read(one)[0];
    });
  }

  // ---- watchUsage ------------------------------------------------------------------------------

  function watchUsage(target: UsageTarget, options?: WatchUsageOptions): UsageWatch {
    let intervalMs = DEFAULT_INTERVAL_MS;
    let signal: AbortSignal | undefined;
    if (options !== undefined) {
      const o = assertObject(options, 'options');
      assertKnownOptions(o, WATCH_USAGE_OPTIONS);
      if (o.intervalMs !== undefined) {
        const v = o.intervalMs;
        if (typeof v !== 'number' || Number.isNaN(v)) {
          throw new TypeError(`options.intervalMs must be a number of milliseconds, got ${describe(v)}`);
        }
        if (!(v >= 1 && v <= MAX_INTERVAL_MS)) {
          throw new RangeError(`options.intervalMs must be between 1 and ${MAX_INTERVAL_MS}, got ${v}`);
        }
        intervalMs = v;
      }
      if (o.signal !== undefined) {
        if (!isAbortSignal(o.signal)) throw new TypeError(`options.signal must be an AbortSignal, got ${describe(o.signal)}`);
        signal = o.signal;
      }
    }
    const t = readTarget(target, 'target', unit);
    const ended = (reason: UsageEndReason, detail: string, identity: ProcessIdentity | null = null) =>
      new UsageWatch({ pid: t.pid, identity, mechanism: 'none', source: null, exit: null, exitPins: false, intervalMs, signal, first: null, end: { reason, detail } });
    if (signal?.aborted) {
      return new UsageWatch({ pid: t.pid, identity: null, mechanism: 'none', source: null, exit: null, exitPins: false, intervalMs, signal, first: null, end: null });
    }
    if (read === null) return ended('unsupported', unsupportedWhy(backend));

    // A record of another scope is never pinned: its PID means nothing here.
    if (t.record !== null) {
      let asked = false;
      const pre = ids.ownerStatusOf(t.record, () => {
        asked = true;
        return null;
      });
      if (!asked) {
        if (pre.verdict === 'foreign') throw new WatchError('EFOREIGN', t.pid, `cannot watch PID ${t.pid}: ${pre.detail}`);
        return ended(pre.verdict === 'other-boot' ? 'other-boot' : 'dead', pre.detail);
      }
    }

    // 1. Pin: the exit watch first. Where its handle pins reads (Linux: the pidfd) it is the pin
    // too, and the watch holds that one descriptor; elsewhere a usage pin is opened beside it.
    let exit: RawExitWatch | null = null;
    let pin: RawUsagePin | null = null;
    let exitPins = false;
    const closeAll = () => {
      exit?.close();
      pin?.close();
      exit = null;
      pin = null;
      exitPins = false;
    };
    try {
      let first: RawUsageSample | null = null;
      // Retried when the pinned process was reaped before its first read: the PID may have passed
      // to another process, which a new pin then names (or no process has it: dead).
      for (let attempt = 0; attempt < 4; attempt++) {
        if (exitWatcher !== null) {
          const w = exitWatcher.openWatch(t.pid);
          if (w === null) return ended('dead', `no process has PID ${t.pid}`);
          if (w !== 'unsupported') exit = w;
        }
        const through = exit !== null && backend.usageThrough ? backend.usageThrough(t.pid, exit) : 'unsupported';
        if (through !== 'unsupported') {
          pin = through;
          exitPins = true;
        } else {
          const opened = backend.openUsage?.(t.pid) ?? 'unsupported';
          if (opened === null) {
            closeAll();
            return ended('dead', `no process has PID ${t.pid}`);
          }
          if (opened !== 'unsupported') pin = opened;
        }
        // 2. Verify what the pin reads (or, without a pin, a one-shot read) against the target.
        first = pin !== null ? pin.sample() : read([t.pid])[0];
        if (first !== null || pin === null) break;
        closeAll();
      }
      if (first === null) {
        closeAll();
        return ended('dead', `no process has PID ${t.pid}`);
      }
      const verdict = judge(t, () => first);
      let compareTo: ProcessIdentity | OwnerRecord | null = t.record;
      switch (verdict.verdict) {
        case 'alive':
        case 'zombie':
          break;
        case 'dead':
        case 'recycled':
        case 'other-boot':
          closeAll();
          return ended(verdict.verdict, verdict.detail, verdict.current);
        case 'foreign':
          throw new WatchError('EFOREIGN', t.pid, `cannot watch PID ${t.pid}: ${verdict.detail}`);
        default:
          throw new WatchError(
            'EUNKNOWNIDENTITY',
            t.pid,
            `cannot watch PID ${t.pid}: ${verdict.detail}; without a comparable start token or unique id ` +
              'its numbers could belong to a process that took its PID. Pass the pid number to watch ' +
              'whatever process holds it now',
          );
      }
      if (verdict.verdict === 'zombie' && verdict.usage === null) {
        closeAll();
        return ended('zombie', verdict.detail, verdict.current);
      }
      if (t.record === null) compareTo = verdict.current;
      // 3. Without a pin, every read is compared with this identity: it must have something to compare.
      if (pin === null) {
        const c = compareTo as Record<string, unknown> | null;
        if (c === null || ((c.startToken ?? null) === null && (c.uniqueId ?? null) === null)) {
          throw new WatchError(
            'EUNKNOWNIDENTITY',
            t.pid,
            `cannot watch PID ${t.pid}: nothing can be pinned here and its identity cannot be read ` +
              `(${first.usage.accessDetail ?? 'no start token or unique id'}), so a recycled PID could not be told apart`,
          );
        }
      }
      // A separate exit watch must name the process the pin reads (the PID could have changed hands
      // between the two opens): same unique id, else drop it and learn the exit from the reads.
      if (exit !== null && !exitPins) {
        const hu = exit.uniqueId();
        if (hu !== null && first.identity.uniqueId !== null && hu !== first.identity.uniqueId) {
          exit.close();
          exit = null;
        }
      }
      const p = pin;
      const cmp = compareTo!;
      const source: Source =
        p !== null
          ? { read: () => p.sample() ?? 'gone', close: () => p.close() }
          : {
              read: () => {
                const s = read([t.pid])[0];
                if (s === null) return 'gone';
                const st = ids.ownerStatusOf(cmp, () => s.identity);
                if (st.verdict === 'alive') return s;
                if (st.verdict === 'zombie' && st.current !== null && ids.compareIdentity(cmp, st.current) === 'same') return s;
                return 'gone';
              },
              close: () => {},
            };
      const w = new UsageWatch({
        pid: t.pid,
        identity: verdict.current,
        mechanism: p !== null ? 'pinned' : 'verified',
        source,
        exit,
        exitPins,
        intervalMs,
        signal,
        first,
        end: null,
      });
      exit = null;
      pin = null;
      return w;
    } catch (e) {
      closeAll();
      throw mapFdError(e, t.pid, true);
    }
  }

  return { sampleUsage, watchUsage };
}

// ---- UsageWatch ------------------------------------------------------------------------------------

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * A process watched for its usage: an async iterable of `UsageSample`s (iterate it once). Obtain
 * one with `watchUsage()`. It ends after a sample with `final: true` when the process exits; its
 * pin is released then, on `close()`, `return()` (a `break` out of `for await`), or the signal's
 * abort.
 */
export class UsageWatch implements AsyncIterableIterator<UsageSample> {
  /** The watched PID. */
  readonly pid: number;
  /** The identity verified when the watch was opened; null when there was none to watch. */
  readonly identity: ProcessIdentity | null;
  /** How it reads the process. */
  readonly mechanism: UsageMechanism;

  #source: Source | null;
  #exit: RawExitWatch | null;
  /** The exit watch's handle is the pin (Linux pidfd): an error on it ends the watch. */
  #exitPins: boolean;
  /** The error that ended the watch (its pin failed); every next() rejects with it. */
  #failed: unknown = null;
  #intervalMs: number;
  #signal: AbortSignal | undefined;
  #unsubscribe: (() => void) | null = null;
  /** The previous measured sample's CPU total and time, for cpuPercent. */
  #prev: { atMs: number; cpuTotalMs: number | null } | null = null;
  /** The time the next sample is due. */
  #due = 0;
  /** Samples taken but not yet yielded (the first one, a final one taken at the exit event). */
  #queue: UsageSample[] = [];
  #ended = false;
  #aborted = false;
  /** The final sample, once taken. */
  #final: UsageSample | null = null;
  #waiter: { wake: () => void; fail: (e: unknown) => void } | null = null;
  #timer: NodeJS.Timeout | null = null;
  #chain: Promise<unknown> = Promise.resolve();

  /** @internal use `watchUsage()`. */
  constructor(init: {
    pid: number;
    identity: ProcessIdentity | null;
    mechanism: UsageMechanism;
    source: Source | null;
    exit: RawExitWatch | null;
    exitPins: boolean;
    intervalMs: number;
    signal: AbortSignal | undefined;
    first: RawUsageSample | null;
    end: { reason: UsageEndReason; detail: string } | null;
  }) {
    this.pid = init.pid;
    this.identity = init.identity;
    this.mechanism = init.mechanism;
    this.#source = init.source;
    this.#exit = init.exit;
    this.#exitPins = init.exitPins;
    this.#intervalMs = init.intervalMs;
    this.#signal = init.signal;
    if (init.end !== null) {
      this.#queue.push(this.#unmeasured(init.end.reason, init.end.detail));
    } else if (init.first !== null) {
      const s = this.#fromRead(init.first, false);
      if (s.final) {
        // Already exited when the watch was opened: its final figures, and the reason says so.
        s.reason = 'zombie';
        s.detail = `PID ${this.pid} had already exited (a zombie, not yet reaped); these are its final figures`;
      }
      this.#queue.push(s);
    }
    const last = this.#queue.at(-1);
    if (last?.final) {
      this.#final = last;
      this.#release();
    }
    // A prompt final sample: read the process the moment the kernel reports its exit (before its
    // parent reaps it, where the event comes first).
    if (this.#exit !== null && !this.#ended) {
      try {
        this.#exit.start((err) => (err === null ? this.#onExit() : this.#onExitError(err)));
      } catch (e) {
        if (this.#exitPins) {
          this.#release(); // the pin went with it: watchUsage throws
          throw e;
        }
        this.#exit.close();
        this.#exit = null;
      }
    }
    const s = init.signal;
    if (s !== undefined && !this.#ended) {
      if (s.aborted) {
        this.#abort();
      } else {
        this.#unsubscribe = onAbort(s, () => this.#abort());
      }
    }
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /**
   * The next sample: the first at once, then one per `intervalMs` (measured from the previous),
   * sooner when the process exits. Rejects with pidproof's `AbortError` once the signal aborts.
   */
  next(): Promise<IteratorResult<UsageSample, undefined>> {
    const p = this.#chain.then(() => this.#next());
    this.#chain = p.catch(() => undefined);
    return p;
  }

  /** Ends the watch (a `break` out of `for await` calls it): releases the pin. */
  return(): Promise<IteratorResult<UsageSample, undefined>> {
    this.close();
    return Promise.resolve(DONE);
  }

  /**
   * A sample now, outside the schedule (it counts as the previous sample for the next
   * `cpuPercent`). When it is the final one, the iterator yields it too, then ends.
   */
  sample(): UsageSample {
    if (this.#final !== null) return this.#final;
    if (this.#failed !== null) throw this.#failed;
    if (this.#source === null) {
      throw new WatchError('EWATCHCLOSED', this.pid, `the usage watch of PID ${this.pid} was ${this.#aborted ? 'aborted' : 'closed'}`);
    }
    const s = this.#take(false);
    if (s.final) {
      this.#queue.push(s);
      this.#wake();
    }
    return s;
  }

  /** Releases the pin; a pending `next()` resolves done. Idempotent. */
  close(): void {
    this.#queue.length = 0;
    this.#release();
    this.#wake();
  }

  [Symbol.dispose](): void {
    this.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.close();
  }

  async #next(): Promise<IteratorResult<UsageSample, undefined>> {
    for (;;) {
      if (this.#aborted) throw abortErrorFor(this.#signal!, 'usage watch');
      if (this.#failed !== null) throw this.#failed;
      const queued = this.#queue.shift();
      if (queued !== undefined) return { done: false, value: queued };
      if (this.#ended || this.#source === null) return DONE;
      const wait = this.#due - nowMs();
      if (wait > 0) {
        await this.#sleep(wait);
        continue; // woken by the timer, the exit, an abort or close
      }
      return { done: false, value: this.#take(false) };
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#timer = setTimeout(() => this.#wake(), Math.min(MAX_INTERVAL_MS, Math.ceil(ms)));
      this.#waiter = { wake: resolve, fail: reject };
    });
  }

  #wake(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    const w = this.#waiter;
    this.#waiter = null;
    w?.wake();
  }

  #onExit(): void {
    if (this.#ended || this.#source === null) return;
    this.#queue.push(this.#take(true));
    this.#wake();
  }

  /**
   * The exit watch failed (libuv reported a poll error). Where its handle is the pin, nothing can
   * be read any more: the watch ends and next() rejects with the error. Elsewhere only the exit
   * event is lost: the reads through the pin still learn the exit.
   */
  #onExitError(err: Error): void {
    if (this.#ended) return;
    this.#exit = null; // closed by the addon before the callback
    if (!this.#exitPins) return;
    this.#failed = err;
    this.#queue.length = 0;
    this.#release();
    this.#wake();
  }

  #abort(): void {
    if (this.#ended) return;
    this.#aborted = true;
    this.#queue.length = 0;
    this.#release();
    this.#wake();
  }

  #release(): void {
    this.#ended = true;
    if (this.#unsubscribe !== null) {
      this.#unsubscribe();
      this.#unsubscribe = null;
    }
    this.#exit?.close();
    this.#exit = null;
    this.#source?.close();
    this.#source = null;
  }

  /** Reads the process now. `exited`: the kernel has just reported its exit. */
  #take(exited: boolean): UsageSample {
    let r: RawUsageSample | 'gone';
    try {
      r = this.#source!.read();
    } catch (e) {
      this.#release();
      throw mapFdError(e, this.pid, false);
    }
    this.#due = nowMs() + this.#intervalMs;
    if (r === 'gone') {
      this.#release();
      return (this.#final = this.#unmeasured(
        'exited',
        `PID ${this.pid} exited and was reaped before its final figures could be read`,
      ));
    }
    const s = this.#fromRead(r, exited);
    if (s.final) {
      this.#final = s;
      this.#release();
    }
    return s;
  }

  #fromRead(r: RawUsageSample, exited: boolean): UsageSample {
    const u = r.usage;
    const final = exited || r.identity.state === 'zombie';
    const prev = this.#prev;
    let cpuPercent: number | null = null;
    if (prev !== null && prev.cpuTotalMs !== null && u.cpuTotalMs !== null && u.atMs > prev.atMs) {
      cpuPercent = Math.max(0, ((u.cpuTotalMs - prev.cpuTotalMs) / (u.atMs - prev.atMs)) * 100);
    }
    this.#prev = { atMs: u.atMs, cpuTotalMs: u.cpuTotalMs };
    if (this.#due === 0) this.#due = u.atMs + this.#intervalMs;
    return {
      pid: this.pid,
      atMs: u.atMs,
      measured: true,
      final,
      reason: final ? 'exited' : null,
      detail: final
        ? `PID ${this.pid} exited; these are its final figures${u.accessDetail ? ` (${u.accessDetail})` : ''}`
        : u.accessDetail,
      cpuPercent,
      cpuUserMs: u.cpuUserMs,
      cpuSystemMs: u.cpuSystemMs,
      cpuTotalMs: u.cpuTotalMs,
      childCpuUserMs: u.childCpuUserMs,
      childCpuSystemMs: u.childCpuSystemMs,
      rssBytes: u.rssBytes,
      peakRssBytes: u.peakRssBytes,
      virtualBytes: u.virtualBytes,
      threads: u.threads,
      voluntaryCtxSwitches: u.voluntaryCtxSwitches,
      involuntaryCtxSwitches: u.involuntaryCtxSwitches,
      minorFaults: u.minorFaults,
      majorFaults: u.majorFaults,
      access: u.access,
      accessDetail: u.accessDetail,
    };
  }

  #unmeasured(reason: UsageEndReason, detail: string): UsageSample {
    return {
      pid: this.pid,
      atMs: nowMs(),
      measured: false,
      final: true,
      reason,
      detail,
      cpuPercent: null,
      ...NO_USAGE_FIGURES,
      access: null,
      accessDetail: null,
    };
  }
}

const defaultApi = createUsageApi(selectedBackend, loadedAddon);

/**
 * CPU and memory of a process, read in one native call with its identity. `target` is a recorded
 * identity (`ProcessIdentity` or a partial record: the numbers are returned only when the process
 * is provably that one) or a bare PID (read as whatever process holds it, `pinned: false`). An
 * array of targets is read in one crossing and answered in order. Never spawns a process. Throws
 * TypeError/RangeError for a bad target (naming it).
 */
export const sampleUsage = defaultApi.sampleUsage;

/**
 * Watches a process's usage: an async iterable of samples every `options.intervalMs` (default
 * 1000), each with `cpuPercent` from its own deltas (null on the first). Pinned for its whole life;
 * it ends with a `final` sample when the process exits (`measured: false` when the OS could no
 * longer give one). Throws `WatchError` `EFOREIGN` (another host or PID namespace) or
 * `EUNKNOWNIDENTITY` (nothing to compare with the live PID holder), EMFILE when out of
 * descriptors, TypeError/RangeError for bad arguments. A record that is already dead, recycled or
 * from an earlier boot gives a watch whose only sample says so.
 */
export const watchUsage = defaultApi.watchUsage;
