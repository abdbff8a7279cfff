/** Real processes for the tests: children, zombies, recycled PIDs. No mocks. */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSelfOffsets, tickShift } from '../lib/timens';
import { statFields } from './fixtures/proc-witness';

export { statFields };

export const isLinux = process.platform === 'linux';
export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
export const repoRoot = path.resolve(__dirname, '..');

/** Why a root-only Linux test is skipped, or null when it can run. */
export function needsLinuxRoot(): string | null {
  if (!isLinux) return 'Linux only';
  if (!isRoot) return 'needs root (ns_last_pid, setuid)';
  return null;
}

/** A long-lived child (a Node process idling). Killed by `cleanup`. */
export function spawnIdle(extraArgs: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...extraArgs, '-e', 'setInterval(() => {}, 1e6)'], {
    stdio: 'ignore',
  });
  live.add(child);
  return child;
}

const live = new Set<ChildProcess>();

/** Kills `child` in `cleanup` if it is still running. */
export function track<T extends ChildProcess>(child: T): T {
  live.add(child);
  return child;
}

export function cleanup(): void {
  for (const c of live) {
    if (c.exitCode === null && c.signalCode === null) {
      try {
        c.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  live.clear();
}

/**
 * One process that holds an exclusive `flock` on `file` until killed, printing `locked` once it
 * has it (tracked). One process, unlike `flock(1) -c cmd`, whose command would inherit the lock
 * and outlive a kill of flock itself.
 */
export function spawnFlockHolder(file: string): ChildProcess {
  const py = `import fcntl, sys, time\nf = open(sys.argv[1], 'rb')\nfcntl.flock(f, fcntl.LOCK_EX)\nprint('locked', flush=True)\ntime.sleep(600)`;
  return track(spawn('python3', ['-c', py, file], { stdio: ['ignore', 'pipe', 'inherit'] }));
}

export async function killAndReap(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

/**
 * A child that exits when told (`exit()`) and is never reaped by its parent (python3), so it stays
 * a zombie: a process whose exit is an event the test controls, never a timer load can eat.
 */
export async function spawnUnreaped(): Promise<{ pid: number; parent: ChildProcess; exit(): void }> {
  const parent = spawn(
    'python3',
    [
      '-c',
      'import os, sys, time\nr, w = os.pipe()\npid = os.fork()\nif pid == 0:\n  os.close(w)\n  os.read(r, 1)\n  os._exit(0)\n' +
        'os.close(r)\nprint(pid, flush=True)\nsys.stdin.readline()\nos.close(w)\ntime.sleep(120)',
    ],
    { stdio: ['pipe', 'pipe', 'ignore'] },
  );
  live.add(parent);
  const [line] = (await once(parent.stdout!, 'data')) as [Buffer];
  return { pid: Number(line.toString().trim()), parent, exit: () => parent.stdin!.write('go\n') };
}

/** Calls `onLine` for each complete line `stream` delivers (without the newline). */
export function onLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buf = '';
  stream.on('data', (d: Buffer | string) => {
    buf += d.toString();
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      onLine(line);
    }
  });
}

/** Collects the JSON lines of `stream` into `events`; a line that is not JSON becomes `{ event: garbage, line }`. */
export function collectJsonLines(stream: NodeJS.ReadableStream, events: Array<Record<string, unknown>>, garbage = 'garbage'): void {
  onLines(stream, (line) => {
    try {
      events.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      events.push({ event: garbage, line });
    }
  });
}

/**
 * A process holding `lockPath` through the built package (dist/), as any other program would;
 * resolves once it holds it. `options` is the acquireLockSync options literal.
 */
export async function distHolder(lockPath: string, options = '{ maxHoldMs: Infinity }'): Promise<ChildProcess> {
  const script = `require(${JSON.stringify(path.join(repoRoot, 'dist', 'index.js'))}).acquireLockSync(${JSON.stringify(lockPath)}, ${options});
process.stdout.write('ready\\n'); setInterval(() => {}, 1e6);`;
  const c = track(spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] }));
  const [d] = (await once(c.stdout!, 'data')) as [Buffer];
  if (d.toString() !== 'ready\n') throw new Error(`lock holder: ${d.toString()}`);
  return c;
}

/** A PID that names no process right now (a multiple of 4: valid on Windows too). */
export function unusedPid(): number {
  for (let pid = 4_000_000; pid > 1000; pid -= 4 * 997) {
    try {
      process.kill(pid, 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
  throw new Error('no unused PID found');
}

/** Polls `fn` until it returns a truthy value (or throws after `ms`). */
export async function waitFor<T>(fn: () => T, ms = 5000, what = 'condition'): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Waits until `pid` has fully exited: reaped, or a zombie whose every thread is gone. (A leader
 * thread shows 'Z' while the other threads of a SIGKILLed Node process still tear down, and they
 * share the descriptor table: its kernel locks are released only when the last thread exits.) A
 * zombie is not reaped yet: a judge rightly says `zombie` of it until its parent reaps it.
 */
export async function gone(pid: number, ms = 15_000): Promise<void> {
  await waitFor(
    () => {
      const f = statFields(pid);
      return f === null || (f[0] === 'Z' && f[17] === '1'); // field 3 state, field 20 num_threads
    },
    ms,
    `PID ${pid} to die`,
  );
}

/**
 * A zombie: a python3 parent forks a child that exits at once and never reaps it (no wait, default
 * SIGCHLD). Deterministic, unlike `sh -c 'sleep 0 & exec sleep 60'`, where the shell may reap the
 * child before its exec when the machine is loaded. Returns the zombie's PID and the parent.
 */
export async function makeZombie(): Promise<{ pid: number; parent: ChildProcess }> {
  const parent = spawn(
    'python3',
    ['-c', 'import os, sys, time\npid = os.fork()\nif pid == 0: os._exit(0)\nprint(pid, flush=True)\ntime.sleep(120)'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  live.add(parent);
  const [line] = (await once(parent.stdout!, 'data')) as [Buffer];
  const pid = Number(line.toString().trim());
  await waitFor(() => {
    try {
      return /\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'latin1'));
    } catch {
      return false;
    }
  }, 10_000, `PID ${pid} to become a zombie`);
  return { pid, parent };
}

/** Thread ids of this process other than its PID (Linux). */
export function otherThreadIds(): number[] {
  return fs
    .readdirSync('/proc/self/task')
    .map(Number)
    .filter((t) => t !== process.pid);
}

/**
 * The recycler (python3, as root): forks A, reports it, waits for "go", kills and reaps A, forces
 * the next PID to A's PID through ns_last_pid, forks B, reports it; B and A then hold the same
 * PID, possibly within one clock tick. On "done" it kills and reaps B. `child`: the body of A's
 * and B's `def child():` (indented 4 spaces); by default they pause until killed.
 */
function recyclerScript(child = 'signal.pause()\n    os._exit(0)'): string {
  return String.raw`
import os, sys, signal, time
def child():
    ${child}
a = os.fork()
if a == 0: child()
print(a, flush=True)
sys.stdin.readline()
os.kill(a, signal.SIGKILL)
os.waitpid(a, 0)
b = -1
for _ in range(50):
    with open('/proc/sys/kernel/ns_last_pid', 'w') as f:
        f.write(str(a - 1))
    b = os.fork()
    if b == 0: child()
    if b == a: break
    os.kill(b, signal.SIGKILL); os.waitpid(b, 0)
print(b, flush=True)
sys.stdin.readline()
os.kill(b, signal.SIGKILL)
os.waitpid(b, 0)
`;
}

export interface RecycleOptions {
  /** The body of the recycled processes' `def child():` (see recyclerScript). */
  child?: string;
  /** Extra arguments for the python script (its sys.argv[1:]). */
  args?: string[];
  /** Waited for after A, and after B, is reported (e.g. until it has installed handlers). */
  ready?: (pid: number, which: 'A' | 'B') => Promise<void>;
}

/**
 * Real PID recycling (Linux, root): runs `onA(pidA)` while A lives, then kills A and forces a new
 * process B onto the same PID; runs `onB(pidB)` while B lives. Returns false if the PID could not
 * be forced (another fork won the race). A and B are killed and reaped whatever happens, even when
 * `onA`/`onB` throw, so no paused process outlives the test.
 */
export async function recyclePid(
  onA: (pid: number) => void | Promise<void>,
  onB: (pid: number) => void | Promise<void>,
  opts: RecycleOptions = {},
): Promise<boolean> {
  const py = spawn('python3', ['-c', recyclerScript(opts.child), ...(opts.args ?? [])], { stdio: ['pipe', 'pipe', 'inherit'] });
  live.add(py);
  const lines: string[] = [];
  onLines(py.stdout!, (line) => lines.push(line));
  const exited = once(py, 'exit');
  const next = () => waitFor(() => lines.shift(), 15_000, 'recycler output');
  let sent = 0;
  const advance = (upTo: number) => {
    while (sent < upTo && py.stdin!.writable) py.stdin!.write(sent++ === 0 ? 'go\n' : 'done\n');
  };
  let ok = false;
  try {
    const a = Number(await next());
    await opts.ready?.(a, 'A');
    await onA(a);
    advance(1);
    const b = Number(await next());
    if (b === a) {
      await opts.ready?.(b, 'B');
      await onB(b);
      ok = true;
    }
  } finally {
    advance(2);
    await exited;
  }
  return ok;
}

/**
 * Waits until the boot clock (`/proc/uptime`, the clock start ticks count on) has left the tick a
 * process started in (`startToken`: pidproof's Linux ticks, in the root time namespace's terms),
 * so that a process forked next cannot share it: a recycled PID then has a start token of its own.
 */
export async function leaveTick(startToken: string | null): Promise<void> {
  const shift = tickShift(readSelfOffsets()?.boottimeNs ?? 0n).ticks;
  const rootUptimeTicks = () => Math.floor(Number(fs.readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * 100) - Number(shift);
  await waitFor(() => rootUptimeTicks() >= Number(startToken) + 2, 15_000, 'the clock to leave the start tick');
}

/** Process A of `recycleInTick`, as it was read while it lived (raw ticks in this namespace). */
export interface RecycledA {
  pid: number;
  /** `/proc/<pid>/stat` start ticks as the recycler read them (its time namespace's view). */
  rawTicks: number;
  /** `fstat(pidfd_open(A)).st_ino`: A's pidfs inode where the kernel has pidfs (>= 6.9). */
  inode: number | null;
}

/**
 * PID recycling with the tick decided, not left to luck (Linux, root): forks A, reads its start
 * ticks and pidfd inode, kills and reaps it, forces the next PID to A's through ns_last_pid and
 * forks B, retrying until B holds A's PID and its start tick is A's (`same`: two processes within
 * one 10 ms tick, which only the pidfs inode tells apart) or later (`later`: it waits until the
 * clock has left A's tick before forking B). The forking loop runs under SCHED_FIFO, so busy
 * loops beside it cannot delay its second fork past the tick (on a loaded 2-core VM the unpinned
 * loop saw no same-tick pair in 120 s). Runs `onB(a, bPid)` while B lives, then kills and reaps B.
 */
export async function recycleInTick(
  mode: 'same' | 'later',
  onB: (a: RecycledA, b: number) => void | Promise<void>,
): Promise<void> {
  const py = String.raw`
import json, os, sys, signal, time
mode = sys.argv[1]
fifo = True
try:
    os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(10))
except OSError:
    fifo = False
def ticks(pid):
    with open('/proc/%d/stat' % pid) as f:
        s = f.read()
    return int(s[s.rindex(')') + 2:].split()[19])
def inode(pid):
    try:
        fd = os.pidfd_open(pid)
    except (OSError, AttributeError):
        return None
    try:
        return os.fstat(fd).st_ino
    finally:
        os.close(fd)
def uptime_ticks():
    with open('/proc/uptime') as f:
        return float(f.read().split()[0]) * 100
def child():
    signal.pause()
    os._exit(0)
deadline = time.monotonic() + 90
tries = 0
while True:
    tries += 1
    if time.monotonic() > deadline:
        print(json.dumps({'error': 'no %s-tick recycling in %d tries (SCHED_FIFO: %s)' % (mode, tries, fifo)}), flush=True)
        sys.exit(1)
    a = os.fork()
    if a == 0:
        child()
    ta = ticks(a)
    ia = inode(a)
    os.kill(a, signal.SIGKILL)
    os.waitpid(a, 0)
    if mode == 'later':
        while uptime_ticks() < ta + 2:
            time.sleep(0.002)
    with open('/proc/sys/kernel/ns_last_pid', 'w') as f:
        f.write(str(a - 1))
    b = os.fork()
    if b == 0:
        child()
    tb = ticks(b)
    if b == a and (tb == ta if mode == 'same' else tb > ta):
        break
    os.kill(b, signal.SIGKILL)
    os.waitpid(b, 0)
print(json.dumps({'a': {'pid': a, 'rawTicks': ta, 'inode': ia}, 'b': b, 'tries': tries, 'fifo': fifo}), flush=True)
sys.stdin.readline()
os.kill(b, signal.SIGKILL)
os.waitpid(b, 0)
`;
  const proc = spawn('python3', ['-c', py, mode], { stdio: ['pipe', 'pipe', 'inherit'] });
  live.add(proc);
  const lines: string[] = [];
  onLines(proc.stdout!, (line) => lines.push(line));
  const exited = once(proc, 'exit');
  try {
    const r = JSON.parse(await waitFor(() => lines.shift(), 120_000, 'the recycler')) as {
      a?: RecycledA;
      b?: number;
      error?: string;
    };
    if (r.error !== undefined) throw new Error(r.error);
    await onB(r.a!, r.b!);
  } finally {
    if (proc.stdin!.writable) proc.stdin!.write('done\n');
    await exited;
  }
}

export function tmpDir(prefix = 'pidproof-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** `chmod -R a+rX`: readable by everyone, directories (and executables) searchable. */
function openUp(p: string): void {
  const st = fs.lstatSync(p);
  if (st.isSymbolicLink()) return;
  const exec = st.isDirectory() || (st.mode & 0o111) !== 0;
  fs.chmodSync(p, (st.mode & 0o7777) | 0o444 | (exec ? 0o111 : 0));
  if (st.isDirectory()) for (const e of fs.readdirSync(p)) openUp(path.join(p, e));
}

/**
 * A copy of the built package that any user can load: package.json, dist/, the addon (build/ and
 * prebuilds/) and node-gyp-build, in a new mode-0755 temporary directory (the caller removes it).
 * A child run as another user (`nobody`) cannot read the checkout itself when it was cloned into
 * a private directory (under /root, or a `mktemp -d` folder: mode 0700).
 */
export function publicPackage(): string {
  const root = tmpDir('pidproof-public-');
  try {
    fs.copyFileSync(path.join(repoRoot, 'package.json'), path.join(root, 'package.json'));
    fs.cpSync(path.join(repoRoot, 'dist'), path.join(root, 'dist'), { recursive: true });
    const release = path.join(repoRoot, 'build', 'Release');
    if (fs.existsSync(release)) {
      fs.mkdirSync(path.join(root, 'build', 'Release'), { recursive: true });
      for (const f of fs.readdirSync(release).filter((n) => n.endsWith('.node'))) {
        fs.copyFileSync(path.join(release, f), path.join(root, 'build', 'Release', f));
      }
    }
    if (fs.existsSync(path.join(repoRoot, 'prebuilds'))) {
      fs.cpSync(path.join(repoRoot, 'prebuilds'), path.join(root, 'prebuilds'), { recursive: true });
    }
    // The resolved directory, not a link into the checkout, which the other user cannot enter.
    const ngb = fs.realpathSync(path.join(repoRoot, 'node_modules', 'node-gyp-build'));
    fs.cpSync(ngb, path.join(root, 'node_modules', 'node-gyp-build'), { recursive: true });
    openUp(root);
    return root;
  } catch (err) {
    fs.rmSync(root, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Why a Node child cannot run as `nobody` here, or null when it can: not Linux, not root, this
 * Node binary is not executable by `nobody` (e.g. installed under /root by a version manager), or
 * one of `dirs` cannot be entered and written by `nobody` (a private TMPDIR).
 */
export function nobodyNodeSkip(dirs: string[] = []): string | null {
  const why = needsLinuxRoot();
  if (why !== null) return why;
  const check = `const fs = require('fs'); for (const d of ${JSON.stringify(dirs)}) fs.accessSync(d, fs.constants.W_OK | fs.constants.X_OK);`;
  const r = spawnSync(process.execPath, ['-e', check], { uid: 65534, gid: 65534, encoding: 'utf8' });
  if (r.error) return `${process.execPath} cannot be run by nobody (${(r.error as NodeJS.ErrnoException).code})`;
  if (r.status !== 0) {
    const line = (r.stderr.split('\n').find((l) => /Error/.test(l)) ?? `exit ${r.status}`).trim();
    return `nobody cannot run ${process.execPath} here or use ${dirs.join(', ')}: ${line}`;
  }
  return null;
}

/**
 * Linux: does process `watcher` wait in its event loop for `target` to exit? True when one of its
 * epoll sets holds a pidfd of `target` (`tfd:` lines in the epoll fdinfo, `Pid:` in the pidfd's).
 * Exact: a pidfd opened only to probe a process is never in an epoll set.
 */
export function waitsOnPidfd(watcher: number, target: number): boolean {
  const base = `/proc/${watcher}`;
  let fds: string[];
  try {
    fds = fs.readdirSync(`${base}/fd`);
  } catch {
    return false;
  }
  const pidfds = new Set<string>();
  const polls: string[] = [];
  for (const fd of fds) {
    let link: string;
    let info: string;
    try {
      link = fs.readlinkSync(`${base}/fd/${fd}`);
      info = fs.readFileSync(`${base}/fdinfo/${fd}`, 'utf8');
    } catch {
      continue; // closed meanwhile
    }
    if (link.includes('pidfd') && new RegExp(`^Pid:\\s+${target}$`, 'm').test(info)) pidfds.add(fd);
    else if (link.includes('eventpoll')) polls.push(info);
  }
  return polls.some((info) => [...info.matchAll(/^tfd:\s+(\d+)/gm)].some((m) => pidfds.has(m[1])));
}

/** Runs a Node script in a child process and returns its stdout (throws on non-zero exit). */
export function runNode(args: string[], env: NodeJS.ProcessEnv = {}, cwd = repoRoot): string {
  return execFileSync(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Running under wine: it exports WINELOADER/WINECONFIGDIR into the Windows environment. */
export const underWine =
  process.platform === 'win32' && (process.env.WINELOADER !== undefined || process.env.WINECONFIGDIR !== undefined);

/**
 * Windows: Node closes an exited child's process handle a loop turn or more after 'exit'; until
 * then the exited process object (and its PID) lingers and is reported as a zombie. Waits until
 * `probe(pid)` (a `processIdentity`) says no such process. Elsewhere a reaped child is gone already.
 */
export async function waitReleased(probe: (pid: number) => unknown, pid: number): Promise<void> {
  if (process.platform !== 'win32') return;
  await waitFor(() => probe(pid) === null, 15_000, `PID ${pid} to be released`);
}

/**
 * Runs `node -e script` under a seccomp filter on which pidfd_open answers `errno`, as on a kernel
 * without it (ENOSYS, < 5.3) or an old container runtime's profile (EPERM). x64 and arm64 only.
 */
export function runWithoutPidfdOpen(errno: 'ENOSYS' | 'EPERM', script: string, args: string[]): string {
  const filter = String.raw`
import ctypes, os, sys, platform, errno as E
class F(ctypes.Structure):
    _fields_ = [('code', ctypes.c_ushort), ('jt', ctypes.c_ubyte), ('jf', ctypes.c_ubyte), ('k', ctypes.c_uint)]
class P(ctypes.Structure):
    _fields_ = [('len', ctypes.c_ushort), ('filter', ctypes.POINTER(F))]
arch = {'x86_64': 0xC000003E, 'aarch64': 0xC00000B7}[platform.machine()]
# seccomp(2) BPF: arch check, then pidfd_open (434 on both) -> SECCOMP_RET_ERRNO | errno, else allow.
prog = (F * 6)(F(0x20, 0, 0, 4), F(0x15, 0, 3, arch), F(0x20, 0, 0, 0), F(0x15, 0, 1, 434),
               F(0x06, 0, 0, 0x00050000 | getattr(E, sys.argv[1])), F(0x06, 0, 0, 0x7FFF0000))
libc = ctypes.CDLL(None, use_errno=True)
if libc.prctl(38, 1, 0, 0, 0) != 0: raise OSError(ctypes.get_errno(), 'PR_SET_NO_NEW_PRIVS')
if libc.prctl(22, 2, ctypes.byref(P(6, prog)), 0, 0) != 0: raise OSError(ctypes.get_errno(), 'PR_SET_SECCOMP')
os.execv(sys.argv[2], sys.argv[2:])
`;
  return execFileSync('python3', ['-c', filter, errno, process.execPath, '-e', script, ...args], { encoding: 'utf8' });
}
