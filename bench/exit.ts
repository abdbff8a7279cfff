/**
 * bench/exit: how long after a process dies does the waiter know?
 *
 * The child (CHILD_C below, compiled here with `cc -O2`) waits for a byte on stdin, reads
 * CLOCK_MONOTONIC, writes it to stdout and calls `_exit(0)`. The parent, already waiting, takes
 * `process.hrtime.bigint()` when its promise resolves. On Linux both are CLOCK_MONOTONIC, one
 * clock for every process (libuv's uv_hrtime is clock_gettime(CLOCK_MONOTONIC)); the bench checks
 * it: a child's reading must fall between two parent readings taken around it.
 *
 * Methods: watchExit (pidfd + uv_poll_t), and what the field does: `process.kill(pid, 0)` every
 * 10 ms and every 100 ms. Also the cost of isAlive against a C loop of the same syscalls.
 *
 *   npm run bench:exit [-- --runs 200 --json bench/results/exit-latest.json]
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addon, type RawExitWatch } from '../lib/binding';
import { processIdentity } from '../lib/index';
import { isAlive, watchExit, watchProcess } from '../lib/watch';
import { machineInfo, writeResults } from './common';

const root = path.resolve(__dirname, '..', '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '9' },
    json: { type: 'string', default: path.join(root, 'bench', 'results', 'exit-latest.json') },
  },
});
const RUNS = Math.max(1, Number(values.runs));

const CHILD_C = String.raw`
#include <stdio.h>
#include <time.h>
#include <unistd.h>
int main(void) {
  char b;
  if (read(0, &b, 1) != 1) return 2;
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  char out[64];
  int n = snprintf(out, sizeof out, "%lld\n", (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec);
  if (write(1, out, (size_t)n) != n) return 3;
  _exit(0);
}
`;

// The isAlive physical limit: pidfd_open + fstat + poll + close (fast path), and one poll on an
// already open pidfd (ProcessWatch.isAlive), timed inside the loop. Prints "<wall ns> <user ns>
// <system ns>" per op (getrusage: the CPU time, free of the time the scheduler gave others).
const ALIVE_C = String.raw`
#define _GNU_SOURCE
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e9 + t.tv_nsec; }
static double tv(struct timeval a, struct timeval b) { return (b.tv_sec - a.tv_sec) * 1e9 + (b.tv_usec - a.tv_usec) * 1e3; }
int main(int argc, char** argv) {
  int pid = atoi(argv[2]); long n = atol(argv[3]); volatile long sink = 0;
  /* Only the held-handle mode holds a pidfd: while any pidfd to a process is open, pidfs keeps its
     inode cached and a fresh pidfd_open costs about half (~3 us instead of ~6 us here), which
     would understate what isAlive(identity) must pay when nothing holds the process. */
  int keep = argv[1][0] == 'o' ? -1 : (int)syscall(SYS_pidfd_open, pid, 0);
  struct rusage r0, r1;
  getrusage(RUSAGE_SELF, &r0);
  double t0 = now();
  for (long i = 0; i < n; i++) {
    struct pollfd p = { .events = POLLIN };
    if (argv[1][0] == 'o') {
      int fd = (int)syscall(SYS_pidfd_open, pid, 0);
      struct stat sb; fstat(fd, &sb); sink += sb.st_ino;
      p.fd = fd; sink += poll(&p, 1, 0); close(fd);
    } else {
      p.fd = keep; sink += poll(&p, 1, 0);
    }
  }
  double t1 = now();
  getrusage(RUSAGE_SELF, &r1);
  printf("%.1f %.1f %.1f\n", (t1 - t0) / n, tv(r0.ru_utime, r1.ru_utime) / n, tv(r0.ru_stime, r1.ru_stime) / n);
  return (int)(sink & 0);
}
`;

// The floor of any native answer from JavaScript: an N-API function that only polls an fd
// (napi_get_cb_info, napi_get_value_int32, poll, napi_get_boolean), and one that does nothing.
// Built here with cc against Node's own headers; skipped (null) where they are not installed.
const NAPI_POLL_C = String.raw`
#include <node_api.h>
#include <poll.h>
static napi_value Noop(napi_env env, napi_callback_info info) { (void)env; (void)info; return NULL; }
static napi_value PollFd(napi_env env, napi_callback_info info) {
  size_t argc = 1; napi_value argv[1]; int32_t fd = -1; napi_value b;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1 ||
      napi_get_value_int32(env, argv[0], &fd) != napi_ok) return NULL;
  struct pollfd p = { .fd = fd, .events = POLLIN };
  int r = poll(&p, 1, 0);
  napi_get_boolean(env, r > 0, &b);
  return b;
}
NAPI_MODULE_INIT() {
  napi_value f;
  napi_create_function(env, "noop", NAPI_AUTO_LENGTH, Noop, NULL, &f);
  napi_set_named_property(env, exports, "noop", f);
  napi_create_function(env, "pollFd", NAPI_AUTO_LENGTH, PollFd, NULL, &f);
  napi_set_named_property(env, exports, "pollFd", f);
  return exports;
}
`;

function compileNapiPoll(): { noop(): void; pollFd(fd: number): boolean } | null {
  const inc = [path.join(path.dirname(process.execPath), '..', 'include', 'node'), '/usr/include/node'].find((d) =>
    fs.existsSync(path.join(d, 'node_api.h')),
  );
  if (inc === undefined) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pidproof-bench-'));
  const c = path.join(dir, 'napi_poll.c');
  const bin = path.join(dir, 'napi_poll.node');
  fs.writeFileSync(c, NAPI_POLL_C);
  try {
    execFileSync(process.env.CC || 'cc', ['-O2', '-shared', '-fPIC', '-DNAPI_VERSION=8', `-I${inc}`, '-o', bin, c], { stdio: ['ignore', 'ignore', 'inherit'] });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(bin) as { noop(): void; pollFd(fd: number): boolean };
  } catch {
    return null;
  }
}

/** The fd of an open pidfd of this process for `pid`'s watch (found through /proc/self/fd). */
function pidfdOf(): number | null {
  for (const f of fs.readdirSync('/proc/self/fd')) {
    try {
      if (fs.readlinkSync(`/proc/self/fd/${f}`) === 'anon_inode:[pidfd]') return Number(f);
    } catch {
      // closed meanwhile
    }
  }
  return null;
}

function compile(name: string, src: string): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pidproof-bench-'));
  const c = path.join(dir, `${name}.c`);
  const bin = path.join(dir, name);
  fs.writeFileSync(c, src);
  try {
    execFileSync(process.env.CC || 'cc', ['-O2', '-o', bin, c], { stdio: ['ignore', 'ignore', 'inherit'] });
    return bin;
  } catch {
    return null;
  }
}

type Waiter = (pid: number) => Promise<void>;

const waiters: Record<string, Waiter> = {
  watchExit: async (pid) => {
    await watchExit(pid);
  },
  'kill(pid, 0) every 10 ms': (pid) => pollKill(pid, 10),
  'kill(pid, 0) every 100 ms': (pid) => pollKill(pid, 100),
};

function pollKill(pid: number, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const t = setInterval(() => {
      try {
        process.kill(pid, 0);
      } catch {
        clearInterval(t);
        resolve();
      }
    }, ms);
  });
}

/** One run: returns ms from the child's last clock reading to the waiter's resolution. */
async function once1(bin: string, wait: Waiter): Promise<number> {
  const child = spawn(bin, [], { stdio: ['pipe', 'pipe', 'inherit'] });
  await once(child, 'spawn');
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const closed = once(child.stdout!, 'end');
  const exited = once(child, 'exit');
  let resolvedAt = 0n;
  const done = wait(child.pid!).then(() => {
    resolvedAt = process.hrtime.bigint();
  });
  // Exits are not phase-locked to a poller's ticks: release the child at a random point.
  await new Promise((r) => setTimeout(r, Math.random() * 100));
  child.stdin!.end('g');
  await done;
  await closed;
  await exited;
  return Number(resolvedAt - BigInt(out.trim())) / 1e6;
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function checkSharedClock(bin: string): Promise<boolean> {
  for (let i = 0; i < 5; i++) {
    const before = process.hrtime.bigint();
    const child = spawn(bin, [], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stdin!.end('g');
    await once(child, 'exit');
    const after = process.hrtime.bigint();
    const t = BigInt(out.trim());
    if (!(before <= t && t <= after)) return false;
  }
  return true;
}

/** Wall ns and CPU ns (user + system of this process) per call. */
interface Sample {
  ns: number;
  cpu: number;
}

function timeJs(fn: () => unknown, n: number): Sample {
  for (let i = 0; i < Math.min(n, 10_000); i++) fn();
  const u0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  const ns = Number(process.hrtime.bigint() - t0) / n;
  const u = process.cpuUsage(u0);
  return { ns, cpu: ((u.user + u.system) * 1000) / n };
}

function timeC(bin: string, mode: string, pid: number, n: number): Sample {
  const [ns, user, sys] = execFileSync(bin, [mode, String(pid), String(n)], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
  if (![ns, user, sys].every(Number.isFinite)) throw new Error(`alive_loop ${mode}: bad output`);
  return { ns, cpu: user + sys };
}

async function main(): Promise<void> {
  if (process.platform !== 'linux') {
    console.log('bench/exit measures Linux (CLOCK_MONOTONIC in the child); skipped on', process.platform);
    return;
  }
  const child = compile('exit_child', CHILD_C);
  if (child === null) throw new Error('bench/exit needs a C compiler (set CC)');
  const shared = await checkSharedClock(child);
  console.log(`CLOCK_MONOTONIC shared between processes (child reading between parent readings): ${shared}`);
  if (!shared) throw new Error('process.hrtime.bigint() is not the child CLOCK_MONOTONIC here');

  const rows: Array<{ method: string; runs: number; p50Ms: number; p99Ms: number; maxMs: number; meanMs: number }> = [];
  for (const [method, wait] of Object.entries(waiters)) {
    const n = method.includes('100 ms') ? Math.max(200, Math.min(RUNS, 200)) : RUNS;
    for (let i = 0; i < 10; i++) await once1(child, wait); // warm up
    const xs: number[] = [];
    for (let i = 0; i < n; i++) xs.push(await once1(child, wait));
    xs.sort((a, b) => a - b);
    rows.push({
      method,
      runs: n,
      p50Ms: pct(xs, 50),
      p99Ms: pct(xs, 99),
      maxMs: xs[xs.length - 1],
      meanMs: xs.reduce((a, b) => a + b, 0) / xs.length,
    });
    process.stderr.write(`${method}: done\n`);
  }

  // isAlive cost against the C loop: interleaved rounds, every method once per round, medians
  // and per-round (paired) ratios of wall and CPU time.
  interface AliveRow {
    what: string;
    ns: number;
    cpuNs: number;
    cNs: number | null;
    cCpuNs: number | null;
    ratio: number | null;
    paired: number | null;
    cpuRatio: number | null;
    cpuPaired: number | null;
    roundsNs: number[];
    roundsCpuNs: number[];
  }
  const alive: AliveRow[] = [];
  const aliveBin = compile('alive_loop', ALIVE_C);
  if (aliveBin === null) throw new Error('bench/exit needs a C compiler (set CC)');
  const target = spawn('sleep', ['600'], { stdio: 'ignore' });
  await once(target, 'spawn');
  const ROUNDS = Math.max(3, Number(values.rounds));
  try {
    const rec = processIdentity(target.pid!)!;
    const N = 50_000;
    const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
    const napiPoll = compileNapiPoll();
    const runs: Record<string, Sample[]> = { cOpen: [], jsOpen: [], cPoll: [], jsPoll: [], rawById: [], rawMethod: [], napiPoll: [], napiNoop: [] };
    // isAlive(identity) is timed with no pidfd held on the target, as its C loop is (a held pidfd
    // keeps the pidfs inode cached and halves pidfd_open); the watch's isAlive with its pidfd held,
    // as its C loop holds one.
    for (let r = 0; r < ROUNDS; r++) {
      const order = ['cOpen', 'jsOpen', 'cPoll', 'jsPoll', 'rawById', 'rawMethod', ...(napiPoll ? ['napiPoll', 'napiNoop'] : [])];
      for (let k = 0; k < order.length; k++) {
        const m = order[(k + r) % order.length];
        if (m === 'cOpen') runs.cOpen.push(timeC(aliveBin, 'open', target.pid!, N));
        else if (m === 'jsOpen') runs.jsOpen.push(timeJs(() => isAlive(rec), N));
        else if (m === 'cPoll') runs.cPoll.push(timeC(aliveBin, 'poll', target.pid!, N * 4));
        else if (m === 'napiNoop') runs.napiNoop.push(timeJs(() => napiPoll!.noop(), N * 4));
        else if (m === 'napiPoll') {
          const h = addon!.openWatch(target.pid!) as RawExitWatch;
          const fd = pidfdOf();
          if (fd === null) throw new Error('bench: cannot find the pidfd');
          runs.napiPoll.push(timeJs(() => napiPoll!.pollFd(fd), N * 4));
          h.close();
        } else {
          const w = watchProcess(rec);
          if (m === 'jsPoll') runs.jsPoll.push(timeJs(() => w.isAlive(), N * 4));
          else {
            // The N-API calls alone: the module-level check by slot id, and the method on the handle.
            const h = addon!.openWatch(target.pid!) as RawExitWatch;
            const id = h.fastId!();
            runs[m].push(m === 'rawById' ? timeJs(() => addon!.watchExited!(id), N * 4) : timeJs(() => h.hasExited(), N * 4));
            h.close();
          }
          w.close();
        }
      }
    }
    const row = (what: string, js: Sample[], c: Sample[]): AliveRow => ({
      what,
      ns: med(js.map((x) => x.ns)),
      cpuNs: med(js.map((x) => x.cpu)),
      cNs: med(c.map((x) => x.ns)),
      cCpuNs: med(c.map((x) => x.cpu)),
      ratio: med(js.map((x) => x.ns)) / med(c.map((x) => x.ns)),
      paired: med(js.map((x, i) => x.ns / c[i].ns)),
      cpuRatio: med(js.map((x) => x.cpu)) / med(c.map((x) => x.cpu)),
      cpuPaired: med(js.map((x, i) => x.cpu / c[i].cpu)),
      roundsNs: js.map((x) => Math.round(x.ns)),
      roundsCpuNs: js.map((x) => Math.round(x.cpu)),
    });
    alive.push(row('isAlive(identity) (pidfd_open+fstat+poll+close)', runs.jsOpen, runs.cOpen));
    alive.push(row('ProcessWatch.isAlive() (one poll on the pinned pidfd)', runs.jsPoll, runs.cPoll));
    alive.push(row('  addon watchExited(id) alone (raw N-API call)', runs.rawById, runs.cPoll));
    alive.push(row('  ExitWatch.hasExited() alone (the call before issue 15)', runs.rawMethod, runs.cPoll));
    if (napiPoll) {
      alive.push(row('  floor: an N-API function that only polls the fd', runs.napiPoll, runs.cPoll));
      alive.push(row('  an N-API function that does nothing', runs.napiNoop, runs.cPoll));
    }
  } finally {
    target.kill('SIGKILL');
  }

  const f = (x: number) => x.toFixed(3);
  console.log('\nlatency from the child\'s CLOCK_MONOTONIC reading before _exit() to the waiter knowing');
  console.log(['method'.padEnd(28), 'runs'.padStart(5), 'p50 ms'.padStart(9), 'p99 ms'.padStart(9), 'max ms'.padStart(9), 'mean ms'.padStart(9)].join('  '));
  for (const r of rows) {
    console.log([r.method.padEnd(28), String(r.runs).padStart(5), f(r.p50Ms).padStart(9), f(r.p99Ms).padStart(9), f(r.maxMs).padStart(9), f(r.meanMs).padStart(9)].join('  '));
  }
  const we = rows[0];
  console.log(`targets: p50 <= 1 ms: ${we.p50Ms <= 1 ? 'met' : 'MISSED'}; p99 <= 5 ms: ${we.p99Ms <= 5 ? 'met' : 'MISSED'}`);
  console.log(`\nisAlive cost per call against the C loop of the same syscalls (${ROUNDS} interleaved rounds; wall / CPU = user + system)`);
  for (const a of alive) {
    console.log(
      `${a.what.padEnd(56)} ${a.ns.toFixed(0).padStart(6)} ns / ${a.cpuNs.toFixed(0).padStart(6)} ns   C ${a.cNs!.toFixed(0).padStart(6)} / ${a.cCpuNs!.toFixed(0).padStart(6)} ns   ` +
        `ratio ${a.ratio!.toFixed(2)}x (paired ${a.paired!.toFixed(2)}x; CPU ${a.cpuRatio!.toFixed(2)}x, paired ${a.cpuPaired!.toFixed(2)}x)`,
    );
  }
  const checks = [
    { name: 'isAlive(identity) <= 1.3x its C loop', row: alive[0] },
    { name: 'ProcessWatch.isAlive() <= 1.3x a bare poll', row: alive[1] },
  ].map((c) => ({ name: c.name, value: c.row.ratio!, paired: c.row.paired!, cpu: c.row.cpuRatio!, cpuPaired: c.row.cpuPaired!, limit: 1.3, pass: c.row.ratio! <= 1.3 && c.row.paired! <= 1.3 }));
  console.log('targets:');
  for (const c of checks) {
    console.log(`  ${c.pass ? 'PASS' : 'MISS'}  ${c.name}: ${c.value.toFixed(2)}x of medians, ${c.paired.toFixed(2)}x paired; CPU time ${c.cpu.toFixed(2)}x, paired ${c.cpuPaired.toFixed(2)}x`);
  }

  const doc = {
    bench: 'exit',
    date: new Date().toISOString(),
    machine: machineInfo(),
    clock: 'CLOCK_MONOTONIC in the child (clock_gettime) vs process.hrtime.bigint() in the parent',
    sharedClockVerified: shared,
    latency: rows,
    isAlive: alive,
    checks,
  };
  console.log('');
  writeResults(values.json!, doc);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
