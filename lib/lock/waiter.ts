/**
 * Waiting for a held lock without a busy loop: an async acquire sleeps until the holder's exit
 * (watched through its identity: pidfd / kqueue / process handle), the lock file's removal
 * (`fs.watch` on the directory), a capped backoff timer (the safety net), or its abort signal.
 * One per lock path per thread (the head of `line.ts`'s line), which also learns from the
 * directory watch that another contender waits (its temp file).
 */
import fs from 'node:fs';
import path from 'node:path';
import { onAbort } from '../abort';
import type { ProcessIdentity } from '../types';
import { type ProcessWatch, watchProcess } from '../watch';
import { abortError } from './attempt';
import type { Judgement } from './judge';
import { type LockPayload, monoNow, payloadIdentity } from './payload';

/** Wakes an async acquire: holder exit, the lock file's removal, a timer, or abort. */
export class Waiter {
  private watcher: fs.FSWatcher | null = null;
  private watcherFailed = false;
  private exitWatch: { key: string; ac: AbortController; pinned: boolean } | null = null;
  private wake: (() => void) | null = null;
  /** `<base>.pidproof-`: the prefix of every temp file of a contender for this lock. */
  private readonly tempPrefix: string;
  /** Base names of this waiter's own recent temp files (not other contenders'). */
  private readonly own: string[] = [];
  /**
   * When the directory watch last saw another contender's temp file for this lock created or
   * rewritten (monotonic ms; -Infinity: never): another process or thread is waiting for it.
   */
  othersSeenAt = -Infinity;

  constructor(private readonly a: { dir: string; base: string }) {
    this.tempPrefix = `${a.base}.pidproof-`;
  }

  /** Starts the directory watch (if it is not running). */
  watchDir(): void {
    this.ensureDirWatch();
  }

  /** A temp file of this thread (its changes are not another contender's). */
  ownTemp(p: string): void {
    const name = path.basename(p);
    if (this.own.includes(name)) return;
    this.own.push(name);
    if (this.own.length > 32) this.own.shift();
  }

  /** What ended the last `wait`: its time, the directory watch, the holder's exit, or `wakeNow`. */
  woke: 'timer' | 'dir' | 'exit' | 'now' = 'timer';

  private fire(why: Waiter['woke']): void {
    if (this.wake === null) return;
    this.woke = why;
    this.wake();
  }

  /** Wakes a `wait` in progress now. */
  wakeNow(): void {
    this.fire('now');
  }

  private ensureDirWatch(): void {
    if (this.watcher || this.watcherFailed) return;
    try {
      this.watcher = fs.watch(this.a.dir, { persistent: false }, (ev, name) => {
        if (name === null) {
          this.fire('dir');
        } else if (name === this.a.base) {
          // The lock file removed, created or replaced; not a rewrite in place (a heartbeat or a
          // hand-over inside the holder's process: the lock stays held).
          if (ev === 'rename') this.fire('dir');
        } else if (name.startsWith(this.tempPrefix) && name.endsWith('.tmp') && !this.own.includes(name)) {
          this.othersSeenAt = monoNow();
        }
      });
      this.watcher.on('error', () => {
        this.watcher?.close();
        this.watcher = null;
        this.watcherFailed = true;
      });
    } catch {
      this.watcherFailed = true; // inotify limits and the like: the poll still runs
    }
  }

  /** Watches the holder's exit (pinned to its identity) while it is the same holder. */
  private ensureExitWatch(j: Judgement | null): void {
    const rec = j?.record;
    const watchable = rec && j && (j.verdict === 'alive' || j.verdict === 'unknown');
    // Keyed by the holder's process, not its holding: a process that hands the lock from one
    // of its contenders to the next (a new token each time) is the same process to watch.
    const key = watchable ? `${rec.pid}:${rec.startToken ?? ''}:${rec.uniqueId ?? ''}` : '';
    if (this.exitWatch && this.exitWatch.key === key) return;
    this.exitWatch?.ac.abort();
    this.exitWatch = null;
    if (!watchable) return;
    const ac = new AbortController();
    const target: ProcessIdentity | number =
      j.format === 'pidproof' ? payloadIdentity(j.holder as LockPayload) : rec.pid;
    let w: ProcessWatch;
    try {
      w = watchProcess(target);
    } catch {
      // Foreign (another PID namespace of this kernel, another host), or nothing to compare:
      // no exit notification, the poll alone wakes us.
      this.exitWatch = { key, ac, pinned: false };
      return;
    }
    const entry = { key, ac, pinned: w.mechanism === 'pinned' };
    this.exitWatch = entry;
    w.exited({ signal: ac.signal })
      .then(
        () => this.fire('exit'),
        () => {
          entry.pinned = false; // aborted or failed: the poll still runs
        },
      )
      .finally(() => w.close());
  }

  /**
   * Sets up the wake-ups for a wait on `j`'s holder (directory watch, exit watch). Returns whether
   * the holder's exit is pinned: then the backoff poll is only a safety net.
   */
  prepare(j: Judgement | null): boolean {
    this.ensureDirWatch();
    this.ensureExitWatch(j);
    return this.exitWatch?.pinned === true;
  }

  /**
   * Sleeps until a wake-up set by `prepare`, `ms`, or the abort signal. `ms` 0: until the event
   * loop's next check phase (after the pending I/O callbacks: the directory watch's reports).
   */
  wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      // One 'abort' listener per signal however many acquires share it (lib/abort.ts).
      const unsubscribe = signal
        ? onAbort(signal, () => {
            if (ms > 0) clearTimeout(timer as NodeJS.Timeout);
            else clearImmediate(timer as NodeJS.Immediate);
            this.wake = null;
            reject(abortError(signal));
          })
        : null;
      const done = () => {
        if (ms > 0) clearTimeout(timer as NodeJS.Timeout);
        else clearImmediate(timer as NodeJS.Immediate);
        unsubscribe?.();
        this.wake = null;
        resolve();
      };
      const timer = ms > 0 ? setTimeout(done, ms) : setImmediate(done);
      this.woke = 'timer';
      this.wake = done;
    });
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
    this.exitWatch?.ac.abort();
    this.exitWatch = null;
  }
}

