/**
 * pidproof/proper-lockfile, the drop-in: crash recovery (SIGKILLed, recycled, zombie, another PID
 * namespace, another boot or host), migration beside stock proper-lockfile 4.1.2 (both ways, a
 * stale record never vouching for a new directory), race-free reclaims among drop-in processes,
 * a mixed fleet under kill -9, exit and signal cleanup, the API surface and bad input.
 * proper-lockfile's own suite runs against it separately (npm run test:proper-lockfile-suite).
 *
 * Real processes, real signals, real directories; every wait is for an event (a line printed, a
 * directory's state, a /proc state), never a sleep. `stale` is proper-lockfile's floor (2 s)
 * wherever a test must sit it out.
 */
import { type ChildProcess, execFileSync, fork, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import stock from 'proper-lockfile';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { addon } from '../lib/binding';
import dropin from '../lib/compat/proper-lockfile';
import { identity } from '../lib/identity';
import { decodeRecord, encodeRecord } from '../lib/compat/record-codec';
import { operationOf, timeouts } from '../lib/compat/retry';
import type { RecordedHolder } from '../lib/compat/types';
import type { ProcessIdentity } from '../lib/types';
import { cleanup, collectJsonLines, isLinux, isRoot, needsLinuxRoot, recyclePid, repoRoot, tmpDir, track, unusedPid, waitFor } from './helpers';
import { fixture } from './lock-helpers';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
afterEach(async () => {
  cleanup();
  for (const file of Object.keys(dropin.getLocks())) await dropin.unlock(file, { realpath: false }).catch(() => undefined);
});

function scratch(): string {
  const d = tmpDir('pidproof-pl-');
  dirs.push(d);
  return d;
}

/** A target file and its lock directory in a fresh directory. */
function target(name = 'data'): { dir: string; file: string; lockDir: string } {
  const dir = scratch();
  const file = path.join(dir, name);
  fs.writeFileSync(file, '');
  return { dir, file, lockDir: `${file}.lock` };
}

const records = addon !== null && typeof addon.readDirRecord === 'function';
const O_DIR = fs.constants.O_RDONLY | (fs.constants.O_DIRECTORY ?? 0);

/** The record on a lock directory (its xattr), decoded; null without one. */
function recordOf(lockDir: string): RecordedHolder | null {
  let fd: number;
  try {
    fd = fs.openSync(lockDir, O_DIR);
  } catch {
    return null;
  }
  try {
    const r = addon!.readDirRecord!(fd);
    if (r === null || r === 'unsupported') return null;
    const d = decodeRecord(r, Date.now(), identity.currentScope());
    if (typeof d === 'string') throw new Error(`undecodable record ${JSON.stringify(r.toString('latin1'))}: ${d}`);
    return d.holder;
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes a record on a directory, as a holder that has since gone would have left it. */
function forgeRecord(lockDir: string, patch: Partial<ProcessIdentity>): void {
  const bytes = encodeRecord({ ...identity.selfIdentity(), ...patch });
  expect(bytes).not.toBeNull();
  const fd = fs.openSync(lockDir, O_DIR);
  try {
    expect(addon!.writeDirRecord!(fd, bytes!)).toBe('written');
  } finally {
    fs.closeSync(fd);
  }
}

/** Is the directory's flock held by someone (a shared probe fails)? */
function flockHeld(lockDir: string): boolean {
  const fd = fs.openSync(lockDir, O_DIR);
  try {
    const k = addon!.tryLock(fd, false);
    if (k === 'acquired') addon!.unlock(fd);
    return k === 'busy';
  } finally {
    fs.closeSync(fd);
  }
}

interface Client {
  child: ChildProcess;
  events: Array<Record<string, unknown>>;
  next(event: string, ms?: number): Promise<Record<string, unknown>>;
  send(line: string): void;
}

/** A proper-lockfile client process (test/fixtures/pl-holder.ts): stock or the drop-in. */
function client(impl: 'dropin' | 'stock', file: string, opts: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}, wrap: string[] = []): Client {
  const argv = [process.execPath, fixture('pl-holder'), impl, file, JSON.stringify(opts)];
  const [cmd, ...args] = [...wrap, ...argv];
  const child = track(spawn(cmd, args, { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } }));
  const events: Array<Record<string, unknown>> = [];
  collectJsonLines(child.stdout!, events);
  const used = new Set<number>();
  return {
    child,
    events,
    async next(event, ms = 30_000) {
      return waitFor(
        () => {
          for (let i = 0; i < events.length; i++) {
            if (!used.has(i) && (events[i].event === event || (event !== 'error' && events[i].event === 'error' && event !== 'any'))) {
              used.add(i);
              if (events[i].event === 'error' && event !== 'error') throw new Error(`client failed: ${JSON.stringify(events[i])}`);
              return events[i];
            }
          }
          return null;
        },
        ms,
        `${impl} client event "${event}"`,
      );
    },
    send(line) {
      child.stdin!.write(line + '\n');
    },
  };
}

/** The outcome of one lock attempt in this process (no retries): 'acquired' (released at once) or the error code. */
async function tryDropin(file: string, opts: dropin.LockOptions = {}): Promise<{ code: string; reclaim: dropin.ReclaimInfo | null; err?: Error }> {
  let reclaim: dropin.ReclaimInfo | null = null;
  try {
    const release = await dropin.lock(file, { ...opts, onReclaim: (i) => (reclaim = i) });
    await release();
    return { code: 'acquired', reclaim };
  } catch (err) {
    return { code: (err as { code: string }).code, reclaim, err: err as Error };
  }
}

async function tryStock(file: string, opts: object = {}): Promise<string> {
  try {
    const release = await stock.lock(file, opts);
    await release();
    return 'acquired';
  } catch (err) {
    return (err as { code: string }).code;
  }
}

async function killed(c: ChildProcess): Promise<void> {
  if (c.exitCode !== null || c.signalCode !== null) return;
  const exited = once(c, 'exit');
  c.kill('SIGKILL');
  await exited;
}

/** Sets a directory's mtime `ms` into the past (what `stale` measures). */
function age(p: string, ms: number): void {
  const t = new Date(Date.now() - ms);
  fs.utimesSync(p, t, t);
}

const linuxRecords = !isLinux ? 'Linux only' : !records ? 'no native addon with records (fallback backend)' : null;

// ---- API and packaging --------------------------------------------------------------------------

describe('pidproof/proper-lockfile: API, files, bad input', () => {
  it('is callable as lock itself, with stock’s names, and the package exports it for require and import', async () => {
    expect(typeof dropin).toBe('function');
    expect(dropin.lock).toBe(dropin);
    for (const k of ['lock', 'unlock', 'check', 'lockSync', 'unlockSync', 'checkSync', 'getLocks']) {
      expect(typeof (dropin as unknown as Record<string, unknown>)[k]).toBe('function');
    }
    const { file } = target();
    // Through the package's exports map (self-reference), CommonJS and ESM, from the built dist/.
    const cjs = runIn(`const pl = require('pidproof/proper-lockfile'); const r = pl.lockSync(${JSON.stringify(file)}); console.log(typeof pl, pl === pl.lock, pl.checkSync(${JSON.stringify(file)})); r();`);
    expect(cjs.trim()).toBe('function true true');
    const esm = runIn(
      `import pl, { lock, unlock, check, lockSync, unlockSync, checkSync, getLocks } from 'pidproof/proper-lockfile';
       const rel = await lock(${JSON.stringify(file)}); console.log(pl === lock, typeof unlock, typeof lockSync, typeof unlockSync, typeof checkSync, Object.keys(getLocks()).length, await check(${JSON.stringify(file)})); await rel();`,
      true,
    );
    expect(esm.trim()).toBe('true function function function function 1 true');
  });

  it.skipIf(linuxRecords !== null)(`while held: the record and the flock are on the directory; after unlock nothing is left (${linuxRecords ?? 'Linux'})`, async () => {
    const { dir, file, lockDir } = target();
    const release = await dropin.lock(file);
    expect(fs.readdirSync(lockDir)).toEqual([]); // nothing inside: a stock rmdir works
    const rec = recordOf(lockDir);
    expect(rec).not.toBeNull();
    const me = identity.selfIdentity();
    expect(rec).toEqual({
      pid: process.pid,
      platform: me.platform,
      startToken: me.startToken,
      startTokenUnit: me.startTokenUnit,
      uniqueId: me.uniqueId,
      uniqueIdKind: me.uniqueIdKind,
      bootId: me.bootId,
      pidNamespace: me.pidNamespace,
      hostname: me.hostname,
    });
    expect(flockHeld(lockDir)).toBe(true);
    expect(dropin.getLocks()[file]).toMatchObject({ lockfilePath: lockDir, recorded: true });
    await release();
    expect(fs.readdirSync(dir)).toEqual(['data']);
    // The sync API too, and a lock through lockfilePath.
    const rs = dropin.lockSync(file, { lockfilePath: path.join(dir, 'custom.lock') });
    expect(recordOf(path.join(dir, 'custom.lock'))!.pid).toBe(process.pid);
    rs();
    expect(fs.readdirSync(dir)).toEqual(['data']);
  });

  it('an fs that is not the disk gets proper-lockfile’s behaviour: every call through it, nothing on disk', async () => {
    const dirs = new Map<string, Date>();
    const calls: string[] = [];
    const enoent = (p: string) => Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
    const memFs = {
      realpath: (p: string, cb: (e: Error | null, r?: string) => void) => (calls.push('realpath'), cb(null, p)),
      mkdir: (p: string, cb: (e: Error | null) => void) => {
        calls.push('mkdir');
        if (dirs.has(p)) return cb(Object.assign(new Error(`EEXIST: ${p}`), { code: 'EEXIST' }));
        dirs.set(p, new Date());
        cb(null);
      },
      stat: (p: string, cb: (e: Error | null, s?: object) => void) => {
        calls.push('stat');
        const m = dirs.get(p);
        return m ? cb(null, { mtime: m, dev: 0, ino: 1 }) : cb(enoent(p));
      },
      utimes: (p: string, _a: Date, m: Date, cb: (e: Error | null) => void) => {
        calls.push('utimes');
        if (!dirs.has(p)) return cb(enoent(p));
        dirs.set(p, m);
        cb(null);
      },
      rmdir: (p: string, cb: (e: Error | null) => void) => (calls.push('rmdir'), dirs.delete(p) ? cb(null) : cb(enoent(p))),
    };
    const file = '/nonexistent-pidproof-dir/memfile';
    const release = await dropin.lock(file, { fs: memFs });
    expect(fs.existsSync('/nonexistent-pidproof-dir')).toBe(false);
    expect(dropin.getLocks()[file].recorded).toBe(false);
    expect(await dropin.check(file, { fs: memFs })).toBe(true);
    await expect(dropin.lock(file, { fs: memFs })).rejects.toMatchObject({ code: 'ELOCKED' });
    await release();
    expect(calls).toEqual(['realpath', 'mkdir', 'utimes', 'stat', 'realpath', 'stat', 'realpath', 'mkdir', 'stat', 'rmdir']);
  });

  it('bad input is a TypeError naming the argument, before anything is touched', async () => {
    const { dir, file } = target();
    await expect(dropin.lock(5 as unknown as string)).rejects.toThrow(/^file must be a string, got number 5$/);
    expect(() => dropin.lockSync({} as unknown as string)).toThrow(TypeError);
    await expect(dropin.lock(file, 'fast' as unknown as object)).rejects.toThrow(/options must be an object/);
    await expect(dropin.lock(file, { stale: 'soon' as unknown as number })).rejects.toThrow(/options\.stale must be a number of milliseconds, got string "soon"/);
    await expect(dropin.lock(file, { update: {} as unknown as number })).rejects.toThrow(/options\.update/);
    await expect(dropin.lock(file, { retries: 'x' as unknown as number })).rejects.toThrow(/options\.retries must be a number or retry options/);
    await expect(dropin.lock(file, { retries: { retries: 3, minTimeout: 10, maxTimeout: 5 } })).rejects.toThrow(/minTimeout is greater than maxTimeout/);
    await expect(dropin.lock(file, { onCompromised: 'throw' as unknown as () => void })).rejects.toThrow(/options\.onCompromised must be a function/);
    await expect(dropin.lock(file, { onReclaim: 1 as unknown as () => void })).rejects.toThrow(/options\.onReclaim must be a function/);
    await expect(dropin.lock(file, { lockfilePath: 7 as unknown as string })).rejects.toThrow(/options\.lockfilePath must be a string/);
    await expect(dropin.unlock(file, { fs: 3 })).rejects.toThrow(/options\.fs must be a filesystem module/);
    expect(() => dropin.checkSync(file, 5 as unknown as object)).toThrow(/options must be an object/);
    expect(fs.readdirSync(dir)).toEqual(['data']);
  });

  it('stale and update read as stock reads them (falsy and own undefined: the floor; numeric strings count)', async () => {
    const { file, lockDir } = target();
    fs.mkdirSync(lockDir);
    age(lockDir, 2500);
    // stale: undefined as an own property is stock's 0 -> 2000: the 2.5 s old lock is stale.
    expect(await dropin.check(file, { stale: undefined })).toBe(false);
    expect(await stock.check(file, { stale: undefined })).toBe(false);
    // absent: 10000.
    expect(await dropin.check(file, {})).toBe(true);
    expect(await stock.check(file, {})).toBe(true);
    expect(await dropin.check(file, { stale: '3000' as unknown as number })).toBe(true);
    expect(await stock.check(file, { stale: '3000' as unknown as number })).toBe(true);
  });

  it('onReclaim that throws is a process warning and changes nothing', async () => {
    const { file, lockDir } = target();
    fs.mkdirSync(lockDir);
    age(lockDir, 60_000);
    const warned = once(process, 'warning');
    const release = await dropin.lock(file, {
      onReclaim: () => {
        throw new Error('hook failed');
      },
    });
    const [w] = (await warned) as [Error];
    expect(w.message).toMatch(/onReclaim threw: hook failed/);
    expect(fs.existsSync(lockDir)).toBe(true);
    await release();
  });
});

// ---- retries, the sync API's refusal and options, as stock reads them (side by side) ------------

/** retry@0.12 as stock proper-lockfile 4.1.2 loads it (its own dependency, not a copy). */
const stockRetry = createRequire(createRequire(path.join(repoRoot, 'package.json')).resolve('proper-lockfile'))('retry') as typeof import('retry');

/** A lock's outcome as both implementations report it: 'acquired' (released at once), or the error's code and message. */
async function outcome(lib: 'stock' | 'dropin', file: string, opts: object): Promise<{ code: string | null; message: string | null }> {
  try {
    const release = await (lib === 'stock' ? stock.lock(file, opts) : dropin.lock(file, opts));
    await release();
    return { code: 'acquired', message: null };
  } catch (err) {
    return { code: (err as { code?: string }).code ?? null, message: (err as Error).message };
  }
}

/**
 * Node's fs with a `mkdir` whose first calls fail, one per entry of `plan`: an error code, or
 * `slow:<code>` (fails once the clock has moved `slowMs` past the call: what `maxRetryTime`
 * measures). Counts its `mkdir` calls (one per attempt for both implementations).
 */
function flakyFs(plan: string[], slowMs = 0): { fs: object; mkdirs: () => number } {
  let n = 0;
  const fail = (code: string, p: string) => Object.assign(new Error(`${code}: flaky mkdir '${p}'`), { code });
  const wrapped = Object.assign(Object.create(fs) as object, {
    mkdir(p: string, cb: (err: Error | null) => void) {
      const step = plan[n++];
      if (step === undefined) return fs.mkdir(p, cb);
      const [slow, code] = step.startsWith('slow:') ? [true, step.slice(5)] : [false, step];
      if (!slow) return process.nextTick(cb, fail(code, p));
      const until = Date.now() + slowMs;
      const tick = () => (Date.now() >= until ? cb(fail(code, p)) : setImmediate(tick));
      tick();
    },
  });
  return { fs: wrapped, mkdirs: () => n };
}

/** Pseudo-random messages for error sequences (a fixed LCG: the same sequences every run). */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** One `lock()` in its own process (test/fixtures/pl-retries.ts): its outcome and every retry wait it scheduled. */
function waitsOf(lib: 'stock' | 'dropin', file: string, opts: unknown, ctl: { freeAfter?: number; random?: number[] } = {}): { outcome: string | null; message: string | null; waits: unknown[] } {
  const r = spawnSync(process.execPath, [fixture('pl-retries'), lib, file, JSON.stringify(opts), JSON.stringify(ctl)], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`pl-retries ${lib} failed (${r.status ?? r.signal}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim()) as { outcome: string | null; message: string | null; waits: unknown[] };
}

describe('pidproof/proper-lockfile: retries, the sync API and options read as stock reads them (stock and drop-in side by side)', () => {
  it('every error of an attempt is retried, and the rejection is the most frequent one (stock’s operation.retry(err) / mainError())', async () => {
    const cases: Array<{ held: boolean; plan: string[]; retries: object | number; want: string; attempts: number }> = [
      // A filesystem error that passes: acquired on the retry (the drop-in used to reject with EBUSY).
      { held: false, plan: ['EBUSY'], retries: { retries: 2, minTimeout: 10 }, want: 'acquired', attempts: 2 },
      { held: false, plan: ['EIO'], retries: 1, want: 'acquired', attempts: 2 }, // a number: { retries: 1 }, 1 s
      // One that does not: after the retries, that error.
      { held: false, plan: ['EBUSY', 'EBUSY', 'EBUSY'], retries: { retries: 2, minTimeout: 1 }, want: 'EBUSY', attempts: 3 },
      // Mixed with ELOCKED (a held lock): the most frequent wins, a tie goes to the later one.
      { held: true, plan: ['EBUSY', 'EBUSY'], retries: { retries: 2, minTimeout: 1 }, want: 'EBUSY', attempts: 3 },
      { held: true, plan: ['EBUSY'], retries: { retries: 2, minTimeout: 1 }, want: 'ELOCKED', attempts: 3 },
      { held: true, plan: ['EBUSY'], retries: { retries: 1, minTimeout: 1 }, want: 'ELOCKED', attempts: 2 },
      { held: true, plan: ['EBUSY', 'EIO', 'EIO'], retries: { retries: 3, minTimeout: 1 }, want: 'EIO', attempts: 4 },
      // No retries: the attempt's own error.
      { held: false, plan: ['EBUSY'], retries: 0, want: 'EBUSY', attempts: 1 },
    ];
    for (const c of cases) {
      const got: Record<string, unknown> = {};
      for (const lib of ['stock', 'dropin'] as const) {
        const { file, lockDir } = target();
        if (c.held) fs.mkdirSync(lockDir); // a fresh lock directory: held for both (no record)
        const f = flakyFs(c.plan);
        const o = await outcome(lib, file, { fs: f.fs, retries: c.retries });
        got[lib] = { ...o, message: o.message?.replace(file, '<file>') ?? null, attempts: f.mkdirs() };
        expect(fs.existsSync(lockDir), `${lib} ${JSON.stringify(c)}`).toBe(c.held);
      }
      expect(got.dropin, JSON.stringify(c)).toEqual(got.stock);
      expect(got.stock, `stock itself, ${JSON.stringify(c)}`).toMatchObject({ code: c.want, attempts: c.attempts });
    }
  });

  it('maxRetryTime as retry@0.12 counts it: a first failure past it rejects with "RetryOperation timeout occurred"; a later one with the errors before', async () => {
    const cases = [
      // Failed once the clock is past maxRetryTime: no error kept but stock's timeout error.
      { plan: ['slow:EBUSY'], want: { code: null, message: 'RetryOperation timeout occurred' } },
      // One EBUSY kept before the clock passed it (an attempt at once): that EBUSY.
      { plan: ['EBUSY', 'slow:EIO'], want: { code: 'EBUSY' } },
      { plan: ['EBUSY', 'EIO', 'EIO', 'slow:EBUSY'], want: { code: 'EIO' } },
    ];
    for (const c of cases) {
      const got: Record<string, unknown> = {};
      for (const lib of ['stock', 'dropin'] as const) {
        const { file } = target();
        // The slow failure comes 700 ms after its call, past maxRetryTime (500 ms); the quick ones well within it.
        const f = flakyFs(c.plan, 700);
        const o = await outcome(lib, file, { fs: f.fs, retries: { retries: 5, minTimeout: 1, maxRetryTime: 500 } });
        got[lib] = { ...o, message: o.message?.replace(file, '<file>') ?? null };
      }
      expect(got.dropin, JSON.stringify(c)).toEqual(got.stock);
      expect(got.stock).toMatchObject(c.want);
    }
  });

  it('the retry waits of a held lock are retry@0.12’s: minTimeout 0, forever with retries 0, randomize (sorted), factor < 1, an array, maxRetryTime 0', () => {
    const { file, lockDir } = target();
    const random = [0.9, 0.7, 0.5, 0.3, 0.1];
    const cases: Array<{ opts: unknown; ctl?: { freeAfter?: number; random?: number[] }; want: { outcome: string; waits?: unknown[] } }> = [
      // Stock: ten 0 ms waits (the drop-in raised 0 to 1 ms and doubled it: 1..512 ms, a second in all).
      { opts: { retries: 10, minTimeout: 0 }, want: { outcome: 'ELOCKED', waits: Array(10).fill(0) } },
      // Stock: one 5 ms wait, repeated for ever (the drop-in gave up at once); freed after the 4th.
      { opts: { retries: 0, forever: true, minTimeout: 5 }, ctl: { freeAfter: 4 }, want: { outcome: 'acquired', waits: [5, 5, 5, 5, 5000] } },
      // Stock sorts the randomized waits ascending (factor 1: the random factors alone order them).
      { opts: { retries: 5, minTimeout: 10, factor: 1, randomize: true }, ctl: { random }, want: { outcome: 'ELOCKED', waits: [11, 13, 15, 17, 19] } },
      { opts: { retries: 4, minTimeout: 8, factor: 0.5 }, want: { outcome: 'ELOCKED', waits: [1, 2, 4, 8] } },
      { opts: [3, 1, 2], want: { outcome: 'ELOCKED', waits: [3, 1, 2] } },
      { opts: { retries: 2, minTimeout: 1, maxRetryTime: 0 }, want: { outcome: 'ELOCKED', waits: [1, 2] } },
    ];
    for (const c of cases) {
      const got: Record<string, unknown> = {};
      for (const lib of ['stock', 'dropin'] as const) {
        fs.mkdirSync(lockDir); // held (fresh, no record): ELOCKED at every attempt until freed
        got[lib] = waitsOf(lib, file, { retries: c.opts }, c.ctl);
        fs.rmSync(lockDir, { recursive: true, force: true });
      }
      expect(got.dropin, JSON.stringify(c)).toEqual(got.stock);
      expect(got.stock, `stock itself, ${JSON.stringify(c)}`).toMatchObject(c.want);
    }
  });
  it('an own retries: undefined is no retry (retry@0.12 copies it over its default of 10); inherited options are not read', async () => {
    for (const lib of ['stock', 'dropin'] as const) {
      const { file, lockDir } = target();
      fs.mkdirSync(lockDir);
      const f = flakyFs([]);
      expect(await outcome(lib, file, { fs: f.fs, retries: { retries: undefined, minTimeout: 1 } }), lib).toMatchObject({ code: 'ELOCKED' });
      expect(f.mkdirs(), lib).toBe(1);
    }
  });

  it('timeouts() is retry@0.12’s for the same options (edge values, inherited keys, randomize), and so is its refusal of minTimeout > maxTimeout', () => {
    const table: object[] = [
      {},
      { retries: 10, minTimeout: 0 },
      { retries: 0, forever: true },
      { forever: true },
      { retries: 3, factor: 1.5, minTimeout: 7, maxTimeout: 20 },
      { retries: 2.5, minTimeout: 1 },
      { retries: -1 },
      { retries: -1, forever: true, minTimeout: 4 },
      { retries: undefined },
      { retries: null, forever: true, minTimeout: 3 },
      { retries: 3, minTimeout: null },
      { retries: 3, factor: null },
      { retries: 3, factor: undefined },
      { retries: 2, minTimeout: undefined },
      { retries: 3, minTimeout: 0, maxTimeout: null },
      { retries: 5, factor: 0.5 },
      { retries: 30 },
      { retries: 3, minTimeout: NaN },
      Object.create({ retries: 3, minTimeout: 5 }) as object,
      { retries: 6, minTimeout: 10, factor: 1, randomize: true },
      { retries: 6, minTimeout: 10, randomize: 1 },
      { retries: 0, forever: true, randomize: true, minTimeout: 10 },
    ];
    const spy = vi.spyOn(Math, 'random');
    try {
      for (const o of table) {
        const seq = () => {
          const r = lcg(7);
          spy.mockImplementation(r);
        };
        seq();
        const want = stockRetry.timeouts(o as never);
        seq();
        expect(timeouts(o), JSON.stringify(o)).toEqual(want);
      }
    } finally {
      spy.mockRestore();
    }
    expect(() => stockRetry.timeouts({ minTimeout: 10, maxTimeout: 5 })).toThrow(/minTimeout is greater than maxTimeout/);
    expect(() => timeouts({ minTimeout: 10, maxTimeout: 5 })).toThrow(/minTimeout is greater than maxTimeout/);
  });

  it('the retry operation gives up when RetryOperation does and picks its mainError(), over 400 error sequences (forever, maxRetryTime, arrays)', () => {
    const rnd = lcg(42);
    const kinds: Array<{ stock: unknown; ours: unknown; stepMs: number }> = [
      { stock: { retries: 3 }, ours: 3, stepMs: 0 },
      { stock: { retries: 0 }, ours: 0, stepMs: 0 },
      { stock: { retries: 6, minTimeout: 1 }, ours: { retries: 6, minTimeout: 1 }, stepMs: 0 },
      { stock: { retries: 3, minTimeout: 1, forever: true, maxRetryTime: 95 }, ours: { retries: 3, minTimeout: 1, forever: true, maxRetryTime: 95 }, stepMs: 10 },
      { stock: { retries: 1, minTimeout: 1, forever: true, maxRetryTime: 55 }, ours: { retries: 1, minTimeout: 1, forever: true, maxRetryTime: 55 }, stepMs: 10 },
      { stock: { retries: 10, minTimeout: 1, maxRetryTime: 35 }, ours: { retries: 10, minTimeout: 1, maxRetryTime: 35 }, stepMs: 10 },
      { stock: { retries: 4, minTimeout: 1, maxRetryTime: 5 }, ours: { retries: 4, minTimeout: 1, maxRetryTime: 5 }, stepMs: 10 },
      { stock: [1, 2, 3], ours: [1, 2, 3], stepMs: 0 },
    ];
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      for (let round = 0; round < 400; round++) {
        const k = kinds[round % kinds.length];
        const s = stockRetry.operation(k.stock as never);
        s.attempt(() => undefined);
        const ours = operationOf(k.ours);
        const t0 = Date.now();
        const errors = Array.from({ length: 1 + Math.floor(rnd() * 14) }, () => new Error('ABC'[Math.floor(rnd() * 3)]));
        for (const e of errors) {
          vi.advanceTimersByTime(k.stepMs);
          const a = s.retry(e);
          const wait = ours.retry(e, Date.now() - t0);
          expect(wait !== null, `round ${round} ${JSON.stringify(k.stock)}`).toBe(a);
          if (!a) break;
        }
        const m = s.mainError();
        if (m !== null && !errors.includes(m)) {
          // Stock's own timeout error (a new Error each time): the same message.
          expect(m.message).toBe('RetryOperation timeout occurred');
          expect(ours.mainError()?.message, `round ${round}`).toBe(m.message);
          expect(errors).not.toContain(ours.mainError());
        } else {
          expect(ours.mainError(), `round ${round} ${JSON.stringify(k.stock)}`).toBe(m);
        }
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('the sync API refuses retries by stock’s exact rule, in lockSync, unlockSync and checkSync, before anything else', () => {
    const { file, lockDir } = target();
    type Lib = typeof dropin;
    const run = (lib: Lib, call: (l: Lib) => unknown): unknown => {
      try {
        const v = call(lib);
        if (typeof v === 'function') {
          (v as () => void)();
          return 'acquired';
        }
        return v === undefined ? 'ok' : v;
      } catch (err) {
        return (err as { code?: string }).code ?? (err as Error).name;
      }
    };
    const cases: Array<[string, (l: Lib) => unknown, unknown]> = [
      // Retry options without a `retries` number > 0 pass (the drop-in refused them: ESYNC).
      ['lockSync, retries: { minTimeout: 100 }', (l) => l.lockSync(file, { retries: { minTimeout: 100 } }), 'acquired'],
      ['lockSync, retries: [100]', (l) => l.lockSync(file, { retries: [100] } as never), 'acquired'],
      ['lockSync, retries: { retries: 0, forever: true }', (l) => l.lockSync(file, { retries: { retries: 0, forever: true } }), 'acquired'],
      ['lockSync, retries: -1', (l) => l.lockSync(file, { retries: -1 }), 'acquired'],
      ['lockSync, inherited retries: 3', (l) => l.lockSync(file, Object.create({ retries: 3 }) as object), 'acquired'],
      ['lockSync, retries: 1', (l) => l.lockSync(file, { retries: 1 }), 'ESYNC'],
      ['lockSync, retries: { retries: 2 }', (l) => l.lockSync(file, { retries: { retries: 2 } }), 'ESYNC'],
      ['lockSync, retries: an object inheriting retries: 2', (l) => l.lockSync(file, { retries: Object.create({ retries: 2 }) as object }), 'ESYNC'],
      // Before anything else: the file and the other options are not looked at.
      ['lockSync, retries: 2, stale: "soon"', (l) => l.lockSync(file, { retries: 2, stale: 'soon' as never }), 'ESYNC'],
      // checkSync and unlockSync read it too (the drop-in answered false / ENOTACQUIRED).
      ['checkSync, retries: 1', (l) => l.checkSync(file, { retries: 1 } as never), 'ESYNC'],
      ['checkSync, retries: { retries: 1 }, file 5', (l) => l.checkSync(5 as never, { retries: { retries: 1 } } as never), 'ESYNC'],
      ['checkSync, retries: { minTimeout: 5 }', (l) => l.checkSync(file, { retries: { minTimeout: 5 } } as never), false],
      ['unlockSync, retries: 1', (l) => l.unlockSync(file, { retries: 1 } as never), 'ESYNC'],
      ['unlockSync, retries: { minTimeout: 5 }', (l) => l.unlockSync(file, { retries: { minTimeout: 5 } } as never), 'ENOTACQUIRED'],
    ];
    for (const [name, call, want] of cases) {
      const s = run(stock as unknown as Lib, call);
      const d = run(dropin, call);
      expect(d, name).toBe(s);
      expect(s, `stock itself: ${name}`).toBe(want);
      expect(fs.existsSync(lockDir), name).toBe(false);
    }
    // A held lock: unlockSync with retries refused (ESYNC) and the lock still held; without, released.
    for (const lib of [stock as unknown as Lib, dropin]) {
      lib.lockSync(file);
      expect(run(lib, (l) => l.unlockSync(file, { retries: 3 } as never))).toBe('ESYNC');
      expect(fs.existsSync(lockDir)).toBe(true);
      expect(run(lib, (l) => l.unlockSync(file, { retries: { minTimeout: 5 } } as never))).toBe('ok');
      expect(fs.existsSync(lockDir)).toBe(false);
    }
    // Where stock goes wrong (retry options it lets through, on a held lock: it returns a release
    // that throws and goes on retrying after lockSync returned), the drop-in never waits: ELOCKED.
    fs.mkdirSync(lockDir);
    expect(run(dropin, (l) => l.lockSync(file, { retries: { minTimeout: 1 } }))).toBe('ELOCKED');
    expect(dropin.getLocks()[file]).toBeUndefined();
  });

  it('options are own properties only (stock’s { ...options }): inherited fs, lockfilePath, update, onCompromised, onReclaim are not read', async () => {
    for (const lib of ['stock', 'dropin'] as const) {
      const { dir, file, lockDir } = target();
      const f = flakyFs(['EIO']);
      let hooks = 0;
      const proto = {
        fs: f.fs,
        lockfilePath: path.join(dir, 'inherited.lock'),
        update: 1,
        onCompromised: () => hooks++,
        onReclaim: () => hooks++,
      };
      // A stale stock-style lock directory: the take-over would tell an inherited onReclaim.
      fs.mkdirSync(lockDir);
      age(lockDir, 60_000);
      const l = lib === 'stock' ? stock : dropin;
      const release = await l.lock(file, Object.create(proto) as object);
      expect(fs.existsSync(lockDir), lib).toBe(true);
      expect(fs.existsSync(proto.lockfilePath), lib).toBe(false);
      expect(await l.check(file, Object.create(proto) as object), lib).toBe(true);
      await release();
      expect(fs.readdirSync(dir), lib).toEqual(['data']);
      expect(f.mkdirs(), lib).toBe(0);
      expect(hooks, lib).toBe(0);
    }
    // The own ones are read, as ever.
    const { dir, file, lockDir } = target();
    fs.mkdirSync(lockDir);
    age(lockDir, 60_000);
    let reclaimed = 0;
    const release = await dropin.lock(file, { onReclaim: () => reclaimed++ });
    expect(reclaimed).toBe(1);
    await release();
    const other = path.join(dir, 'own.lock');
    const r2 = await dropin.lock(file, { lockfilePath: other });
    expect(fs.existsSync(other)).toBe(true);
    await r2();
  });
});

function runIn(code: string, esm = false): string {
  // From a directory whose node_modules holds this package (self-reference needs `name` + `exports`).
  return execFileSync(process.execPath, esm ? ['--input-type=module', '-e', code] : ['-e', code], { cwd: repoRoot, encoding: 'utf8' });
}

// ---- crash recovery -------------------------------------------------------------------------------

describe.skipIf(linuxRecords !== null)(`crash recovery (${linuxRecords ?? 'Linux, records'})`, () => {
  it('a SIGKILLed holder: the drop-in takes the lock at once (dead-pid); stock sits out stale; check() agrees', async () => {
    const { file, lockDir } = target();
    const h = client('dropin', file);
    const a = await h.next('acquired');
    await killed(h.child);
    expect(fs.existsSync(lockDir)).toBe(true);
    // Stock judges by the mtime alone: the directory is fresh, so it is held.
    expect(await tryStock(file)).toBe('ELOCKED');
    expect(await stock.check(file)).toBe(true);
    expect(await dropin.check(file)).toBe(false);
    const r = await tryDropin(file);
    expect(r.code).toBe('acquired');
    expect(r.reclaim).toMatchObject({ file, lockfilePath: lockDir, reason: 'dead-pid', holder: { pid: a.pid } });
    expect(fs.existsSync(lockDir)).toBe(false);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['data']); // no guard left either
  });

  it('a live holder: ELOCKED for both, and its record names it in the error', async () => {
    const { file } = target();
    const h = client('dropin', file);
    const a = await h.next('acquired');
    const r = await tryDropin(file);
    expect(r.code).toBe('ELOCKED');
    expect(r.err!.message).toBe('Lock file is already being held');
    expect(Object.keys(r.err!)).toEqual(['code', 'file']);
    expect((r.err as unknown as { holder: { pid: number } }).holder.pid).toBe(a.pid);
    expect(await tryStock(file)).toBe('ELOCKED');
    expect(await dropin.check(file)).toBe(true);
  });

  it.skipIf(needsLinuxRoot() !== null)(`a recycled PID: the holder's PID forced onto a new live process (recycled-pid) (${needsLinuxRoot() ?? 'root'})`, async () => {
    // A and B run this: A (the flag exists) becomes the drop-in holder; B pauses.
    const child = [
      'if os.path.exists(sys.argv[1]):',
      "        fd = os.open('/dev/null', os.O_RDWR); os.dup2(fd, 0); os.dup2(fd, 1)",
      '        os.execv(sys.argv[2], sys.argv[2:])',
      '    signal.pause()',
      '    os._exit(0)',
    ].join('\n');
    let holderPid = 0;
    let result: Awaited<ReturnType<typeof tryDropin>> | null = null;
    let stockSaid = '';
    // Another process may take the forced PID first (other helpers fork too): try again.
    for (let attempt = 0; attempt < 10 && result === null; attempt++) {
      const { dir, file, lockDir } = target();
      const flag = path.join(dir, 'exec-holder');
      fs.writeFileSync(flag, '');
      await recyclePid(
        async (a) => {
          holderPid = a;
          await waitFor(() => recordOf(lockDir)?.pid === a && flockHeld(lockDir), 30_000, 'the holder to record itself');
          fs.unlinkSync(flag);
        },
        async (b) => {
          expect(b).toBe(holderPid);
          // B is alive at the holder's PID: only its identity tells it from the holder.
          expect(() => process.kill(b, 0)).not.toThrow();
          stockSaid = await tryStock(file);
          result = await tryDropin(file);
        },
        { child, args: [flag, process.execPath, fixture('pl-holder'), 'dropin', file, '{}'] },
      );
    }
    expect(result).not.toBeNull();
    expect(stockSaid).toBe('ELOCKED');
    expect(result!.code).toBe('acquired');
    expect(result!.reclaim).toMatchObject({ reason: 'recycled-pid', holder: { pid: holderPid } });
  });

  it('a zombie holder: killed, never reaped (zombie-pid)', async () => {
    const { file, lockDir } = target();
    const py = track(
      spawn(
        'python3',
        [
          '-c',
          'import os, sys, time, signal\npid = os.fork()\nif pid == 0:\n    fd = os.open("/dev/null", os.O_RDWR); os.dup2(fd, 0); os.dup2(fd, 1)\n    os.execv(sys.argv[1], sys.argv[1:])\n' +
            'print(pid, flush=True)\nsys.stdin.readline()\nos.kill(pid, signal.SIGKILL)\ntime.sleep(120)',
          process.execPath,
          fixture('pl-holder'),
          'dropin',
          file,
          '{}',
        ],
        { stdio: ['pipe', 'pipe', 'inherit'] },
      ),
    );
    const [line] = (await once(py.stdout!, 'data')) as [Buffer];
    const pid = Number(line.toString().trim());
    await waitFor(() => recordOf(lockDir)?.pid === pid && flockHeld(lockDir), 30_000, 'the holder to record itself');
    py.stdin!.write('kill\n');
    // A SIGKILLed Node shows Z while its threads tear down: wait for a zombie with one thread.
    await waitFor(() => {
      try {
        const st = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
        return /^State:\s+Z/m.test(st) && /^Threads:\s+1$/m.test(st);
      } catch {
        return false;
      }
    }, 30_000, 'the holder to be a zombie');
    expect(await tryStock(file)).toBe('ELOCKED');
    const r = await tryDropin(file);
    expect(r.code).toBe('acquired');
    expect(r.reclaim).toMatchObject({ reason: 'zombie-pid', holder: { pid } });
  });

  it.skipIf(!isRoot || !unshareWorks())(`a holder in another PID namespace of this kernel: its flock decides (kernel-released) (${!isRoot ? 'needs root' : !unshareWorks() ? 'unshare cannot create namespaces here' : 'root'})`, async () => {
    const { file } = target();
    const h = client('dropin', file, {}, {}, ['unshare', '-p', '-f', '--kill-child', '--mount-proc']);
    const a = await h.next('acquired');
    expect(a.pid).toBe(1); // PID 1 of its namespace: meaningless here, never probed
    const r1 = await tryDropin(file);
    expect(r1.code).toBe('ELOCKED');
    expect((r1.err as unknown as { holder: { pidNamespace: string } }).holder.pidNamespace).not.toBe(identity.currentScope().pidNamespace);
    // Kill the holder itself (unshare's only child); --kill-child: unshare exits once it is gone.
    const inner = Number(fs.readFileSync(`/proc/${h.child.pid}/task/${h.child.pid}/children`, 'utf8').trim());
    process.kill(inner, 'SIGKILL');
    await once(h.child, 'exit');
    expect(await tryStock(file)).toBe('ELOCKED');
    const r2 = await tryDropin(file);
    expect(r2.code).toBe('acquired');
    expect(r2.reclaim).toMatchObject({ reason: 'kernel-released', holder: { pid: 1 } });
  });

  it('a record from another boot or another host is judged by the mtime alone', async () => {
    const here = identity.currentScope();
    for (const patch of [{ bootId: '00000000-0000-4000-8000-000000000000' }, { bootId: '11111111-1111-4111-8111-111111111111', hostname: 'elsewhere' }]) {
      const { file, lockDir } = target();
      fs.mkdirSync(lockDir);
      // A PID no process has: on this boot it would prove the holder dead.
      const pid = unusedPid();
      forgeRecord(lockDir, { pid, ...patch });
      expect(flockHeld(lockDir)).toBe(false);
      const fresh = await tryDropin(file);
      expect(fresh.code).toBe('ELOCKED');
      const seen = (fresh.err as unknown as { holder: RecordedHolder }).holder;
      // Another boot (host): its fingerprint, not this boot's id (not this host's name).
      expect(seen.pid).toBe(pid);
      expect(seen.bootId).toMatch(/^boot:[A-Za-z0-9_-]{12}$/);
      expect(seen.hostname).toBe(patch.hostname === undefined ? here.hostname : null);
      expect(await dropin.check(file)).toBe(true);
      age(lockDir, 10_500);
      expect(await dropin.check(file)).toBe(false);
      const old = await tryDropin(file);
      expect(old.code).toBe('acquired');
      expect(old.reclaim).toMatchObject({ reason: 'stale', holder: { pid, bootId: seen.bootId } });
    }
    // A record pidproof did not write (here: pidproof's JSON lock payload) proves nothing either.
    {
      const { file, lockDir } = target();
      fs.mkdirSync(lockDir);
      const fd = fs.openSync(lockDir, O_DIR);
      addon!.writeDirRecord!(fd, Buffer.from(JSON.stringify({ pidproof: 1, pid: unusedPid() })));
      fs.closeSync(fd);
      expect((await tryDropin(file)).code).toBe('ELOCKED');
      age(lockDir, 10_500);
      expect((await tryDropin(file)).reclaim).toMatchObject({ reason: 'stale', holder: null });
    }
    // The same record of this boot: the dead PID is proof, the mtime does not matter.
    const { file, lockDir } = target();
    fs.mkdirSync(lockDir);
    forgeRecord(lockDir, { pid: unusedPid() });
    expect((await tryDropin(file)).reclaim).toMatchObject({ reason: 'dead-pid' });
  });

  it('a waiter already waiting (retries, minTimeout 30 s) is woken by the holder’s exit, not by its schedule', async () => {
    const { file } = target();
    const h = client('dropin', file);
    await h.next('acquired');
    const w = client('dropin', file, { retries: { retries: 3, minTimeout: 30_000 } });
    // It made its first attempt (ELOCKED) and waits: its exit watch is on the holder's pidfd.
    await waitFor(() => waitsOnPidfdOf(w.child.pid!, h.child.pid!), 30_000, 'the waiter to watch the holder');
    const t0 = Date.now();
    await killed(h.child);
    const got = await w.next('acquired', 25_000);
    // Woken by the exit itself, it may judge the holder before its parent reaps it: a zombie then.
    expect(['dead-pid', 'zombie-pid']).toContain((got.reclaim as { reason: string }).reason);
    // Its first scheduled retry would have come 30 s after its first attempt.
    expect(Date.now() - t0).toBeLessThan(25_000);
  });

  it('a live holder that stops (SIGSTOP) is never taken before stale; then as stale, and it learns ECOMPROMISED', async () => {
    const { file, lockDir } = target();
    // stale 5 s (refreshed every 1 s): the check below has at least 4 s to run inside the stale
    // window, which a loaded machine can eat much of.
    const STALE = 5000;
    const h = client('dropin', file, { stale: STALE, update: 1000 });
    await h.next('acquired');
    h.child.kill('SIGSTOP');
    try {
      // While the directory is younger than stale: ELOCKED, whatever pidproof knows.
      for (;;) {
        const before = Date.now() - fs.statSync(lockDir).mtimeMs;
        const r = await tryDropin(file, { stale: STALE });
        const after = Date.now() - fs.statSync(lockDir).mtimeMs;
        if (after < STALE) {
          expect(r.code).toBe('ELOCKED');
          expect(before).toBeLessThan(STALE);
          break;
        }
        if (r.code === 'acquired') throw new Error('taken, but the check could not be made inside the stale window (loaded machine): retry the test');
      }
      expect(flockHeld(lockDir)).toBe(true);
      await waitFor(() => Date.now() - fs.statSync(lockDir).mtimeMs > STALE + 100, 30_000, 'the directory to go stale');
      const release = await dropin.lock(file, { stale: STALE });
      try {
        expect(fs.existsSync(lockDir)).toBe(true);
      } finally {
        h.child.kill('SIGCONT');
      }
      const c = await h.next('compromised');
      expect(c.code).toBe('ECOMPROMISED');
      await release();
    } finally {
      h.child.kill('SIGCONT');
    }
  });
});

function unshareWorks(): boolean {
  if (!isLinux || !isRoot) return false;
  return spawnSync('unshare', ['-p', '-f', '--mount-proc', 'true'], { stdio: 'ignore' }).status === 0;
}

/** Does `watcher` have a pidfd of `target` in an epoll set (it waits on the target's exit)? */
function waitsOnPidfdOf(watcher: number, target: number): boolean {
  let fds: string[];
  try {
    fds = fs.readdirSync(`/proc/${watcher}/fd`);
  } catch {
    return false;
  }
  const pidfds = new Set<string>();
  const polls: string[] = [];
  for (const fd of fds) {
    try {
      const link = fs.readlinkSync(`/proc/${watcher}/fd/${fd}`);
      const info = fs.readFileSync(`/proc/${watcher}/fdinfo/${fd}`, 'utf8');
      if (link.includes('pidfd') && new RegExp(`^Pid:\\s+${target}$`, 'm').test(info)) pidfds.add(fd);
      else if (link.includes('eventpoll')) polls.push(info);
    } catch {
      // closed meanwhile
    }
  }
  return polls.some((info) => [...info.matchAll(/^tfd:\s+(\d+)/gm)].some((m) => pidfds.has(m[1])));
}

// ---- migration beside stock proper-lockfile ------------------------------------------------------------

/** Resolves once `p`'s mtime has changed `n` times (polled; each change is a holder's refresh). */
async function refreshes(p: string, n: number, each: () => Promise<void> = async () => undefined): Promise<void> {
  let last = fs.statSync(p).mtimeMs;
  for (let seen = 0; seen < n; ) {
    await each();
    const m = fs.statSync(p).mtimeMs;
    if (m !== last) {
      seen++;
      last = m;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(linuxRecords !== null)(`migration beside stock proper-lockfile 4.1.2 (${linuxRecords ?? 'Linux, records'})`, () => {
  it('a stock holder: the drop-in waits (ELOCKED), and all its probing never compromises it', async () => {
    const { file, lockDir } = target();
    const h = client('stock', file, { update: 1000 });
    await h.next('acquired');
    expect(recordOf(lockDir)).toBeNull();
    // Drop-in waiters probe it (flock, record) between three of its refreshes.
    await refreshes(lockDir, 3, async () => {
      expect((await tryDropin(file)).code).toBe('ELOCKED');
      expect(await dropin.check(file)).toBe(true);
    });
    h.send('release');
    await h.next('released');
    expect(h.events.filter((e) => e.event === 'compromised')).toEqual([]);
    expect(fs.existsSync(lockDir)).toBe(false);
  });

  it('a drop-in holder keeps stock out past stale by refreshing its mtime, as stock does', async () => {
    const { file, lockDir } = target();
    // stale 3 s, refreshed every 1 s: a refresh may come 2 s late on a loaded machine and still
    // keep the lock fresh (with stale 2 s, one second late would let stock rightly take it).
    const h = client('dropin', file, { stale: 3000, update: 1000 });
    await h.next('acquired');
    // Seven refreshes: past two stale periods.
    await refreshes(lockDir, 7, async () => {
      expect(await tryStock(file, { stale: 3000 })).toBe('ELOCKED');
    });
    expect(await stock.check(file, { stale: 3000 })).toBe(true);
    h.send('release');
    await h.next('released');
    expect(h.events.filter((e) => e.event === 'compromised')).toEqual([]);
  });

  it('stock takes over a SIGKILLed drop-in holder’s lock once stale: its rmdir works (nothing inside)', async () => {
    const { file, lockDir } = target();
    const h = client('dropin', file, { stale: 2000 });
    await h.next('acquired');
    await killed(h.child);
    const s = client('stock', file, { stale: 2000, retries: { retries: 100, factor: 1, minTimeout: 100 } });
    const got = await s.next('acquired');
    expect(got.event).toBe('acquired');
    expect(recordOf(lockDir)).toBeNull(); // the stock holder's own directory
    s.send('release');
    await s.next('released');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['data']);
  });

  it('a stock holder SIGKILLed: the drop-in sits out stale exactly as stock (no record), then takes it as stale', async () => {
    const { file, lockDir } = target();
    const h = client('stock', file, { stale: 2000 });
    await h.next('acquired');
    await killed(h.child);
    expect(recordOf(lockDir)).toBeNull();
    while (Date.now() - fs.statSync(lockDir).mtimeMs < 1900) {
      const before = Date.now() - fs.statSync(lockDir).mtimeMs;
      const r = await tryDropin(file, { stale: 2000 });
      if (Date.now() - fs.statSync(lockDir).mtimeMs < 2000) {
        expect(r.code).toBe('ELOCKED');
        expect(before).toBeLessThan(2000);
      }
      await new Promise((res) => setTimeout(res, 100));
    }
    await waitFor(() => Date.now() - fs.statSync(lockDir).mtimeMs > 2000, 30_000, 'stale');
    const r = await tryDropin(file, { stale: 2000 });
    expect(r.code).toBe('acquired');
    expect(r.reclaim).toMatchObject({ reason: 'stale', holder: null });
  });

  it('a stale record never vouches for a new directory: a stock holder’s, under the same inode number, is judged by its mtime', async () => {
    let reused = false;
    const fsType = execFileSync('stat', ['-f', '-c', '%T', scratch()], { encoding: 'utf8' }).trim();
    for (let attempt = 0; attempt < 5 && !reused; attempt++) {
      const { file, lockDir } = target();
      const h = client('dropin', file);
      const a = await h.next('acquired');
      await killed(h.child);
      const old = fs.statSync(lockDir);
      expect(recordOf(lockDir)?.pid).toBe(a.pid); // the dead holder's record: it would prove it gone
      // A stock process takes the lock over (as stale: the mtime is aged by hand) and holds it.
      age(lockDir, 60_000);
      const s = client('stock', file);
      await s.next('acquired');
      const now = fs.statSync(lockDir);
      reused = now.ino === old.ino;
      // The new directory carries no record: stock's rules, and its holder is alive and fresh.
      expect(recordOf(lockDir)).toBeNull();
      const r = await tryDropin(file);
      expect(r.code).toBe('ELOCKED');
      expect((r.err as unknown as { holder: unknown }).holder).toBeNull();
      expect(await dropin.check(file)).toBe(true);
      await killed(s.child);
    }
    // ext4 hands a new directory the inode number just freed (a sidecar keyed by inode would be
    // fooled); tmpfs numbers them upwards.
    if (fsType === 'ext2/ext3' || fsType === 'ext4') expect(reused).toBe(true);
  });
});

// ---- races ----------------------------------------------------------------------------------------------

/** K gated clients race for `file`; resolves with how many acquired (each keeps it until killed). */
async function race(impl: 'dropin' | 'stock', file: string, k: number, opts: Record<string, unknown> = {}): Promise<{ won: number; codes: string[] }> {
  const cs = Array.from({ length: k }, () => client(impl, file, opts, { PL_GATE: '1' }));
  for (const c of cs) await c.next('ready');
  for (const c of cs) c.send('go');
  const outcomes = await Promise.all(
    cs.map((c) => waitFor(() => c.events.find((e) => e.event === 'acquired' || e.event === 'error'), 30_000, 'an outcome')),
  );
  for (const c of cs) await killed(c.child);
  const codes = outcomes.map((o) => (o.event === 'acquired' ? 'acquired' : String(o.code)));
  return { won: codes.filter((c) => c === 'acquired').length, codes };
}

describe.skipIf(linuxRecords !== null)(`race-free takeovers among drop-in processes (${linuxRecords ?? 'Linux, records'})`, () => {
  it('6 drop-in processes race for a dead holder’s lock, 5 rounds: exactly one wins each round', async () => {
    for (let round = 0; round < 5; round++) {
      const { file, lockDir } = target();
      fs.mkdirSync(lockDir);
      forgeRecord(lockDir, { pid: unusedPid() });
      const r = await race('dropin', file, 6);
      expect(r.won, r.codes.join(' ')).toBe(1);
      expect(r.codes.filter((c) => c !== 'acquired').every((c) => c === 'ELOCKED')).toBe(true);
    }
  }, 120_000);

  it('a directory replaced between its stat and its judging is judged again, never removed on the old judgement', async () => {
    const { dir, file, lockDir } = target();
    fs.mkdirSync(lockDir);
    age(lockDir, 60_000);
    let replaced: fs.Stats | null = null;
    // An fs that is the disk (a wrapper of Node's), whose first stat is answered for the stale
    // directory just before another process replaces it with a fresh one (a new inode: a dummy
    // directory takes the freed inode number first, as a busy filesystem would).
    const racy = {
      ...fs,
      stat(p: string, cb: (err: NodeJS.ErrnoException | null, st?: fs.Stats) => void) {
        fs.stat(p, (err, st) => {
          if (replaced === null && !err) {
            fs.rmdirSync(lockDir);
            fs.mkdirSync(path.join(dir, 'dummy'));
            fs.mkdirSync(lockDir);
            fs.rmdirSync(path.join(dir, 'dummy'));
            replaced = fs.statSync(lockDir);
            expect(replaced.ino).not.toBe(st!.ino);
          }
          cb(err, st);
        });
      },
    };
    const r = await tryDropin(file, { fs: racy });
    expect(replaced).not.toBeNull();
    // Judged as it is now (fresh, no record): held. Stock would have removed the new directory.
    expect(r.code).toBe('ELOCKED');
    expect(fs.statSync(lockDir).ino).toBe(replaced!.ino);
  });

  it('6 drop-in processes race for a stale lock without a record, 5 rounds: exactly one wins each round', async () => {
    for (let round = 0; round < 5; round++) {
      const { file, lockDir } = target();
      fs.mkdirSync(lockDir);
      age(lockDir, 60_000);
      const r = await race('dropin', file, 6);
      expect(r.won, r.codes.join(' ')).toBe(1);
      expect(r.codes.filter((c) => c !== 'acquired').every((c) => c === 'ELOCKED')).toBe(true);
    }
  }, 120_000);
});

// ---- kill -9 stress: drop-in fleet, mixed fleet ------------------------------------------------------

interface FleetResult {
  completed: number;
  kills: { impl: string; at: number; pid: number }[];
  /** With the other party's /proc state as the witness saw it and how long after its SIGKILL (if it was killed). */
  doubles: Array<{ me: string; other: string; otherPid: number; sinceKillMs: number | null; proc: unknown; after: unknown }>;
  compromised: Array<{ impl: string; message: string }>;
  written: number[];
  counter: number;
  recoveries: { impl: string; ms: number }[];
  dir: string;
  file: string;
}

/**
 * Workers (test/fixtures/pl-worker.ts) of each impl hammer one lock, each a read-modify-write of a
 * counter file, while a killer SIGKILLs holders inside the critical section; killed workers are
 * replaced by one that does the rest of their iterations.
 */
async function fleet(spec: { dropin: number; stock: number; iterations: number; minKills: number; maxKills: number; opts: object }): Promise<FleetResult> {
  const dir = scratch();
  const file = path.join(dir, 'shared');
  fs.writeFileSync(file, '');
  interface W {
    impl: 'dropin' | 'stock';
    child: ChildProcess;
    inside: boolean;
    exits: number;
    iterations: number;
    killed: boolean;
    done: boolean;
  }
  const workers = new Set<W>();
  const enters: number[] = [];
  const r: FleetResult = { completed: 0, kills: [], doubles: [], compromised: [], written: [], counter: 0, recoveries: [], dir, file };
  const errors: string[] = [];
  let finished = 0;
  const start = (impl: 'dropin' | 'stock', iterations: number): void => {
    const child = track(fork(fixture('pl-worker'), [impl, file, dir, String(iterations), JSON.stringify(spec.opts)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    const w: W = { impl, child, inside: false, exits: 0, iterations, killed: false, done: false };
    workers.add(w);
    child.on('message', (m: Record<string, unknown>) => {
      if (m.t === 'enter') {
        w.inside = true;
        enters.push(m.at as number);
      } else if (m.t === 'exit') {
        w.inside = false;
        w.exits++;
        r.completed++;
      } else if (m.t === 'done') {
        w.done = true;
        finished++;
      } else if (m.t === 'double') {
        const kill = r.kills.find((k) => k.pid === m.otherPid);
        r.doubles.push({
          me: String(m.me),
          other: String(m.other),
          otherPid: m.otherPid as number,
          sinceKillMs: kill === undefined ? null : (m.at as number) - kill.at,
          proc: m.proc,
          after: m.after,
        });
      }
      else if (m.t === 'compromised') r.compromised.push({ impl: String(m.impl), message: String(m.message) });
      else if (m.t === 'error') errors.push(String(m.message));
    });
    // 'close', not 'exit': it comes once the IPC channel is drained, so w.exits and w.done count
    // every message the worker sent; one killed just after its last section may have sent 'done'.
    child.on('close', (code) => {
      workers.delete(w);
      if (w.killed && !w.done) start(impl, w.iterations - w.exits);
      else if (w.killed) return;
      else if (code !== 0) errors.push(`${impl} worker ${child.pid} exited with ${code}`);
      else if (!w.done) errors.push(`${impl} worker ${child.pid} exited without finishing`);
    });
  };
  for (let i = 0; i < spec.dropin; i++) start('dropin', spec.iterations);
  for (let i = 0; i < spec.stock; i++) start('stock', spec.iterations);
  const target = spec.dropin + spec.stock;
  const total = target * spec.iterations;
  let nextKillAt = 0;
  const killer = setInterval(() => {
    if (r.kills.length >= spec.maxKills || Date.now() < nextKillAt) return;
    const inside = [...workers].filter((w) => w.inside && !w.killed);
    if (inside.length === 0) return;
    const behind = r.kills.length < Math.ceil((r.completed / total) * (spec.minKills + 3));
    if (!behind && Math.random() > 0.05) return;
    const w = inside[Math.floor(Math.random() * inside.length)];
    w.killed = true;
    r.kills.push({ impl: w.impl, at: Date.now(), pid: w.child.pid! });
    w.child.kill('SIGKILL');
    nextKillAt = Date.now() + (behind ? 5 : 50 + Math.random() * 50);
  }, 5);
  const deadline = Date.now() + 240_000;
  try {
    while (finished < target && errors.length === 0) {
      if (Date.now() > deadline) throw new Error(`fleet did not finish: ${finished}/${target} workers done, ${r.completed} critical sections`);
      await new Promise((res) => setTimeout(res, 50));
    }
  } finally {
    clearInterval(killer);
  }
  expect(errors).toEqual([]);
  r.counter = Number(fs.readFileSync(path.join(dir, 'counter'), 'utf8'));
  r.written = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('written.'))
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).map(Number));
  r.recoveries = r.kills.map((k) => {
    const next = enters.find((e) => e >= k.at);
    return { impl: k.impl, ms: next === undefined ? Infinity : next - k.at };
  });
  return r;
}

function p50(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** Every increment accounted for: no value written twice but for `allowedDuplicates`, none lost but by a kill. */
function countExact(r: FleetResult, allowedDuplicates: number): void {
  const unique = new Set(r.written);
  expect(r.written.length - unique.size).toBeLessThanOrEqual(allowedDuplicates);
  expect(r.written.every((v) => v >= 1 && v <= r.counter)).toBe(true);
  expect(Math.max(...r.written)).toBe(r.counter);
  // Values never logged: a holder killed between writing the counter and logging it, at most one per kill.
  const missing = r.counter - unique.size;
  expect(missing).toBeGreaterThanOrEqual(0);
  expect(missing).toBeLessThanOrEqual(r.kills.length);
  expect(r.written.length).toBeGreaterThanOrEqual(r.completed);
}

describe.skipIf(linuxRecords !== null)(`kill -9 stress (${linuxRecords ?? 'Linux: the witness reads /proc'})`, () => {
  it('6 drop-in processes × 120 acquisitions, holders SIGKILLed inside: 0 double grants, count exact, no stale period sat out', async () => {
    const r = await fleet({ dropin: 6, stock: 0, iterations: 120, minKills: 25, maxKills: 35, opts: { retries: { retries: 100_000, factor: 1.5, minTimeout: 2, maxTimeout: 50 } } });
    expect(r.doubles).toEqual([]);
    expect(r.compromised).toEqual([]);
    expect(r.kills.length).toBeGreaterThanOrEqual(25);
    countExact(r, 0);
    const ms = r.recoveries.map((x) => x.ms);
    console.log(
      `drop-in stress: ${r.completed} critical sections, counter ${r.counter}, ${r.kills.length} kills, 0 double grants, ` +
        `recovery after kill p50 ${p50(ms)} ms, worst ${Math.max(...ms)} ms (default stale: 10000 ms)`,
    );
    // Never the default stale (10 s): a generous bound for a loaded machine; figures in bench.
    expect(Math.max(...ms)).toBeLessThan(8000);
    expect(fs.readdirSync(r.dir).filter((f) => f.includes('.lock') || f.includes('pidproof'))).toEqual([]);
  }, 300_000);

  it('a mixed fleet (4 drop-in, 2 stock), holders of both SIGKILLed: no double grant among drop-in processes, stock undisturbed, count exact', async () => {
    const opts = { stale: 2000, update: 1000, retries: { retries: 100_000, factor: 1.5, minTimeout: 2, maxTimeout: 50 } };
    const r = await fleet({ dropin: 4, stock: 2, iterations: 60, minKills: 12, maxKills: 16, opts });
    // The drop-in never double-grants with itself. Stock removes a stale lock with a bare rmdir
    // (its issue #121): a double grant can involve a stock remover, as it can among stock
    // processes alone; each one is counted and may cost one update.
    const amongDropin = r.doubles.filter((d) => d.me === 'dropin' && d.other === 'dropin');
    expect(amongDropin).toEqual([]);
    const withStock = r.doubles.length;
    // No compromise but from such a race: the drop-in neither removes a live stock holder's lock
    // before stale nor touches its mtime.
    expect(r.compromised.length).toBeLessThanOrEqual(withStock);
    countExact(r, withStock);
    const byImpl = (impl: string) => r.recoveries.filter((x) => x.impl === impl).map((x) => x.ms);
    console.log(
      `mixed fleet: ${r.completed} critical sections, counter ${r.counter}, kills ${r.kills.filter((k) => k.impl === 'dropin').length} drop-in / ` +
        `${r.kills.filter((k) => k.impl === 'stock').length} stock, double grants ${withStock} (0 among drop-in), compromised ${r.compromised.length}; ` +
        `recovery p50 after a drop-in holder's kill ${p50(byImpl('dropin'))} ms, after a stock holder's ${p50(byImpl('stock'))} ms (stale 2000)`,
    );
    expect(r.kills.filter((k) => k.impl === 'dropin').length + r.kills.filter((k) => k.impl === 'stock').length).toBeGreaterThanOrEqual(12);
    expect(fs.readdirSync(r.dir).filter((f) => f.includes('.lock') || f.includes('pidproof'))).toEqual([]);
  }, 300_000);
});

// ---- exit and signals -------------------------------------------------------------------------------------

describe.skipIf(!isLinux)('exit and signals (Linux)', () => {
  it('SIGTERM releases a drop-in lock and a pidproof lock held by one process, which then dies of SIGTERM', async () => {
    const { dir, file, lockDir } = target();
    const core = path.join(dir, 'core.lock');
    const script = `
      const pl = require(${JSON.stringify(path.join(repoRoot, 'dist', 'compat', 'proper-lockfile.js'))});
      const { acquireLockSync } = require(${JSON.stringify(path.join(repoRoot, 'dist', 'index.js'))});
      pl.lockSync(${JSON.stringify(file)});
      acquireLockSync(${JSON.stringify(core)});
      console.log('held');
      setInterval(() => {}, 1e6);`;
    const c = track(spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] }));
    await once(c.stdout!, 'data');
    expect(fs.existsSync(lockDir)).toBe(true);
    expect(fs.existsSync(core)).toBe(true);
    const [code, signal] = (await (async () => {
      const exited = once(c, 'exit');
      c.kill('SIGTERM');
      return exited;
    })()) as [number | null, string | null];
    expect(code).toBeNull();
    expect(signal).toBe('SIGTERM');
    expect(fs.existsSync(lockDir)).toBe(false);
    expect(fs.existsSync(core)).toBe(false);
  });

  it('nothing of the drop-in keeps a process alive: a held lock, an unref’d retry wait on a live holder', async () => {
    const { file } = target();
    const h = client('dropin', file);
    await h.next('acquired');
    const mod = JSON.stringify(path.join(repoRoot, 'dist', 'compat', 'proper-lockfile.js'));
    const other = path.join(path.dirname(file), 'other');
    fs.writeFileSync(other, '');
    // Holds one lock, and waits for another (held by the client above) with unref'd retries.
    const script = `const pl = require(${mod});
      pl.lock(${JSON.stringify(other)}).then(() => { console.log('holding');
        pl.lock(${JSON.stringify(file)}, { retries: { retries: 5, minTimeout: 60000, unref: true } }).then(() => console.log('acquired?!'));
      });`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('holding');
    expect(fs.existsSync(`${other}.lock`)).toBe(false); // released at exit
  });
});
