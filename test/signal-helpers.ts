/** Signal test fixtures: processes that log every signal they get, and PID recycling with them. */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import { recyclePid, track, waitFor } from './helpers';

/**
 * A Python script that logs each signal it receives (its name, one line on stdout) and keeps
 * running. Mode `log` catches SIGTERM too (so it ignores it, logging it); mode `default` leaves
 * SIGTERM at its default action (it dies of it). SIGUSR1, SIGUSR2, SIGHUP and SIGINT are always
 * logged. Python, not Node: Node reserves SIGUSR1 for its inspector.
 */
const LOGGER = String.raw`
import signal, sys
mode = sys.argv[1]
def log(sig, frame):
    print(signal.Signals(sig).name, flush=True)
for s in (signal.SIGUSR1, signal.SIGUSR2, signal.SIGHUP, signal.SIGINT):
    signal.signal(s, log)
if mode == 'log':
    signal.signal(signal.SIGTERM, log)
print('ready', flush=True)
while True:
    signal.pause()
`;

export interface Logger {
  child: ChildProcess;
  pid: number;
  /** Every line printed so far ('ready', then signal names). */
  lines: string[];
  /** Waits until `name` has been logged (at least `count` times). */
  saw(name: string, count?: number): Promise<void>;
  /** Resolves with [code, signal] when the process exits. */
  exit: Promise<[number | null, NodeJS.Signals | null]>;
}

/** Starts a signal logger and waits until its handlers are installed. */
export async function spawnLogger(mode: 'log' | 'default' = 'log'): Promise<Logger> {
  const child = track(spawn('python3', ['-c', LOGGER, mode], { stdio: ['ignore', 'pipe', 'inherit'] }));
  const exit = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  exit.catch(() => undefined);
  const lines: string[] = [];
  let buf = '';
  child.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      lines.push(buf.slice(0, i));
      buf = buf.slice(i + 1);
    }
  });
  const saw = (name: string, count = 1) =>
    waitFor(() => lines.filter((l) => l === name).length >= count, 15_000, `logger to log ${name}`).then(() => undefined);
  await saw('ready');
  return { child, pid: child.pid!, lines, saw, exit };
}

/** A and B of the recycler log every signal they receive to sys.argv[1] ("<pid> <SIGNAME>"). */
const LOGGING_CHILD = String.raw`LOG = sys.argv[1]
    me = os.getpid()
    def log(sig, frame):
        with open(LOG, 'a') as f:
            f.write('%d %s\n' % (me, signal.Signals(sig).name))
    for s in (signal.SIGTERM, signal.SIGUSR1, signal.SIGUSR2, signal.SIGHUP, signal.SIGINT):
        signal.signal(s, log)
    with open(LOG, 'a') as f:
        f.write('%d ready\n' % me)
    while True:
        signal.pause()`;

/** What one logging process of the recycler logged. */
export function loggedBy(log: string, pid: number): string[] {
  let text = '';
  try {
    text = fs.readFileSync(log, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${pid} `))
    .map((l) => l.slice(String(pid).length + 1));
}

/**
 * Real PID recycling with logging processes (Linux, root). `onA(pid)` runs while A lives (and
 * has installed its handlers); `onB(pid)` while B, on the same PID, lives. False when the PID
 * could not be forced.
 */
export async function recycleLogged(
  log: string,
  onA: (pid: number) => void | Promise<void>,
  onB: (pid: number) => void | Promise<void>,
): Promise<boolean> {
  return recyclePid(onA, onB, {
    child: LOGGING_CHILD,
    args: [log],
    // Wait until it has installed its handlers; the log also holds lines of B candidates that
    // missed the PID, so B counts its own second "ready".
    ready: (pid, which) =>
      waitFor(() => loggedBy(log, pid).filter((l) => l === 'ready').length >= (which === 'A' ? 1 : 2), 15_000, `${which} ready`).then(
        () => undefined,
      ),
  });
}
