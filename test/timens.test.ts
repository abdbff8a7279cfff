/**
 * Time namespaces (issue 20), with real namespaces (util-linux `unshare -T`, root): CLOCK_MONOTONIC
 * and CLOCK_BOOTTIME are per time namespace, and the kernel shows `/proc/<pid>/stat` start ticks
 * shifted by the READER's boottime offset. A lock held in one namespace and contended from another
 * must end with exactly one holder; every judge gives the verdict it gives within one namespace.
 *
 * Processes: `test/fixtures/timens-agent.ts`, started in the namespace a case names. The agents'
 * backend is chosen with PIDPROOF_BACKEND; the native backend holds kernel locks, the fallback
 * (no addon) holds lease-mode locks judged by identity alone, as it does on any filesystem
 * without kernel locks.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { linuxTicksMatch } from '../lib/identity';
import {
  compareIdentity,
  isAlive,
  ownerStatus,
  processIdentity,
  selfIdentity,
  signalProcess,
  terminateProcess,
  watchExit,
} from '../lib/index';
import { serialisePayload } from '../lib/lock/payload';
import { parseTimensOffsets, rootStartTicks, tickShift } from '../lib/timens';
import { cleanup, collectJsonLines, gone, isLinux, isRoot, statFields, tmpDir, track, waitFor } from './helpers';
import { fixture } from './lock-helpers';

afterEach(cleanup);

/** A time namespace: offsets in nanoseconds (whole seconds go through `unshare -T`). null: the root one. */
interface Ns {
  name: string;
  monoNs: bigint;
  bootNs: bigint;
}
const ROOT: Ns | null = null;
const s = (n: number) => BigInt(n) * 1_000_000_000n;
const AHEAD: Ns = { name: '+7200 s', monoNs: s(7200), bootNs: s(7200) };
const AHEAD2: Ns = { name: '+3600 s', monoNs: s(3600), bootNs: s(3600) };
/** CRIU restores offsets to the nanosecond: start ticks then shift by a part of a tick too. */
const SUBTICK: Ns = { name: '+7200.007 s', monoNs: s(7200) + 7_000_000n, bootNs: s(7200) + 7_000_000n };

/** unshare(2) syscall number, for the perl wrapper that writes offsets with nanoseconds. */
const UNSHARE_NR = process.arch === 'x64' ? 272 : process.arch === 'arm64' ? 97 : null;

function unshareTimeWorks(): boolean {
  if (!isLinux || !isRoot) return false;
  const r = spawnSync('unshare', ['-T', '--monotonic', '1', '--boottime', '1', 'true'], { stdio: 'ignore' });
  return r.status === 0;
}
function perlWorks(): boolean {
  return UNSHARE_NR !== null && spawnSync('perl', ['-e', '1'], { stdio: 'ignore' }).status === 0;
}

const skipWhy = !isLinux
  ? 'Linux only'
  : !isRoot
    ? 'needs root (unshare of a time namespace)'
    : !unshareTimeWorks()
      ? 'this kernel or util-linux cannot create time namespaces (unshare -T)'
      : null;
const nsIt = skipWhy === null ? it : it.skip;
const suffix = skipWhy === null ? '' : ` (skipped: ${skipWhy})`;
const subtickIt = skipWhy === null && perlWorks() ? it : it.skip;
const subtickSuffix = skipWhy === null && !perlWorks() ? ' (skipped: needs perl and an x64/arm64 unshare(2) number)' : suffix;

/** The command that runs `argv` in `ns` (exec'd: the process keeps the wrapper's PID). */
function inNs(ns: Ns | null, argv: string[]): string[] {
  if (ns === null) return argv;
  if (ns.monoNs % 1_000_000_000n === 0n && ns.bootNs % 1_000_000_000n === 0n) {
    return ['unshare', '-T', '--monotonic', String(ns.monoNs / 1_000_000_000n), '--boottime', String(ns.bootNs / 1_000_000_000n), ...argv];
  }
  // unshare(CLONE_NEWTIME), then the offsets (before any process enters the namespace), then exec.
  const split = (v: bigint) => `${v / 1_000_000_000n} ${v % 1_000_000_000n}`;
  const pl =
    `syscall(${UNSHARE_NR}, 0x80) == 0 or die "unshare: $!"; open(my $f, '>', '/proc/self/timens_offsets') or die "open: $!"; ` +
    `print $f "monotonic $ARGV[0]\\nboottime $ARGV[1]\\n"; close($f) or die "write: $!"; shift @ARGV; shift @ARGV; exec @ARGV or die "exec: $!";`;
  return ['perl', '-e', pl, split(ns.monoNs), split(ns.bootNs), ...argv];
}

interface Agent {
  child: ChildProcess;
  pid: number;
  ns: Ns | null;
  backend: string;
  /** Sends a command; resolves with its first reply whose event is one of `events`. */
  ask(cmd: Record<string, unknown>, events: string[], ms?: number): Promise<Record<string, unknown>>;
  /** The next line with this id and event (for replies that come later, e.g. `exited`). */
  later(id: number, events: string[], ms?: number): Promise<Record<string, unknown>>;
  /** Lines received so far with this id and event. */
  seen(id: number, event: string): Array<Record<string, unknown>>;
}

let nextId = 1;

async function startAgent(ns: Ns | null, backend: 'native' | 'fallback'): Promise<Agent> {
  const [cmd, ...args] = inNs(ns, [process.execPath, fixture('timens-agent')]);
  const child = track(
    spawn(cmd, args, { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, PIDPROOF_BACKEND: backend } }),
  );
  const events: Array<Record<string, unknown>> = [];
  collectJsonLines(child.stdout!, events);
  const find = (pred: (e: Record<string, unknown>) => boolean, ms: number, what: string) =>
    waitFor(() => events.find(pred), ms, what);
  const ready = await find((e) => e.event === 'ready', 30_000, 'agent ready');
  expect(ready.backend).toBe(backend);
  if (ns !== null) expect(parseTimensOffsets(ready.offsets as string)).toEqual({ monotonicNs: ns.monoNs, boottimeNs: ns.bootNs });
  const later = (id: number, evs: string[], ms = 30_000) =>
    find((e) => e.id === id && evs.includes(e.event as string), ms, `agent reply ${evs.join('/')} to #${id}`);
  return {
    child,
    pid: child.pid!,
    ns,
    backend,
    later,
    seen: (id, ev) => events.filter((e) => e.id === id && e.event === ev),
    ask(c, evs, ms) {
      const id = nextId++;
      child.stdin!.write(JSON.stringify({ ...c, id }) + '\n');
      return later(id, evs, ms);
    },
  };
}

/**
 * Waits until this process has reaped `a` (its 'exit' event comes after waitpid): from then on its
 * PID names nothing, and every judge says dead. Before that it may be a zombie, which is what a
 * judge must say of it then.
 */
async function reaped(a: Agent): Promise<void> {
  if (a.child.exitCode === null && a.child.signalCode === null) await new Promise((r) => a.child.once('exit', r));
}

async function kill(a: Agent): Promise<void> {
  process.kill(a.pid, 'SIGKILL');
  await reaped(a);
}

const where = (ns: Ns | null) => (ns === null ? 'root' : ns.name);
/** Measured outcomes, printed as the verdict table at the end (holder ns x waiter ns x backend). */
const table: string[] = [];
afterAll(() => {
  if (table.length > 0) console.log(`time-namespace verdict table (issue 20):\n${table.join('\n')}`);
});

describe(`time namespaces: processIdentity and the judges agree across namespaces${suffix}`, () => {
  for (const backend of ['native', 'fallback'] as const) {
    nsIt(`${backend}: one process gets the same start token, boot time and start time from every namespace`, async () => {
      const readers = await Promise.all([startAgent(ROOT, backend), startAgent(AHEAD, backend), startAgent(AHEAD2, backend)]);
      const target = readers[1]; // a process inside +7200 s
      const seen = await Promise.all(readers.map((r) => r.ask({ op: 'identity', pid: target.pid }, ['identity'])));
      const ids = seen.map((x) => x.identity as Record<string, unknown>);
      // The kernel shows each reader ticks shifted by its own offset...
      const raw = seen.map((x) => BigInt(x.rawTicks as string));
      expect(raw[1] - raw[0]).toBe(720_000n);
      expect(raw[2] - raw[0]).toBe(360_000n);
      // ... and pidproof reports them in the root namespace's terms: one token for everyone.
      expect(ids.map((i) => i.startToken)).toEqual([String(raw[0]), String(raw[0]), String(raw[0])]);
      expect(processIdentity(target.pid)?.startToken).toBe(String(raw[0]));
      // Wall-clock start times agree (btime is shifted too; pidproof reports the root's).
      for (const i of ids) expect(Math.abs((i.startTimeMs as number) - (ids[0].startTimeMs as number))).toBeLessThanOrEqual(10);
    });
  }

  subtickIt(`native: an offset with nanoseconds (CRIU) shifts start ticks by a part of a tick: tokens agree within one tick and still match${subtickSuffix}`, async () => {
    const [inside, root] = await Promise.all([startAgent(SUBTICK, 'native'), startAgent(ROOT, 'native')]);
    const a = await inside.ask({ op: 'identity', pid: inside.pid }, ['identity']);
    const b = await root.ask({ op: 'identity', pid: inside.pid }, ['identity']);
    const ta = BigInt((a.identity as { startToken: string }).startToken);
    const tb = BigInt((b.identity as { startToken: string }).startToken);
    expect(ta - tb === 0n || ta - tb === 1n).toBe(true);
    // The record the process wrote of itself, judged outside: alive (by its unique id natively;
    // its start token alone, as the fallback or a kernel without pidfs would judge it, too).
    const rec = { ...(a.identity as Record<string, unknown>), uniqueId: null, uniqueIdKind: null };
    const j = await root.ask({ op: 'judge', record: rec }, ['judged']);
    expect((j.ownerStatus as { verdict: string }).verdict).toBe('alive');
    expect(j.compareIdentity).toBe('same');
    expect(j.isAlive).toBe(true);
    expect((j.signal0 as { sent: boolean }).sent).toBe(true);
    expect(ownerStatus(rec as never).verdict).toBe('alive');
  });
});

/** A record of `agent` as it reads itself inside its namespace, and its raw form as another writer records it. */
async function recordsOf(agent: Agent): Promise<{ identity: Record<string, unknown>; foreign: Record<string, unknown> }> {
  const r = await agent.ask({ op: 'identity', pid: agent.pid }, ['identity']);
  const identity = r.identity as Record<string, unknown>;
  // What another writer inside the namespace records (a shell or Python script, OpenClaw's
  // `starttime`): the ticks as it reads them there, no unit, no clocks marker.
  const foreign = { pid: agent.pid, createdAtMs: Date.now(), startToken: Number(r.rawTicks) };
  return { identity, foreign };
}

describe(`time namespaces: records written in one namespace, judged in another${suffix}`, () => {
  for (const backend of ['native', 'fallback'] as const) {
    nsIt(`${backend}: ownerStatus, compareIdentity, isAlive, signalProcess, watchExit and terminateProcess of a live process are alive/same/sent; once it is gone, dead`, async () => {
      const subject = await startAgent(AHEAD, backend);
      const judges = await Promise.all([startAgent(ROOT, backend), startAgent(AHEAD2, backend), startAgent(AHEAD, backend)]);
      const { identity, foreign } = await recordsOf(subject);
      // Without a unique id (the fallback, kernels before 6.9): only the start token decides.
      const tokenOnly = { ...identity, uniqueId: null, uniqueIdKind: null };
      for (const rec of [identity, tokenOnly, foreign]) {
        for (const j of judges) {
          const v = await j.ask({ op: 'judge', record: rec }, ['judged']);
          const label = `${backend} judge in ${where(j.ns)} of ${JSON.stringify(rec).slice(0, 60)}`;
          expect((v.ownerStatus as { verdict: string }).verdict, label).toBe('alive');
          expect(v.compareIdentity, label).toBe('same');
          expect(v.isAlive, label).toBe(true);
          expect((v.signal0 as { sent: boolean; verdict: string }).verdict, label).toBe('alive');
        }
      }
      // The test process itself (root namespace, the selected backend) agrees.
      expect(ownerStatus(foreign as never).verdict).toBe('alive');
      expect(compareIdentity(tokenOnly as never)).toBe('same');
      expect(isAlive(tokenOnly as never)).toBe(true);
      expect(signalProcess(foreign as never, 0).sent).toBe(true);
      // watchExit waits for the exit (it does not resolve at once as for a recycled PID).
      const watchers = await Promise.all(judges.map((j) => j.ask({ op: 'watch', record: foreign }, ['watching', 'exited', 'watch-error'])));
      for (const w of watchers) expect(w.event).toBe('watching');
      let exited = false;
      const here = watchExit(tokenOnly as never).then((i) => {
        exited = true;
        return i;
      });
      await new Promise((r) => setTimeout(r, 50));
      expect(exited).toBe(false);
      // terminateProcess of the raw record, from the root namespace: proven, signalled, waited for.
      const t = await terminateProcess(foreign as never, { graceMs: 30_000 });
      expect(t).toMatchObject({ reason: 'exited', signalsSent: ['SIGTERM'] });
      await reaped(subject);
      expect((await here).reason).toBe('exited');
      for (let i = 0; i < judges.length; i++) {
        const e = await judges[i].later(watchers[i].id as number, ['exited']);
        expect(e.reason).toBe('exited');
      }
      for (const rec of [tokenOnly, foreign]) {
        const v = await judges[0].ask({ op: 'judge', record: rec }, ['judged']);
        expect((v.ownerStatus as { verdict: string }).verdict).toBe('dead');
        expect(v.isAlive).toBe(false);
        expect((v.signal0 as { sent: boolean }).sent).toBe(false);
      }
    });

    nsIt(`${backend}: a record of the root namespace judged inside one is alive; a recycled-looking token no offset explains is recycled`, async () => {
      const judge = await startAgent(AHEAD, backend);
      const me = selfIdentity();
      const tokenOnly = { ...me, uniqueId: null, uniqueIdKind: null };
      const rawTicks = Number(statFields(process.pid)![19]);
      const foreign = { pid: process.pid, createdAtMs: Date.now(), startToken: rawTicks };
      for (const rec of [me, tokenOnly, foreign]) {
        const v = await judge.ask({ op: 'judge', record: rec }, ['judged']);
        expect((v.ownerStatus as { verdict: string }).verdict).toBe('alive');
        expect(v.isAlive).toBe(true);
        expect((v.signal0 as { verdict: string }).verdict).toBe('alive');
      }
      // Ticks that neither no offset, nor the judge's, nor this process's own explain: another
      // process holds the PID. (Written before this process started: not the wall clock's doing.)
      const other = { pid: process.pid, createdAtMs: Date.now(), startToken: rawTicks - 3 };
      const v = await judge.ask({ op: 'judge', record: other }, ['judged']);
      expect((v.ownerStatus as { verdict: string }).verdict).toBe('recycled');
      expect(v.compareIdentity).toBe('different');
      expect(v.isAlive).toBe(false);
      expect((v.signal0 as { sent: boolean; verdict: string }).sent).toBe(false);
      expect((v.signal0 as { verdict: string }).verdict).toBe('recycled');
    });
  }
});

describe(`time namespaces: a newcomer in a namespace with a negative offset does not pass for an older process${suffix}`, () => {
  // Any user can create a time namespace (unshare -U -r -T) with a negative boottime offset: a
  // process started 5 s after the recorded one, at -5 s, reads the recorded one's start ticks.
  const BEHIND: Ns = { name: '-5 s', monoNs: -s(5), bootNs: -s(5) };
  for (const backend of ['native', 'fallback'] as const) {
    nsIt(`${backend}: a raw record whose ticks only the newcomer's own offset explains is unknown (never alive, nothing signalled) when written before it started or with no time to go by, alive only when written after it started`, async () => {
      const newcomer = await startAgent(BEHIND, backend);
      const r = await newcomer.ask({ op: 'identity', pid: newcomer.pid }, ['identity']);
      const ticks = Number(r.rawTicks); // its start as read inside -5 s: an older process's root ticks
      const startedAt = (r.identity as { startTimeMs: number }).startTimeMs;
      const here = await startAgent(ROOT, backend);
      // An older process's record: OpenClaw's lock and the minimal record, written 8 s before the
      // newcomer started.
      const older = [
        { pid: newcomer.pid, starttime: ticks, createdAt: new Date(startedAt - 8000).toISOString() },
        { pid: newcomer.pid, startToken: String(ticks), createdAtMs: startedAt - 8000 },
      ];
      for (const rec of older) {
        // Unknown, not recycled: the wall-clock start that fails to back the shift would also move
        // with a wall clock stepped since the record (a live holder must never read as recycled).
        const v = await here.ask({ op: 'judge', record: rec }, ['judged']);
        const st = v.ownerStatus as { verdict: string; detail: string };
        expect(st.verdict, JSON.stringify(st)).toBe('unknown');
        expect(st.detail).toMatch(/time-namespace offset/);
        expect(v.compareIdentity).toBe('unknown');
        expect((v.signal0 as { sent: boolean }).sent).toBe(false);
        expect(ownerStatus(rec as never).verdict).toBe('unknown');
        expect(signalProcess(rec as never, 0)).toMatchObject({ sent: false, verdict: 'unknown' });
      }
      // No time in the record: the shift alone proves nothing; unknown (never alive, never recycled).
      const bare = { pid: newcomer.pid, startToken: String(ticks) };
      const st = ownerStatus(bare as never);
      expect(st.verdict, st.detail).toBe('unknown');
      expect(st.detail).toMatch(/time-namespace offset/);
      expect(compareIdentity(bare as never)).toBe('unknown');
      expect(signalProcess(bare as never, 0)).toMatchObject({ sent: false, verdict: 'unknown' });
      // Its own record (written after it started, or its saved identity): alive from everywhere.
      for (const rec of [{ pid: newcomer.pid, starttime: ticks, createdAt: new Date().toISOString() }, { ...(r.identity as object), uniqueId: null, uniqueIdKind: null }]) {
        const v = await here.ask({ op: 'judge', record: rec }, ['judged']);
        expect((v.ownerStatus as { verdict: string }).verdict, JSON.stringify(v.ownerStatus)).toBe('alive');
        expect(ownerStatus(rec as never).verdict).toBe('alive');
        expect(signalProcess(rec as never, 0).sent).toBe(true);
      }
      await kill(newcomer);
    });
  }
});

describe(`time namespaces: an OpenClaw lock written inside a namespace${suffix}`, () => {
  for (const backend of ['native', 'fallback'] as const) {
    nsIt(`${backend}: judged from the root and from another namespace: alive and kept while its writer lives, reclaimed once it is dead`, async () => {
      const dir = tmpDir('pidproof-timens-');
      const lock = path.join(dir, 'session.jsonl.lock');
      const writer = await startAgent(AHEAD, backend);
      const other = await startAgent(AHEAD2, backend);
      const r = await writer.ask({ op: 'identity', pid: writer.pid }, ['identity']);
      // OpenClaw's session lock: its `starttime` is /proc/self/stat field 22 as the writer reads it.
      fs.writeFileSync(lock, JSON.stringify({ pid: writer.pid, createdAt: new Date().toISOString(), starttime: Number(r.rawTicks) }));
      const here = await startAgent(ROOT, backend);
      for (const judge of [here, other]) {
        const ins = (await judge.ask({ op: 'inspect', path: lock }, ['inspect'])).result as Record<string, unknown>;
        expect(ins.format).toBe('openclaw');
        expect(ins.verdict, JSON.stringify(ins)).toBe('alive');
        expect(ins.reclaimable).toBe(false);
        const tried = await judge.ask({ op: 'acquire', path: lock, options: { timeoutMs: 300 } }, ['acquired', 'error']);
        expect(tried.code).toBe('ELOCKTIMEOUT');
      }
      await kill(writer);
      for (const judge of [here, other]) {
        const ins = (await judge.ask({ op: 'inspect', path: lock }, ['inspect'])).result as Record<string, unknown>;
        expect(['dead', 'zombie']).toContain(ins.verdict);
        expect(ins.reclaimable).toBe(true);
      }
    });
  }
});

type Mode = 'default maxHoldMs' | 'maxHoldMs Infinity' | 'lease';
const MODES: Record<Mode, Record<string, unknown>> = {
  'default maxHoldMs': {},
  'maxHoldMs Infinity': { maxHoldMs: null },
  lease: { leaseMs: 10_000, maxHoldMs: null },
};
/** JSON cannot carry Infinity: the agent's options use null for it. */
function lockOptions(o: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const r: Record<string, unknown> = { ...o, ...extra };
  if (r.maxHoldMs === null) r.maxHoldMs = 'Infinity';
  return r;
}

describe(`time namespaces: one lock, two namespaces, exactly one holder${suffix}`, () => {
  const combos: Array<[Ns | null, Ns | null]> = [
    [ROOT, AHEAD], // the waiter's clocks ahead: today's code grants the hold limit and lease twice
    [AHEAD, ROOT], // the holder's clocks ahead
    [AHEAD2, AHEAD], // two namespaces with different offsets
  ];
  for (const backend of ['native', 'fallback'] as const) {
    for (const [h, w] of combos) {
      for (const mode of Object.keys(MODES) as Mode[]) {
        nsIt(`${backend}: holder in ${where(h)}, waiter in ${where(w)}, ${mode}: the waiter times out while the holder lives, then takes the lock once it is SIGKILLed`, async () => {
          const dir = tmpDir('pidproof-timens-');
          const lock = path.join(dir, 'x.lock');
          const [holder, waiter] = await Promise.all([startAgent(h, backend), startAgent(w, backend)]);
          const held = await holder.ask({ op: 'hold', path: lock, options: lockOptions(MODES[mode]) }, ['held', 'error']);
          expect(held.event).toBe('held');
          const tried = await waiter.ask({ op: 'acquire', path: lock, options: { timeoutMs: 1500 } }, ['acquired', 'error']);
          const seen = await waiter.ask({ op: 'inspect', path: lock }, ['inspect']);
          const ins = seen.result as Record<string, unknown>;
          const row = `${backend.padEnd(8)} holder ${where(h).padEnd(8)} waiter ${where(w).padEnd(8)} ${mode.padEnd(18)}`;
          expect(tried.event, `${row}: ${JSON.stringify(tried).slice(0, 400)}`).toBe('error');
          expect(tried.code).toBe('ELOCKTIMEOUT');
          expect((tried.holder as { verdict: string }).verdict).toBe('alive');
          expect(ins.verdict).toBe('alive');
          expect(ins.reclaimable).toBe(false);
          expect(ins.staleReasons).toEqual([]);
          // The holder still has it, uncompromised: its file, its token, no compromise reported.
          expect(JSON.parse(fs.readFileSync(lock, 'utf8')).token).toBe(held.token);
          expect(holder.seen(held.id as number, 'compromised')).toEqual([]);
          await kill(holder);
          const after = await waiter.ask({ op: 'acquire', path: lock, options: { timeoutMs: 20_000 } }, ['acquired', 'error']);
          expect(after.event, JSON.stringify(after)).toBe('acquired');
          // Dead, or a zombie until this test process reaps it: gone either way.
          expect([['dead-pid'], ['zombie-pid']]).toContainEqual(after.reclaimed);
          table.push(
            `${row} | while alive: ${String(tried.code)} (${(tried.holder as { verdict: string }).verdict}, kernelHeld ${String(ins.kernelHeld)}) | after SIGKILL: acquired in ${Math.round(after.ms as number)} ms (${String(after.reclaimed)})`,
          );
        });
      }
    }
  }

  for (const [backend, h, w] of [
    ['native', ROOT, AHEAD],
    ['native', AHEAD, ROOT],
    ['fallback', ROOT, AHEAD],
    ['fallback', AHEAD, ROOT],
  ] as Array<['native' | 'fallback', Ns | null, Ns | null]>) {
    nsIt(`${backend}: a hold limit that really expired is still enforced: holder in ${where(h)} (maxHoldMs 300, event loop blocked), waiter in ${where(w)} reclaims it (hold-exceeded)`, async () => {
      const dir = tmpDir('pidproof-timens-');
      const lock = path.join(dir, 'x.lock');
      const [holder, waiter] = await Promise.all([startAgent(h, backend), startAgent(w, backend)]);
      // Blocked from the moment it holds it (in the same synchronous run: a block sent after
      // 'held' could come after 300 ms on a loaded machine, when its own watchdog has released the
      // lock): its watchdog cannot release it; only a contender can enforce the limit.
      const held = await holder.ask({ op: 'hold', path: lock, options: { maxHoldMs: 300 }, sync: true, blockMs: 60_000 }, ['held', 'error']);
      expect(held.event).toBe('held');
      const got = await waiter.ask({ op: 'acquire', path: lock, options: { timeoutMs: 20_000 } }, ['acquired', 'error']);
      expect(got.event, JSON.stringify(got)).toBe('acquired');
      expect(got.reclaimed).toEqual(['hold-exceeded']);
      table.push(`${backend.padEnd(8)} holder ${where(h).padEnd(8)} waiter ${where(w).padEnd(8)} maxHoldMs 300, holder blocked | reclaimed after ${Math.round(got.ms as number)} ms (hold-exceeded)`);
      await kill(holder);
    });
  }

  subtickIt(`native and fallback: holder in ${SUBTICK.name}, waiter in root, token-only judging: one holder, then the lock after SIGKILL${subtickSuffix}`, async () => {
    for (const backend of ['native', 'fallback'] as const) {
      const dir = tmpDir('pidproof-timens-');
      const lock = path.join(dir, 'x.lock');
      const [holder, waiter] = await Promise.all([startAgent(SUBTICK, backend), startAgent(ROOT, backend)]);
      expect((await holder.ask({ op: 'hold', path: lock, options: { leaseMs: 10_000, maxHoldMs: 'Infinity' } }, ['held', 'error'])).event).toBe('held');
      const tried = await waiter.ask({ op: 'acquire', path: lock, options: { timeoutMs: 1500 } }, ['acquired', 'error']);
      expect(tried.code, JSON.stringify(tried).slice(0, 300)).toBe('ELOCKTIMEOUT');
      await kill(holder);
      const after = await waiter.ask({ op: 'acquire', path: lock, options: { timeoutMs: 20_000 } }, ['acquired', 'error']);
      expect([['dead-pid'], ['zombie-pid']]).toContainEqual(after.reclaimed);
      table.push(`${backend.padEnd(8)} holder ${SUBTICK.name} waiter root     lease              | while alive: ${String(tried.code)} | after SIGKILL: acquired in ${Math.round(after.ms as number)} ms`);
    }
  });

  nsIt('native: a payload of before issue 20 (no clocks marker, raw stamps of the holder\'s namespace): judged through the live holder\'s offsets, never broken early', async () => {
    const dir = tmpDir('pidproof-timens-');
    const lock = path.join(dir, 'x.lock');
    const holder = await startAgent(AHEAD, 'native');
    const held = await holder.ask({ op: 'hold', path: lock, options: { maxHoldMs: 'Infinity' } }, ['held']);
    const p = held.payload as Record<string, unknown>;
    const shiftMs = 7_200_000;
    // What pidproof wrote before: ticks and monotonic stamps as the holder read them in +7200 s.
    const legacy = (maxHoldMs: number) => {
      const q: Record<string, unknown> = { ...p, maxHoldMs, startToken: String(BigInt(p.startToken as string) + 720_000n) };
      delete q.clocks;
      q.uniqueId = null; // judged by its start token, as on a kernel without pidfs
      q.uniqueIdKind = null;
      q.createdMono = (p.createdMono as number) + shiftMs;
      q.heartbeatMono = (p.heartbeatMono as number) + shiftMs;
      return q;
    };
    const write = (q: Record<string, unknown>) => {
      // In place (same inode, whose kernel lock the holder keeps), as a heartbeat rewrites it.
      const fd = fs.openSync(lock, 'r+');
      fs.ftruncateSync(fd, 0);
      fs.writeSync(fd, serialisePayload(q as never), 0, undefined, 0);
      fs.closeSync(fd);
    };
    write(legacy(3_600_000));
    const waiter = await startAgent(ROOT, 'native');
    const ins = (await waiter.ask({ op: 'inspect', path: lock }, ['inspect'])).result as Record<string, unknown>;
    expect(ins.verdict, JSON.stringify(ins)).toBe('alive');
    expect(ins.staleReasons).toEqual([]);
    expect(ins.reclaimable).toBe(false);
    // A hold limit it really exceeded (10 ms) is still seen: through the holder's own offsets.
    write(legacy(10)); // its createdMono is the holder's acquire, long before the agents started
    const over = (await waiter.ask({ op: 'inspect', path: lock }, ['inspect'])).result as Record<string, unknown>;
    expect(over.staleReasons).toEqual(['hold-exceeded']);
    expect(over.detail).toMatch(/held for \d+ ms, beyond its declared maxHoldMs 10/);
    expect(Number(/held for (\d+) ms/.exec(over.detail as string)![1])).toBeLessThan(shiftMs);
  });

  nsIt('native: the doctor in another time namespace keeps a live holder\'s lock, and removes it once the holder is gone', async () => {
    const dir = tmpDir('pidproof-timens-');
    const lock = path.join(dir, 'x.lock');
    const [holder, doctor] = await Promise.all([startAgent(ROOT, 'native'), startAgent(AHEAD, 'native')]);
    expect((await holder.ask({ op: 'hold', path: lock, options: {} }, ['held'])).event).toBe('held');
    const live = (await doctor.ask({ op: 'doctor', dir }, ['doctor'])).entries as Array<Record<string, unknown>>;
    expect(live.map((e) => [e.action, e.verdict])).toEqual([['keep', 'alive']]);
    await kill(holder);
    const dead = (await doctor.ask({ op: 'doctor', dir }, ['doctor'])).entries as Array<Record<string, unknown>>;
    expect(dead.map((e) => [e.action, e.verdict])).toEqual([['remove', 'dead']]);
  });
});

/** A preload that makes a process unshare its time namespace itself, before main (no exec after). */
const SELF_UNSHARE_C = String.raw`
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <string.h>
#include <unistd.h>
#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x80
#endif
__attribute__((constructor)) static void leave_time_namespace(void) {
  if (unshare(CLONE_NEWTIME) != 0) return;
  int fd = open("/proc/self/timens_offsets", O_WRONLY);
  if (fd < 0) return;
  const char* s = "monotonic 100 0\nboottime 100 0\n";
  if (write(fd, s, strlen(s)) < 0) { /* the test sees the offsets unchanged */ }
  close(fd);
}
`;

function selfUnsharePreload(): string | null {
  const dir = tmpDir('pidproof-timens-so-');
  fs.writeFileSync(path.join(dir, 'leave.c'), SELF_UNSHARE_C);
  const so = path.join(dir, 'leave.so');
  const r = spawnSync('cc', ['-shared', '-fPIC', '-O1', '-o', so, path.join(dir, 'leave.c')], { encoding: 'utf8' });
  return r.status === 0 ? so : null;
}

describe(`time namespaces: a process whose own offsets cannot be told${suffix}`, () => {
  nsIt('unshare(CLONE_NEWTIME) by the process itself (no exec after): no start token is reported, its payload carries no clocks, and one lock still has one holder', async () => {
    const so = selfUnsharePreload();
    if (so === null) return expect.fail('cc could not build the preload');
    const dir = tmpDir('pidproof-timens-');
    const lock = path.join(dir, 'x.lock');
    for (const backend of ['native', 'fallback'] as const) {
      const script = `const p = require(${JSON.stringify(path.join(__dirname, '..', 'dist', 'index.js'))}); const fs = require('fs');
const l = p.acquireLockSync(${JSON.stringify(lock)}, { leaseMs: 10000 });
console.log(JSON.stringify({ links: [fs.readlinkSync('/proc/self/ns/time'), fs.readlinkSync('/proc/self/ns/time_for_children')], token: p.selfIdentity().startToken, payload: l.payload }));
setInterval(() => {}, 1e6);`;
      const h = track(spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, PIDPROOF_BACKEND: backend, LD_PRELOAD: so } }));
      const lines: string[] = [];
      h.stdout!.on('data', (d: Buffer) => lines.push(...d.toString().split('\n').filter(Boolean)));
      const out = JSON.parse(await waitFor(() => lines[0], 30_000, 'the holder')) as { links: string[]; token: string | null; payload: Record<string, unknown> };
      expect(out.links[0]).not.toBe(out.links[1]); // it left the namespace its timens_offsets describes
      expect(out.token).toBeNull();
      expect(out.payload.startToken).toBeNull();
      expect('clocks' in out.payload).toBe(false);
      const waiter = await startAgent(ROOT, backend);
      const tried = await waiter.ask({ op: 'acquire', path: lock, options: { timeoutMs: 1000 } }, ['acquired', 'error']);
      expect(tried.code, JSON.stringify(tried).slice(0, 300)).toBe('ELOCKTIMEOUT');
      h.kill('SIGKILL');
      await gone(h.pid!);
      const after = await waiter.ask({ op: 'acquire', path: lock, options: { timeoutMs: 20_000 } }, ['acquired', 'error']);
      expect(after.event, JSON.stringify(after).slice(0, 300)).toBe('acquired');
    }
  });
});

describe('time namespaces: the rule for Linux start ticks (pure arithmetic, no namespace needed)', () => {
  const ns = (sec: number, nsec = 0) => ({ monotonicNs: BigInt(sec) * 1_000_000_000n + BigInt(nsec), boottimeNs: BigInt(sec) * 1_000_000_000n + BigInt(nsec) });
  const zero = ns(0);
  it('parses timens_offsets and converts ticks as the kernel rounds them', () => {
    expect(parseTimensOffsets('monotonic        7200         0\nboottime         7200         0\n')).toEqual(ns(7200));
    expect(parseTimensOffsets('monotonic         -50 500000000\nboottime         -100   3000000\n')).toEqual({
      monotonicNs: -49_500_000_000n,
      boottimeNs: -99_997_000_000n,
    });
    expect(parseTimensOffsets('boottime 1 1000000000\n')).toBeNull();
    expect(parseTimensOffsets('realtime 1 0\n')).toBeNull();
    expect(rootStartTicks(765_643n, s(7200))).toBe(45_643n);
    expect(rootStartTicks(44_330n, -99_997_000_000n)).toBe(54_330n);
    expect(tickShift(7_000_000n)).toEqual({ ticks: 0n, inexact: true });
    expect(tickShift(-s(1))).toEqual({ ticks: -100n, inexact: false });
  });

  it('pidproof root tokens: equal only; one tick apart only where an offset is not a whole number of ticks', () => {
    expect(linuxTicksMatch(1001n, true, 1000n, 1, zero, () => zero)).toBe('different');
    expect(linuxTicksMatch(1001n, true, 1000n, 1, ns(7200, 7_000_000), () => zero)).toBe('same');
    expect(linuxTicksMatch(1001n, true, 1000n, 1, zero, () => ns(7200, 7_000_000))).toBe('same');
    expect(linuxTicksMatch(1002n, true, 1000n, 1, ns(0, 7_000_000), () => ns(0, 7_000_000))).toBe('different');
    // A root-terms token is never shifted by a whole offset: 720000 ticks apart is another process.
    expect(linuxTicksMatch(721_000n, true, 1000n, 1, ns(7200), () => ns(7200))).toBe('different');
  });

  it('raw tokens (no clocks marker): matched by no offset, the reader\'s or the live process\'s (with its wall-clock start to back a shift); unknown when its offsets cannot be read', () => {
    const t0 = 1_700_000_000_000;
    // The live process started when the record says (a saved identity's startTimeMs), or not after
    // the record was written: a shifted match is the same process.
    const started = () => ({ recordStartMs: t0, createdAtMs: null, currentStartMs: t0 + 5, toleranceMs: 2000 });
    const before = () => ({ recordStartMs: null, createdAtMs: t0, currentStartMs: t0 - 60_000, toleranceMs: 2000 });
    // Written inside +7200 s by the process itself, judged at the root.
    expect(linuxTicksMatch(721_000n, false, 1000n, 1, zero, () => ns(7200), started)).toBe('same');
    expect(linuxTicksMatch(721_000n, false, 1000n, 1, zero, () => ns(7200), before)).toBe('same');
    // Written at the root, judged inside +7200 s (the reader's offset is not the cause: 0 is).
    expect(linuxTicksMatch(1000n, false, 1000n, 1, ns(7200), () => ns(7200))).toBe('same');
    // Written inside the reader's namespace about a root process.
    expect(linuxTicksMatch(721_000n, false, 1000n, 1, ns(7200), () => zero, before)).toBe('same');
    // A shift alone proves nothing (the live process's offset is its creator's choice): without
    // its wall-clock start to back it, or with a start after the record or far from the recorded
    // one, unknown, never same, never different (a stepped wall clock could explain the gap).
    const why = { reason: '' as 'time-namespace' | 'shift-unproven' | '' };
    expect(linuxTicksMatch(721_000n, false, 1000n, 1, zero, () => ns(7200), undefined, why)).toBe('unknown');
    expect(why.reason).toBe('shift-unproven');
    const after = () => ({ recordStartMs: null, createdAtMs: t0, currentStartMs: t0 + 8000, toleranceMs: 2000 });
    const far = () => ({ recordStartMs: t0, createdAtMs: null, currentStartMs: t0 + 8000, toleranceMs: 2000 });
    const none = () => ({ recordStartMs: null, createdAtMs: null, currentStartMs: t0, toleranceMs: 2000 });
    for (const e of [after, far, none]) expect(linuxTicksMatch(721_000n, false, 1000n, 1, zero, () => ns(7200), e)).toBe('unknown');
    // A negative offset: a newcomer that started 5 s after the recorded process, in a namespace at
    // -5 s, shows the recorded ticks: only its wall-clock start (after the record) tells it apart.
    expect(linuxTicksMatch(1000n, false, 1500n, 1, zero, () => ns(-5), after)).toBe('unknown');
    expect(linuxTicksMatch(1000n, false, 1500n, 1, zero, () => ns(-5), none)).toBe('unknown');
    // No offset in sight explains 3 ticks: another process.
    expect(linuxTicksMatch(997n, false, 1000n, 1, ns(7200), () => ns(3600))).toBe('different');
    // The live process's offsets cannot be read: any difference could be one. Never different.
    expect(linuxTicksMatch(997n, false, 1000n, 1, zero, () => null)).toBe('unknown');
    expect(linuxTicksMatch(721_000n, false, 1000n, 1, zero, () => null)).toBe('unknown');
    // Sub-tick offsets: one tick of slack.
    expect(linuxTicksMatch(721_001n, false, 1000n, 1, zero, () => ns(7200, 7_000_000), started)).toBe('same');
    expect(linuxTicksMatch(721_002n, false, 1000n, 1, zero, () => ns(7200, 7_000_000))).toBe('different');
  });
});
