/**
 * `npm run demo`: the recycled-PID story, with real processes.
 * 1. This process's identity. 2. A child, SIGKILLed: `dead`. 3. As root on Linux, a new process
 * forced onto the dead child's PID: `kill(pid, 0)` says alive, `ownerStatus` says `recycled`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import { backend, ownerStatus, processIdentity, selfIdentity } from './index';
import { paint, styleFor, verdictPaint } from './cli/format';
import type { ProcessIdentity } from './types';

const style = styleFor(process.stdout);
const say = (s = '') => process.stdout.write(s + '\n');
const head = (s: string) => say('\n' + paint(style, 'bold', s));
const word = (v: string) => paint(style, verdictPaint(v), v);

function brief(id: ProcessIdentity): string {
  const uid = id.uniqueId ? `, unique id ${id.uniqueId} (${id.uniqueIdKind})` : ', no unique id';
  return `PID ${id.pid}: start token ${id.startToken} (${id.startTokenUnit})${uid}, ${id.state}`;
}

function killZero(pid: number): string {
  try {
    process.kill(pid, 0);
    return 'alive';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? 'alive (EPERM)' : 'dead';
  }
}

function idle(): ChildProcess {
  return spawn('sleep', ['30'], { stdio: 'ignore' });
}

async function reap(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = once(child, 'exit');
  child.kill('SIGKILL');
  await done;
}

async function main(): Promise<void> {
  say(paint(style, 'bold', 'pidproof demo') + ` (backend: ${backend})`);

  head('1. This process');
  const me = selfIdentity();
  say(`   ${brief(me)}`);
  say(`   host ${me.hostname}, boot ${me.bootId}, pid namespace ${me.pidNamespace ?? '-'}`);

  head('2. A child, recorded, then SIGKILLed');
  const child = idle();
  const recorded = processIdentity(child.pid!)!;
  say(`   recorded  ${brief(recorded)}`);
  say(`   ownerStatus -> ${word(ownerStatus(recorded).verdict)}`);
  await reap(child);
  const st = ownerStatus(recorded);
  say(`   killed; ownerStatus -> ${word(st.verdict)} (${st.detail})`);

  head('3. The same PID on a new process (PID recycling)');
  const canForce =
    process.platform === 'linux' &&
    typeof process.getuid === 'function' &&
    process.getuid() === 0 &&
    fs.existsSync('/proc/sys/kernel/ns_last_pid');
  if (!canForce) {
    say('   skipped: forcing a PID needs root on Linux (it writes /proc/sys/kernel/ns_last_pid).');
    say('   Run "sudo npm run demo" to see kill(pid, 0) say "alive" for a recycled PID while');
    say('   ownerStatus says "recycled". The test suite exercises the same case.');
    return;
  }
  let impostor: ChildProcess | undefined;
  for (let attempt = 0; attempt < 50 && !impostor; attempt++) {
    fs.writeFileSync('/proc/sys/kernel/ns_last_pid', String(recorded.pid - 1));
    const c = idle();
    if (c.pid === recorded.pid) impostor = c;
    else await reap(c);
  }
  if (!impostor) {
    say('   could not force the PID (other processes kept taking it); try again.');
    return;
  }
  try {
    const now = processIdentity(recorded.pid)!;
    say(`   now       ${brief(now)}`);
    say(`   kill(${recorded.pid}, 0)   -> ${word(killZero(recorded.pid).startsWith('alive') ? 'alive' : 'dead')}   (the lie)`);
    const verdict = ownerStatus(recorded);
    say(`   ownerStatus      -> ${word(verdict.verdict)}   (${verdict.detail})`);
  } finally {
    await reap(impostor);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`demo failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
