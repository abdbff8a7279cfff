/**
 * Linux time namespaces (time_namespaces(7); `unshare -T`, CRIU restores, `podman container
 * restore`, Incus/LXC): CLOCK_MONOTONIC and CLOCK_BOOTTIME run `offset` ahead of the root time
 * namespace's inside one, and the kernel shows `/proc/<pid>/stat` start ticks, `/proc/uptime` and
 * `btime` relative to the READER's namespace. pidproof states every stamp that crosses a process
 * boundary in the root namespace's terms (issue 20). This module holds the facts and the tick
 * arithmetic both backends and the identity layer share; it imports nothing of pidproof, so the
 * fallback backend can use it.
 *
 * Checked on Linux 6.18 (as root and as nobody):
 * - `/proc/<pid>/stat` start time = nsec_to_clock_t(start_boottime + the reader's boottime offset):
 *   one process reads 45643 from the root namespace and 765643 from one with `--boottime 7200`.
 *   With an offset that is not a whole number of ticks (CRIU restores offsets to the nanosecond)
 *   the two readings differ by that offset's whole ticks, or one more.
 * - `/proc/<pid>/timens_offsets` ("monotonic <s> <ns>", "boottime <s> <ns>") shows the offsets of
 *   the process's time_for_children namespace, which it entered at exec (so its own, unless it
 *   called unshare(CLONE_NEWTIME) since: then its own clocks stay those of its old namespace while
 *   the file shows the new one's); mode 0644 and readable by any user who can see the PID (nobody
 *   reads root's), where `/proc/<pid>/ns/time` and `ns/time_for_children` need ptrace access.
 * - `btime` in `/proc/stat` and `/proc/uptime` are shown in the reader's namespace too.
 */
import fs from 'node:fs';

/** A process's clock offsets against the root time namespace, in signed nanoseconds. */
export interface ClockOffsets {
  monotonicNs: bigint;
  boottimeNs: bigint;
}

export const ZERO_OFFSETS: Readonly<ClockOffsets> = Object.freeze({ monotonicNs: 0n, boottimeNs: 0n });

/** Parses `/proc/<pid>/timens_offsets` (native/logic.cc ParseTimensOffsets); null when malformed. */
export function parseTimensOffsets(text: string): ClockOffsets | null {
  let monotonicNs = 0n;
  let boottimeNs = 0n;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const m = /^\s*(monotonic|boottime)\s+(-?\d{1,19})\s+(\d{1,9})\s*$/.exec(line);
    if (m === null) return null;
    const ns = BigInt(m[2]) * 1_000_000_000n + BigInt(m[3]);
    if (m[1] === 'monotonic') monotonicNs = ns;
    else boottimeNs = ns;
  }
  return { monotonicNs, boottimeNs };
}

/** Clock ticks per second from the aux vector (AT_CLKTCK = 17); 100 when unreadable. */
function readClockTicks(): number {
  try {
    const auxv = fs.readFileSync('/proc/self/auxv');
    const word = process.arch === 'x64' || process.arch === 'arm64' ? 8 : 4;
    for (let off = 0; off + 2 * word <= auxv.length; off += 2 * word) {
      const type = word === 8 ? Number(auxv.readBigUInt64LE(off)) : auxv.readUInt32LE(off);
      const val = word === 8 ? Number(auxv.readBigUInt64LE(off + word)) : auxv.readUInt32LE(off + word);
      if (type === 0) break;
      if (type === 17 && val > 0) return val;
    }
  } catch {
    // fall through
  }
  return 100;
}

let hz = 0;
/** Linux clock ticks per second (USER_HZ, `sysconf(_SC_CLK_TCK)`), read once. */
export function clockTicks(): number {
  if (hz === 0) hz = readClockTicks();
  return hz;
}

/** A boottime offset in whole ticks (rounded down) and whether a part of a tick was left over. */
export interface TickShift {
  ticks: bigint;
  inexact: boolean;
}

/** `boottimeNs` in clock ticks: floor(offset / tick), and whether it was not a whole number. */
export function tickShift(boottimeNs: bigint): TickShift {
  if (boottimeNs === 0n) return { ticks: 0n, inexact: false };
  const tickNs = BigInt(Math.round(1e9 / clockTicks()));
  let q = boottimeNs / tickNs; // truncates toward zero
  let r = boottimeNs % tickNs;
  if (r < 0n) {
    r += tickNs;
    q -= 1n;
  }
  return { ticks: q, inexact: r !== 0n };
}

/**
 * Start ticks read from `/proc/<pid>/stat` by a process with boottime offset `boottimeNs`, in the
 * root namespace's terms (native/logic.cc RootStartTicks): ticks - floor(offset / tick), never
 * below 0. Exact when the offset is a whole number of ticks, else the root reading or one more.
 */
export function rootStartTicks(ticks: bigint, boottimeNs: bigint): bigint {
  const r = ticks - tickShift(boottimeNs).ticks;
  return r < 0n ? 0n : r;
}

let supported: boolean | undefined;
/** Does this kernel have time namespaces (a `/proc/self/timens_offsets` file)? */
function kernelHasTimens(): boolean {
  if (supported === undefined) {
    try {
      fs.accessSync('/proc/self/timens_offsets');
      supported = true;
    } catch (err) {
      // ENOENT: no CONFIG_TIME_NS (every offset is 0); anything else: assume it has them.
      supported = (err as NodeJS.ErrnoException).code !== 'ENOENT';
    }
  }
  return supported;
}

/**
 * The offsets of the process `pid`'s own time namespace; zeros where there are no time namespaces
 * (not Linux, or a kernel without them); null when they cannot be told. `/proc/<pid>/timens_offsets`
 * shows the offsets of its time_for_children namespace, which it entered at exec: they are its own
 * only when its `ns/time` and `ns/time_for_children` are one namespace. Those two links need
 * ptrace read access (root, or the process's own user): unreadable, the offsets are not trusted
 * (a process that called unshare(CLONE_NEWTIME) itself keeps its old clocks while the file shows
 * its children's). Null too when the process is gone or hidden. Not pinned: the caller uses it
 * only to explain a start-token or stamp difference, never to prove a process alive.
 */
export function processOffsets(pid: number): ClockOffsets | null {
  if (process.platform !== 'linux' || !kernelHasTimens()) return ZERO_OFFSETS;
  try {
    const own = fs.statSync(`/proc/${pid}/ns/time`, { bigint: true }).ino;
    const children = fs.statSync(`/proc/${pid}/ns/time_for_children`, { bigint: true }).ino;
    if (own !== children) return null;
    return parseTimensOffsets(fs.readFileSync(`/proc/${pid}/timens_offsets`, 'latin1'));
  } catch {
    return null;
  }
}

/**
 * This process's own offsets, read from `/proc` (the fallback backend; the addon reads the same
 * natively): zeros outside Linux or without time namespaces; null when they cannot be told (the
 * file is unreadable, or this process left the namespace it describes: its `ns/time` and
 * `ns/time_for_children` links differ).
 */
export function readSelfOffsets(): ClockOffsets | null {
  if (process.platform !== 'linux') return ZERO_OFFSETS;
  let text: string;
  try {
    text = fs.readFileSync('/proc/self/timens_offsets', 'latin1');
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? ZERO_OFFSETS : null;
  }
  const o = parseTimensOffsets(text);
  if (o === null) return null;
  try {
    const own = fs.statSync('/proc/self/ns/time', { bigint: true }).ino;
    const children = fs.statSync('/proc/self/ns/time_for_children', { bigint: true }).ino;
    if (own !== children) return null;
  } catch {
    // no namespace links to compare: trust the file
  }
  return o;
}
