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
import { assertKnownOptions, assertMs, assertObject, assertPid, describe, optFinite, optString } from './validate';

/** A record normalised for comparison. */
interface Normalised {
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

const DECIMAL = /^(0|[1-9]\d{0,19})$/;

function normaliseRecord(input: unknown, name: string, defaultUnit: string | null): Normalised {
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
    if (!DECIMAL.test(st)) {
      throw new TypeError(`${name}.startToken must be a decimal integer string, got ${describe(st)}`);
    }
    startToken = st;
  } else if (st !== undefined && st !== null) {
    throw new TypeError(`${name}.startToken must be a string or null, got ${describe(st)}`);
  }
  const uniqueId = optString(o, 'uniqueId', name);
  if (uniqueId !== null && !DECIMAL.test(uniqueId)) {
    throw new TypeError(`${name}.uniqueId must be a decimal integer string, got ${describe(uniqueId)}`);
  }
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

/** Scope check: why a record cannot be judged here, or null when it can. */
function scopeMismatch(r: Normalised, s: RawScope): { verdict: 'foreign' | 'other-boot'; detail: string } | null {
  if (r.hostname !== null && r.hostname !== s.hostname) {
    return { verdict: 'foreign', detail: `recorded on host "${r.hostname}", this is "${s.hostname}"` };
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
}

export function createIdentityApi(b: Backend): IdentityApi {
  let scopeCache: RawScope | undefined;
  let selfCache: ProcessIdentity | undefined;

  function rawScope(): RawScope {
    if (!scopeCache) scopeCache = b.scope();
    return scopeCache;
  }

  function nativeUnit(): string | null {
    switch (rawScope().platform) {
      case 'linux':
        return 'linux-ticks';
      case 'darwin':
        return b.name === 'native' ? 'darwin-us' : 'ps-lstart-s';
      case 'win32':
        return 'win32-filetime';
      case 'freebsd':
        return b.name === 'native' ? 'freebsd-us-since-boot' : 'ps-lstart-s';
      default:
        return null;
    }
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
    if (r.hostname !== null && c.hostname !== null && r.hostname !== c.hostname) return 'unknown';
    if (r.platform !== null && c.platform !== null && r.platform !== c.platform) return 'unknown';
    if (r.bootId !== null && c.bootId !== null && r.bootId !== c.bootId) return 'different';
    if (r.pidNamespace !== null && c.pidNamespace !== null && r.pidNamespace !== c.pidNamespace) {
      return 'unknown';
    }
    return compareSameScope(r, c);
  }

  function ownerStatus(record: ProcessIdentity | OwnerRecord, options?: OwnerStatusOptions): OwnerStatus {
    let tol = 2000;
    if (options !== undefined) {
      const o = assertObject(options, 'options');
      assertKnownOptions(o, ['clockToleranceMs']);
      if (o.clockToleranceMs !== undefined) tol = assertMs(o.clockToleranceMs, 'options.clockToleranceMs', false);
    }
    const unit = nativeUnit();
    const r = normaliseRecord(record, 'record', unit);
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
    const raw = b.probe(r.pid);
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
        ? 'access to its start time was denied'
        : r.startToken === null && r.uniqueId === null
          ? 'the record has no start token to compare'
          : 'the record and the process share no comparable token';
    return { verdict: 'unknown', current, detail: `PID ${r.pid} is alive but ${why}` };
  }

  return {
    backend: b.name,
    processIdentity,
    selfIdentity,
    bootIdentity,
    currentScope,
    compareIdentity,
    ownerStatus,
  };
}

function iso(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString();
}

/** The identity API over the backend selected at load time, shared by every layer above. */
export const identity: IdentityApi = createIdentityApi(selectedBackend);
