/**
 * The only file that loads the native addon. Selection:
 * - `PIDPROOF_BACKEND=fallback` forces the pure-TypeScript backend;
 * - `PIDPROOF_BACKEND=native` requires the addon (a missing binary is an error);
 * - otherwise the addon is used when a binary exists (prebuild or `build/`), else the fallback.
 * - under Node's permission model without `--allow-addons` (addons refused): the fallback.
 * Any other load error is thrown (naming the file, the reason, and the ways out): a broken binary
 * must not be hidden.
 */
import fs from 'node:fs';
import path from 'node:path';
import nodeGypBuild from 'node-gyp-build';
import { fallbackBackend } from './fallback';
import type { ClockOffsets } from './timens';
import type { Backend, RawCommand, RawIdentity, RawLiveness, RawScope, RawUsage, RawUsageSample } from './types';

/** @internal the addon's exports (native/addon.cc). Never exported from the package. */
export interface NativeAddon {
  probe(pid: number): RawIdentity | null;
  scope(): RawScope;
  checkAlive(pid: number): RawLiveness | null;
  /** 1: that unique id holds the PID, alive; 0: gone, exited or recycled; -1: cannot tell cheaply. */
  aliveExact(pid: number, uniqueId: string): 1 | 0 | -1;
  tryLock(fd: number, exclusive: boolean): 'acquired' | 'busy' | 'unsupported';
  unlock(fd: number): void;
  /**
   * Pins `pid` (pidfd / kqueue / process handle). null: no such process; 'unsupported': this
   * OS or kernel cannot pin processes (Linux without pidfd_open). Throws with `.code` (EMFILE).
   */
  openWatch(pid: number): RawExitWatch | null | 'unsupported';
  /**
   * Signals `pid` with `signo` only when the process pinned natively is proven to be the expected
   * one (`hasExpected`: the four strings, each a string or null), or, without an expectation, the
   * process holding the PID at the call. `out[0]`/`out[1]` receive the unique id and start token
   * read on the pin. Returns a bit field (native/addon.cc, "Signals"): bits 0-2 verdict (0 sent,
   * 1 no process, 2 different, 3 exited, 4 unverifiable), 3 pinned, 4-5 after (0 not checked,
   * 1 same, 2 gone, 3 changed), 6-7 matched by (1 unique id, 2 start token), 8/9 out[0]/out[1]
   * valid, 10 access partial. Throws with `.code` (EPERM; ENOTSUP on Windows).
   */
  signal(
    pid: number,
    signo: number,
    out: BigUint64Array,
    hasExpected: boolean,
    uniqueIdKind?: string | null,
    uniqueId?: string | null,
    startTokenUnit?: string | null,
    startToken?: string | null,
  ): number;
  /** Bounded, validated command line (see Backend.command); null: no such process. */
  command(pid: number): RawCommand | null;
  /** This process's clock offsets against the root time namespace, decimal ns (issue 20). */
  clockOffsets(): { known: boolean; monotonicNs: string; boottimeNs: string };
  // ---- hot paths (issue 15): one crossing each, numbers through reused typed arrays ----
  /**
   * `probe` without a result object: 0 no such process, 1 `out` filled with [flags, startToken,
   * uniqueId, startTimeMs, ppid, state, unit index, kind index] (native/addon.cc, "Hot paths").
   */
  probeInto?(pid: number, out: Float64Array): 0 | 1;
  /** The unit and kind names `probeInto`'s indexes refer to. */
  probeNames?(): string[];
  /** `RawExitWatch.hasExited()` by the watch's `fastId()`, without unwrapping its object. */
  watchExited?(id: number): boolean;
  /**
   * The uncontended publish in one call (POSIX): create `<lockPath>.pidproof-<suffix>.tmp` (suffix:
   * lowercase hex) exclusively with exactly `mode`, kernel-lock it, write `payload`, link it to
   * `lockPath`, unlink the temp name. 0 acquired, 1 EEXIST (temp kept), 2 link failed otherwise
   * (temp kept), 3 no kernel lock here (temp created only), -1 not on this OS. `out`: [fd, dev,
   * ino, bytes written]. With `tail` ([head's FNV-1a state, wall ms, monotonic µs]) and `token`,
   * `payload` is the head of the text and the addon writes the rest (-2: out of its range, nothing
   * done). Throws with `.code` before the link. `unnamed` (Linux; `out` of length 5): try an
   * unnamed temp file first (O_TMPFILE, linked by its descriptor: no temp name when the lock is
   * free); out[4] = 1 it was used, 2 this directory cannot make or link one (stop asking), 0 not.
   */
  publish?(
    lockPath: string,
    suffix: string,
    mode: number,
    payload: Uint8Array,
    out: Float64Array,
    tail?: Float64Array,
    token?: string,
    unnamed?: boolean,
  ): -2 | -1 | 0 | 1 | 2 | 3;
  /**
   * The release in one call (POSIX): unlink `lockPath` while it names (dev, ino), close `fd`, tell
   * whether its guard `<lockPath>.pidproof-guard` exists (looked for only with `lookForGuard`,
   * default true). Bits: 1 removed (or could not look), 2 guard exists; -1 not on this OS.
   */
  releaseFile?(fd: number, lockPath: string, dev: number, ino: number, lookForGuard?: boolean): number;
  /**
   * Registers a descriptor this environment holds something through (kind 0 a lock file, 1 a temp
   * file: unlinked while `path` still names (dev, ino), then closed; 2 anything else: closed), for
   * release by the addon's environment cleanup hook when a worker ends without running JavaScript
   * (`worker.terminate()`). `publish` registers what it returns, `releaseFile` unregisters.
   */
  trackFile?(fd: number, kind: 0 | 1 | 2, path: string, dev: number, ino: number): void;
  /** Unregisters a descriptor (before it is closed or handed over). */
  untrackFile?(fd: number): void;
  /**
   * The record on a directory (the proper-lockfile drop-in, lib/compat/): the value of the
   * directory inode's own extended attribute (native/xattr_posix.cc). null: none; 'unsupported':
   * this OS or filesystem keeps no such attributes. Throws with `.code` otherwise.
   */
  readDirRecord?(fd: number): Buffer | null | 'unsupported';
  /** Writes that record (at most 4096 bytes). Throws with `.code` on errors other than 'unsupported'. */
  writeDirRecord?(fd: number, data: Uint8Array): 'written' | 'unsupported';
  /**
   * A holder's setup in one call: open `dirPath` (no symlink), check it is (dev, ino), take its
   * flock, write `data` as its record. fd >= 0, or -1 with `out` = [why, errno] (1 not that
   * directory, 2 flock busy, 3 no flock or record here, 4 write failed), or -2 not on this OS.
   */
  engageDirRecord?(dirPath: string, dev: number, ino: number, data: Uint8Array, out: Float64Array): number;
  /** Closes a holder's fd; 1 when `guardPath` exists, 0 when not; -2 not on this OS. */
  closeDirRecord?(fd: number, guardPath: string): number;
  // ---- usage (issue 23) ----
  /**
   * Identity and usage of each PID in one crossing: `USAGE_STRIDE` numbers per PID in `out` (layout
   * in native/addon.cc, "Usage"); strings, when there are any, in `notes[4i..4i+3]`. Returns the
   * number of PIDs.
   */
  usageInto?(pids: Float64Array, out: Float64Array, notes: unknown[]): number;
  /** Pins a process for repeated usage reads (null: no such process; 'unsupported': nothing to hold). */
  openUsage?(pid: number): RawNativeUsagePin | null | 'unsupported';
}

/** @internal native/addon.cc `UsagePin`. */
export interface RawNativeUsagePin {
  /** 0: the pinned process is gone; 1: `out[0..USAGE_STRIDE)` filled as by usageInto. */
  sampleInto(out: Float64Array, notes: unknown[]): 0 | 1;
  close(): void;
}

/** @internal numbers per PID in usageInto's `out` (native/addon.cc kUsageStride). */
export const USAGE_STRIDE = 24;

/** @internal a pinned exit watch (native/addon.cc `ExitWatch`). Unref'd unless `ref()`. */
export interface RawExitWatch {
  /** Zero-timeout check through the pinned handle. Throws once closed (unless it fired). */
  hasExited(): boolean;
  /** Per-boot unique id read through the handle (Linux pidfs inode), or null. */
  uniqueId(): string | null;
  /** The id `NativeAddon.watchExited` takes, or -1 (closed, or none to give). */
  fastId?(): number;
  /** Calls `cb(null)` once when the process exits, or `cb(err)` once on failure; once only. */
  start(cb: (err: Error | null) => void): void;
  /** Idempotent; a closed watch never calls back. */
  close(): void;
  /**
   * A usage read through this watch's handle (issue 23): 1 `out[0..USAGE_STRIDE)` filled, 0 the
   * process was reaped, -1 this handle does not pin reads (kqueue, Windows). Linux only reads.
   */
  usageInto?(out: Float64Array, notes: unknown[]): -1 | 0 | 1;
  ref(): RawExitWatch;
  unref(): RawExitWatch;
}

function isNoBinaryError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (e === null || typeof e !== 'object') return false;
  if (typeof e.message === 'string' && /No native build was found/.test(e.message)) return true;
  return false;
}

/**
 * The package root: the nearest directory above this file whose package.json is pidproof's (so
 * copies of `lib/` compiled elsewhere, e.g. by the benches and test fixtures, find the same
 * binary, and a parent project's own addon is never picked up), else `..`.
 */
function packageRoot(): string {
  for (let d = path.join(__dirname, '..'); ; d = path.dirname(d)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(d, 'package.json'), 'utf8')) as { name?: unknown };
      if (pkg.name === 'pidproof') return d;
    } catch {
      // no package.json here
    }
    if (path.dirname(d) === d) return path.join(__dirname, '..');
  }
}

/**
 * Node's permission model (`--permission`, `--experimental-permission` on Node 20) without
 * `--allow-addons`: process.dlopen refuses every addon (ERR_DLOPEN_DISABLED). A careful
 * deployment runs exactly there; the fallback backend needs only what it is given (fs reads of
 * `/proc` on Linux), so it is taken, and `backend` says so.
 */
function addonsDisabled(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'ERR_DLOPEN_DISABLED';
}

/**
 * A binary that exists but cannot be loaded (copied from another OS: "invalid ELF header"; built
 * for another Node ABI; missing a library): the same error, its message naming the file, the
 * reason and both ways out. `code` and the rest of the original are kept (`cause` is it).
 */
function loadError(root: string, err: unknown): Error {
  let file = 'the pidproof native addon';
  try {
    file = nodeGypBuild.path(root);
  } catch {
    // named by the reason then
  }
  const reason = (err instanceof Error ? err.message : String(err)).replace(/\.\s*$/, '');
  const e = new Error(
    addonsDisabled(err)
      ? `pidproof: cannot load its native addon ${file}: ${reason} (Node's permission model), and ` +
          'PIDPROOF_BACKEND=native asks for it: run node with --allow-addons, or unset PIDPROOF_BACKEND to use ' +
          'the pure-TypeScript backend'
      : `pidproof: cannot load its native addon ${file}: ${reason}. It was built for another system or Node.js ` +
          '(a node_modules copied between machines?): rebuild it here with `npm rebuild pidproof`, or use the ' +
          'pure-TypeScript backend with PIDPROOF_BACKEND=fallback',
    { cause: err },
  );
  const o = err as { code?: unknown } | null;
  if (o !== null && typeof o === 'object' && o.code !== undefined) Object.assign(e, { code: o.code });
  return e;
}

function loadAddon(mode: string | undefined): NativeAddon | null {
  if (mode === 'fallback') return null;
  const root = packageRoot();
  try {
    return nodeGypBuild(root) as NativeAddon;
  } catch (err) {
    if (isNoBinaryError(err) && mode !== 'native') return null;
    if (addonsDisabled(err) && mode !== 'native') return null;
    if (isNoBinaryError(err)) throw err;
    throw loadError(root, err);
  }
}

const mode = process.env.PIDPROOF_BACKEND || undefined;
if (mode !== undefined && mode !== 'native' && mode !== 'fallback') {
  throw new RangeError(
    `PIDPROOF_BACKEND must be "native" or "fallback", got ${JSON.stringify(mode)}`,
  );
}

/** @internal the addon, or null when the fallback is in use. */
export const addon: NativeAddon | null = loadAddon(mode);

const STATES: ReadonlyArray<RawIdentity['state']> = [null, 'running', 'sleeping', 'stopped', 'zombie'];

/**
 * `probe` over `probeInto`: one N-API call filling a reused Float64Array, the object built here as
 * one literal (its final hidden class at once), the unit and kind names cached per process. A
 * value a double cannot hold exactly, or an access detail, takes the object-returning `probe`.
 */
function fastProbe(a: NativeAddon): ((pid: number) => RawIdentity | null) | null {
  const into = a.probeInto;
  const namesOf = a.probeNames;
  if (typeof into !== 'function' || typeof namesOf !== 'function') return null;
  const out = new Float64Array(8);
  let names: string[] = [];
  const name = (i: number): string | null => {
    if (i < 0) return null;
    if (i >= names.length) names = namesOf.call(a);
    return names[i] ?? null;
  };
  return (pid) => {
    if (into.call(a, pid, out) === 0) return null;
    const f = out[0];
    if ((f & 32) !== 0) return a.probe(pid);
    return {
      pid,
      startToken: (f & 1) !== 0 ? String(out[1]) : null,
      startTokenUnit: (f & 1) !== 0 ? name(out[6]) : null,
      uniqueId: (f & 2) !== 0 ? String(out[2]) : null,
      uniqueIdKind: (f & 2) !== 0 ? name(out[7]) : null,
      startTimeMs: (f & 4) !== 0 ? out[3] : null,
      ppid: (f & 8) !== 0 ? out[4] : null,
      state: STATES[out[5]] ?? null,
      access: (f & 16) !== 0 ? 'partial' : 'full',
    };
  };
}

/**
 * @internal decodes one usageInto / sampleInto block (native/addon.cc, "Usage") at `base`; strings
 * come from `notes[nb..nb+3]`. `name` maps unit and kind indexes to names.
 */
export function decodeUsage(
  pid: number,
  o: Float64Array,
  base: number,
  notes: unknown[],
  nb: number,
  name: (i: number) => string | null,
): RawUsageSample {
  const f = o[base + 1];
  const note = (k: number): string | null => {
    const v = notes[nb + k];
    return typeof v === 'string' ? v : null;
  };
  const identity: RawIdentity = {
    pid,
    startToken: (f & 1) !== 0 ? ((f & 64) !== 0 ? note(2) : String(o[base + 2])) : null,
    startTokenUnit: (f & 1) !== 0 ? name(o[base + 7]) : null,
    uniqueId: (f & 2) !== 0 ? ((f & 128) !== 0 ? note(3) : String(o[base + 3])) : null,
    uniqueIdKind: (f & 2) !== 0 ? name(o[base + 8]) : null,
    startTimeMs: (f & 4) !== 0 ? o[base + 4] : null,
    ppid: (f & 8) !== 0 ? o[base + 5] : null,
    state: STATES[o[base + 6]] ?? null,
    access: (f & 16) !== 0 ? 'partial' : 'full',
  };
  if ((f & 32) !== 0) identity.accessDetail = note(0);
  const u = o[base + 9];
  const at = (bit: number, slot: number): number | null => ((u & bit) !== 0 ? o[base + slot] : null);
  const usage: RawUsage = {
    atMs: o[base + 10],
    cpuUserMs: at(1, 11),
    cpuSystemMs: at(2, 12),
    cpuTotalMs: at(4, 13),
    childCpuUserMs: at(8, 14),
    childCpuSystemMs: at(8, 15),
    rssBytes: at(16, 16),
    peakRssBytes: at(32, 17),
    virtualBytes: at(64, 18),
    threads: at(128, 19),
    voluntaryCtxSwitches: at(256, 20),
    involuntaryCtxSwitches: at(512, 21),
    minorFaults: at(1024, 22),
    majorFaults: at(2048, 23),
    access: (u & 4096) !== 0 ? 'partial' : 'full',
    accessDetail: (u & 4096) !== 0 ? note(1) : null,
  };
  return { identity, usage };
}

/** The unit and kind names of probeInto/usageInto indexes, fetched once per new index. */
function nameTable(a: NativeAddon): (i: number) => string | null {
  let names: string[] = [];
  return (i) => {
    if (i < 0) return null;
    if (i >= names.length && typeof a.probeNames === 'function') names = a.probeNames();
    return names[i] ?? null;
  };
}

/** Usage over usageInto/openUsage: one crossing per call, buffers reused and grown as needed. */
function nativeUsage(a: NativeAddon): Pick<Backend, 'sampleUsage' | 'openUsage' | 'usageThrough'> {
  const into = a.usageInto;
  const open = a.openUsage;
  if (typeof into !== 'function' || typeof open !== 'function') return {};
  const name = nameTable(a);
  let pidBuf = new Float64Array(1);
  let out = new Float64Array(USAGE_STRIDE);
  const notes: unknown[] = [];
  return {
    sampleUsage(pids) {
      const n = pids.length;
      if (pidBuf.length !== n) pidBuf = new Float64Array(n);
      if (out.length < n * USAGE_STRIDE) out = new Float64Array(n * USAGE_STRIDE);
      for (let i = 0; i < n; i++) pidBuf[i] = pids[i];
      notes.length = 0;
      into.call(a, pidBuf, out, notes);
      const r: Array<RawUsageSample | null> = new Array(n);
      for (let i = 0; i < n; i++) {
        r[i] = out[i * USAGE_STRIDE] === 0 ? null : decodeUsage(pids[i], out, i * USAGE_STRIDE, notes, 4 * i, name);
      }
      return r;
    },
    openUsage(pid) {
      const pin = open.call(a, pid);
      if (pin === null || pin === 'unsupported') return pin;
      const o = new Float64Array(USAGE_STRIDE);
      const pinNotes: unknown[] = [];
      return {
        sample() {
          pinNotes.length = 0;
          return pin.sampleInto(o, pinNotes) === 0 ? null : decodeUsage(pid, o, 0, pinNotes, 0, name);
        },
        close: () => pin.close(),
      };
    },
    usageThrough(pid, exit) {
      const into = exit.usageInto;
      if (typeof into !== 'function') return 'unsupported';
      const o = new Float64Array(USAGE_STRIDE);
      const pinNotes: unknown[] = [];
      const read = (): RawUsageSample | null | 'unsupported' => {
        pinNotes.length = 0;
        const r = into.call(exit, o, pinNotes);
        if (r < 0) return 'unsupported';
        return r === 0 ? null : decodeUsage(pid, o, 0, pinNotes, 0, name);
      };
      // The first read tells whether the handle pins reads; it is the pin's first sample.
      let first: RawUsageSample | null | 'unsupported' | undefined = read();
      if (first === 'unsupported') return 'unsupported';
      return {
        sample() {
          const f = first;
          first = undefined;
          const r = f !== undefined ? f : read();
          if (r === 'unsupported') throw new Error('pidproof: an exit watch stopped pinning usage reads'); // constant per handle
          return r;
        },
        close() {}, // the exit watch holds the descriptor: its close() releases it
      };
    },
  };
}

/** @internal a Backend over the addon. */
export function nativeBackendOf(a: NativeAddon): Backend {
  const probe = fastProbe(a);
  let offsets: ClockOffsets | null | undefined;
  return {
    name: 'native',
    probe: probe ?? ((pid) => a.probe(pid)),
    scope: () => a.scope(),
    checkAlive: (pid) => a.checkAlive(pid),
    command: (pid) => a.command(pid),
    clockOffsets: () => {
      if (offsets === undefined) {
        const o = a.clockOffsets();
        offsets = o.known ? { monotonicNs: BigInt(o.monotonicNs), boottimeNs: BigInt(o.boottimeNs) } : null;
      }
      return offsets;
    },
    ...nativeUsage(a),
  };
}

/** @internal the selected backend. */
export const selectedBackend: Backend = addon ? nativeBackendOf(addon) : fallbackBackend;
