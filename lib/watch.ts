/**
 * Exit notification pinned to a process identity: `watchExit`, `watchProcess`, `isAlive`.
 *
 * Pin, then verify (DESIGN.md principle 4): the kernel handle is opened first (Linux pidfd,
 * macOS/FreeBSD kqueue `EVFILT_PROC`/`NOTE_EXIT`, Windows process handle), then the record is
 * compared with a fresh probe, then the handle is asked whether its process has already exited.
 * From then on a recycled PID can neither fire the watch nor suppress it.
 *
 * Where nothing can be pinned (Linux without `pidfd_open`, the fallback backend) the identity is
 * polled instead: first after 25 ms, each interval 1.5x the last, capped at 250 ms, on unref'd
 * timers. Recycling is then detected by the identity comparison at the next poll.
 */
// From perf_hooks, not the global: test runners' sandboxes (jest 24's node environment) lack the global.
import { performance } from 'node:perf_hooks';
import { onAbort } from './abort';
import { addon as loadedAddon, selectedBackend } from './binding';
import type { NativeAddon, RawExitWatch } from './binding';
import { abortErrorFor } from './errors';
import { createIdentityApi } from './identity';
import type { Backend, OwnerRecord, ProcessIdentity } from './types';
import { assertDecimalU64, assertKnownOptions, assertObject, assertPid, describe } from './validate';

/** How a watched process came to be gone. */
export type ExitReason =
  /** it exited while watched */
  | 'exited'
  /** no process had the PID when the watch was opened */
  | 'dead'
  /** it had already exited (a zombie, not yet reaped) when the watch was opened */
  | 'zombie'
  /** the PID already named another process when the watch was opened */
  | 'recycled'
  /** the record comes from an earlier boot */
  | 'other-boot';

/** What `watchExit` resolves with. */
export interface ExitInfo {
  /** The PID that was watched. */
  pid: number;
  /**
   * Wall-clock epoch ms at which pidproof observed the exit (for `reason: 'exited'`, within about
   * a millisecond of it on kernels with exit notification; otherwise the time of the check).
   */
  exitedAt: number;
  /** Monotonic ms from the call to the observation. */
  waitedMs: number;
  /** Whether the exit was observed while watching or found at the start. */
  reason: ExitReason;
}

export interface WatchProcessOptions {
  /** Keep the event loop alive while waiting (default false, like an unref'd timer). */
  ref?: boolean;
}

export interface WatchExitOptions extends WatchProcessOptions {
  /**
   * Cancels the wait: the promise rejects with pidproof's `AbortError` (`code` `ABORT_ERR`,
   * `cause` the signal's reason) and the handle is closed. One signal may serve any number of
   * watches (pidproof adds one listener per signal, never one per watch).
   */
  signal?: AbortSignal;
}

/** How a `ProcessWatch` learns of the exit. */
export type WatchMechanism =
  /** a kernel handle pinned to the process (pidfd, kqueue, process HANDLE) */
  | 'pinned'
  /** a bounded poll of the identity (25 ms growing to 250 ms) */
  | 'poll'
  /** nothing to watch: the process was already gone */
  | 'none';

/** Error codes of this module. */
export type WatchErrorCode =
  /** the record belongs to another host, platform or PID namespace: it cannot be watched here */
  | 'EFOREIGN'
  /** the record shares no comparable token with the live process holding its PID */
  | 'EUNKNOWNIDENTITY'
  /** the watch was closed while a wait was pending */
  | 'EWATCHCLOSED';

/** An error with a stable `code`. */
export class WatchError extends Error {
  readonly code: WatchErrorCode;
  /** The PID concerned. */
  readonly pid: number;
  constructor(code: WatchErrorCode, pid: number, message: string) {
    super(message);
    this.name = 'WatchError';
    this.code = code;
    this.pid = pid;
  }
}

/** Poll schedule of the fallback path (documented in the module comment and README). */
export const POLL_FIRST_MS = 25;
export const POLL_GROWTH = 1.5;
export const POLL_MAX_MS = 250;

function abortError(signal: AbortSignal) {
  return abortErrorFor(signal, 'exit watch');
}

const WATCH_OPTIONS = ['ref'] as const;
const WATCH_EXIT_OPTIONS = ['signal', 'ref'] as const;
const EXITED_OPTIONS = ['signal'] as const;

function isAbortSignal(v: unknown): v is AbortSignal {
  return typeof AbortSignal !== 'undefined' && v instanceof AbortSignal;
}

function parseRef(o: Record<string, unknown>): boolean {
  if (o.ref === undefined) return false;
  if (typeof o.ref !== 'boolean') {
    throw new TypeError(`options.ref must be a boolean, got ${describe(o.ref)}`);
  }
  return o.ref;
}

function parseSignal(o: Record<string, unknown>): AbortSignal | undefined {
  if (o.signal === undefined) return undefined;
  if (!isAbortSignal(o.signal)) {
    throw new TypeError(`options.signal must be an AbortSignal, got ${describe(o.signal)}`);
  }
  return o.signal;
}

function errCode(e: unknown): string | undefined {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : undefined;
}

/**
 * A process pinned for exit notification. Obtain one with `watchProcess()`; close it when done
 * (or `using w = watchProcess(...)`). A watch that is garbage collected closes its handle.
 */
export class ProcessWatch {
  /** The watched PID. */
  readonly pid: number;
  /** The identity that was verified against the pinned handle; null when already gone. */
  readonly identity: ProcessIdentity | null;
  /** How the exit is learnt. */
  readonly mechanism: WatchMechanism;

  #handle: RawExitWatch | null;
  /** The handle's `fastId()` and the addon that answers `watchExited(id)`: isAlive() without an unwrap. */
  #fastId: number;
  #byId: Pick<NativeAddon, 'watchExited'> | null;
  #record: ProcessIdentity | OwnerRecord | null;
  #poll: ((r: ProcessIdentity | OwnerRecord) => 'alive' | 'gone' | 'unknown') | null;
  #t0: number;
  #ref: boolean;
  #exit: ExitInfo | null = null;
  #closed = false;
  #wait: Promise<ExitInfo> | null = null;
  #resolve: ((v: ExitInfo) => void) | null = null;
  #reject: ((e: unknown) => void) | null = null;
  #timer: NodeJS.Timeout | null = null;
  #interval = POLL_FIRST_MS;

  /** @internal use `watchProcess()`. */
  constructor(
    init: {
      pid: number;
      identity: ProcessIdentity | null;
      mechanism: WatchMechanism;
      handle: RawExitWatch | null;
      byId?: Pick<NativeAddon, 'watchExited'> | null;
      record: ProcessIdentity | OwnerRecord | null;
      poll: ((r: ProcessIdentity | OwnerRecord) => 'alive' | 'gone' | 'unknown') | null;
      gone: ExitReason | null;
      t0: number;
      ref: boolean;
    },
  ) {
    this.pid = init.pid;
    this.identity = init.identity;
    this.mechanism = init.mechanism;
    this.#handle = init.handle;
    const id = init.handle !== null && init.byId ? (init.handle.fastId?.() ?? -1) : -1;
    this.#fastId = id;
    this.#byId = id >= 0 ? (init.byId ?? null) : null;
    this.#record = init.record;
    this.#poll = init.poll;
    this.#t0 = init.t0;
    this.#ref = init.ref;
    if (init.gone !== null) this.#exit = this.#info(init.gone);
  }

  #info(reason: ExitReason): ExitInfo {
    return { pid: this.pid, exitedAt: Date.now(), waitedMs: performance.now() - this.#t0, reason };
  }

  /** Whether the exit is known (observed, or found at the start). */
  get hasExited(): boolean {
    return this.#exit !== null;
  }

  /**
   * Is the pinned process still running? One zero-timeout poll of the handle (no `/proc` read);
   * on the poll path one identity comparison. A zombie is not alive. Throws `EWATCHCLOSED` once
   * closed before an exit was seen, `EUNKNOWNIDENTITY` on the poll path when nothing compares.
   */
  isAlive(): boolean {
    if (this.#exit !== null) return false;
    if (this.#closed) throw this.#closedError();
    if (this.#handle !== null) {
      // One crossing: the pinned handle by its slot id (no object unwrap), else its method.
      if (this.#byId !== null ? !this.#byId.watchExited!(this.#fastId) : !this.#handle.hasExited()) return true;
      this.#finish('exited');
      return false;
    }
    if (this.#poll !== null && this.#record !== null) {
      const v = this.#poll(this.#record);
      if (v === 'alive') return true;
      if (v === 'gone') {
        this.#finish('exited');
        return false;
      }
      throw new WatchError(
        'EUNKNOWNIDENTITY',
        this.pid,
        `PID ${this.pid} is alive but its identity cannot be compared any more`,
      );
    }
    return false;
  }

  /**
   * Resolves when the process exits (at once when it already has). Several callers may wait;
   * `signal` cancels only this wait (use `close()` to release the handle).
   */
  exited(options?: { signal?: AbortSignal }): Promise<ExitInfo> {
    let signal: AbortSignal | undefined;
    try {
      if (options !== undefined) {
        const o = assertObject(options, 'options');
        assertKnownOptions(o, EXITED_OPTIONS);
        signal = parseSignal(o);
      }
    } catch (e) {
      return Promise.reject(e);
    }
    if (signal?.aborted) return Promise.reject(abortError(signal));
    let p: Promise<ExitInfo>;
    try {
      p = this.#ensureWaiting();
    } catch (e) {
      return Promise.reject(e);
    }
    if (signal === undefined) return p;
    const s = signal;
    return new Promise<ExitInfo>((resolve, reject) => {
      const unsubscribe = onAbort(s, () => reject(abortError(s)));
      p.then(
        (v) => {
          unsubscribe();
          resolve(v);
        },
        (e) => {
          unsubscribe();
          reject(e);
        },
      );
    });
  }

  /** Let the pending wait keep the event loop alive. */
  ref(): this {
    this.#ref = true;
    this.#handle?.ref();
    this.#timer?.ref();
    return this;
  }

  /** Let the process exit while the wait is pending (the default). */
  unref(): this {
    this.#ref = false;
    this.#handle?.unref();
    this.#timer?.unref();
    return this;
  }

  /** Releases the handle; a pending `exited()` rejects with `EWATCHCLOSED`. Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#release();
    if (this.#reject !== null) {
      const reject = this.#reject;
      this.#resolve = this.#reject = null;
      reject(this.#closedError());
    }
  }

  [Symbol.dispose](): void {
    this.close();
  }

  #closedError(): WatchError {
    return new WatchError('EWATCHCLOSED', this.pid, `the watch of PID ${this.pid} was closed`);
  }

  #release(): void {
    this.#byId = null;
    if (this.#handle !== null) {
      this.#handle.close();
      this.#handle = null;
    }
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
  }

  #finish(reason: ExitReason): void {
    if (this.#exit === null) this.#exit = this.#info(reason);
    this.#release();
    if (this.#resolve !== null) {
      const resolve = this.#resolve;
      this.#resolve = this.#reject = null;
      resolve(this.#exit);
    }
  }

  #fail(err: unknown): void {
    this.#release();
    if (this.#reject !== null) {
      const reject = this.#reject;
      this.#resolve = this.#reject = null;
      reject(err);
    }
  }

  #ensureWaiting(): Promise<ExitInfo> {
    if (this.#exit !== null) return Promise.resolve(this.#exit);
    if (this.#closed) return Promise.reject(this.#closedError());
    if (this.#wait !== null) return this.#wait;
    this.#wait = new Promise<ExitInfo>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    const h = this.#handle;
    if (h !== null) {
      try {
        // The callback holds `this`, so a started watch is not collected while it waits.
        h.start((err) => (err ? this.#fail(err) : this.#finish('exited')));
      } catch (e) {
        this.#fail(e);
      }
    } else {
      this.#schedule();
    }
    return this.#wait;
  }

  #schedule(): void {
    const delay = this.#interval;
    this.#interval = Math.min(POLL_MAX_MS, Math.ceil(this.#interval * POLL_GROWTH));
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (this.#closed || this.#exit !== null || this.#poll === null || this.#record === null) return;
      let v: 'alive' | 'gone' | 'unknown';
      try {
        v = this.#poll(this.#record);
      } catch (e) {
        this.#fail(e);
        return;
      }
      // 'unknown' keeps waiting: death is never inferred without proof.
      if (v === 'gone') this.#finish('exited');
      else this.#schedule();
    }, delay);
    if (!this.#ref) this.#timer.unref();
  }
}

/** The watch API over one backend; `addon` null means no kernel handles (poll path). */
export interface WatchApi {
  watchProcess(target: ProcessIdentity | OwnerRecord | number, options?: WatchProcessOptions): ProcessWatch;
  watchExit(target: ProcessIdentity | OwnerRecord | number, options?: WatchExitOptions): Promise<ExitInfo>;
  isAlive(identity: ProcessIdentity | OwnerRecord): boolean;
}

/** @internal builds the API; tests use it to run the poll path and the fallback backend. */
export function createWatchApi(backend: Backend, addon: NativeAddon | null): WatchApi {
  const api = createIdentityApi(backend);
  const pinner = addon !== null && typeof addon.openWatch === 'function' ? addon : null;
  const byId = pinner !== null && typeof pinner.watchExited === 'function' ? pinner : null;
  // The cheapest exact liveness check, when the backend is this addon's.
  const exact =
    addon !== null && backend.name === 'native' && typeof addon.aliveExact === 'function'
      ? (pid: number, uid: string) => addon.aliveExact(pid, uid)
      : null;
  let nativeKind: string | null | undefined;
  let scope: ReturnType<typeof api.currentScope> | undefined;

  /** EMFILE/ENFILE get a message that says what to do; other errors pass through. */
  function mapFdError(e: unknown, pid: number): unknown {
    const code = errCode(e);
    if (code !== 'EMFILE' && code !== 'ENFILE') return e;
    const err = new Error(
      `${code}: too many open files while pinning PID ${pid} for an exit watch. Each pending ` +
        'watch holds one file descriptor until the process exits or the watch is closed; ' +
        'raise the limit (`ulimit -n`, systemd LimitNOFILE=) or watch fewer processes at once',
      { cause: e },
    );
    Object.assign(err, { code, syscall: (e as { syscall?: unknown }).syscall });
    return err;
  }

  function openHandle(pid: number): RawExitWatch | null | 'unsupported' {
    if (pinner === null) return 'unsupported';
    return pinner.openWatch(pid);
  }

  /**
   * Why a PID cannot be judged, when the backend can say so: on FreeBSD a process the kernel may
   * hide from this user (security.bsd.see_other_uids=0, a jail, ...) answers ESRCH like a dead
   * one, so neither its life nor its death can be proven. '' otherwise.
   */
  function hiddenNote(pid: number): string {
    const raw = backend.probe(pid);
    const d = raw?.accessDetail;
    return typeof d === 'string' && d !== ''
      ? `; the kernel may be hiding PID ${pid} from this user (${d}), so its exit cannot be observed`
      : '';
  }

  function pollVerdict(r: ProcessIdentity | OwnerRecord): 'alive' | 'gone' | 'unknown' {
    const v = api.ownerStatus(r).verdict;
    if (v === 'alive') return 'alive';
    if (v === 'unknown' || v === 'foreign') return 'unknown';
    return 'gone';
  }

  function watchProcess(
    target: ProcessIdentity | OwnerRecord | number,
    options?: WatchProcessOptions,
  ): ProcessWatch {
    const t0 = performance.now();
    let ref = false;
    if (options !== undefined) {
      const o = assertObject(options, 'options');
      assertKnownOptions(o, WATCH_OPTIONS);
      ref = parseRef(o);
    }
    let pid: number;
    let record: ProcessIdentity | OwnerRecord | null = null;
    if (typeof target === 'number') {
      pid = assertPid(target, 'target');
    } else if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
      pid = assertPid((target as { pid?: unknown }).pid, 'target.pid');
      record = target;
    } else {
      throw new TypeError(`target must be a ProcessIdentity or a pid, got ${describe(target)}`);
    }
    const make = (
      mechanism: WatchMechanism,
      identity: ProcessIdentity | null,
      handle: RawExitWatch | null,
      gone: ExitReason | null,
    ) => {
      if (handle !== null && gone !== null) {
        handle.close();
        handle = null;
      }
      if (ref && handle !== null) handle.ref();
      return new ProcessWatch({
        pid,
        identity,
        mechanism: gone !== null ? 'none' : mechanism,
        handle,
        byId,
        record: gone !== null ? null : (record ?? identity),
        poll: mechanism === 'poll' && gone === null ? pollVerdict : null,
        gone,
        t0,
        ref,
      });
    };

    // A record from another scope is never pinned: its PID means nothing here. (ownerStatus
    // below is authoritative; this only avoids opening a handle on an unrelated local process.)
    if (record !== null) {
      const s = api.currentScope();
      const r = record as Record<string, unknown>;
      const differs = (k: 'hostname' | 'platform' | 'pidNamespace' | 'bootId') =>
        typeof r[k] === 'string' && s[k] !== null && r[k] !== s[k];
      if (differs('hostname') || differs('platform') || differs('pidNamespace')) {
        const st = api.ownerStatus(record);
        if (st.verdict === 'foreign') {
          throw new WatchError('EFOREIGN', pid, `cannot watch PID ${pid}: ${st.detail}`);
        }
      }
      if (differs('bootId')) return make('none', null, null, 'other-boot');
    }

    // 1. Pin.
    let opened: RawExitWatch | null | 'unsupported';
    try {
      opened = openHandle(pid);
    } catch (e) {
      throw mapFdError(e, pid);
    }
    const handle = typeof opened === 'object' ? opened : null;
    try {
      // 2. Verify against a fresh probe (taken after the pin).
      let identity: ProcessIdentity | null;
      if (record !== null) {
        const st = api.ownerStatus(record);
        switch (st.verdict) {
          case 'alive':
            identity = st.current;
            break;
          case 'dead':
          case 'recycled':
          case 'zombie':
          case 'other-boot':
            return make('none', st.current, handle, st.verdict);
          case 'foreign':
            throw new WatchError('EFOREIGN', pid, `cannot watch PID ${pid}: ${st.detail}`);
          default:
            {
              const hidden = hiddenNote(pid);
              throw new WatchError(
                'EUNKNOWNIDENTITY',
                pid,
                hidden !== ''
                  ? `cannot watch PID ${pid}: ${st.detail}${hidden}`
                  : `cannot watch PID ${pid}: ${st.detail}; without a comparable start token or ` +
                      'unique id a recycled PID could not be told apart. Pass the pid number to ' +
                      'watch whatever process holds it now',
              );
            }
        }
      } else {
        identity = api.processIdentity(pid);
        if (identity === null) return make('none', null, handle, 'dead');
        if (identity.state === 'zombie') return make('none', identity, handle, 'zombie');
        if (
          handle === null &&
          identity.access === 'partial' &&
          identity.startToken === null &&
          identity.uniqueId === null
        ) {
          // Nothing pinned and nothing to poll against: the poll could never prove an exit.
          const hidden = hiddenNote(pid);
          if (hidden !== '') {
            throw new WatchError('EUNKNOWNIDENTITY', pid, `cannot watch PID ${pid}${hidden}`);
          }
        }
      }
      if (opened === null) {
        // Nothing to pin when we looked, so whatever holds the PID now is not the process we
        // were asked about (a record) or appeared after the call (a pid).
        return make('none', identity, null, 'dead');
      }
      if (handle === null) return make('poll', identity, null, null);
      // 3. The handle must name the verified process. Same unique id through the handle, and
      // not exited after the probe: the PID could not have been reused in between.
      const hu = handle.uniqueId();
      if (hu !== null && identity !== null && identity.uniqueId !== null && hu !== identity.uniqueId) {
        // A record: the PID names another process now. A pid: the process we pinned was reaped
        // and its PID reused before the probe, so the process of the call time is gone.
        return record !== null
          ? make('none', identity, handle, 'recycled')
          : make('none', null, handle, 'dead');
      }
      // Exited between the probe and now (or a zombie the probe could not tell).
      if (handle.hasExited()) return make('none', identity, handle, 'exited');
      return make('pinned', identity, handle, null);
    } catch (e) {
      handle?.close();
      throw mapFdError(e, pid);
    }
  }

  function watchExit(
    target: ProcessIdentity | OwnerRecord | number,
    options?: WatchExitOptions,
  ): Promise<ExitInfo> {
    let w: ProcessWatch;
    let signal: AbortSignal | undefined;
    try {
      let ref = false;
      if (options !== undefined) {
        const o = assertObject(options, 'options');
        assertKnownOptions(o, WATCH_EXIT_OPTIONS);
        signal = parseSignal(o);
        ref = parseRef(o);
      }
      if (signal?.aborted) return Promise.reject(abortError(signal));
      w = watchProcess(target, { ref });
    } catch (e) {
      return Promise.reject(e);
    }
    const watch = w;
    return watch.exited(signal === undefined ? undefined : { signal }).finally(() => watch.close());
  }

  function kindOfThisOs(): string | null {
    if (nativeKind === undefined) nativeKind = api.selfIdentity().uniqueIdKind;
    return nativeKind;
  }

  function sameScopeField(v: unknown, here: string | null): boolean | null {
    if (v === undefined || v === null) return true;
    if (typeof v !== 'string') return null; // let ownerStatus name the bad field
    return here === null || v === here;
  }

  function isAlive(identity: ProcessIdentity | OwnerRecord): boolean {
    const o = assertObject(identity, 'identity');
    const pid = assertPid(o.pid, 'identity.pid');
    // Fast path: the record's per-boot unique id against the cheapest exact kernel answer
    // (Linux with pidfs: pidfd_open + fstat + poll + close; no /proc read).
    const uid = o.uniqueId;
    // The same rule as ownerStatus, checked first: '0002' is a TypeError here too, a 20-digit id
    // above 2^64-1 a RangeError, whichever path answers.
    if (uid !== undefined && uid !== null) assertDecimalU64(uid, 'identity.uniqueId');
    if (
      typeof uid === 'string' &&
      o.uniqueIdKind === kindOfThisOs() &&
      (o.startToken === undefined || o.startToken === null || typeof o.startToken === 'string' || typeof o.startToken === 'number')
    ) {
      const s = (scope ??= api.currentScope()); // constant for the life of the process
      if (
        sameScopeField(o.hostname, s.hostname) === true &&
        sameScopeField(o.platform, s.platform) === true &&
        sameScopeField(o.bootId, s.bootId) === true &&
        sameScopeField(o.pidNamespace, s.pidNamespace) === true
      ) {
        if (exact !== null) {
          // One N-API call comparing the unique id natively: no result object, no id string.
          const r = exact(pid, uid);
          if (r !== -1) return r === 1; // 0: gone, exited (zombie) or recycled: all proofs
        } else {
          const l = backend.checkAlive(pid);
          if (l !== null) {
            if (!l.exists) return false; // no process: proof of death
            if (l.uniqueId !== null) return l.uniqueId === uid && !l.exited; // recycled / zombie
          }
        }
      }
    }
    const st = api.ownerStatus(identity);
    switch (st.verdict) {
      case 'alive':
        return true;
      case 'dead':
      case 'recycled':
      case 'zombie':
      case 'other-boot':
        return false;
      case 'foreign':
        throw new WatchError('EFOREIGN', pid, `cannot judge PID ${pid} here: ${st.detail}`);
      default:
        throw new WatchError(
          'EUNKNOWNIDENTITY',
          pid,
          `cannot tell whether PID ${pid} is the recorded process: ${st.detail}${hiddenNote(pid)}`,
        );
    }
  }

  return { watchProcess, watchExit, isAlive };
}

const defaultApi = createWatchApi(selectedBackend, loadedAddon);

/**
 * Resolves when the process exits. `target` is a `ProcessIdentity` (or a partial record), or a
 * pid, then pinned to the process holding it at call time. Resolves at once when it is already
 * gone, a zombie, recycled or from another boot (see `ExitInfo.reason`). Rejects with
 * `WatchError` `EFOREIGN` (another host or PID namespace), `EUNKNOWNIDENTITY` (nothing to compare
 * with the live PID holder), pidproof's `AbortError` on `options.signal`, `EMFILE` when out of
 * file descriptors, and TypeError/RangeError for bad arguments (an unknown option name included).
 * Unref'd unless `options.ref`.
 */
export const watchExit = defaultApi.watchExit;

/** Pins a process and returns a `ProcessWatch` (synchronous; throws what `watchExit` rejects). */
export const watchProcess = defaultApi.watchProcess;

/**
 * Is the recorded process alive? `false` is a proof (dead, zombie, recycled, other boot); throws
 * `WatchError` `EFOREIGN` or `EUNKNOWNIDENTITY` when there is no proof either way.
 */
export const isAlive = defaultApi.isAlive;
