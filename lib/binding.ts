/**
 * The only file that loads the native addon. Selection:
 * - `PIDPROOF_BACKEND=fallback` forces the pure-TypeScript backend;
 * - `PIDPROOF_BACKEND=native` requires the addon (a missing binary is an error);
 * - otherwise the addon is used when a binary exists (prebuild or `build/`), else the fallback.
 * Any load error other than "no binary found" is rethrown: a broken binary must not be hidden.
 */
import fs from 'node:fs';
import path from 'node:path';
import nodeGypBuild from 'node-gyp-build';
import { fallbackBackend } from './fallback';
import type { Backend, RawCommand, RawIdentity, RawLiveness, RawScope } from './types';

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
}

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

function loadAddon(mode: string | undefined): NativeAddon | null {
  if (mode === 'fallback') return null;
  try {
    return nodeGypBuild(packageRoot()) as NativeAddon;
  } catch (err) {
    if (isNoBinaryError(err) && mode !== 'native') return null;
    throw err;
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

/** @internal a Backend over the addon. */
export function nativeBackendOf(a: NativeAddon): Backend {
  const probe = fastProbe(a);
  return {
    name: 'native',
    probe: probe ?? ((pid) => a.probe(pid)),
    scope: () => a.scope(),
    checkAlive: (pid) => a.checkAlive(pid),
    command: (pid) => a.command(pid),
  };
}

/** @internal the selected backend. */
export const selectedBackend: Backend = addon ? nativeBackendOf(addon) : fallbackBackend;
