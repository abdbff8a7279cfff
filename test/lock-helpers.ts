/** Lock test fixtures: holders in their own processes, forged payloads, event streams. */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { identity } from '../lib/identity';
import { buildPayload, type LockPayload, newToken, serialisePayload } from '../lib/lock/payload';
import type { ProcessIdentity } from '../lib/types';
import { collectJsonLines, repoRoot, track, waitFor } from './helpers';

export const fixture = (name: string) => path.join(repoRoot, '.test-out', 'test', 'fixtures', `${name}.js`);

export interface Holder {
  child: ChildProcess;
  events: Array<Record<string, unknown>>;
  next(event: string, ms?: number): Promise<Record<string, unknown>>;
  send(line: string): void;
  /** The holder's PID as this process sees it (with a `wrap`, the wrapped process, not the wrapper). */
  hostPid(): Promise<number>;
}

/**
 * Starts a lock holder process (test/fixtures/lock-holder.ts). `wrap`: a command that runs it, e.g.
 * `['unshare', '-p', '-f', '--kill-child', '--mount-proc']` for a holder in its own PID namespace;
 * the wrapper must fork the holder as its only child (or exec it).
 */
export function startHolder(
  lockPath: string,
  opts: Record<string, unknown> = {},
  env: NodeJS.ProcessEnv = {},
  wrap: string[] = [],
): Holder {
  const argv = [process.execPath, fixture('lock-holder'), lockPath, JSON.stringify(opts)];
  const [cmd, ...args] = [...wrap, ...argv];
  const child = spawn(cmd, args, {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  track(child);
  const events: Array<Record<string, unknown>> = [];
  collectJsonLines(child.stdout!, events);
  const consumed = new Set<number>();
  return {
    child,
    events,
    /** The first not yet consumed event of this kind (or an error), whatever came in between. */
    async next(event, ms = 15_000) {
      const e = await waitFor(
        () => {
          for (let i = 0; i < events.length; i++) {
            if (!consumed.has(i) && (events[i].event === event || events[i].event === 'error')) {
              consumed.add(i);
              return events[i];
            }
          }
          return null;
        },
        ms,
        `holder event "${event}"`,
      );
      if (e.event === 'error' && event !== 'error') throw new Error(`holder failed: ${JSON.stringify(e)}`);
      return e;
    },
    send(line) {
      child.stdin!.write(line + '\n');
    },
    async hostPid() {
      // `unshare -f` forks the holder; without it the wrapper execs into the holder.
      if (!wrap.includes('-f') && !wrap.includes('--fork')) return child.pid!;
      return waitFor(() => nsChild(child.pid!), 15_000, 'the wrapped holder process');
    },
  };
}

/** The only child of `pid` (Linux /proc), or null while it has none. */
function nsChild(pid: number): number | null {
  try {
    const kids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return kids.length === 1 ? Number(kids[0]) : null;
  } catch {
    return null;
  }
}

/** Writes a valid pidproof payload for `id`, as a holder that never took the kernel lock would. */
export function forgeLock(lockPath: string, id: ProcessIdentity, patch: Partial<LockPayload> = {}): LockPayload {
  const p = buildPayload(id, { token: newToken(), maxHoldMs: 300_000, leaseMs: null, mode: 'kernel' });
  Object.assign(p, patch);
  fs.writeFileSync(lockPath, serialisePayload(p));
  return p;
}

export function selfId(): ProcessIdentity {
  return identity.selfIdentity();
}
