/**
 * Signal the recorded process, never its PID's next owner: `signalProcess`, `terminateProcess`.
 *
 * Pin, verify on the pin, send through the pin (DESIGN.md principle 4, applied to signals):
 * - Linux: `pidfd_open`, then the identity is read on that pidfd (its pidfs inode; the start token
 *   from `/proc/<pid>/stat`, read after the pin and confirmed not reaped), compared in C++ with the
 *   record, and the signal sent with `pidfd_send_signal` on the same pidfd. No window at all.
 * - Windows: `OpenProcess(PROCESS_TERMINATE | PROCESS_QUERY_LIMITED_INFORMATION | SYNCHRONIZE)`,
 *   creation time and sequence number compared on that handle, `TerminateProcess` on the same
 *   handle. No window. Only SIGTERM and SIGKILL (and 0) can be delivered; the rest is ENOTSUP.
 * - macOS, FreeBSD, Linux without `pidfd_open`, and the fallback backend: verify, `kill(2)`, then
 *   verify again. A window of microseconds remains between the check and the send; the result's
 *   `detail` says what the second look saw.
 *
 * The comparison is compareIdentity's: the unique id when both sides have one of the same kind,
 * else the start token of one unit. Nothing is sent on `unknown` or `foreign`.
 */
import os from 'node:os';
import { addon as loadedAddon, selectedBackend } from './binding';
import type { NativeAddon } from './binding';
import { abortErrorFor } from './errors';
import { createIdentityApi, defaultTokenUnit, linuxTicksMatch, normaliseRecord } from './identity';
import type { Backend, OwnerRecord, OwnerStatus, OwnerVerdict, ProcessIdentity } from './types';
import { assertKnownOptions, assertMs, assertObject, assertPid, describe } from './validate';
import { createWatchApi, WatchError } from './watch';
import type { ExitInfo, ProcessWatch } from './watch';

/** What `signalProcess` and `terminateProcess` accept: a recorded identity, or a PID. */
export type SignalTarget = ProcessIdentity | OwnerRecord | number;

/** A signal: a name of this OS (`os.constants.signals`, e.g. `'SIGTERM'`) or its number; 0 checks only. */
export type SignalSpec = NodeJS.Signals | number;

/** What `signalProcess` did. */
export interface SignalResult {
  /** Whether the signal was sent, to the process proven to be the recorded one. */
  sent: boolean;
  /** The target's PID. */
  pid: number;
  /**
   * `alive` when sent; otherwise why nothing was sent: `dead`, `recycled` (another process holds
   * the PID), `zombie` (it has exited), `other-boot`, `foreign` (another host or PID namespace:
   * never signalled from here) or `unknown` (nothing comparable: it cannot be proven).
   */
  verdict: OwnerVerdict;
  /** One sentence for people: what was sent to whom and how it was proven, or why not. */
  detail: string;
}

/**
 * Options of `terminateProcess`. The signal to send first is `termSignal`: `signal` is the
 * `AbortSignal`, as everywhere in Node (`fetch`, `child_process.spawn`, `events.once`).
 */
export interface TerminateOptions {
  /** Sent first. Default `'SIGTERM'`. */
  termSignal?: SignalSpec;
  /** How long to wait for the exit before `killSignal`, ms. Default 5000; `Infinity` never escalates. */
  graceMs?: number;
  /** Sent when the process outlives `graceMs`. Default `'SIGKILL'`. */
  killSignal?: SignalSpec;
  /** Cancels the wait (rejects with an `AbortError`); signals already sent stay sent. */
  signal?: AbortSignal;
  /** Keep the event loop alive until it resolves (default true: a pending SIGKILL must not be dropped). */
  ref?: boolean;
}

/** What `terminateProcess` resolves with: the exit, and the signals it took. */
export interface TerminateInfo extends ExitInfo {
  /**
   * The signals delivered, in order: `[]` when the process was already gone (reason `dead`,
   * `zombie`, `recycled`, `other-boot`) or exited before the first send; `['SIGTERM']`; or
   * `['SIGTERM', 'SIGKILL']` when it outlived `graceMs`.
   */
  signalsSent: string[];
}

// ---- signals -------------------------------------------------------------------------------------

const SIGNALS = os.constants.signals as unknown as Record<string, number>;
/** Number -> the first name Node gives it (SIGABRT before SIGIOT, SIGIO before SIGPOLL). */
const SIGNAL_NAMES = new Map<number, string>();
for (const [name, num] of Object.entries(SIGNALS)) if (!SIGNAL_NAMES.has(num)) SIGNAL_NAMES.set(num, name);

const IS_WIN32 = process.platform === 'win32';
/** The only signals Windows can deliver to one process (TerminateProcess), plus the check. */
const WIN32_DELIVERABLE = new Set([0, SIGNALS.SIGTERM, SIGNALS.SIGKILL]);

interface Sig {
  num: number;
  /** `SIGTERM`, or `signal 0` for the check. */
  name: string;
}

/** Parsed signal names, so a hot loop does not look them up in os.constants.signals each time. */
const BY_NAME = new Map<string, Sig>(Object.entries(SIGNALS).map(([name, num]) => [name, { num, name }]));

/** Parses a signal name or number of this OS. TypeError for a wrong type, RangeError for an unknown one. */
export function parseSignal(v: unknown, name: string): Sig {
  if (typeof v === 'string') {
    const known = BY_NAME.get(v);
    if (known !== undefined) return known;
    throw new RangeError(
      `${name} must be a signal name of this OS such as 'SIGTERM' (see os.constants.signals), or its number, got ${describe(v)}`,
    );
  }
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw new TypeError(`${name} must be a signal name or an integer, got ${describe(v)}`);
    if (v === 0) return { num: 0, name: 'signal 0' };
    const n = SIGNAL_NAMES.get(v);
    if (n === undefined) throw new RangeError(`${name} must be a signal number of this OS, got ${v}`);
    return { num: v, name: n };
  }
  throw new TypeError(`${name} must be a signal name (e.g. 'SIGTERM') or number, got ${describe(v)}`);
}

/** Windows delivers only SIGTERM and SIGKILL to one process: the rest is refused, never faked. */
function assertDeliverable(sig: Sig, name: string): void {
  if (!IS_WIN32 || WIN32_DELIVERABLE.has(sig.num)) return;
  const err = new Error(
    `ENOTSUP: ${name} ${sig.name} cannot be delivered to one process on Windows: only SIGTERM and SIGKILL ` +
      '(both TerminateProcess) and 0 can; console control events (SIGINT, SIGBREAK) reach every process ' +
      'on a console or a whole process group, never one verified process',
  );
  Object.assign(err, { code: 'ENOTSUP', syscall: 'signalProcess' });
  throw err;
}

// ---- targets -------------------------------------------------------------------------------------

/** A target read and checked once (errors name `target`). */
interface Target {
  pid: number;
  /** null for a PID target. */
  record: ProcessIdentity | OwnerRecord | null;
  uniqueId: string | null;
  uniqueIdKind: string | null;
  startToken: string | null;
  startTokenUnit: string | null;
  hostname: string | null;
  platform: string | null;
  bootId: string | null;
  pidNamespace: string | null;
  createdAtMs: number | null;
  /** The record's start token is in the root time namespace's terms (`clocks: 'root'`). */
  rootClocks: boolean;
}

function pidTarget(pid: number): Target {
  return {
    pid,
    record: null,
    uniqueId: null,
    uniqueIdKind: null,
    startToken: null,
    startTokenUnit: null,
    hostname: null,
    platform: null,
    bootId: null,
    pidNamespace: null,
    createdAtMs: null,
    rootClocks: false,
  };
}

function readTarget(t: unknown, defaultUnit: string | null): Target {
  if (typeof t === 'number' || typeof t === 'bigint' || typeof t === 'string') return pidTarget(assertPid(t, 'target'));
  if (t === null || typeof t !== 'object' || Array.isArray(t)) {
    throw new TypeError(`target must be a ProcessIdentity, a record with a pid, or a pid, got ${describe(t)}`);
  }
  // The checks and rules of ownerStatus/compareIdentity (one validator for every entry point).
  return { ...normaliseRecord(t, 'target', defaultUnit), record: t as OwnerRecord };
}

// ---- the API -------------------------------------------------------------------------------------

export interface SignalApi {
  signalProcess(target: SignalTarget, signal?: SignalSpec): SignalResult;
  terminateProcess(target: SignalTarget, options?: TerminateOptions): Promise<TerminateInfo>;
}

const TERMINATE_OPTIONS = ['termSignal', 'graceMs', 'killSignal', 'signal', 'ref'] as const;


/** @internal builds the API over one backend; `addon` null (or the fallback backend): no pinning. */
export function createSignalApi(backend: Backend, addon: NativeAddon | null): SignalApi {
  const api = createIdentityApi(backend);
  const watch = createWatchApi(backend, addon);
  const pinned =
    addon !== null && backend.name === 'native' && typeof addon.signal === 'function' ? addon : null;
  // Receives the unique id and start token the native side read on the pin.
  const out = new BigUint64Array(2);
  let scope: ReturnType<typeof api.currentScope> | undefined;
  const handleName = IS_WIN32 ? 'process handle' : 'pidfd';

  const defaultUnit = defaultTokenUnit(process.platform, backend.name);

  /**
   * A record from another scope is judged by ownerStatus alone (never probed, never signalled):
   * another host, platform or PID namespace is `foreign`, another boot `other-boot`. Returns that
   * status, or null when the record is of this scope.
   */
  function outOfScope(t: Target): OwnerStatus | null {
    const s = (scope ??= api.currentScope());
    const differs = (v: string | null, here: string | null) => v !== null && here !== null && v !== here;
    const maybe =
      differs(t.hostname, s.hostname) ||
      differs(t.platform, s.platform) ||
      differs(t.pidNamespace, s.pidNamespace) ||
      differs(t.bootId, s.bootId) ||
      (t.createdAtMs !== null && (t.bootId === null || s.bootId === null));
    if (!maybe) return null;
    const st = api.ownerStatus(t.record!);
    return st.verdict === 'foreign' || st.verdict === 'other-boot' ? st : null;
  }

  function notSent(pid: number, verdict: OwnerVerdict, detail: string): SignalResult {
    return { sent: false, pid, verdict, detail };
  }

  function goneDetail(verdict: OwnerVerdict, pid: number, detail: string): string {
    switch (verdict) {
      case 'dead':
        return `no process has PID ${pid}; nothing sent`;
      case 'zombie':
        return `PID ${pid} has exited and waits to be reaped (a zombie); nothing sent`;
      case 'foreign':
        return `${detail}: it cannot be signalled from here; nothing sent`;
      case 'other-boot':
        return `${detail}: the recorded process belongs to an earlier boot; nothing sent`;
      case 'unknown':
        return (
          `${detail}: it cannot be proven to be the recorded process, so nothing was sent ` +
          `(pass the PID number to signal whatever process holds PID ${pid} now)`
        );
      default:
        return `${detail}; nothing sent`;
    }
  }

  function what(sig: Sig): string {
    return sig.num === 0 ? 'signal 0 (a check; nothing delivered)' : sig.name;
  }

  // ---- native: pinned ---------------------------------------------------------------------------

  function signalNative(a: NativeAddon, t: Target, sig: Sig): SignalResult {
    const pid = t.pid;
    let code: number;
    if (t.record === null) {
      code = a.signal(pid, sig.num, out, false);
    } else {
      const uid = t.uniqueId;
      const token = t.startToken;
      code = a.signal(pid, sig.num, out, true, uid === null ? null : t.uniqueIdKind, uid, t.startTokenUnit, token);
      // Linux start ticks that differ on the pin: a time namespace may explain it (the record's
      // writer read them in another one). Judged by ownerStatus's rule; when it proves the pinned
      // process the recorded one, the signal goes through a new pin expecting exactly the ticks
      // read on this one (a PID recycled meanwhile fails that check: nothing is sent to it).
      if ((code & 7) === 2 && ((code >> 6) & 3) === 2 && (code & 512) !== 0 && t.startTokenUnit === 'linux-ticks') {
        const seen = out[1];
        const why = { reason: '' as 'time-namespace' | 'shift-unproven' | '' };
        // A shifted match counts only with the process's wall-clock start to back it (a probe:
        // taken only when its ticks are the ones this pin read).
        const evidence = () => {
          const now = api.processIdentity(pid);
          const rec = t.record as { startTimeMs?: unknown } | null;
          return {
            recordStartMs: typeof rec?.startTimeMs === 'number' && Number.isFinite(rec.startTimeMs) ? rec.startTimeMs : null,
            createdAtMs: t.createdAtMs,
            currentStartMs: now !== null && now.startToken === String(seen) ? now.startTimeMs : null,
            toleranceMs: 2000,
          };
        };
        const m = linuxTicksMatch(BigInt(token!), t.rootClocks, seen, pid, api.clockOffsets(), undefined, evidence, why);
        if (m === 'unknown') {
          return notSent(
            pid,
            'unknown',
            why.reason === 'shift-unproven'
              ? `PID ${pid}'s start token ${seen} matches the recorded ${token} only when shifted by a time-namespace offset, which the process's creator chooses, and its wall-clock start cannot be shown to precede the record: it cannot be proven to be the recorded process, so nothing was sent`
              : `PID ${pid}'s start token ${seen} differs from the recorded ${token} by an amount a time namespace could explain, and its time offsets cannot be told (its /proc ns/time links are not readable by this user, or it left the namespace its timens_offsets describes): it cannot be proven to be the recorded process, so nothing was sent`,
          );
        }
        if (m === 'same') code = a.signal(pid, sig.num, out, true, null, null, 'linux-ticks', String(seen));
      }
    }
    const verdict = code & 7;
    const isPinned = (code & 8) !== 0;
    const after = (code >> 4) & 3;
    const by = (code >> 6) & 3;
    // The ids read on the pin (BigInt to string only when a message needs them).
    const curUid = (): string | null => ((code & 256) !== 0 ? String(out[0]) : null);
    const curToken = (): string | null => ((code & 512) !== 0 ? String(out[1]) : null);
    switch (verdict) {
      case 0: {
        // Sent on a match: the ids read on the pin are the recorded ones.
        let proof: string;
        if (t.record === null) {
          const u = curUid();
          const k = u === null ? curToken() : null;
          proof = `the process holding it at the call${u !== null ? `, unique id ${u}` : k !== null ? `, start token ${k}` : ''}`;
        } else {
          proof =
            by === 1
              ? `proven the recorded process by its unique id ${t.uniqueId}`
              : `proven the recorded process by its start token ${t.startToken}`;
        }
        if (sig.num === 0) {
          return {
            sent: true,
            pid,
            verdict: 'alive',
            detail: `signal 0: PID ${pid} is alive (${proof}), checked ${isPinned ? `through a ${handleName} pinned to it` : 'with kill(2) (nothing can pin a process here)'}; nothing delivered`,
          };
        }
        if (isPinned) {
          return {
            sent: true,
            pid,
            verdict: 'alive',
            detail: `${what(sig)} sent to PID ${pid} (${proof}), through a ${handleName} pinned to it: no other process could receive it`,
          };
        }
        const seen =
          after === 1
            ? 'it still held the PID afterwards, so the signal reached it'
            : after === 2
              ? 'it has exited since (the signal may have ended it)'
              : after === 3
                ? 'WARNING: the PID changed hands within microseconds of the check, so the signal may have reached the new process'
                : 'what held the PID afterwards could not be read';
        return {
          sent: true,
          pid,
          verdict: 'alive',
          detail: `${what(sig)} sent to PID ${pid} with kill(2) (${proof}; nothing can pin a process here); ${seen}`,
        };
      }
      case 1:
        return notSent(pid, 'dead', `no process has PID ${pid}; nothing sent`);
      case 2: {
        const change =
          by === 1 ? `unique id ${t.uniqueId} -> ${curUid()}` : `start token ${t.startToken} -> ${curToken()}`;
        return notSent(pid, 'recycled', `PID ${pid} now names another process (${change}); nothing sent`);
      }
      case 3:
        return notSent(pid, 'zombie', `PID ${pid} has exited and waits to be reaped (a zombie); nothing sent`);
      default: {
        if (t.record === null) {
          // A bare PID whose process this user cannot see into (hidden by a kernel setting).
          return notSent(pid, 'unknown', `PID ${pid} cannot be seen into by this user (${api.ownerStatus({ pid }).detail}); nothing sent`);
        }
        // Nothing comparable on the pin: ownerStatus may still prove it gone (a legacy record
        // written before the live process started), never alive.
        const st = api.ownerStatus(t.record);
        if (st.verdict === 'alive') {
          return notSent(pid, 'unknown', `PID ${pid} could not be proven on the pinned process to be the recorded one; nothing sent`);
        }
        return notSent(pid, st.verdict, goneDetail(st.verdict, pid, st.detail));
      }
    }
  }

  // ---- fallback: verify, kill(2), verify -------------------------------------------------------

  function kill(pid: number, sig: Sig): boolean {
    try {
      process.kill(pid, sig.num);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
      throw err;
    }
  }

  function signalUnpinned(t: Target, sig: Sig): SignalResult {
    const pid = t.pid;
    // Nothing pins a process here (the fallback backend has no pidfd or process handle).
    const window = 'no pin: a PID recycled between the check and the send would receive it';
    if (t.record === null) {
      const before = api.processIdentity(pid);
      if (before === null) return notSent(pid, 'dead', `no process has PID ${pid}; nothing sent`);
      if (before.state === 'zombie') {
        return notSent(pid, 'zombie', `PID ${pid} has exited and waits to be reaped (a zombie); nothing sent`);
      }
      if (!kill(pid, sig)) return notSent(pid, 'dead', `no process has PID ${pid}; nothing sent`);
      if (sig.num === 0) {
        return { sent: true, pid, verdict: 'alive', detail: `signal 0: PID ${pid} is alive (the process holding it at the call), checked with kill(2); nothing delivered` };
      }
      const now = api.processIdentity(pid);
      const m = now === null ? 'different' : api.compareIdentity(before, now);
      const seen =
        now === null || now.state === 'zombie'
          ? 'it has exited since'
          : m === 'same'
            ? 'the same process held the PID afterwards'
            : m === 'different'
              ? 'WARNING: the PID changed hands around the send, so the signal may have reached the new process'
              : 'what held the PID afterwards could not be compared';
      return {
        sent: true,
        pid,
        verdict: 'alive',
        detail: `${what(sig)} sent to PID ${pid} (the process holding it at the call) with kill(2); ${seen}`,
      };
    }
    const st = api.ownerStatus(t.record);
    if (st.verdict !== 'alive') return notSent(pid, st.verdict, goneDetail(st.verdict, pid, st.detail));
    if (!kill(pid, sig)) return notSent(pid, 'dead', `no process has PID ${pid}; nothing sent`);
    if (sig.num === 0) {
      return {
        sent: true,
        pid,
        verdict: 'alive',
        detail: `signal 0: PID ${pid} is alive (proven the recorded process), checked with kill(2) (${window}); nothing delivered`,
      };
    }
    const again = api.ownerStatus(t.record).verdict;
    const seen =
      again === 'alive'
        ? 'it still held the PID afterwards'
        : again === 'recycled'
          ? 'WARNING: the PID changed hands around the send, so the signal may have reached the new process'
          : 'it has exited since';
    return {
      sent: true,
      pid,
      verdict: 'alive',
      detail: `${what(sig)} sent to PID ${pid} with kill(2) after it was proven the recorded process (${window}); ${seen}`,
    };
  }

  // ---- public --------------------------------------------------------------------------------------

  function signalProcess(target: SignalTarget, signal: SignalSpec = 'SIGTERM'): SignalResult {
    const t = readTarget(target, defaultUnit);
    const sig = parseSignal(signal, 'signal');
    assertDeliverable(sig, 'signal');
    if (t.record !== null) {
      const foreign = outOfScope(t);
      if (foreign !== null) return notSent(t.pid, foreign.verdict, goneDetail(foreign.verdict, t.pid, foreign.detail));
    }
    return pinned !== null ? signalNative(pinned, t, sig) : signalUnpinned(t, sig);
  }

  async function terminateProcess(target: SignalTarget, options?: TerminateOptions): Promise<TerminateInfo> {
    let termSignal = parseSignal('SIGTERM', 'options.termSignal');
    let killSignal = parseSignal('SIGKILL', 'options.killSignal');
    let graceMs = 5000;
    let abort: AbortSignal | undefined;
    let ref = true;
    if (options !== undefined) {
      const o = assertObject(options, 'options');
      assertKnownOptions(o, TERMINATE_OPTIONS);
      if (o.signal !== undefined && !(o.signal instanceof AbortSignal)) {
        if (typeof o.signal === 'string' || typeof o.signal === 'number') {
          throw new TypeError(
            `options.signal is the AbortSignal that cancels the wait (as everywhere in Node); the signal to send first is options.termSignal, got options.signal ${describe(o.signal)}`,
          );
        }
        throw new TypeError(`options.signal must be an AbortSignal, got ${describe(o.signal)}`);
      }
      abort = o.signal as AbortSignal | undefined;
      if (o.termSignal !== undefined) termSignal = parseSignal(o.termSignal, 'options.termSignal');
      if (o.killSignal !== undefined) killSignal = parseSignal(o.killSignal, 'options.killSignal');
      if (o.graceMs !== undefined) graceMs = assertMs(o.graceMs, 'options.graceMs', true);
      if (o.ref !== undefined) {
        if (typeof o.ref !== 'boolean') throw new TypeError(`options.ref must be a boolean, got ${describe(o.ref)}`);
        ref = o.ref;
      }
    }
    if (termSignal.num === 0) throw new RangeError('options.termSignal must be a signal that asks the process to stop, not 0');
    if (killSignal.num === 0) throw new RangeError('options.killSignal must be a signal that ends the process, not 0');
    assertDeliverable(termSignal, 'options.termSignal');
    assertDeliverable(killSignal, 'options.killSignal');
    const t = readTarget(target, defaultUnit);
    if (abort?.aborted) throw abortErrorFor(abort, 'termination');

    // 1. Pin the process (verified against the record, or the one holding the PID now).
    let w: ProcessWatch;
    try {
      w = watch.watchProcess(target, { ref });
    } catch (e) {
      if (e instanceof WatchError && (e.code === 'EFOREIGN' || e.code === 'EUNKNOWNIDENTITY') && t.record !== null) {
        const st = api.ownerStatus(t.record);
        throw new WatchError(
          e.code,
          t.pid,
          `cannot terminate PID ${t.pid}: ${st.detail}; nothing was sent` +
            (e.code === 'EUNKNOWNIDENTITY' ? ' (pass the PID number to terminate whatever process holds it now)' : ''),
        );
      }
      throw e;
    }
    const sent: string[] = [];
    let timer: NodeJS.Timeout | undefined;
    try {
      if (!w.hasExited) {
        // 2. Signal exactly the process the watch verified: its identity, re-proven at each send.
        const who: ProcessIdentity | OwnerRecord = w.identity ?? (t.record as ProcessIdentity | OwnerRecord);
        const first = signalProcess(who, termSignal.num);
        if (first.sent) {
          sent.push(termSignal.name);
        } else if (first.verdict === 'unknown' || first.verdict === 'foreign') {
          throw new WatchError('EUNKNOWNIDENTITY', t.pid, `cannot terminate PID ${t.pid}: ${first.detail}`);
        }
        // Otherwise it is already gone: the watch sees the exit.
        let failEscalation: (e: unknown) => void = () => undefined;
        const escalationFailed = new Promise<never>((_, reject) => {
          failEscalation = reject;
        });
        if (first.sent && Number.isFinite(graceMs)) {
          timer = setTimeout(() => {
            timer = undefined;
            if (w.hasExited) return;
            try {
              // 3. Still there after graceMs: escalate, again only to that exact process.
              if (signalProcess(who, killSignal.num).sent) sent.push(killSignal.name);
            } catch (e) {
              failEscalation(e);
            }
          }, graceMs);
          if (!ref) timer.unref();
        }
        const exited = w.exited(abort === undefined ? undefined : { signal: abort });
        const info = await Promise.race([exited, escalationFailed]);
        return { ...info, signalsSent: sent };
      }
      return { ...(await w.exited()), signalsSent: sent };
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      w.close();
    }
  }

  return { signalProcess, terminateProcess };
}

const defaultApi = createSignalApi(selectedBackend, loadedAddon);

/**
 * Sends `signal` (default `'SIGTERM'`) to `target` only when the live process is proven to be the
 * recorded one: a `ProcessIdentity` or record whose unique id or start token matches, or a PID,
 * pinned to whatever process holds it at the call. `unknown` and `foreign` never send. The proof
 * is made on the pinned process natively, between the pin and the send (Linux pidfd, Windows
 * process handle); macOS, FreeBSD and the fallback verify, `kill(2)` and verify again. Throws
 * TypeError/RangeError for bad arguments, an `Error` with `.code` for an OS refusal (`EPERM`;
 * `ENOTSUP` for a signal Windows cannot deliver to one process).
 */
export const signalProcess = defaultApi.signalProcess;

/**
 * Stops `target`: sends `options.termSignal` (default SIGTERM), waits for that exact process to
 * exit (`watchExit`), sends `options.killSignal` (default SIGKILL) if it outlives
 * `options.graceMs` (default 5000), and resolves when it is gone. Resolves at once, sending
 * nothing, when it is already dead, a zombie, recycled or from another boot. `options.signal` (an
 * AbortSignal) rejects with an `AbortError`. Rejects with `WatchError` `EFOREIGN` /
 * `EUNKNOWNIDENTITY` (nothing sent) when the target cannot be proven.
 */
export const terminateProcess = defaultApi.terminateProcess;
