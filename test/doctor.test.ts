/**
 * The lock doctor (`scanLocks`, `fixLocks`) on real directories with real processes: live,
 * dead, recycled, foreign, legacy (OpenClaw, PID files) and garbage locks, symlinks and
 * directories; and the stress: `doctor --fix` in a loop next to live acquirers never deletes a
 * live lock.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  acquireLock,
  type DoctorEntry,
  fixLocks,
  inspectLock,
  type ProcessIdentity,
  processIdentity,
  scanLocks,
  selfIdentity,
  summarizeLocks,
} from '../lib/index';
import { globToRegExp } from '../lib/lock/doctor';
import { buildPayload, newToken, serialisePayload } from '../lib/lock/payload';
import { cleanup, needsLinuxRoot, recyclePid, repoRoot, tmpDir, unusedPid, waitFor } from './helpers';

const distIndex = path.join(repoRoot, 'dist', 'index.js');
const cli = path.join(repoRoot, 'dist', 'cli.js');

const kids = new Set<ChildProcess>();
afterEach(() => {
  for (const c of kids) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  kids.clear();
  cleanup();
});

beforeAll(() => {
  if (!fs.existsSync(distIndex)) throw new Error('dist/ is not built: run npm run build:ts');
});

/** A child process holding a pidproof lock (acquired through dist/), printing "ready". */
async function holder(lockPath: string, options = '{ maxHoldMs: Infinity }'): Promise<ChildProcess> {
  const script = `const p = require(${JSON.stringify(distIndex)});
const l = p.acquireLockSync(${JSON.stringify(lockPath)}, ${options});
l.signal.addEventListener('abort', () => process.stdout.write('compromised\\n'));
process.stdout.write('ready\\n');
setInterval(() => {}, 1e6);`;
  const c = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  kids.add(c);
  const [d] = (await once(c.stdout!, 'data')) as [Buffer];
  expect(d.toString()).toBe('ready\n');
  return c;
}

async function idleChild(): Promise<ChildProcess> {
  const c = spawn('sleep', ['120'], { stdio: 'ignore' });
  kids.add(c);
  await once(c, 'spawn');
  return c;
}

async function kill(c: ChildProcess): Promise<void> {
  if (c.exitCode !== null || c.signalCode !== null) return;
  const e = once(c, 'exit');
  c.kill('SIGKILL');
  await e;
}

function payloadFor(id: ProcessIdentity, over: Record<string, unknown> = {}): Buffer {
  const p = buildPayload(id, { token: newToken(), maxHoldMs: 3_600_000, leaseMs: null, mode: 'kernel' });
  Object.assign(p, over);
  return serialisePayload(p);
}

function byName(entries: DoctorEntry[]): Record<string, DoctorEntry> {
  return Object.fromEntries(entries.map((e) => [path.basename(e.path), e]));
}

describe('globToRegExp', () => {
  it.each([
    ['*.lock', 'a.lock', true],
    ['*.lock', 'a.jsonl.lock', true],
    ['*.lock', 'a.lock.pidproof-guard', false],
    ['*.lock', '.hidden.lock', true],
    ['?.pid', 'a.pid', true],
    ['?.pid', 'ab.pid', false],
    ['[ab]*.lock', 'b1.lock', true],
    ['[!ab]*.lock', 'b1.lock', false],
    ['[a-c]x', 'bx', true],
    ['*.{lock,pid}', 'x.pid', true],
    ['*.{lock,pid}', 'x.txt', false],
    ['{a,b{c,d}}.lock', 'bd.lock', true],
    ['x\\*.lock', 'x*.lock', true],
    ['x\\*.lock', 'xy.lock', false],
    ['a+b(1).lock', 'a+b(1).lock', true],
    ['\\[unclosed', '[unclosed', true],
    ['\\{x', '{x', true],
    ['a]b}.lock', 'a]b}.lock', true],
  ])('%s vs %s -> %s', (glob, name, want) => {
    expect(globToRegExp(glob).test(name)).toBe(want);
  });

  it('rejects patterns with a slash or an unclosed brace', () => {
    expect(() => globToRegExp('a/*.lock')).toThrow(TypeError);
    expect(() => globToRegExp('{a,b')).toThrow(/unclosed "\{"/);
    // One rule for both brackets: an unclosed "[" is an error too, not a silent literal.
    expect(() => globToRegExp('[abc')).toThrow(/unclosed "\[" \(write \\\[ to match/);
    expect(() => globToRegExp('*.[!l')).toThrow(TypeError);
    expect(() => globToRegExp('')).toThrow(TypeError);
  });
});

describe('scanLocks', () => {
  it('judges a mixed directory: live, dead, foreign, OpenClaw, PID files, garbage, symlinks, directories', async () => {
    const dir = tmpDir('pidproof-doctor-');
    const j = (n: string) => path.join(dir, n);
    await holder(j('live.lock'));
    const doomed = await holder(j('dead.lock'));
    await kill(doomed);
    const idle = await idleChild();
    const idleId = processIdentity(idle.pid!)!;
    expect(idleId).not.toBeNull();
    fs.writeFileSync(j('foreign.lock'), payloadFor(idleId, { hostname: 'some-other-host', bootId: '0badb007-0000-4000-8000-000000000000' }));
    fs.writeFileSync(j('s1.jsonl.lock'), JSON.stringify({ pid: idle.pid, createdAt: new Date().toISOString(), starttime: Number(idleId.startToken) }));
    fs.writeFileSync(j('s2.jsonl.lock'), JSON.stringify({ pid: idle.pid, createdAt: new Date().toISOString(), starttime: Number(idleId.startToken) + 7 }));
    fs.writeFileSync(j('alive.pid'), `${idle.pid}\n`);
    fs.writeFileSync(j('gone.pid'), `${unusedPid()}\n`);
    fs.writeFileSync(j('binary.lock'), Buffer.from([0, 1, 2, 0xff, 0xfe]));
    fs.writeFileSync(j('huge.lock'), Buffer.alloc(100 * 1024, 0x7b));
    fs.writeFileSync(j('empty.lock'), '');
    fs.writeFileSync(j('types.lock'), JSON.stringify({ pid: 'abc', createdAt: 5 }));
    fs.writeFileSync(j('nan.lock'), '{"pidproof":1,"pid":NaN}');
    fs.writeFileSync(j('notes.txt'), 'not a lock');
    fs.mkdirSync(j('dir.lock'));
    fs.writeFileSync(path.join(dir, 'dir.lock', 'inner.lock'), payloadFor(idleId, { pid: unusedPid() }));
    fs.symlinkSync(j('live.lock'), j('link.lock'));
    fs.symlinkSync('/nonexistent', j('dangling.pid'));
    // A pidproof temp file of a writer that died before publishing, and one of a live writer.
    const deadId = { ...selfIdentity(), pid: unusedPid() };
    fs.writeFileSync(j('x.lock.pidproof-0123456789ab.tmp'), payloadFor(deadId));
    fs.writeFileSync(j('y.lock.pidproof-0123456789ac.tmp'), payloadFor(idleId));
    fs.writeFileSync(j('x.lock.pidproof-guard'), '');

    const progress: number[] = [];
    const entries = await scanLocks(dir, { onProgress: (p) => progress.push(p.done) });
    const e = byName(entries);
    expect(Object.keys(e).sort()).toEqual(
      [
        'alive.pid', 'binary.lock', 'dangling.pid', 'dead.lock', 'dir.lock', 'empty.lock', 'foreign.lock',
        'gone.pid', 'huge.lock', 'link.lock', 'live.lock', 'nan.lock', 's1.jsonl.lock', 's2.jsonl.lock',
        'types.lock', 'x.lock.pidproof-0123456789ab.tmp',
      ].sort(),
    );
    expect(progress.length).toBeGreaterThan(0);
    // live: kernel-held by a live process
    expect(e['live.lock']).toMatchObject({ kind: 'lock', format: 'pidproof', verdict: 'alive', kernelHeld: true, reclaimable: false, action: 'keep' });
    expect(e['live.lock'].pid).toBeGreaterThan(0);
    // dead: holder SIGKILLed
    expect(e['dead.lock']).toMatchObject({ format: 'pidproof', verdict: 'dead', kernelHeld: false, reclaimable: true, action: 'remove' });
    expect(e['dead.lock'].staleReasons).toContain('dead-pid');
    expect(e['dead.lock'].pid).toBe(doomed.pid);
    // foreign: never judged here, never removed
    expect(e['foreign.lock']).toMatchObject({ verdict: 'foreign', reclaimable: false, action: 'keep' });
    // OpenClaw: matching starttime alive, mismatching recycled
    expect(e['s1.jsonl.lock']).toMatchObject({ format: 'openclaw', verdict: 'alive', reclaimable: false, action: 'keep', pid: idle.pid });
    expect(e['s2.jsonl.lock']).toMatchObject({ format: 'openclaw', verdict: 'recycled', reclaimable: true, action: 'remove' });
    // PID files: a live PID without a start token is unknown (never removed); a dead one is stale
    expect(e['alive.pid']).toMatchObject({ format: 'pidfile', verdict: 'unknown', action: 'keep', pid: idle.pid });
    expect(e['gone.pid']).toMatchObject({ format: 'pidfile', verdict: 'dead', reclaimable: true, action: 'remove' });
    // garbage: unknown, kept
    for (const n of ['binary.lock', 'huge.lock', 'empty.lock', 'types.lock', 'nan.lock']) {
      expect(e[n], n).toMatchObject({ kind: 'lock', format: 'unknown', verdict: 'unknown', reclaimable: false, action: 'keep', holder: null });
    }
    expect(e['huge.lock'].detail).toMatch(/too large/);
    // symlinks and directories: skipped, never followed
    expect(e['link.lock']).toMatchObject({ kind: 'symlink', action: 'skipped' });
    expect(e['dangling.pid']).toMatchObject({ kind: 'symlink', action: 'skipped' });
    expect(e['dir.lock']).toMatchObject({ kind: 'directory', action: 'skipped' });
    expect(e['link.lock'].error).toMatch(/symbolic link/);
    // temp litter of a dead writer: removable; a live writer's temp is not reported
    expect(e['x.lock.pidproof-0123456789ab.tmp']).toMatchObject({ kind: 'temp', verdict: 'dead', action: 'remove' });

    const s = summarizeLocks(entries);
    expect(s).toMatchObject({ live: 2, stale: 4, removed: 0, remaining: 4, skipped: 3 });

    // Recursive: the directory named dir.lock is reported and also descended into.
    const rec = byName(await scanLocks(dir, { recursive: true }));
    expect(rec['inner.lock']).toMatchObject({ verdict: 'dead', action: 'remove' });
    expect(rec['dir.lock']).toMatchObject({ kind: 'directory', action: 'skipped' });
    // Patterns replace the defaults.
    const only = await scanLocks(dir, { pattern: ['*.txt', '*.{pid,nope}'] });
    expect(only.map((x) => path.basename(x.path)).sort()).toEqual(['alive.pid', 'dangling.pid', 'gone.pid', 'notes.txt']);

    // Fix: only the stale ones go, through the reclaim path; the live holder is untouched.
    const liveBefore = fs.readFileSync(j('live.lock'));
    const fixed = byName(await fixLocks(entries));
    for (const n of ['dead.lock', 's2.jsonl.lock', 'gone.pid', 'x.lock.pidproof-0123456789ab.tmp']) {
      expect(fixed[n].action, n).toBe('removed');
      expect(fs.existsSync(j(n)), n).toBe(false);
    }
    for (const n of ['live.lock', 'foreign.lock', 's1.jsonl.lock', 'alive.pid', 'binary.lock', 'huge.lock', 'empty.lock', 'types.lock', 'nan.lock']) {
      expect(fixed[n].action, n).toBe('keep');
      expect(fs.existsSync(j(n)), n).toBe(true);
    }
    expect(fs.readFileSync(j('live.lock'))).toEqual(liveBefore);
    expect(inspectLock(j('live.lock')).kernelHeld).toBe(true);
    expect(fs.lstatSync(j('link.lock')).isSymbolicLink()).toBe(true);
    expect(fs.existsSync(j('dir.lock'))).toBe(true);
    // The guards the reclaims took are removed with the locks; the unrelated one stays.
    expect(fs.existsSync(j('dead.lock.pidproof-guard'))).toBe(false);
    expect(fs.existsSync(j('x.lock.pidproof-guard'))).toBe(true);
    expect(summarizeLocks(Object.values(fixed))).toMatchObject({ removed: 4, remaining: 0 });
  });

  it('recycled: a lock whose holder PID now names another process is reclaimable (Linux, root)', async (ctx) => {
    const skip = needsLinuxRoot();
    if (skip) {
      ctx.skip(skip);
      return;
    }
    const dir = tmpDir('pidproof-doctor-');
    const lp = path.join(dir, 'recycled.lock');
    let entries: DoctorEntry[] = [];
    const ok = await recyclePid(
      (a) => {
        fs.writeFileSync(lp, payloadFor(processIdentity(a)!));
      },
      async (b) => {
        expect(processIdentity(b)).not.toBeNull();
        entries = await scanLocks(dir, { fix: true });
      },
    );
    if (!ok) {
      ctx.skip('could not force the PID (another fork won the race)');
      return;
    }
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ verdict: 'recycled', reclaimable: true, action: 'removed' });
    expect(entries[0].staleReasons).toContain('recycled-pid');
    expect(fs.existsSync(lp)).toBe(false);
  });

  it('fix never removes a lock a live process took after the scan, and reports one already gone', async () => {
    const dir = tmpDir('pidproof-doctor-');
    const a = path.join(dir, 'a.lock');
    const b = path.join(dir, 'b.lock');
    const deadId = { ...selfIdentity(), pid: unusedPid() };
    fs.writeFileSync(a, payloadFor(deadId));
    fs.writeFileSync(b, payloadFor(deadId));
    const entries = await scanLocks(dir);
    expect(entries.map((e) => e.action)).toEqual(['remove', 'remove']);
    // a: a live acquirer reclaims it between the scan and the fix (here: this process).
    const lock = await acquireLock(a, { timeoutMs: 1000 });
    expect(lock.reclaimed).not.toBeNull();
    // b: removed by someone else.
    fs.unlinkSync(b);
    try {
      const fixed = byName(await fixLocks(entries));
      expect(fixed['a.lock']).toMatchObject({ action: 'keep' });
      expect(fixed['a.lock'].note).toMatch(/no longer reclaimable/);
      expect(fixed['b.lock']).toMatchObject({ action: 'keep' });
      expect(fixed['b.lock'].note).toMatch(/already gone/);
      expect(lock.signal.aborted).toBe(false);
      expect(fs.readFileSync(a, 'utf8')).toContain(lock.token);
      expect(fs.existsSync(b)).toBe(false);
    } finally {
      await lock.release();
    }
    expect(lock.signal.aborted).toBe(false);
  });

  it('is asynchronous and cancellable: yields to the event loop, honours an AbortSignal', async () => {
    const dir = tmpDir('pidproof-doctor-');
    const deadId = { ...selfIdentity(), pid: unusedPid() };
    const buf = payloadFor(deadId);
    for (let i = 0; i < 2000; i++) fs.writeFileSync(path.join(dir, `l${i}.lock`), buf);
    let ticks = 0;
    const t = setInterval(() => ticks++, 0);
    try {
      const entries = await scanLocks(dir, { batchSize: 50 });
      expect(entries).toHaveLength(2000);
    } finally {
      clearInterval(t);
    }
    expect(ticks).toBeGreaterThan(5);
    const ac = new AbortController();
    let calls = 0;
    const p = scanLocks(dir, {
      batchSize: 10,
      onProgress: (pr) => {
        if (pr.done > 0 && ++calls === 3) ac.abort();
      },
      signal: ac.signal,
    });
    await expect(p).rejects.toMatchObject({ name: 'AbortError', code: 'ABORT_ERR' });
    await expect(scanLocks(dir, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    // Nothing was removed by a scan.
    expect(fs.readdirSync(dir)).toHaveLength(2000);
  });

  it('rejects a directory that does not exist and bad options; per-entry trouble never aborts the scan', async () => {
    const dir = tmpDir('pidproof-doctor-');
    // The error names the directory and says what is wrong, not only the errno.
    const missing = path.join(dir, 'missing');
    await expect(scanLocks(missing)).rejects.toMatchObject({
      code: 'ENOENT',
      path: missing,
      message: `ENOENT: directory ${JSON.stringify(missing)} does not exist; dirs must name existing directories to scan`,
    });
    // Also when it is one of several: the missing one is named, not the first.
    await expect(scanLocks([dir, missing])).rejects.toMatchObject({ code: 'ENOENT', path: missing });
    fs.writeFileSync(path.join(dir, 'file'), '');
    await expect(scanLocks(path.join(dir, 'file'))).rejects.toMatchObject({
      code: 'ENOTDIR',
      path: path.join(dir, 'file'),
      message: `ENOTDIR: directory ${JSON.stringify(path.join(dir, 'file'))} is not a directory; dirs must name directories to scan`,
    });
    await expect(scanLocks([])).rejects.toThrow(TypeError);
    await expect(scanLocks(dir, { pattern: 'a/b' })).rejects.toThrow(TypeError);
    await expect(scanLocks(dir, { batchSize: 0 })).rejects.toThrow(RangeError);
    await expect(scanLocks(dir, { recursive: 'yes' as unknown as boolean })).rejects.toThrow(TypeError);
    // A FIFO named like a lock, and (non-root) an unreadable lock and subdirectory.
    fs.mkdirSync(path.join(dir, 'sub'));
    if (process.platform !== 'win32') {
      const { execFileSync } = await import('node:child_process');
      execFileSync('mkfifo', [path.join(dir, 'pipe.lock')]);
    }
    const root = process.getuid?.() === 0;
    if (!root) {
      fs.writeFileSync(path.join(dir, 'secret.lock'), '123\n', { mode: 0o000 });
      fs.mkdirSync(path.join(dir, 'closed'), { mode: 0o000 });
    }
    const entries = byName(await scanLocks(dir, { recursive: true }));
    if (process.platform !== 'win32') expect(entries['pipe.lock']).toMatchObject({ kind: 'other', action: 'skipped' });
    if (!root) {
      expect(entries['secret.lock']).toMatchObject({ action: 'skipped' });
      expect(entries['secret.lock'].error).toMatch(/EACCES/);
      expect(entries['closed']).toMatchObject({ kind: 'directory', action: 'skipped' });
      expect(entries['closed'].error).toMatch(/EACCES/);
    }
  });

  it('an unknown option name is a TypeError naming it and the nearest valid one; nothing is scanned or removed', async () => {
    const dir = tmpDir('pidproof-doctor-');
    const stale = path.join(dir, 'dead.lock');
    fs.writeFileSync(stale, payloadFor(selfIdentity(), { pid: unusedPid() }));
    let progress = 0;
    const onProgress = () => void progress++;
    // scanLocks: a typo of one of its options gets the hint, with every name it takes.
    for (const [bad, near] of [
      [{ recursve: true }, 'recursive'],
      [{ patterns: '*.lock' }, 'pattern'],
      [{ fix: true, batchsize: 8 }, 'batchSize'],
      [{ fix: true, onProgres: onProgress }, 'onProgress'],
      [{ fix: true, reclaimUnknownAfter: 5 }, 'reclaimUnknownAfterMs'],
    ] as const) {
      const name = Object.keys(bad).find((k) => k !== 'fix')!;
      const p = scanLocks(dir, { onProgress, ...bad } as never);
      await expect(p, name).rejects.toBeInstanceOf(TypeError);
      await expect(p).rejects.toThrow(
        `options.${name} is not a known option; did you mean options.${near}? (known: batchSize, signal, onProgress, reclaimUnknownAfterMs, legacyCommand, recursive, pattern, fix)`,
      );
    }
    // An acquire option (a scan never waits): named, with the names it takes.
    const t = scanLocks(dir, { fix: true, timeout: 5 } as never);
    await expect(t).rejects.toBeInstanceOf(TypeError);
    await expect(t).rejects.toThrow(/^options\.timeout is not a known option \(known: batchSize, /);
    // fixLocks: its own names only; a scan option is named too.
    const entries = await scanLocks(dir);
    expect(byName(entries)['dead.lock'].action).toBe('remove');
    const f1 = fixLocks(entries, { batchsize: 8 } as never);
    await expect(f1).rejects.toBeInstanceOf(TypeError);
    await expect(f1).rejects.toThrow(/^options\.batchsize is not a known option; did you mean options\.batchSize\? \(known: /);
    await expect(fixLocks(entries, { recursive: true } as never)).rejects.toThrow(
      'options.recursive is not a known option (known: batchSize, signal, onProgress, reclaimUnknownAfterMs, legacyCommand)',
    );
    // Nothing was scanned (no progress reported) and the stale lock is still there...
    expect(progress).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(['dead.lock']);
    // ...though a fix with valid options removes it.
    expect(byName(await fixLocks(entries))['dead.lock'].action).toBe('removed');
    expect(fs.existsSync(stale)).toBe(false);
  });
});

describe('stress: doctor --fix in a loop next to live acquirers', () => {
  it('never deletes a live lock: zero double grants, no holder ever compromised', async () => {
    const dir = tmpDir('pidproof-stress-');
    const locks = [0, 1, 2, 3, 4].map((i) => path.join(dir, `shared-${i}.lock`));
    // At least MIN_MS, and until every figure asserted below has been reached (a busy machine
    // runs fewer rounds per second), within MAX_MS.
    const MIN_MS = 8000;
    const MAX_MS = 90_000;
    // Each grant writes one character: G grant, D double grant (witness existed), L the lock file
    // no longer named our token, C the lock was compromised. K: about to die holding the lock
    // (after leaving the critical section), which leaves a stale lock for the doctor or a waiter.
    const worker = `const p = require(${JSON.stringify(distIndex)}); const fs = require('fs');
const locks = ${JSON.stringify(locks)};
const out = (c) => fs.writeSync(1, c);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
(async () => {
  for (;;) {
    const lp = locks[Math.floor(Math.random() * locks.length)];
    const lock = await p.acquireLock(lp, { timeoutMs: 60000, onCompromised: () => out('C') });
    const w = lp + '.witness';
    let fd = null;
    try { fd = fs.openSync(w, 'wx'); } catch { out('D'); }
    if (!fs.readFileSync(lp, 'utf8').includes(lock.token)) out('L');
    await sleep(Math.random() * 3);
    if (!fs.readFileSync(lp, 'utf8').includes(lock.token)) out('L');
    if (fd !== null) { fs.closeSync(fd); fs.unlinkSync(w); }
    out('G');
    if (Math.random() < 0.05) { out('K'); process.kill(process.pid, 'SIGKILL'); }
    lock.releaseSync();
    await sleep(Math.random() * 2);
  }
})();`;
    const counts: Record<string, number> = { G: 0, D: 0, L: 0, C: 0, K: 0 };
    let stopping = false;
    const workers = new Set<ChildProcess>();
    const start = () => {
      const c = spawn(process.execPath, ['-e', worker], { stdio: ['ignore', 'pipe', 'pipe'] });
      kids.add(c);
      workers.add(c);
      c.stdout!.on('data', (d: Buffer) => {
        for (const ch of d.toString()) counts[ch] = (counts[ch] ?? 0) + 1;
      });
      let err = '';
      c.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      c.on('exit', (code, sig) => {
        workers.delete(c);
        if (!stopping) {
          if (sig !== 'SIGKILL') throw new Error(`worker exited with ${code ?? sig}: ${err}`);
          start(); // replace a worker that died holding its lock
        }
      });
    };
    for (let i = 0; i < 6; i++) start();

    // The doctor: the CLI in a loop (child processes) and the API in a loop (this process).
    const doctor = { cliRuns: 0, cliRemoved: 0, apiRuns: 0, apiRemoved: 0, badExit: 0 };
    const t0 = Date.now();
    const enough = () => counts.G > 200 && counts.K > 3 && doctor.cliRuns > 5 && doctor.apiRuns > 20;
    const going = () => Date.now() - t0 < MAX_MS && (Date.now() - t0 < MIN_MS || !enough());
    const cliLoop = async () => {
      while (going()) {
        const c = spawn(process.execPath, [cli, 'doctor', dir, '--fix', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
        kids.add(c);
        let out = '';
        let errOut = '';
        c.stdout!.on('data', (d: Buffer) => (out += d.toString()));
        c.stderr!.on('data', (d: Buffer) => (errOut += d.toString()));
        // 'close', not 'exit': stdout may still hold data when the process has exited.
        const [code] = (await once(c, 'close')) as [number];
        doctor.cliRuns++;
        if (code !== 0 && code !== 1) doctor.badExit++;
        if (out === '') throw new Error(`doctor --json printed nothing (exit ${code}): ${errOut}`);
        const r = JSON.parse(out) as { summary: { removed: number } };
        doctor.cliRemoved += r.summary.removed;
      }
    };
    const apiLoop = async () => {
      while (going()) {
        const fixed = await scanLocks(dir, { fix: true });
        doctor.apiRuns++;
        doctor.apiRemoved += fixed.filter((e) => e.action === 'removed').length;
        await new Promise((r) => setTimeout(r, 2));
      }
    };
    await Promise.all([cliLoop(), apiLoop()]);
    stopping = true;
    for (const c of workers) c.kill('SIGKILL');
    await waitFor(() => workers.size === 0, 30_000, 'workers to exit');
    console.log(`stress: ${counts.G} grants, ${counts.K} holders killed, doctor ${doctor.cliRuns} CLI runs (${doctor.cliRemoved} removed) + ${doctor.apiRuns} API runs (${doctor.apiRemoved} removed); double grants ${counts.D}, lost ${counts.L}, compromised ${counts.C}`);
    expect(counts.D).toBe(0);
    expect(counts.L).toBe(0);
    expect(counts.C).toBe(0);
    expect(doctor.badExit).toBe(0);
    expect(counts.G).toBeGreaterThan(200);
    expect(counts.K).toBeGreaterThan(3);
    expect(doctor.cliRuns).toBeGreaterThan(5);
    expect(doctor.apiRuns).toBeGreaterThan(20);
  }, 150_000);
});
