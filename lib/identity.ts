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
}

/**
 * @internal checks and normalises a record; errors name `name` and the field. A token without a
 * unit gets `defaultUnit` (this platform's native unit, see `defaultTokenUnit`).
 */
export function normaliseRecord(input: unknown, name: string, defaultUnit: string | null): Normalised {
  const o = assertObject(input, name);
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

/** Identity comparison of two records already known to share a scope. */
function compareSameScope(a: Normalised, b: Normalised): IdentityMatch {
  if (a.pid !== b.pid) return 'different';
  if (a.uniqueId !== null && b.uniqueId !== null && a.uniqueIdKind === b.uniqueIdKind) {
    return a.uniqueId === b.uniqueId ? 'same' : 'different';
  }
  if (a.startToken !== null && b.startToken !== null && a.startTokenUnit === b.startTokenUnit) {
    return a.startToken === b.startToken ? 'same' : 'different';
  }
  return 'unknown';
}

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

  function processIdentity(pid: number): ProcessIdentity | null {
    assertPid(pid);
    const raw = b.probe(pid);
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
      const now = b.probe(r.pid);
      if (now === null) return 'different';
      return compareSameScope(r, normaliseRecord(complete(now), 'current', unit));
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
    return compareSameScope(r, c);
  }

  function ownerStatus(record: ProcessIdentity | OwnerRecord, options?: OwnerStatusOptions): OwnerStatus {
    return ownerStatusOf(record, b.probe, options);
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
    const cmp = compareSameScope(r, normaliseRecord(current, 'current', unit));
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
    if (r.createdAtMs !== null && current.startTimeMs !== null && current.startTimeMs > r.createdAtMs + tol) {
      return {
        verdict: 'recycled',
        current,
        detail: `PID ${r.pid} started at ${iso(current.startTimeMs)}, after the record was written (${iso(r.createdAtMs)})`,
      };
    }
    const why =
      current.access === 'partial'
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

function iso(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString();
}

/** The identity API over the backend selected at load time, shared by every layer above. */
export const identity: IdentityApi = createIdentityApi(selectedBackend);
