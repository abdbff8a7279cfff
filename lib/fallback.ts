/**
 * Pure-TypeScript backend with the native contract: `/proc` on Linux, `ps` on macOS and the BSDs,
 * PowerShell on Windows. Used when no binary can be loaded, or with `PIDPROOF_BACKEND=fallback`.
 *
 * What it cannot know it reports as null, never as a made-up value: it has no pidfd, so
 * `uniqueId` is always null; on macOS/BSD `ps` gives start times to the second only (its own
 * token unit `ps-lstart-s`, which never compares equal-or-different with a native token).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { clockTicks, type ClockOffsets, readSelfOffsets, rootStartTicks } from './timens';
import { MAX_COMMAND_BYTES, NO_USAGE_FIGURES } from './types';
import type { Backend, ProcessState, RawCommand, RawIdentity, RawScope, RawUsage, RawUsageSample } from './types';

function errnoOf(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | null)?.code;
}

/** kill(pid, 0): 'alive' (incl. EPERM: it exists, we may not signal it), 'gone'. */
function signalZero(pid: number): 'alive' | 'gone' {
  try {
    process.kill(pid, 0);
    return 'alive';
  } catch (err) {
    return errnoOf(err) === 'EPERM' ? 'alive' : 'gone';
  }
}

// ---- Linux --------------------------------------------------------------------------------------

let linuxScopeCache: RawScope | undefined;
let linuxHz = 0;
/** This process's clock offsets (time namespaces), read once with the scope; undefined: not yet. */
let selfOffsets: ClockOffsets | null | undefined;

function ownOffsets(): ClockOffsets | null {
  if (selfOffsets === undefined) selfOffsets = readSelfOffsets();
  return selfOffsets;
}

function linuxScope(): RawScope {
  if (linuxScopeCache) return linuxScopeCache;
  let bootId: string | null = null;
  try {
    bootId = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    bootId = null;
  }
  let bootTimeMs: number | null = null;
  try {
    const m = /^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'));
    // btime is shown in this process's time namespace: the root namespace's is the same instant.
    const off = ownOffsets();
    if (m) bootTimeMs = Number(m[1]) * 1000 + (off === null ? 0 : Number(off.boottimeNs / 1_000_000n));
  } catch {
    bootTimeMs = null;
  }
  let pidNamespace: string | null = null;
  try {
    pidNamespace = String(fs.statSync('/proc/self/ns/pid', { bigint: true }).ino);
  } catch {
    pidNamespace = null;
  }
  linuxHz = clockTicks();
  linuxScopeCache = { platform: 'linux', bootId, bootTimeMs, pidNamespace, hostname: '' };
  return linuxScopeCache;
}

function linuxState(c: string, threads: number): ProcessState | null {
  switch (c) {
    case 'R':
      return 'running';
    case 'T':
    case 't':
      return 'stopped';
    case 'Z':
    case 'X':
    case 'x':
      return threads > 1 ? 'running' : 'zombie';
    case 'S':
    case 'D':
    case 'I':
    case 'W':
    case 'K':
    case 'P':
      return 'sleeping';
    default:
      return null;
  }
}

/** Parses /proc/<pid>/stat after the last ')' (comm may contain spaces and parentheses). */
export function parseLinuxStat(
  text: string,
): { state: string; ppid: number; threads: number; starttime: string } | null {
  if (text.includes('\0')) return null;
  const close = text.lastIndexOf(')');
  if (close < 0) return null;
  const fields = text.slice(close + 2).split(' ');
  // fields[0] is field 3 of proc_pid_stat(5).
  if (fields.length < 20) return null;
  const state = fields[0];
  const ppid = Number(fields[1]);
  const threads = Number(fields[17]);
  const starttime = fields[19];
  if (!state || state.length !== 1) return null;
  if (!Number.isSafeInteger(ppid) || !Number.isSafeInteger(threads)) return null;
  if (!/^\d+$/.test(starttime)) return null;
  return { state, ppid, threads, starttime };
}

function linuxProbe(pid: number): RawIdentity | null {
  const scope = linuxScope();
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch (err) {
    const code = errnoOf(err);
    if (code === 'ENOENT' || code === 'ESRCH' || code === 'EACCES' || code === 'EPERM') {
      // hidepid hides other users' processes; kill(pid, 0) still tells existence.
      if (signalZero(pid) === 'gone') return null;
      return partial(pid);
    }
    throw err;
  }
  // /proc/<tid>/stat exists for threads too: only a thread-group leader is a process.
  let tgidKnown = true;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'latin1');
    const m = /^Tgid:\s*(\d+)$/m.exec(status);
    if (m && Number(m[1]) !== pid) return null;
    if (!m) tgidKnown = false;
  } catch (err) {
    const code = errnoOf(err);
    if (code === 'ENOENT' || code === 'ESRCH') return null; // exited between the reads
    tgidKnown = false;
  }
  const f = parseLinuxStat(text);
  if (!f) throw new Error(`pidproof: unparsable /proc/${pid}/stat`);
  // Shown in this process's time namespace: reported in the root namespace's terms (issue 20),
  // as the addon does; not at all when this process's offsets cannot be told.
  const off = ownOffsets();
  const ticks = off === null ? BigInt(f.starttime) : rootStartTicks(BigInt(f.starttime), off.boottimeNs);
  return {
    pid,
    startToken: off === null ? null : String(ticks),
    startTokenUnit: off === null ? null : 'linux-ticks',
    uniqueId: null,
    uniqueIdKind: null,
    startTimeMs:
      scope.bootTimeMs === null ? null : scope.bootTimeMs + Number((ticks * 1000n) / BigInt(linuxHz)),
    ppid: f.ppid,
    state: linuxState(f.state, f.threads),
    access: tgidKnown ? 'full' : 'partial',
  };
}

function partial(pid: number): RawIdentity {
  return {
    pid,
    startToken: null,
    startTokenUnit: null,
    uniqueId: null,
    uniqueIdKind: null,
    startTimeMs: null,
    ppid: null,
    state: null,
    access: 'partial',
  };
}

// ---- macOS and the BSDs: ps ---------------------------------------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Parses `ps -o lstart=` in the C locale and UTC: "Sun Nov 22 18:50:31 2026" -> epoch s. */
export function parseLstart(s: string): number | null {
  const m = /^\s*\w{3}\s+(\w{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+(\d{4})\s*$/.exec(s);
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]);
  if (month < 0) return null;
  const ms = Date.UTC(Number(m[6]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  return Number.isFinite(ms) ? ms / 1000 : null;
}

function psProbe(pid: number): RawIdentity | null {
  let out: string;
  try {
    out = execFileSync('ps', ['-o', 'ppid=,stat=,lstart=', '-p', String(pid)], {
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'C', TZ: 'UTC' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (err) {
    if ((err as { status?: number }).status === 1) return null; // ps: no such process
    throw err;
  }
  const m = /^\s*(\d+)\s+(\S+)\s+(.+?)\s*$/m.exec(out);
  if (!m) return null;
  const startS = parseLstart(m[3]);
  const stat = m[2][0];
  const state: ProcessState | null =
    stat === 'Z'
      ? 'zombie'
      : stat === 'T'
        ? 'stopped'
        : stat === 'R'
          ? 'running'
          : stat === 'S' || stat === 'I' || stat === 'U' || stat === 'D' || stat === 'L'
            ? 'sleeping'
            : null;
  return {
    pid,
    startToken: startS === null ? null : String(startS),
    startTokenUnit: startS === null ? null : 'ps-lstart-s',
    uniqueId: null,
    uniqueIdKind: null,
    startTimeMs: startS === null ? null : startS * 1000,
    ppid: Number(m[1]),
    state,
    access: startS === null ? 'partial' : 'full',
  };
}

let bsdScopeCache: RawScope | undefined;

function sysctlValue(name: string): string | null {
  try {
    return execFileSync('sysctl', ['-n', name], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

function bsdScope(): RawScope {
  if (bsdScopeCache) return bsdScopeCache;
  const bt = sysctlValue('kern.boottime'); // "{ sec = 1700000000, usec = 123456 } ..."
  const m = bt ? /sec\s*=\s*(\d+),\s*usec\s*=\s*(\d+)/.exec(bt) : null;
  const bootTimeMs = m ? Number(m[1]) * 1000 + Math.floor(Number(m[2]) / 1000) : null;
  const bootId = process.platform === 'darwin' ? sysctlValue('kern.bootsessionuuid') || null : null;
  bsdScopeCache = { platform: process.platform, bootId, bootTimeMs, pidNamespace: null, hostname: '' };
  return bsdScopeCache;
}

// ---- Windows: PowerShell --------------------------------------------------------------------------

function powershell(script: string): string {
  return execFileSync(
    'powershell.exe',
    ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', script],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true },
  );
}

function winProbe(pid: number): RawIdentity | null {
  // Process.StartTime is GetProcessTimes' creation FILETIME; ToFileTimeUtc gives it back exactly.
  // It is denied for elevated processes: then existence and ppid come from CIM, token is null.
  const script =
    `$ErrorActionPreference='SilentlyContinue';` +
    `$c=Get-CimInstance Win32_Process -Filter 'ProcessId=${pid}';` +
    `if(-not $c){'none';exit};` +
    `$ft='';try{$ft=(Get-Process -Id ${pid} -ErrorAction Stop).StartTime.ToFileTimeUtc()}catch{};` +
    `'{0} {1}' -f $c.ParentProcessId,$ft`;
  const out = powershell(script).trim();
  if (out === 'none' || out === '') return null;
  const [ppidS, ft] = out.split(/\s+/);
  const token = ft && /^\d+$/.test(ft) ? ft : null;
  return {
    pid,
    startToken: token,
    startTokenUnit: token ? 'win32-filetime' : null,
    uniqueId: null,
    uniqueIdKind: null,
    startTimeMs: token ? Number((BigInt(token) - 116444736000000000n) / 10000n) : null,
    ppid: /^\d+$/.test(ppidS ?? '') ? Number(ppidS) : null,
    state: null,
    access: token ? 'full' : 'partial',
  };
}

let winScopeCache: RawScope | undefined;

function winScope(): RawScope {
  if (winScopeCache) return winScopeCache;
  let bootTimeMs: number | null = null;
  try {
    const ft = powershell(
      '(Get-CimInstance Win32_OperatingSystem).LastBootUpTime.ToFileTimeUtc()',
    ).trim();
    if (/^\d+$/.test(ft)) bootTimeMs = Number((BigInt(ft) - 116444736000000000n) / 10000n);
  } catch {
    bootTimeMs = null;
  }
  winScopeCache = { platform: 'win32', bootId: null, bootTimeMs, pidNamespace: null, hostname: '' };
  return winScopeCache;
}

// ---- the backend ----------------------------------------------------------------------------------

function probe(pid: number): RawIdentity | null {
  switch (process.platform) {
    case 'linux':
      return linuxProbe(pid);
    case 'win32':
      return winProbe(pid);
    default:
      return psProbe(pid);
  }
}

function scope(): RawScope {
  const base =
    process.platform === 'linux'
      ? linuxScope()
      : process.platform === 'win32'
        ? winScope()
        : bsdScope();
  return { ...base, hostname: os.hostname() };
}

// ---- command line (issue 12) ----------------------------------------------------------------------

/** Bounds UTF-8 text to MAX_COMMAND_BYTES at a character boundary (as native/logic.cc does). */
function boundCommand(bytes: Buffer, sourceTruncated: boolean): RawCommand {
  if (bytes.length <= MAX_COMMAND_BYTES) return { text: bytes.toString('utf8'), truncated: sourceTruncated };
  let cut = MAX_COMMAND_BYTES;
  while (cut > 0 && (bytes[cut] & 0xc0) === 0x80) cut--; // never split a character
  return { text: bytes.subarray(0, cut).toString('utf8'), truncated: true };
}

/** NUL-separated arguments joined with single spaces; trailing NULs (title padding) dropped. */
function joinArgs(raw: Buffer): RawCommand {
  let end = raw.length;
  while (end > 0 && raw[end - 1] === 0) end--;
  const b = Buffer.from(raw.subarray(0, end));
  for (let i = 0; i < b.length; i++) if (b[i] === 0) b[i] = 0x20;
  return boundCommand(b, false);
}

function linuxCommand(pid: number): RawCommand | null {
  // /proc/<tid>/cmdline exists for threads too: only a thread-group leader is a process.
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, 'latin1');
  } catch (err) {
    const code = errnoOf(err);
    if (code !== 'ENOENT' && code !== 'ESRCH') throw err;
    if (signalZero(pid) === 'gone') return null;
    throw Object.assign(new Error(`EACCES: /proc/${pid} is hidden from this user (hidepid)`), {
      code: 'EACCES',
      syscall: 'open',
    });
  }
  const m = /^Tgid:\s*(\d+)$/m.exec(status);
  if (m && Number(m[1]) !== pid) return null;
  let raw: Buffer;
  try {
    raw = fs.readFileSync(`/proc/${pid}/cmdline`);
  } catch (err) {
    const code = errnoOf(err);
    if ((code === 'ENOENT' || code === 'ESRCH') && signalZero(pid) === 'gone') return null;
    throw err;
  }
  return joinArgs(raw);
}

function psCommand(pid: number): RawCommand | null {
  // -ww: no width limit. A zombie prints its name in angle brackets or nothing: empty, as natively.
  let out: Buffer;
  try {
    out = execFileSync('ps', ['-ww', '-o', 'stat=,command=', '-p', String(pid)], {
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    if ((err as { status?: number }).status === 1) return null; // ps: no such process
    throw err;
  }
  const line = out.toString('utf8').replace(/\n+$/, '');
  const m = /^\s*(\S+)\s?(.*)$/s.exec(line);
  if (!m) return null;
  if (m[1].startsWith('Z')) return { text: '', truncated: false };
  return boundCommand(Buffer.from(m[2], 'utf8'), false);
}

function winCommand(pid: number): RawCommand | null {
  const script =
    `$ErrorActionPreference='SilentlyContinue';` +
    `$c=Get-CimInstance Win32_Process -Filter 'ProcessId=${pid}';` +
    `if(-not $c){'none';exit};` +
    `try{'path:'+(Get-Process -Id ${pid} -ErrorAction Stop).Path}catch{'denied'}`;
  const out = powershell(`[Console]::OutputEncoding=[Text.Encoding]::UTF8;${script}`).trim();
  if (out === 'none' || out === '') return null;
  if (out === 'denied' || out === 'path:') {
    throw Object.assign(new Error(`EPERM: the image path of PID ${pid} cannot be read`), {
      code: 'EPERM',
      syscall: 'QueryFullProcessImageNameW',
    });
  }
  return boundCommand(Buffer.from(out.slice('path:'.length), 'utf8'), false);
}

function command(pid: number): RawCommand | null {
  switch (process.platform) {
    case 'linux':
      return linuxCommand(pid);
    case 'win32':
      return winCommand(pid);
    default:
      return psCommand(pid);
  }
}

// ---- usage (issue 23) ------------------------------------------------------------------------------
// Linux only: /proc/<pid>/stat and status, read between two identity probes that must agree (no
// pidfd to pin with, so the start token read before and after proves one process held the PID).
// CPU times in clock ticks (10 ms); no CPU-time clock from JavaScript, so cpuTotalMs is user +
// system. Elsewhere the fallback would have to spawn ps or PowerShell for every read, which usage
// sampling never does: it has no sampleUsage there, and lib/usage.ts says so.

/** The usage fields of a /proc/<pid>/stat line (proc_pid_stat(5)), parsed after the last ')'. */
export function parseLinuxStatUsage(text: string): {
  state: string;
  minflt: number;
  majflt: number;
  utime: number;
  stime: number;
  cutime: number;
  cstime: number;
  threads: number;
  vsize: number;
  rss: number;
} | null {
  if (text.includes('\0')) return null;
  const close = text.lastIndexOf(')');
  if (close < 0) return null;
  const f = text.slice(close + 2).split(' ');
  // f[0] is field 3 of proc_pid_stat(5).
  if (f.length < 22) return null;
  const num = (i: number): number | null => (/^-?\d+$/.test(f[i]) ? Number(f[i]) : null);
  const v = [num(7), num(9), num(11), num(12), num(13), num(14), num(17), num(20), num(21)];
  if (v.some((x) => x === null) || f[0].length !== 1) return null;
  const [minflt, majflt, utime, stime, cutime, cstime, threads, vsize, rss] = v as number[];
  return { state: f[0], minflt, majflt, utime, stime, cutime, cstime, threads, vsize, rss };
}

let pageSize = 0;

/** The page size from the aux vector (AT_PAGESZ = 6); 4096 when unreadable. */
function linuxPageSize(): number {
  if (pageSize > 0) return pageSize;
  pageSize = 4096;
  try {
    const auxv = fs.readFileSync('/proc/self/auxv');
    const word = process.arch === 'x64' || process.arch === 'arm64' ? 8 : 4;
    for (let off = 0; off + 2 * word <= auxv.length; off += 2 * word) {
      const type = word === 8 ? Number(auxv.readBigUInt64LE(off)) : auxv.readUInt32LE(off);
      const val = word === 8 ? Number(auxv.readBigUInt64LE(off + word)) : auxv.readUInt32LE(off + word);
      if (type === 0) break;
      if (type === 6 && val > 0) pageSize = val;
    }
  } catch {
    // keep 4096
  }
  return pageSize;
}

function emptyUsage(atMs: number, detail: string | null): RawUsage {
  return {
    atMs,
    ...NO_USAGE_FIGURES,
    access: detail === null ? 'full' : 'partial',
    accessDetail: detail,
  };
}

function readText(path: string): string | NodeJS.ErrnoException {
  try {
    return fs.readFileSync(path, 'latin1');
  } catch (err) {
    return err as NodeJS.ErrnoException;
  }
}

function linuxSampleOne(pid: number): RawUsageSample | null {
  for (let attempt = 0; attempt < 4; attempt++) {
    const before = linuxProbe(pid);
    if (before === null) return null;
    const stat = readText(`/proc/${pid}/stat`);
    const status = readText(`/proc/${pid}/status`);
    const after = linuxProbe(pid);
    const atMs = Number(process.hrtime.bigint()) / 1e6;
    if (after === null) return null;
    if (after.startToken !== before.startToken) continue; // the PID changed hands meanwhile
    if (typeof stat !== 'string') {
      return {
        identity: after,
        usage: emptyUsage(atMs, `/proc/${pid} is hidden from this user (${stat.code ?? 'error'}): no usage can be read`),
      };
    }
    const f = parseLinuxStatUsage(stat);
    if (f === null) throw new Error(`pidproof: unparsable /proc/${pid}/stat`);
    const hz = linuxHz || 100;
    const usage = emptyUsage(atMs, null);
    usage.cpuUserMs = (f.utime * 1000) / hz;
    usage.cpuSystemMs = (f.stime * 1000) / hz;
    usage.cpuTotalMs = ((f.utime + f.stime) * 1000) / hz;
    if (f.cutime >= 0 && f.cstime >= 0) {
      usage.childCpuUserMs = (f.cutime * 1000) / hz;
      usage.childCpuSystemMs = (f.cstime * 1000) / hz;
    }
    usage.minorFaults = f.minflt;
    usage.majorFaults = f.majflt;
    const exited = after.state === 'zombie';
    if (!exited) {
      if (f.threads > 0) usage.threads = f.threads;
      if (f.vsize > 0) {
        usage.virtualBytes = f.vsize;
        if (f.rss >= 0) usage.rssBytes = f.rss * linuxPageSize();
      }
    }
    if (typeof status === 'string') {
      const m = /^VmHWM:\s*(\d+) kB$/m.exec(status);
      if (m) usage.peakRssBytes = Number(m[1]) * 1024;
    }
    return { identity: after, usage };
  }
  return null; // kept changing hands under us
}

/** @internal the pure-TypeScript backend. */
export const fallbackBackend: Backend = {
  name: 'fallback',
  probe,
  scope,
  checkAlive: () => null,
  command,
  clockOffsets: () => (process.platform === 'linux' ? ownOffsets() : readSelfOffsets()),
  ...(process.platform === 'linux' ? { sampleUsage: (pids: readonly number[]) => pids.map(linuxSampleOne) } : {}),
};
