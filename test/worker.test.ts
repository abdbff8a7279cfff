/**
 * Worker threads (issue 20): whatever a worker holds (locks, temp files of a pending acquire,
 * exit watches) is released when its environment is torn down, however it ends: `terminate()`
 * (what worker pools do to a stuck task; no JavaScript runs in the worker any more: the addon's
 * environment cleanup hook releases it), `process.exit()`, an uncaught exception. The proof that
 * the release happened before the worker's `exit` event: at that event the lock file is gone and
 * one attempt (`timeoutMs: 0`) of the main thread and of another process takes the lock.
 *
 * Each scenario runs in a fresh process (test/fixtures/worker-scenario.ts), so its descriptor
 * count is its own (Linux; elsewhere there is nothing to count them with). Runs on Linux and,
 * under wine, with the Windows build (`npm run test:win32`).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { backend } from '../lib/index';
import { tmpDir } from './helpers';
import { fixture } from './lock-helpers';

const native = backend === 'native';
const nativeIt = native ? it : it.skip;
const nativeNote = native ? '' : ' (skipped: the fallback backend has no addon to release at teardown)';

function run(scenario: string): Record<string, unknown> {
  const dir = tmpDir('pidproof-worker-');
  const r = spawnSync(process.execPath, [fixture('worker-scenario'), scenario, dir], { encoding: 'utf8', timeout: 120_000 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  let out: Record<string, unknown>;
  try {
    out = JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw new Error(`worker scenario ${scenario}: no result (status ${r.status}): ${r.stdout}${r.stderr}`);
  }
  if (out.error) throw new Error(`worker scenario ${scenario}: ${String(out.error)}\n${r.stderr}`);
  return out;
}

describe(`worker threads: a worker's locks end with the worker${nativeNote}`, () => {
  for (const [name, kind] of [
    ['acquireLockSync', 'sync'],
    ['acquireLock', 'async'],
    ['acquireLockSync with a lease', 'sync-lease'],
    ['acquireLock with a lease', 'async-lease'],
  ] as const) {
    nativeIt(`${name} in a worker, then worker.terminate(): released before its exit event; the main thread and another process take it at once; descriptors back to their count`, () => {
      const r = run(`${kind}:terminate`);
      expect(r.heldHere).toBe(true); // held by the worker until then
      expect(r.goneAtExit).toBe(true);
      expect(r.mainTakes).toBe(true);
      expect(r.otherTakes).toBe(true);
      expect(r.files).toEqual([]);
      expect(r.after, JSON.stringify(r.changed)).toBe(r.before);
      console.log(`worker ${name}: terminate() to the exit event ${(r.exitMs as number).toFixed(1)} ms, the lock free at it`);
    });
  }

  nativeIt('a waiter in the main thread holds the lock promptly after the worker holding it is terminated', () => {
    const r = run('wake');
    // Woken by the release (the file's removal), not by its 30 s timeout.
    expect(r.ms as number).toBeLessThan(30_000);
    console.log(`worker: terminate() to the waiting main thread holding the lock: ${(r.ms as number).toFixed(1)} ms`);
  });

  nativeIt('a worker terminated while it waits for a held lock leaves no temp file and no descriptor behind', () => {
    const r = run('waiting:terminate');
    expect(r.during).toEqual([expect.stringMatching(/^w\.lock\.pidproof-[0-9a-f]{12}\.tmp$/)]); // the worker's temp file
    expect(r.files).toEqual([]);
    expect(r.after).toBe(r.before);
  });

  nativeIt('a worker holding a lock and an exit watch: terminate() closes both', () => {
    const r = run('watch:terminate');
    expect(r.goneAtExit).toBe(true);
    expect(r.otherTakes).toBe(true);
    expect(r.after).toBe(r.before);
  });

  for (const [how, end] of [
    ['process.exit()', 'exit'],
    ['an uncaught exception', 'throw'],
  ] as const) {
    nativeIt(`a worker that ends with ${how} releases as before`, () => {
      const r = run(`sync:${end}`);
      expect(r.goneAtExit).toBe(true);
      expect(r.mainTakes).toBe(true);
      expect(r.otherTakes).toBe(true);
      expect(r.after).toBe(r.before);
      if (end === 'throw') expect(r.errors).toEqual(['Error: boom']);
    });
  }
});
