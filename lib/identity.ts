/**
 * Process identity: who holds a PID, compared exactly, with scope (host, boot, PID namespace).
 * Built over a Backend (native addon or fallback); `index.ts` binds it to the selected one.
 */
import type {
  Backend,
  BootIdentity,
  IdentityMatch,
  OwnerRecord,
  OwnerStatus,
  OwnerStatusOptions,
  ProcessIdentity,
  RawIdentity,
  RawScope,
  Scope,
} from './types';
import { selectedBackend } from './binding';
import { foreignRecord, problemError } from './record';
import { type ClockOffsets, processOffsets, type TickShift, tickShift } from './timens';
import { assertDecimalU64, assertKnownOptions, assertMs, assertObject, assertPid, describe, optFinite, optString } from './validate';

/** @internal a record normalised for comparison (shared with lib/signal.ts). */
export interface Normalised {
  pid: number;
  startToken: string | null;
  startTokenUnit: string | null;
  uniqueId: string | null;
  uniqueIdKind: string | null;
  bootId: string | null;
  pidNamespace: string | null;
  hostname: string | null;
  platform: string | null;
  createdAtMs: number | null;
  /** A saved `ProcessIdentity`'s wall-clock start (epoch ms), namespace-independent; else null. */
  startTimeMs: number | null;
  /**
   * The record says its stamps are in the root time namespace's terms (`clocks: 'root'`, the lock
   * payload since issue 20). Otherwise a Linux start token may be as its writer read it, in the
   * writer's time namespace (OpenClaw `starttime`, records of other writers, older pidproof).
   */
  rootClocks: boolean;
}

/**
 * @internal checks and normalises a record; errors name `name` and the field. A token without a
 * unit gets `defaultUnit` (this platform's native unit, see `defaultTokenUnit`).
 */
export function normaliseRecord(input: unknown, name: string, defaultUnit: string | null): Normalised {
  let o = assertObject(input, name);
  // Every record is read by the rule the lock core reads a foreign one by (lib/record.ts: OpenClaw's
  // lock, README "From other languages", a saved ProcessIdentity), so every reader judges it alike:
  // the same fields refused, the same empty bootId taken as absent, `starttime` and `createdAt` read.
  const r = foreignRecord(o);
  if ('problem' in r) {
    const p = r.problem;
    throw new (problemError(p))(`${name}.${p.field} must be ${p.expected}, got ${describe(p.value)}`);
  }
  o = { ...o, bootId: null, hostname: null, pidNamespace: null, createdAtMs: null, ...r.record };
  const pid = assertPid(o.pid, `${name}.pid`);
  let startToken: string | null = null;
  const st = o.startToken;
  if (typeof st === 'number') {
    if (!Number.isSafeInteger(st) || st < 0) {
      throw new TypeError(`${name}.startToken must be a non-negative integer, got ${describe(st)}`);
    }
    startToken = String(st);
  } else if (typeof st === 'string') {
    startToken = assertDecimalU64(st, `${name}.startToken`);
  } else if (st !== undefined && st !== null) {
    throw new TypeError(`${name}.startToken must be a string or null, got ${describe(st)}`);
  }
  const rawUid = o.uniqueId;
  const uniqueId = rawUid === undefined || rawUid === null ? null : assertDecimalU64(rawUid, `${name}.uniqueId`);
  const unit = optString(o, 'startTokenUnit', name);
  return {
    pid,
    startToken,
    // A legacy token without a unit (OpenClaw's `starttime`) is in this platform's native unit.
    startTokenUnit: startToken === null ? null : (unit ?? defaultUnit),
    uniqueId,
    uniqueIdKind: uniqueId === null ? null : optString(o, 'uniqueIdKind', name),
    bootId: optString(o, 'bootId', name),
    pidNamespace: optString(o, 'pidNamespace', name),
    hostname: optString(o, 'hostname', name),
    platform: optString(o, 'platform', name),
    createdAtMs: optFinite(o, 'createdAtMs', name),
    startTimeMs: optFinite(o, 'startTimeMs', name),
    rootClocks: optString(o, 'clocks', name) === 'root',
  };
}

type KernelScope = { bootId: string | null; platform: string | null; pidNamespace: string | null };

/**
 * Recorded on this kernel, in this PID space, whatever the hostname says? Both boot ids known and
 * equal (a boot id is the kernel's: every container of a host shares it), the same OS, and where
 * the OS has PID namespaces (Linux) the same one. A hostname can change within one boot (macOS
 * takes it from DHCP or reverse DNS unless `HostName` is set; a UTS namespace gives a container
 * its own), so it decides nothing once the kernel and the PID space are known to be the same.
 */
function sameKernelAndPidSpace(r: KernelScope, s: KernelScope): boolean {
  if (r.bootId === null || s.bootId === null || r.bootId !== s.bootId) return false;
  if (r.platform !== null && s.platform !== null && r.platform !== s.platform) return false;
  return r.pidNamespace === s.pidNamespace;
}

/** Scope check: why a record cannot be judged here, or null when it can. */
function scopeMismatch(r: Normalised, s: RawScope): { verdict: 'foreign' | 'other-boot'; detail: string } | null {
  if (r.hostname !== null && r.hostname !== s.hostname && !sameKernelAndPidSpace(r, s)) {
    return { verdict: 'foreign', detail: `recorded on host ${JSON.stringify(r.hostname)}, this is ${JSON.stringify(s.hostname)}` };
  }
  if (r.platform !== null && r.platform !== s.platform) {
    return { verdict: 'foreign', detail: `recorded on ${r.platform}, this is ${s.platform}` };
  }
  if (r.bootId !== null && s.bootId !== null && r.bootId !== s.bootId) {
    return { verdict: 'other-boot', detail: `recorded in boot ${r.bootId}, this is boot ${s.bootId}` };
  }
  if (r.pidNamespace !== null && s.pidNamespace !== null && r.pidNamespace !== s.pidNamespace) {
    return {
      verdict: 'foreign',
      detail: `recorded in PID namespace ${r.pidNamespace}, this is ${s.pidNamespace}`,
    };
  }
  return null;
}

/**
 * Identity comparison of two records already known to share a scope. Two Linux start tokens that
 * differ go to `ticks` (time namespaces: see `linuxTicksMatch`) when given.
 */
function compareSameScope(
  a: Normalised,
  b: Normalised,
  ticks?: (recorded: Normalised, current: Normalised) => IdentityMatch,
): IdentityMatch {
  if (a.pid !== b.pid) return 'different';
  if (a.uniqueId !== null && b.uniqueId !== null && a.uniqueIdKind === b.uniqueIdKind) {
    return a.uniqueId === b.uniqueId ? 'same' : 'different';
  }
  if (a.startToken !== null && b.startToken !== null && a.startTokenUnit === b.startTokenUnit) {
    if (a.startToken === b.startToken) return 'same';
    return ticks !== undefined && a.startTokenUnit === 'linux-ticks' ? ticks(a, b) : 'different';
  }
  return 'unknown';
}

/** Why `linuxTicksMatch` answered `unknown` (for ownerStatus's detail). */
const TIMENS_UNKNOWN = 'time-namespace';

/**
 * Two Linux start tokens of PID `pid` that differ: can a time namespace explain it? The kernel
 * shows start ticks shifted by the READER's boottime offset (lib/timens.ts). pidproof's own
 * tokens are in the root namespace's terms (exact, or one tick more when the writer's offset is
 * not a whole number of ticks); a record without `clocks: 'root'` may hold the ticks its writer
 * read in its own namespace (OpenClaw's `starttime`, a shell or Python writer, pidproof before
 * issue 20). Such a record matches the live process when its ticks equal the live process's root
 * ticks shifted by no offset, by this reader's, or by the live process's own (its writer was the
 * process itself, or a reader beside it); one tick either way where an offset is not a whole
 * number of ticks. When the live process's offsets cannot be told (lib/timens.ts processOffsets), a
 * difference an offset could explain is `unknown`, never `different` (never `recycled`).
 *
 * A match that needs a non-zero shift is not proof alone: the live process's offsets are its own
 * creator's choice (any user can make a time namespace with a negative boottime offset, and a
 * newcomer at a recycled PID whose ticks minus that offset land on the record's would pass). It is
 * `same` only when `evidence` shows the live process started when the recorded one did: its
 * wall-clock start (namespace-independent) within the tolerance of the record's own start time (a
 * saved `ProcessIdentity`), or else not after the record was written (`createdAtMs`). Without such
 * evidence it is `unknown` (`why.reason` says so), never `same`, and never `different` either (a
 * wall clock stepped since could explain the gap, so ownerStatus does not apply its "started after
 * the record was written" rule to it either).
 */
export function linuxTicksMatch(
  recorded: bigint,
  rootClocks: boolean,
  current: bigint,
  pid: number,
  own: ClockOffsets | null,
  live: () => ClockOffsets | null = () => processOffsets(pid),
  evidence: () => TicksEvidence | null = () => null,
  why?: { reason: 'time-namespace' | 'shift-unproven' | '' },
): IdentityMatch {
  const mine: TickShift | null = own === null ? null : tickShift(own.boottimeNs);
  const lo = live();
  const theirs: TickShift | null = lo === null ? null : tickShift(lo.boottimeNs);
  const slack = mine?.inexact || theirs?.inexact ? 1n : 0n;
  const near = (shift: bigint, s: bigint) => {
    const d = recorded - shift - current;
    return d >= -s && d <= s;
  };
  if (rootClocks) {
    // Both in root terms: only the rounding of an inexact offset separates them. The writer was
    // the recorded process itself (a lock payload): its offsets are the live process's.
    if (near(0n, theirs === null ? 1n : slack)) {
      if (theirs !== null) return 'same';
      if (why !== undefined) why.reason = 'time-namespace';
      return 'unknown';
    }
    return 'different';
  }
  if (near(0n, slack)) return 'same';
  const shifts: bigint[] = [];
  if (mine !== null && mine.ticks !== 0n) shifts.push(mine.ticks);
  if (theirs !== null && theirs.ticks !== 0n) shifts.push(theirs.ticks);
  if (shifts.some((sh) => near(sh, slack))) {
    const e = evidence();
    if (e !== null && e.currentStartMs !== null) {
      if (e.recordStartMs !== null) {
        if (Math.abs(e.currentStartMs - e.recordStartMs) <= e.toleranceMs) return 'same';
      } else if (e.createdAtMs !== null && e.currentStartMs <= e.createdAtMs + e.toleranceMs) {
        return 'same';
      }
    }
    if (why !== undefined) why.reason = 'shift-unproven';
    return 'unknown';
  }
  if (theirs === null && why !== undefined) why.reason = 'time-namespace';
  return theirs === null ? 'unknown' : 'different';
}

/** @internal what proves a shifted tick match (see `linuxTicksMatch`). */
export interface TicksEvidence {
  /** The record's own wall-clock start, epoch ms (a saved ProcessIdentity's `startTimeMs`). */
  recordStartMs: number | null;
  /** When the record was written, epoch ms. */
  createdAtMs: number | null;
  /** The live process's wall-clock start, epoch ms. */
  currentStartMs: number | null;
  toleranceMs: number;
}

/** Why a shifted match was not taken as the same process (ownerStatus's detail). */
export const SHIFT_UNPROVEN =
  'its start token matches the recorded one only when shifted by a time-namespace offset, which the process\'s creator chooses, and its wall-clock start cannot be shown to precede the record (the record has no creation time or start time, or the process started after it)';

/** The identity API over one backend. */
export interface IdentityApi {
  readonly backend: 'native' | 'fallback';
  processIdentity(pid: number): ProcessIdentity | null;
  selfIdentity(): ProcessIdentity;
  bootIdentity(): BootIdentity;
  currentScope(): Scope;
  compareIdentity(recorded: ProcessIdentity | OwnerRecord, current?: ProcessIdentity | null): IdentityMatch;
  ownerStatus(record: ProcessIdentity | OwnerRecord, options?: OwnerStatusOptions): OwnerStatus;
  /**
   * @internal this process's clock offsets against the root time namespace (zeros outside Linux
   * time namespaces); null when they cannot be told. The lock core states its monotonic stamps in
   * root terms with them.
   */
  clockOffsets(): ClockOffsets | null;
  /**
   * @internal ownerStatus, judged on an identity already read (`read(pid)` is called where
   * ownerStatus would probe: never for a record of another scope). lib/usage.ts passes the identity
   * read in the same call as the usage, so the verdict is ownerStatus's own.
   */
  ownerStatusOf(
    record: ProcessIdentity | OwnerRecord,
    read: (pid: number) => RawIdentity | null,
    options?: OwnerStatusOptions,
    name?: string,
  ): OwnerStatus;
}

export function createIdentityApi(b: Backend): IdentityApi {
  let scopeCache: RawScope | undefined;
  let selfCache: ProcessIdentity | undefined;
  /** Why the last comparison through `ticks` was unknown ('' when it was not). */
  let ticksUnknown: 'time-namespace' | 'shift-unproven' | '' = '';
  /** The clock tolerance of the ownerStatus call in progress (the default elsewhere). */
  let ticksToleranceMs = 2000;

  /** `linuxTicksMatch` for two normalised records of one PID (compareSameScope's hook). */
  function ticks(recorded: Normalised, current: Normalised): IdentityMatch {
    const why = { reason: '' as 'time-namespace' | 'shift-unproven' | '' };
    const m = linuxTicksMatch(
      BigInt(recorded.startToken!),
      recorded.rootClocks,
      BigInt(current.startToken!),
      recorded.pid,
      b.clockOffsets(),
      undefined,
      () => ({ recordStartMs: recorded.startTimeMs, createdAtMs: recorded.createdAtMs, currentStartMs: current.startTimeMs, toleranceMs: ticksToleranceMs }),
      why,
    );
    ticksUnknown = why.reason;
    return m;
  }

  function rawScope(): RawScope {
    if (!scopeCache) scopeCache = b.scope();
    return scopeCache;
  }

  function nativeUnit(): string | null {
    return defaultTokenUnit(rawScope().platform, b.name);
  }

  function complete(raw: RawIdentity): ProcessIdentity {
    const s = rawScope();
    return {
      v: 1,
      platform: s.platform,
      pid: raw.pid,
      startToken: raw.startToken,
      startTokenUnit: raw.startTokenUnit,
      uniqueId: raw.uniqueId,
      uniqueIdKind: raw.uniqueIdKind,
      startTimeMs: raw.startTimeMs,
      bootId: s.bootId,
      pidNamespace: s.pidNamespace,
      hostname: s.hostname,
      ppid: raw.ppid,
      state: raw.state,
      access: raw.access,
    };
  }

  /** The backend's probe, a full descriptor table named in words (`fdError`). */
  function probe(pid: number): RawIdentity | null {
    try {
      return b.probe(pid);
    } catch (err) {
      throw fdError(err, pid);
    }
  }

  function processIdentity(pid: number): ProcessIdentity | null {
    assertPid(pid);
    const raw = probe(pid);
    return raw === null ? null : complete(raw);
  }

  function selfIdentity(): ProcessIdentity {
    if (!selfCache || selfCache.pid !== process.pid) {
      const me = processIdentity(process.pid);
      if (me === null) throw new Error('pidproof: cannot read the identity of this process');
      selfCache = me;
    }
    return { ...selfCache };
  }

  function bootIdentity(): BootIdentity {
    const s = rawScope();
    return { bootId: s.bootId, bootTimeMs: s.bootTimeMs };
  }

  function currentScope(): Scope {
    const s = rawScope();
    return { platform: s.platform, hostname: s.hostname, bootId: s.bootId, pidNamespace: s.pidNamespace };
  }

  function compareIdentity(
    recorded: ProcessIdentity | OwnerRecord,
    current?: ProcessIdentity | null,
  ): IdentityMatch {
    const unit = nativeUnit();
    const r = normaliseRecord(recorded, 'recorded', unit);
    if (current === undefined) {
      const m = scopeMismatch(r, rawScope());
      if (m) return m.verdict === 'other-boot' ? 'different' : 'unknown';
      const now = probe(r.pid);
      if (now === null) return 'different';
      return compareSameScope(r, normaliseRecord(complete(now), 'current', unit), ticks);
    }
    if (current === null) return 'different';
    const c = normaliseRecord(current, 'current', unit);
    if (r.hostname !== null && c.hostname !== null && r.hostname !== c.hostname && !sameKernelAndPidSpace(r, c)) {
      return 'unknown';
    }
    if (r.platform !== null && c.platform !== null && r.platform !== c.platform) return 'unknown';
    if (r.bootId !== null && c.bootId !== null && r.bootId !== c.bootId) return 'different';
    if (r.pidNamespace !== null && c.pidNamespace !== null && r.pidNamespace !== c.pidNamespace) {
      return 'unknown';
    }
    // Records of another boot or host never get here with a live process's offsets to consult.
    return compareSameScope(r, c, ticks);
  }

  function ownerStatus(record: ProcessIdentity | OwnerRecord, options?: OwnerStatusOptions): OwnerStatus {
    return ownerStatusOf(record, probe, options);
  }

  function ownerStatusOf(
    record: ProcessIdentity | OwnerRecord,
    read: (pid: number) => RawIdentity | null,
    options?: OwnerStatusOptions,
    name = 'record',
  ): OwnerStatus {
    let tol = 2000;
    let command: string | RegExp | null = null;
    if (options !== undefined) {
      const o = assertObject(options, 'options');
      assertKnownOptions(o, OWNER_STATUS_OPTIONS);
      if (o.clockToleranceMs !== undefined) tol = assertMs(o.clockToleranceMs, 'options.clockToleranceMs', false);
      if (o.command !== undefined) command = checkCommand(o.command, 'options.command');
    }
    const unit = nativeUnit();
    const r = normaliseRecord(record, name, unit);
    const s = rawScope();
    const m = scopeMismatch(r, s);
    if (m) return { verdict: m.verdict, current: null, detail: m.detail };
    // "Written before this boot" only when no boot id can say it: btime moves when the wall clock is
    // stepped, so with both boot ids known (and equal, checked above) it must not override them.
    if (
      (r.bootId === null || s.bootId === null) &&
      r.createdAtMs !== null &&
      s.bootTimeMs !== null &&
      r.createdAtMs < s.bootTimeMs - tol
    ) {
      return {
        verdict: 'other-boot',
        current: null,
        detail: `record written at ${iso(r.createdAtMs)}, before this boot (${iso(s.bootTimeMs)})`,
      };
    }
    const raw = read(r.pid);
    if (raw === null) return { verdict: 'dead', current: null, detail: `no process has PID ${r.pid}` };
    const current = complete(raw);
    ticksUnknown = '';
    ticksToleranceMs = tol;
    let cmp: IdentityMatch;
    try {
      cmp = compareSameScope(r, normaliseRecord(current, 'current', unit), ticks);
    } finally {
      ticksToleranceMs = 2000;
    }
    if (cmp === 'different') {
      const by =
        r.uniqueId !== null && current.uniqueId !== null && r.uniqueIdKind === current.uniqueIdKind
          ? `unique id ${r.uniqueId} -> ${current.uniqueId}`
          : `start token ${r.startToken} -> ${current.startToken}`;
      return { verdict: 'recycled', current, detail: `PID ${r.pid} now names another process (${by})` };
    }
    if (current.state === 'zombie') {
      return {
        verdict: 'zombie',
        current,
        detail: `PID ${r.pid} is a zombie: it has exited and waits to be reaped`,
      };
    }
    if (cmp === 'same') return { verdict: 'alive', current, detail: `PID ${r.pid} is the recorded process` };
    const reason = ticksUnknown as 'time-namespace' | 'shift-unproven' | ''; // set by the ticks hook
    // Not for a shifted match left unproven: its wall-clock start is what failed to back it, and a
    // wall clock stepped forward since the record moves that start too (a live holder must never
    // read as recycled for it); such a record stays unknown.
    if (reason !== 'shift-unproven' && r.createdAtMs !== null && current.startTimeMs !== null && current.startTimeMs > r.createdAtMs + tol) {
      return {
        verdict: 'recycled',
        current,
        detail: `PID ${r.pid} started at ${iso(current.startTimeMs)}, after the record was written (${iso(r.createdAtMs)})`,
      };
    }
    const why =
      cmp === 'unknown' && reason === 'shift-unproven'
        ? SHIFT_UNPROVEN
        : cmp === 'unknown' && reason === TIMENS_UNKNOWN
        ? `its start token ${current.startToken} differs from the recorded ${r.startToken} by an amount a time namespace could explain (the record does not say its clocks are the root namespace's, and the time offsets of PID ${r.pid} cannot be told: its /proc ns/time links are not readable by this user, or it left the namespace its timens_offsets describes)`
        : current.access === 'partial'
        ? typeof raw.accessDetail === 'string' && raw.accessDetail !== ''
          ? `the kernel may be hiding it from this user (${raw.accessDetail}), so neither its life nor its death can be proven`
          : 'access to its start time was denied'
        : r.startToken === null && r.uniqueId === null
          ? 'the record has no start token to compare'
          : 'the record and the process share no comparable token';
    if (command !== null && r.startToken === null && r.uniqueId === null) {
      return commandEvidence(r.pid, current, command, why);
    }
    return { verdict: 'unknown', current, detail: `PID ${r.pid} is alive but ${why}` };
  }

  /** The command check: evidence for a record with nothing to compare (see OwnerStatusOptions). */
  function commandEvidence(pid: number, current: ProcessIdentity, command: string | RegExp, why: string): OwnerStatus {
    const expected = typeof command === 'string' ? JSON.stringify(command) : String(command);
    let cmd: ReturnType<Backend['command']>;
    try {
      cmd = b.command(pid);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      return {
        verdict: 'unknown',
        current,
        detail: `PID ${pid} is alive but ${why}, and its command line cannot be read (${typeof code === 'string' ? code : (err as Error).message}) to check it against ${expected}`,
      };
    }
    if (cmd === null) return { verdict: 'dead', current: null, detail: `no process has PID ${pid}` };
    const text = cmd.text;
    const shown = JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
    const matches = typeof command === 'string' ? text.includes(command) : command.test(text);
    if (!matches) {
      return {
        verdict: 'recycled',
        current,
        detail: `PID ${pid} now runs ${shown}, which does not match the expected command ${expected} (evidence: the record has no start token)`,
      };
    }
    return {
      verdict: 'unknown',
      current,
      detail: `PID ${pid} is alive and runs ${shown}, which matches ${expected}; that is evidence, not proof (${why})`,
    };
  }

  return {
    backend: b.name,
    clockOffsets: () => b.clockOffsets(),
    processIdentity,
    selfIdentity,
    bootIdentity,
    currentScope,
    compareIdentity,
    ownerStatus,
    ownerStatusOf,
  };
}

const OWNER_STATUS_OPTIONS = ['clockToleranceMs', 'command'] as const;

/** A command to check a live process against: a non-empty substring, or a RegExp (made stateless). */
export function checkCommand(v: unknown, name: string): string | RegExp {
  if (typeof v === 'string') {
    if (v.length === 0) throw new TypeError(`${name} must not be empty`);
    return v;
  }
  // Global and sticky regexps keep lastIndex between test() calls: use a stateless copy.
  if (v instanceof RegExp) return v.global || v.sticky ? new RegExp(v.source, v.flags.replace(/[gy]/g, '')) : v;
  throw new TypeError(`${name} must be a string or a RegExp, got ${describe(v)}`);
}

/** @internal the unit of a start token recorded without one: this platform's native unit. */
export function defaultTokenUnit(platform: string, backend: 'native' | 'fallback'): string | null {
  switch (platform) {
    case 'linux':
      return 'linux-ticks';
    case 'darwin':
      return backend === 'native' ? 'darwin-us' : 'ps-lstart-s';
    case 'win32':
      return 'win32-filetime';
    case 'freebsd':
      return backend === 'native' ? 'freebsd-us-since-boot' : 'ps-lstart-s';
    default:
      return null;
  }
}

/**
 * EMFILE/ENFILE from a probe (the native probe opens a pidfd, then /proc/<pid>/stat): what ran out
 * and what to do, the errno's code, errno and syscall kept, the original as `cause`. Anything
 * else unchanged.
 */
export function fdError(err: unknown, pid: number): unknown {
  const e = err as { code?: unknown; errno?: unknown; syscall?: unknown } | null;
  const code = e?.code;
  if (code !== 'EMFILE' && code !== 'ENFILE') return err;
  const what =
    code === 'EMFILE'
      ? 'this process has no file descriptor left (reading an identity opens a pidfd and /proc/<pid>/stat for a moment): raise the limit (`ulimit -n`, systemd LimitNOFILE=) or close descriptors it no longer needs'
      : 'the system-wide table of open files is full (fs.file-max): close files elsewhere or raise fs.file-max';
  const out = new Error(`${code}: cannot read the identity of PID ${pid}: ${what}`, { cause: err });
  Object.assign(out, { code, errno: e?.errno, syscall: e?.syscall });
  return out;
}

function iso(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString();
}

/** The identity API over the backend selected at load time, shared by every layer above. */
export const identity: IdentityApi = createIdentityApi(selectedBackend);
