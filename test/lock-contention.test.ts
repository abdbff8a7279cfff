/**
 * Many contenders for one lock (issue 21): one line of async contenders per lock path per thread,
 * first come first served; the lock handed over in place from one to the next; contenders that
 * leave (abort, timeout) leave at once; bounded turns between processes; a constant number of
 * descriptors however many wait; `acquireLockSync` never deadlocks on the line; fewer syscalls
 * per uncontended acquire (unnamed temp files, a remembered canonical directory).
 *
 * Order, counts and descriptors are asserted, never timings (those are in bench:lock --parts
 * contention). "At once" is asserted as "before the event loop's next check phase": everything it
 * covers happens in microtasks, so no timer (and no load) can make it pass or fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AbortError, acquireLock, acquireLockSync, backend, LockTimeoutError } from '../lib/index';
import { waitingFor } from '../lib/lock/line';
import { cleanup, isLinux, tmpDir, waitFor, waitsOnPidfd } from './helpers';
import { startHolder } from './lock-helpers';

let dir: string;
let lockPath: string;
const dirs: string[] = [];

beforeEach(() => {
  dir = tmpDir('pidproof-line-');
  dirs.push(dir);
  lockPath = path.join(dir, 'app.lock');
});
afterEach(() => cleanup());
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** The next turn of the event loop's check phase: every microtask queued before has run. */
const checkPhase = (): Promise<void> => new Promise((r) => setImmediate(r));
const hold = (ms = 1): Promise<void> => new Promise((r) => setTimeout(r, ms));
/**
 * Temp files of the lock in its directory (`<lock>.pidproof-<hex>.tmp`), not counting a second
 * name of the lock file itself: under wine (no POSIX delete semantics) a holder's temp name stays,
 * delete-pending, until its handle closes.
 */
function temps(): string[] {
  const lockIno = fs.lstatSync(lockPath, { bigint: true, throwIfNoEntry: false })?.ino;
  return fs
    .readdirSync(dir)
    .filter((f) => /^app\.lock\.pidproof-[0-9a-f]+\.tmp$/.test(f))
    .filter((f) => lockIno === undefined || fs.lstatSync(path.join(dir, f), { bigint: true, throwIfNoEntry: false })?.ino !== lockIno);
}

const isWin32 = process.platform === 'win32';

/**
 * Tells lock files apart across grants: each call returns a number that changes exactly when the
 * lock path names another file than at the previous call. The file seen last is kept open, so its
 * inode cannot be freed and its number reused by the next file (ext4 reuses them at once). Not
 * while the file is released on Windows: the open handle would leave its name delete-pending.
 */
function fileTracker(p: string): { see(): number; close(): void } {
  let fd: number | null = null;
  let ino = -1n;
  let n = 0;
  return {
    see() {
      const now = fs.statSync(p, { bigint: true }).ino;
      if (now !== ino) {
        if (fd !== null) fs.closeSync(fd);
        fd = isWin32 ? null : fs.openSync(p, 'r');
        ino = fd === null ? now : fs.fstatSync(fd, { bigint: true }).ino;
        n++;
      }
      return n;
    },
    close() {
      if (fd !== null) fs.closeSync(fd);
      fd = null;
    },
  };
}

/** Lengths of the runs of equal values in `xs`. */
function runsOf(xs: unknown[]): number[] {
  const runs: number[] = [];
  for (let k = 0; k < xs.length; k++) {
    if (k > 0 && xs[k] === xs[k - 1]) runs[runs.length - 1]++;
    else runs.push(1);
  }
  return runs;
}

/** Settles `p` into a record, so that a test can look at it without awaiting it. */
function watch<T>(p: Promise<T>): { done: boolean; value?: T; error?: unknown; p: Promise<void> } {
  const s: { done: boolean; value?: T; error?: unknown; p: Promise<void> } = { done: false, p: Promise.resolve() };
  s.p = p.then(
    (v) => {
      s.done = true;
      s.value = v;
    },
    (e: unknown) => {
      s.done = true;
      s.error = e;
    },
  );
  return s;
}

describe('one line of contenders per lock path', () => {
  it('20 contenders x 5 rounds: first come first served, no double grant (O_EXCL witness), the file handed over in place', async () => {
    const N = 20;
    const ROUNDS = 5;
    const marker = path.join(dir, 'in-critical-section');
    const order: number[] = [];
    const files: number[] = [];
    const tracker = fileTracker(lockPath);
    const tokens = new Set<string>();
    let doubles = 0;
    await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        for (let r = 0; r < ROUNDS; r++) {
          const lock = await acquireLock(lockPath, { timeoutMs: 60_000 });
          try {
            fs.closeSync(fs.openSync(marker, 'wx'));
          } catch {
            doubles++;
          }
          order.push(i);
          files.push(tracker.see());
          tokens.add(lock.token);
          expect(JSON.parse(fs.readFileSync(lockPath, 'utf8')).token).toBe(lock.token);
          await hold();
          fs.unlinkSync(marker);
          await lock.release();
        }
      }),
    );
    expect(doubles).toBe(0);
    // Each contender joins at the end of the line again after its release: 0..19, 0..19, ...
    expect(order).toEqual(Array.from({ length: N * ROUNDS }, (_, k) => k % N));
    // Handed over in place, a new holding (token) each time, the same file for a turn: 16 grants
    // (no other process waits), then a real release and a new file.
    tracker.close();
    // (Windows: the tracker cannot keep the file open, a release would leave its name pending.)
    if (!isWin32) expect(runsOf(files)).toEqual([16, 16, 16, 16, 16, 16, 4]);
    expect(tokens.size).toBe(N * ROUNDS);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(waitingFor(fs.realpathSync(dir) + path.sep + 'app.lock')).toBe(0);
  });

  it('a release hands the lock to the next contender at once (no timer, no watch event), in place', async () => {
    const first = await acquireLock(lockPath);
    const tracker = fileTracker(lockPath);
    const before = tracker.see();
    const next = watch(acquireLock(lockPath));
    await checkPhase();
    expect(next.done).toBe(false);
    await first.release();
    await checkPhase();
    expect(next.done).toBe(true);
    const lock = next.value!;
    expect(lock.token).not.toBe(first.token);
    expect(tracker.see()).toBe(before);
    tracker.close();
    expect(first.signal.aborted).toBe(false);
    await lock.release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('contenders aborted or timed out in the middle of the line leave at once; the order of the rest holds', async () => {
    const holder = await acquireLock(lockPath);
    const ac = new AbortController();
    const granted: number[] = [];
    const all = Array.from({ length: 10 }, (_, i) =>
      watch(
        acquireLock(lockPath, { signal: i === 4 ? ac.signal : undefined, timeoutMs: i === 7 ? 50 : 60_000 }).then(async (l) => {
          granted.push(i);
          await hold();
          await l.release();
        }),
      ),
    );
    await checkPhase();
    const p = fs.realpathSync(dir) + path.sep + 'app.lock';
    expect(waitingFor(p)).toBe(10);
    ac.abort(new Error('no longer needed'));
    await checkPhase();
    expect(all[4].done).toBe(true);
    expect(all[4].error).toBeInstanceOf(AbortError);
    expect((all[4].error as AbortError).cause).toEqual(new Error('no longer needed'));
    expect(waitingFor(p)).toBe(9);
    // The timeout: while the holder still holds, with the holder named (this process).
    await waitFor(() => all[7].done, 30_000, 'the contender with timeoutMs 50 to time out');
    expect(all[7].error).toBeInstanceOf(LockTimeoutError);
    const err = all[7].error as LockTimeoutError;
    expect(err.holder?.payload?.pid).toBe(process.pid);
    expect(err.message).toMatch(/held by this process/);
    expect(waitingFor(p)).toBe(8);
    expect(granted).toEqual([]);
    await holder.release();
    await Promise.all(all.map((s) => s.p));
    expect(granted).toEqual([0, 1, 2, 3, 5, 6, 8, 9]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('the head waiting for another process: one temp file for the whole line; when the head leaves, the next one tries at once', async () => {
    const h = startHolder(lockPath);
    const acquired = await h.next('acquired');
    const ac = new AbortController();
    const a = watch(acquireLock(lockPath, { signal: ac.signal, timeoutMs: 60_000 }));
    const b = watch(acquireLock(lockPath, { timeoutMs: 60_000 }));
    const c = watch(acquireLock(lockPath, { timeoutMs: 60_000 }));
    const d = watch(acquireLock(lockPath, { timeoutMs: 100 }));
    await checkPhase();
    // Only the head competes with the other process: one temp file, the head's.
    const headTemp = temps();
    expect(headTemp).toHaveLength(1);
    // A contender behind the head times out naming the other process, as the head judged it.
    await d.p;
    expect(d.error).toBeInstanceOf(LockTimeoutError);
    expect((d.error as LockTimeoutError).holder).toMatchObject({ verdict: 'alive', kernelHeld: backend === 'native' ? true : null });
    expect((d.error as LockTimeoutError).holder?.payload?.pid).toBe(acquired.pid);
    ac.abort();
    await checkPhase();
    expect(a.error).toBeInstanceOf(AbortError);
    // The next head tried at once (its first attempt names its temp file; the old one is gone).
    const next = temps();
    expect(next).toHaveLength(1);
    expect(next[0]).not.toBe(headTemp[0]);
    expect(b.done || c.done).toBe(false);
    h.send('release');
    await b.p;
    expect(b.value).toBeDefined();
    expect(c.done).toBe(false);
    await b.value!.release();
    await c.p;
    await c.value!.release();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a contender whose owner holds the lock when its turn comes shares the holding', async () => {
    const h = await acquireLock(lockPath, { owner: 'h' });
    const x1 = watch(acquireLock(lockPath, { owner: 'x' }));
    const x2 = watch(acquireLock(lockPath, { owner: 'x' }));
    const y = watch(acquireLock(lockPath, { owner: 'y' }));
    await checkPhase();
    expect([x1.done, x2.done, y.done]).toEqual([false, false, false]);
    await h.release();
    await checkPhase();
    // x1 got it; x2's turn came while x holds: it shares x1's holding. y waits.
    expect(x1.done && x2.done).toBe(true);
    expect(x2.value!.token).toBe(x1.value!.token);
    expect(y.done).toBe(false);
    await x1.value!.release();
    await checkPhase();
    expect(y.done).toBe(false); // x2's handle still holds it
    expect(JSON.parse(fs.readFileSync(lockPath, 'utf8')).token).toBe(x1.value!.token);
    await x2.value!.release();
    await checkPhase();
    expect(y.done).toBe(true);
    // A contender whose owner holds the lock when it asks shares at once, ahead of the line.
    const z = watch(acquireLock(lockPath, { owner: 'z' }));
    const y2 = await acquireLock(lockPath, { owner: 'y' });
    expect(y2.token).toBe(y.value!.token);
    expect(z.done).toBe(false);
    await y.value!.release();
    await y2.release();
    await z.p;
    await z.value!.release();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a holder that cannot hand over in place (another mode) releases, and the next one publishes at once', async () => {
    if (process.platform === 'win32') return; // modes are POSIX
    const first = await acquireLock(lockPath, { mode: 0o600 });
    const tracker = fileTracker(lockPath);
    const before = tracker.see();
    const next = watch(acquireLock(lockPath, { mode: 0o644 }));
    await first.release();
    await checkPhase();
    expect(next.done).toBe(true);
    expect(fs.statSync(lockPath).mode & 0o777).toBe(0o644);
    expect(tracker.see()).toBe(before + 1); // a new file
    tracker.close();
    await next.value!.release();
  });

  it('a holder of this thread compromised by its maxHoldMs watchdog: the next contender gets the lock', async () => {
    const first = await acquireLock(lockPath, { maxHoldMs: 100, onCompromised: () => undefined });
    const next = acquireLock(lockPath, { timeoutMs: 60_000 });
    const lock = await next;
    expect(first.signal.aborted).toBe(true);
    expect((first.signal.reason as { reason?: string }).reason).toBe('max-hold-exceeded');
    expect(JSON.parse(fs.readFileSync(lockPath, 'utf8')).token).toBe(lock.token);
    await lock.release();
    await first.release(); // idempotent, and never touches the successor's file
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it.runIf(isLinux)('300 contenders waiting: a constant number of descriptors (Linux: /proc/self/fd), one temp file', async () => {
    const fds = () => fs.readdirSync('/proc/self/fd').length;
    // Behind another process's holder (the head pins it and watches the directory).
    const h = startHolder(lockPath);
    await h.next('acquired');
    const before = fds();
    const granted: number[] = [];
    const all = Array.from({ length: 300 }, (_, i) =>
      acquireLock(lockPath, { timeoutMs: 120_000 }).then((l) => {
        granted.push(i);
        return l.release();
      }),
    );
    const p = fs.realpathSync(dir) + path.sep + 'app.lock';
    await waitFor(() => waitingFor(p) === 300 && temps().length === 1, 30_000, '300 contenders in line');
    // The head pins the holder (its exit watch in the event loop) before the count.
    if (isLinux) await waitFor(() => waitsOnPidfd(process.pid, h.child.pid!), 30_000, 'the head to watch the holder');
    const during = fds();
    expect(during - before).toBeLessThanOrEqual(12);
    expect(temps()).toHaveLength(1);
    // Behind a holder of this thread.
    h.send('release');
    await Promise.all(all);
    expect(granted).toEqual(Array.from({ length: 300 }, (_, i) => i));
    const mine = await acquireLock(lockPath);
    const before2 = fds();
    const more = Array.from({ length: 300 }, () => acquireLock(lockPath, { timeoutMs: 120_000 }).then((l) => l.release()));
    await checkPhase();
    expect(waitingFor(p)).toBe(300);
    expect(fds() - before2).toBeLessThanOrEqual(12);
    expect(temps()).toEqual([]);
    await mine.release();
    await Promise.all(more);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it.runIf(!isWin32)('a turn ends after at most 16 grants in a row: the lock file is really released and published again (POSIX: the test keeps the last file open to tell files apart)', async () => {
    // Critical sections that never leave the microtask queue: the turn still ends.
    const files: number[] = [];
    const tracker = fileTracker(lockPath);
    await Promise.all(
      Array.from({ length: 3 }, async () => {
        for (let i = 0; i < 20; i++) {
          const lock = await acquireLock(lockPath);
          files.push(tracker.see());
          await lock.release();
        }
      }),
    );
    tracker.close();
    expect(runsOf(files)).toEqual([16, 16, 16, 12]);
  });

  it('another process waiting gets the lock while this process has contenders in line (turns end)', async () => {
    let stop = false;
    let ours = 0;
    const loops = Array.from({ length: 5 }, async () => {
      while (!stop) {
        const l = await acquireLock(lockPath, { timeoutMs: 120_000 });
        ours++;
        await hold();
        await l.release();
      }
    });
    await waitFor(() => ours >= 5, 30_000, 'this process to hold the lock');
    const h = startHolder(lockPath, { timeoutMs: 120_000 });
    const got = await h.next('acquired', 120_000);
    expect(got.pid).not.toBe(process.pid);
    // It holds: none of ours gets in meanwhile.
    const during = ours;
    h.send('ping');
    await h.next('pong');
    expect(ours).toBe(during);
    h.send('release');
    await h.next('released');
    await waitFor(() => ours > during, 30_000, 'this process to get the lock back');
    stop = true;
    await Promise.all(loops);
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 180_000);
});

describe('acquireLockSync beside the line', () => {
  it('a lock held by an async acquire of this thread: fails at once, whatever timeoutMs (a blocked thread could never release it)', async () => {
    const lock = await acquireLock(lockPath);
    for (const timeoutMs of [Infinity, 10_000, 0]) {
      let err: unknown;
      try {
        acquireLockSync(lockPath, { timeoutMs });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(LockTimeoutError);
      const t = err as LockTimeoutError;
      expect(t.message).toMatch(/not acquired without waiting: this thread holds it/);
      expect(t.holder).toMatchObject({ verdict: 'alive', format: 'pidproof' });
      expect(t.holder?.payload?.token).toBe(lock.token);
    }
    // Nothing changed: still ours.
    expect(JSON.parse(fs.readFileSync(lockPath, 'utf8')).token).toBe(lock.token);
    // The same owner is reentrant, sync or not.
    await lock.release();
    const owned = await acquireLock(lockPath, { owner: 'me' });
    const again = acquireLockSync(lockPath, { owner: 'me' });
    expect(again.token).toBe(owned.token);
    again.releaseSync();
    await owned.release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('async contenders in line behind another process: a sync acquire competes directly and takes it ahead of them; they follow in order', async () => {
    const h = startHolder(lockPath);
    await h.next('acquired');
    const order: string[] = [];
    const queued = Array.from({ length: 3 }, (_, i) =>
      acquireLock(lockPath, { timeoutMs: 60_000 }).then(async (l) => {
        order.push(`async ${i}`);
        await l.release();
      }),
    );
    await checkPhase();
    // The holder releases when it reads this line; this thread is blocked in acquireLockSync
    // until then, and the line cannot run meanwhile.
    h.send('release');
    const sync = acquireLockSync(lockPath, { timeoutMs: 60_000 });
    order.push('sync');
    await checkPhase();
    expect(order).toEqual(['sync']);
    sync.releaseSync();
    await Promise.all(queued);
    expect(order).toEqual(['sync', 'async 0', 'async 1', 'async 2']);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a sync holder of this thread: async contenders wait in line and get it at its release', async () => {
    const sync = acquireLockSync(lockPath);
    const next = watch(acquireLock(lockPath));
    await checkPhase();
    expect(next.done).toBe(false);
    sync.releaseSync();
    await checkPhase();
    expect(next.done).toBe(true);
    await next.value!.release();
  });
});

describe('fewer syscalls when nobody waits', () => {
  it.runIf(isLinux && backend === 'native')('an uncontended acquire and release never create a temp name (Linux, native backend: an unnamed temp file)', async () => {
    const seen: string[] = [];
    const w = fs.watch(dir, (_ev, name) => {
      if (name) seen.push(name);
    });
    try {
      for (let i = 0; i < 20; i++) acquireLockSync(lockPath).releaseSync();
      for (let i = 0; i < 20; i++) await (await acquireLock(lockPath)).release();
      // inotify delivers in order: once this one is seen, every earlier event was.
      fs.writeFileSync(path.join(dir, 'flush'), '');
      await waitFor(() => seen.includes('flush'), 30_000, 'the flush event');
    } finally {
      w.close();
    }
    expect(seen.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(seen.filter((n) => n === 'app.lock').length).toBeGreaterThanOrEqual(40);
  });

  it('the lock directory is resolved again when a symlink in its path is re-pointed, or the directory replaced', async () => {
    if (process.platform === 'win32') return; // the directory is resolved on every call there
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    const link = path.join(dir, 'link');
    fs.symlinkSync(a, link);
    const via = path.join(link, 'x.lock');
    const realA = fs.realpathSync(a);
    const realB = fs.realpathSync(b);
    let l = acquireLockSync(via);
    expect(l.path).toBe(path.join(realA, 'x.lock'));
    l.releaseSync();
    fs.unlinkSync(link);
    fs.symlinkSync(b, link);
    l = acquireLockSync(via);
    expect(l.path).toBe(path.join(realB, 'x.lock'));
    expect(fs.existsSync(path.join(b, 'x.lock'))).toBe(true);
    l.releaseSync();
    // A directory given by its canonical path, replaced by another directory.
    const direct = path.join(realA, 'y.lock');
    l = acquireLockSync(direct);
    l.releaseSync();
    fs.renameSync(a, path.join(dir, 'a.old'));
    fs.mkdirSync(a);
    l = acquireLockSync(direct);
    expect(l.path).toBe(direct);
    expect(fs.existsSync(path.join(a, 'y.lock'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'a.old', 'y.lock'))).toBe(false);
    l.releaseSync();
    // Replaced by a symlink to another directory.
    fs.rmSync(a, { recursive: true });
    fs.symlinkSync(b, a);
    l = acquireLockSync(direct);
    expect(l.path).toBe(path.join(realB, 'y.lock'));
    l.releaseSync();
    // Removed: the error the first resolution gives.
    fs.unlinkSync(a);
    expect(() => acquireLockSync(direct)).toThrow(/does not exist/);
  });
});
