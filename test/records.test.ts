/**
 * Foreign records (issue 24): OpenClaw's session-lock JSON and the minimal record any language
 * writes (README "From other languages", lib/record.ts). Their scope fields (bootId, hostname,
 * pidNamespace, platform) are honoured by the lock core, inspectLock, the doctor, `pidproof
 * inspect`, `watch` and `kill` exactly as ownerStatus honours them; the README's Python and shell
 * snippets (examples/pid_record.py, examples/pid-record.sh, run here as they are) write records
 * judged alive, dead, recycled and other-boot. Real processes, real files, real PID recycling
 * (root, through ns_last_pid).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock, currentScope, inspectLock, LockTimeoutError, ownerStatus, processIdentity, scanLocks } from '../lib/index';
import type { OwnerVerdict } from '../lib/index';
import { forgeLock } from './lock-helpers';
import { cleanup, isLinux, needsLinuxRoot, onLines, recyclePid, repoRoot, spawnIdle, statFields, tmpDir, track, unusedPid, waitFor } from './helpers';

afterEach(cleanup);

const cli = path.join(repoRoot, 'dist', 'cli.js');
const examples = path.join(repoRoot, 'examples');
const OTHER_BOOT = '0badb007-0000-4000-8000-000000000000';
const GONE = new Set<OwnerVerdict>(['dead', 'recycled', 'zombie', 'other-boot']);

function run(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** PATH with a `pidproof` command (exec'd, so nothing stands between the caller and node), as node_modules/.bin provides. */
function envWithCli(): NodeJS.ProcessEnv {
  const bin = tmpDir('pidproof-bin-');
  fs.writeFileSync(path.join(bin, 'pidproof'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} "$@"\n`, { mode: 0o755 });
  return { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '1' };
}

/** Start ticks of `pid` (Linux), read after the last ")". */
function ticksOf(pid: number): number {
  return Number(statFields(pid)![19]);
}

/** The boot clock in ticks (USER_HZ 100), as /proc/uptime shows it. */
function uptimeTicks(): number {
  return Math.floor(Number(fs.readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * 100);
}

/** Every reader's verdict on one file: they must agree with ownerStatus of the parsed JSON. */
function verdicts(file: string) {
  const text = fs.readFileSync(file, 'utf8');
  const i = inspectLock(file);
  const cliJson = JSON.parse(run(['inspect', '--json', file]).stdout);
  return { ownerStatus: ownerStatus(JSON.parse(text)).verdict, inspectLock: i.verdict, cli: cliJson.verdict as string, i };
}

async function reaped(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const e = once(child, 'exit');
    child.kill('SIGKILL');
    await e;
  }
  await waitFor(() => processIdentity(child.pid!) === null, 10_000, `PID ${child.pid} to be reaped`);
}

describe.skipIf(!isLinux)(`scope fields of foreign records${isLinux ? '' : ' [skipped: Linux start ticks]'}`, () => {
  let dir: string;
  beforeAll(() => {
    dir = tmpDir('pidproof-records-');
  });

  it("OpenClaw's format naming PID 1 with PID 1's real start ticks and another boot's bootId: other-boot, reclaimable, taken at once; with this boot's bootId: alive as before", async () => {
    const file = path.join(dir, 'pid1.jsonl.lock');
    const starttime = ticksOf(1);
    const pid1 = processIdentity(1)!;
    expect(pid1.startToken).toBe(String(starttime));
    const write = (bootId: string) =>
      fs.writeFileSync(file, JSON.stringify({ pid: 1, createdAt: new Date().toISOString(), starttime, bootId }));

    write(OTHER_BOOT);
    const v = verdicts(file);
    expect(v).toMatchObject({ ownerStatus: 'other-boot', inspectLock: 'other-boot', cli: 'other-boot' });
    expect(v.i).toMatchObject({ format: 'openclaw', reclaimable: true, staleReasons: ['other-boot'] }); // bootId is OpenClaw's since its PR #30525
    expect(v.i.detail).toMatch(new RegExp(`recorded in boot ${OTHER_BOOT}, this is boot ${currentScope().bootId}`));
    expect(run(['inspect', file]).code).toBe(1);
    const [entry] = await scanLocks(dir, { pattern: 'pid1.jsonl.lock' });
    expect(entry).toMatchObject({ verdict: 'other-boot', action: 'remove', pid: 1 });
    // kill and watch read the holder through the same rule: PID 1 is never signalled for it.
    const k = run(['kill', '-s', '0', '--json', file]);
    expect(k.code).toBe(1);
    expect(JSON.parse(k.stdout)).toMatchObject({ sent: false, verdict: 'other-boot' });
    const w = run(['watch', '--json', '--timeout', '5', file]);
    expect(w.code).toBe(0);
    expect(JSON.parse(w.stdout)).toMatchObject({ reason: 'other-boot', timedOut: false });
    const l = await acquireLock(file, { timeoutMs: 0 });
    expect(l.reclaimed?.staleReasons).toEqual(['other-boot']);
    await l.release();

    write(currentScope().bootId!);
    expect(verdicts(file)).toMatchObject({ ownerStatus: 'alive', inspectLock: 'alive', cli: 'alive' });
    expect(inspectLock(file)).toMatchObject({ reclaimable: false, staleReasons: [] });
    const err = await acquireLock(file, { timeoutMs: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockTimeoutError);
    expect(run(['kill', '-s', '0', file]).code).toBe(0); // signal 0: verifies only
    // An empty bootId is OpenClaw's "boot_id unreadable": absent for every reader, never another boot.
    write('');
    expect(verdicts(file)).toMatchObject({ ownerStatus: 'alive', inspectLock: 'alive', cli: 'alive' });
    fs.writeFileSync(file, JSON.stringify({ pid: 1, startToken: String(starttime), bootId: '' }));
    expect(verdicts(file)).toMatchObject({ ownerStatus: 'alive', inspectLock: 'alive', cli: 'alive' });
    // A field out of range: ownerStatus refuses it (RangeError) as inspect does (invalid, unknown).
    fs.writeFileSync(file, JSON.stringify({ pid: 1, startToken: String(starttime), createdAtMs: -1 }));
    expect(() => ownerStatus(JSON.parse(fs.readFileSync(file, 'utf8')))).toThrow(RangeError);
    expect(inspectLock(file)).toMatchObject({ verdict: 'unknown', reclaimable: false });
    fs.rmSync(file);
  });

  it('another PID with another boot id is other-boot (not recycled); a dead PID from another boot too', () => {
    const child = spawnIdle();
    const file = path.join(dir, 'other.lock');
    fs.writeFileSync(file, JSON.stringify({ pid: child.pid, starttime: ticksOf(child.pid!) + 5, bootId: OTHER_BOOT, createdAt: new Date().toISOString() }));
    expect(verdicts(file)).toMatchObject({ ownerStatus: 'other-boot', inspectLock: 'other-boot', cli: 'other-boot' });
    expect(inspectLock(file).staleReasons).toEqual(['other-boot']);
    fs.writeFileSync(file, JSON.stringify({ pid: unusedPid(), starttime: 12, bootId: OTHER_BOOT }));
    expect(inspectLock(file)).toMatchObject({ format: 'record', verdict: 'other-boot', staleReasons: ['other-boot'] });
  });

  it('hostname, pidNamespace and platform: another host or PID namespace is foreign (never probed, never reclaimed), as ownerStatus says', async () => {
    const child = spawnIdle();
    const here = currentScope();
    const file = path.join(dir, 'scope.lock');
    const dead = unusedPid();
    const cases: Array<[Record<string, unknown>, OwnerVerdict]> = [
      // Another host without a boot id: foreign, even though its PID is dead here.
      [{ pid: dead, starttime: 5, hostname: 'build-07' }, 'foreign'],
      // Another host with another boot id: the host decides first (a live record on a shared disk).
      [{ pid: dead, starttime: 5, hostname: 'build-07', bootId: OTHER_BOOT }, 'foreign'],
      // Another PID namespace (another container) of this boot: foreign, its PID never probed.
      [{ pid: dead, starttime: 5, bootId: here.bootId, pidNamespace: '4026599999' }, 'foreign'],
      // Another UTS name, but this kernel and this PID namespace: judged here (ownerStatus's rule).
      [{ pid: child.pid, starttime: ticksOf(child.pid!), hostname: 'container-a', bootId: here.bootId, pidNamespace: here.pidNamespace }, 'alive'],
      [{ pid: dead, starttime: 5, hostname: 'container-a', bootId: here.bootId, pidNamespace: here.pidNamespace }, 'dead'],
      // Another OS: its start stamp is in another unit.
      [{ pid: child.pid, starttime: 5, platform: 'darwin' }, 'foreign'],
      // This host, this boot, this namespace: compared.
      [{ pid: child.pid, starttime: ticksOf(child.pid!) + 1, hostname: here.hostname, bootId: here.bootId, pidNamespace: here.pidNamespace }, 'recycled'],
    ];
    for (const [rec, want] of cases) {
      fs.writeFileSync(file, JSON.stringify(rec));
      const v = verdicts(file);
      expect(v, JSON.stringify(rec)).toMatchObject({ ownerStatus: want, inspectLock: want, cli: want });
      expect(v.i.reclaimable, JSON.stringify(rec)).toBe(GONE.has(want));
      if (want === 'foreign') {
        const err = await acquireLock(file, { timeoutMs: 0 }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(LockTimeoutError);
        expect(run(['kill', '-s', '0', file]).code).toBe(2); // not provable: nothing sent
      }
    }
  });

  it('every combination of pid, starttime, boot, host, namespace and platform: the lock core, inspect and kill agree with ownerStatus', async () => {
    const child = spawnIdle();
    const here = currentScope();
    const file = path.join(dir, 'combo.lock');
    let n = 0;
    for (const pid of [child.pid!, unusedPid(), 1]) {
      const real = ticksOf(pid === child.pid || pid === 1 ? pid : process.pid);
      for (const starttime of [real, real + 3, undefined]) {
        for (const bootId of [here.bootId, OTHER_BOOT, undefined]) {
          for (const hostname of [here.hostname, 'elsewhere', undefined]) {
            for (const pidNamespace of [here.pidNamespace, '4026599999', undefined]) {
              for (const platform of [undefined, 'linux', 'darwin']) {
                const rec = { pid, starttime, bootId, hostname, pidNamespace, platform, createdAt: new Date(Date.now() - 1000).toISOString() };
                fs.writeFileSync(file, JSON.stringify(rec));
                const text = fs.readFileSync(file, 'utf8');
                const want = ownerStatus(JSON.parse(text)).verdict;
                const i = inspectLock(file);
                expect(i.verdict, text).toBe(want);
                expect(i.reclaimable, text).toBe(GONE.has(want));
                n++;
              }
            }
          }
        }
      }
    }
    expect(n).toBe(729);
    // The CLI's holder record (kill, watch) follows the same rule: sampled, a process each.
    for (const rec of [
      { pid: 1, starttime: ticksOf(1), bootId: OTHER_BOOT },
      { pid: child.pid!, starttime: ticksOf(child.pid!), hostname: 'elsewhere' },
      { pid: child.pid!, starttime: ticksOf(child.pid!), pidNamespace: '4026599999', bootId: here.bootId },
      { pid: child.pid!, starttime: ticksOf(child.pid!), bootId: here.bootId, hostname: here.hostname },
    ]) {
      fs.writeFileSync(file, JSON.stringify(rec));
      const want = ownerStatus(rec).verdict;
      const k = JSON.parse(run(['kill', '-s', '0', '--json', file]).stdout);
      expect(k.verdict, JSON.stringify(rec)).toBe(want);
      expect(k.sent).toBe(want === 'alive');
    }
  });

  it('ownerStatus reads a foreign record as the lock core does (starttime, createdAt); bad fields are TypeErrors naming them', () => {
    const child = spawnIdle();
    const t = ticksOf(child.pid!);
    expect(ownerStatus({ pid: child.pid!, starttime: t }).verdict).toBe('alive');
    expect(ownerStatus({ pid: child.pid!, starttime: String(t + 1) }).verdict).toBe('recycled');
    expect(ownerStatus({ pid: child.pid!, createdAt: new Date(Date.now() + 60_000).toISOString() }).verdict).toBe('unknown');
    expect(ownerStatus({ pid: child.pid!, createdAt: '2000-01-01T00:00:00Z' }).verdict).toBe('other-boot');
    expect(() => ownerStatus({ pid: child.pid!, starttime: -1 })).toThrow(RangeError);
    expect(() => ownerStatus({ pid: child.pid!, starttime: -1 })).toThrow(/record\.starttime must be a non-negative integer/);
    expect(() => ownerStatus({ pid: child.pid!, starttime: '18446744073709551616' })).toThrow(RangeError);
    expect(() => ownerStatus({ pid: child.pid!, starttime: 1.5 })).toThrow(TypeError);
    expect(() => ownerStatus({ pid: child.pid!, starttime: 5, createdAtMs: -1 })).toThrow(RangeError);
    expect(() => ownerStatus({ pid: child.pid!, starttime: 5, platform: 'plan9' })).toThrow(/record\.platform must be/);
    expect(() => ownerStatus({ pid: child.pid!, createdAt: 'yesterday' })).toThrow(/record\.createdAt must be an RFC 3339 date-time/);
  });

  it('inspect and the doctor name a record by what it is: OpenClaw-format or not, with or without a start stamp', () => {
    const child = spawnIdle();
    const d = tmpDir('pidproof-names-');
    const now = new Date().toISOString();
    fs.writeFileSync(path.join(d, 'oc.lock'), JSON.stringify({ pid: child.pid, createdAt: now, starttime: ticksOf(child.pid!), maxHoldMs: 60000 }));
    fs.writeFileSync(path.join(d, 'oc-bare.lock'), JSON.stringify({ pid: child.pid, createdAt: now }));
    fs.writeFileSync(path.join(d, 'oc-boot.lock'), JSON.stringify({ pid: child.pid, createdAt: now, starttime: ticksOf(child.pid!), bootId: currentScope().bootId }));
    fs.writeFileSync(path.join(d, 'py.pid'), JSON.stringify({ pid: child.pid, starttime: ticksOf(child.pid!), bootId: currentScope().bootId, hostname: currentScope().hostname, createdAt: now }));
    fs.writeFileSync(path.join(d, 'scope-only.pid'), JSON.stringify({ pid: child.pid, hostname: currentScope().hostname }));
    fs.writeFileSync(path.join(d, 'pid-only.pid'), JSON.stringify({ pid: child.pid }));
    fs.writeFileSync(path.join(d, 'identity.json.lock'), JSON.stringify(processIdentity(child.pid!)));
    const line = (f: string) => /format\s+(.*)\n/.exec(run(['inspect', path.join(d, f)]).stdout)![1];
    expect(line('oc.lock')).toBe("foreign record, OpenClaw's format · start stamp linux-ticks: judged exactly");
    expect(line('oc-bare.lock')).toBe("foreign record, OpenClaw's format · no start stamp: judged by evidence only");
    expect(line('oc-boot.lock')).toBe("foreign record, OpenClaw's format · start stamp linux-ticks: judged exactly"); // with its bootId (PR #30525)
    expect(line('py.pid')).toBe('foreign record · start stamp linux-ticks: judged exactly');
    expect(line('scope-only.pid')).toBe('foreign record · no start stamp: judged by evidence only');
    expect(line('pid-only.pid')).toBe('unknown'); // {"pid": N} alone is not taken for a record
    expect(line('identity.json.lock')).toBe('identity record (a saved ProcessIdentity) · start stamp linux-ticks: judged exactly');
    expect(verdicts(path.join(d, 'identity.json.lock'))).toMatchObject({ ownerStatus: 'alive', inspectLock: 'alive', cli: 'alive' });
    const doc = JSON.parse(run(['doctor', '--json', d]).stdout);
    const fmt = Object.fromEntries(doc.entries.map((e: { path: string; format: string }) => [path.basename(e.path), e.format]));
    expect(fmt).toEqual({ 'oc.lock': 'openclaw', 'oc-bare.lock': 'openclaw', 'oc-boot.lock': 'openclaw', 'py.pid': 'record', 'scope-only.pid': 'record', 'pid-only.pid': 'unknown', 'identity.json.lock': 'record' });
    const only = JSON.parse(run(['doctor', '--json', '--format', 'record', d]).stdout);
    expect(only.entries.map((e: { path: string }) => path.basename(e.path)).sort()).toEqual(['identity.json.lock', 'py.pid', 'scope-only.pid']);
    const oc = JSON.parse(run(['doctor', '--json', '--format', 'openclaw', d]).stdout);
    expect(oc.entries.map((e: { path: string }) => path.basename(e.path)).sort()).toEqual(['oc-bare.lock', 'oc-boot.lock', 'oc.lock']);
  });
});

it.skipIf(needsLinuxRoot() !== null)(`a host whose name is empty (sethostname with length 0 in a UTS namespace): its own identities and locks are judged, the empty hostname taken as unknown${needsLinuxRoot() ? ` [skipped: ${needsLinuxRoot()}]` : ''}`, () => {
  const dir = tmpDir('pidproof-nohost-');
  const lock = path.join(dir, 'a.lock');
  const script = `const p = require(${JSON.stringify(path.join(repoRoot, 'dist'))});
const s = p.selfIdentity();
const l = p.acquireLockSync(${JSON.stringify(lock)});
const out = { hostname: s.hostname, own: p.ownerStatus(s).verdict, cmp: p.compareIdentity(s), inspect: p.inspectLock(${JSON.stringify(lock)}).verdict,
  record: p.ownerStatus(JSON.parse(JSON.stringify({ pid: process.pid, starttime: Number(s.startToken), hostname: '' }))).verdict };
l.releaseSync();
console.log(JSON.stringify(out));`;
  const py = `import socket, subprocess, sys\nsocket.sethostname('')\nsys.exit(subprocess.run(sys.argv[1:]).returncode)`;
  const r = spawnSync('unshare', ['-u', 'python3', '-c', py, process.execPath, '-e', script], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual({ hostname: '', own: 'alive', cmp: 'same', inspect: 'alive', record: 'alive' });
});

it('files the record rule refuses are judged unknown by every reader, never a throw: a PID file dated 1970 (mtime 0), a pidproof payload whose pidNamespace is not decimal or whose platform is empty', async () => {
  const dir = tmpDir('pidproof-odd-');
  const child = spawnIdle();
  await waitFor(() => processIdentity(child.pid!), 15_000, 'the child');
  // A bare PID file with mtime 0: no date to go by, judged by the PID alone (alive, not reclaimed).
  const pidfile = path.join(dir, 'a.pid');
  fs.writeFileSync(pidfile, `${child.pid}\n`);
  fs.utimesSync(pidfile, 0, 0);
  expect(inspectLock(pidfile)).toMatchObject({ format: 'pidfile', verdict: 'unknown', reclaimable: false });
  expect(await acquireLock(pidfile, { timeoutMs: 0 }).catch((e: unknown) => e)).toBeInstanceOf(LockTimeoutError);
  expect(run(['inspect', '--json', pidfile]).code).not.toBe(2);
  // pidproof payloads that pass their own checks but state what the record rule refuses.
  for (const [name, patch] of [
    ['ns.lock', { pidNamespace: 'pid:[4026531836]' }],
    ['platform.lock', { platform: '' }],
  ] as const) {
    const f = path.join(dir, name);
    forgeLock(f, processIdentity(child.pid!)!, patch as never);
    const i = inspectLock(f);
    expect(i, name).toMatchObject({ format: 'unknown', verdict: 'unknown', reclaimable: false });
    expect(i.detail).toMatch(/invalid pidproof payload/);
    expect(await acquireLock(f, { timeoutMs: 0 }).catch((e: unknown) => e)).toBeInstanceOf(LockTimeoutError);
    const [entry] = await scanLocks(dir, { pattern: name });
    expect(entry).toMatchObject({ verdict: 'unknown', action: 'keep' });
  }
});

// ---- the README's snippets ---------------------------------------------------------------------

const readme = () => fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

it('the README shows examples/pid_record.py and examples/pid-record.sh verbatim (one copy: what the tests run)', () => {
  for (const [file, lang] of [
    ['pid_record.py', 'python'],
    ['pid-record.sh', 'sh'],
  ]) {
    const code = fs.readFileSync(path.join(examples, file), 'utf8');
    expect(readme().includes(`\`\`\`${lang}\n${code}\`\`\``), `README has a \`\`\`${lang} block with examples/${file} exactly`).toBe(true);
  }
});

const python = spawnSync('python3', ['--version']).status === 0;
const skipSnippets = !isLinux ? 'Linux: the snippets read /proc' : !python ? 'python3 is not installed' : null;

/** A writer that runs a snippet, then idles: `ready` on stdout once the record is written. */
interface Writer {
  child: ChildProcess;
  ready: Promise<void>;
}

/** The Python snippet in a process whose command name holds spaces and parentheses. */
function pythonWriter(file: string, env: NodeJS.ProcessEnv): Writer {
  const py = String.raw`
import ctypes, sys, time
ctypes.CDLL(None).prctl(15, b"py) 1 2 (x", 0, 0, 0)  # PR_SET_NAME: a command name with ")" and spaces
sys.path.insert(0, sys.argv[1])
import pid_record
pid_record.write_pid_record(sys.argv[2])
print("ready", flush=True)
time.sleep(600)
`;
  return readyWriter(spawn('python3', ['-c', py, examples, file], { env, stdio: ['ignore', 'pipe', 'inherit'] }));
}

/** The shell snippet, run by dash through a link named `sh (a) b) c`: its command name. */
function shellWriter(file: string, env: NodeJS.ProcessEnv, bin: string): Writer {
  const sh = path.join(bin, 'sh (a) b) c');
  if (!fs.existsSync(sh)) fs.symlinkSync(fs.realpathSync('/bin/sh'), sh);
  const script = '. "$1" && write_pid_record "$2" && echo ready && exec sleep 600';
  return readyWriter(spawn(sh, ['-c', script, 'sh', path.join(examples, 'pid-record.sh'), file], { env, stdio: ['ignore', 'pipe', 'inherit'] }));
}

function readyWriter(child: ChildProcess): Writer {
  track(child);
  const ready = new Promise<void>((resolve, reject) => {
    onLines(child.stdout!, (l) => l === 'ready' && resolve());
    child.once('exit', (code) => reject(new Error(`the writer exited (${code}) before it was ready`)));
  });
  return { child, ready };
}

/** Python's holder_alive(path) from the snippet. */
function pyHolderAlive(file: string, env: NodeJS.ProcessEnv): string {
  const r = spawnSync('python3', ['-c', 'import sys; sys.path.insert(0, sys.argv[1]); import pid_record; print(pid_record.holder_alive(sys.argv[2]))', examples, file], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

/** The shell snippet's pid_record_alive FILE: its exit code. */
function shRecordAlive(file: string, env: NodeJS.ProcessEnv): number | null {
  return spawnSync('sh', ['-c', '. "$1" && pid_record_alive "$2"', 'sh', path.join(examples, 'pid-record.sh'), file], { env }).status;
}

describe.skipIf(skipSnippets !== null)(`the README's snippets${skipSnippets ? ` [skipped: ${skipSnippets}]` : ''}`, () => {
  for (const lang of ['python', 'shell'] as const) {
    describe(lang, () => {
      const start = (file: string, env: NodeJS.ProcessEnv, bin: string) => (lang === 'python' ? pythonWriter(file, env) : shellWriter(file, env, bin));
      const alive = (file: string, env: NodeJS.ProcessEnv) => (lang === 'python' ? pyHolderAlive(file, env) : shRecordAlive(file, env));
      const ALIVE = lang === 'python' ? 'True' : 0;
      const GONE_ = lang === 'python' ? 'False' : 1;

      it('its record: the writer\'s PID and start ticks (a command name with ")" and spaces), this boot, namespace and host; alive, then dead after SIGKILL; another boot id is other-boot', async () => {
        const env = envWithCli();
        const bin = env.PATH!.split(path.delimiter)[0];
        const dir = tmpDir('pidproof-snippet-');
        const file = path.join(dir, 'app.pid');
        const w = start(file, env, bin);
        await w.ready;
        const rec = JSON.parse(fs.readFileSync(file, 'utf8'));
        const id = processIdentity(w.child.pid!)!;
        expect(fs.readFileSync(`/proc/${w.child.pid}/stat`, 'latin1')).toMatch(lang === 'python' ? /\(py\) 1 2 \(x\)/ : /\(sh \(a\) b\) c\)|\(sleep\)/);
        const here = currentScope();
        expect(rec).toMatchObject({ pid: w.child.pid, starttime: Number(id.startToken), bootId: here.bootId, pidNamespace: here.pidNamespace, hostname: here.hostname });
        expect(Math.abs(Date.parse(rec.createdAt) - Date.now())).toBeLessThan(120_000);
        expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('644');
        expect(fs.readdirSync(dir)).toEqual(['app.pid']); // no temp file left

        expect(verdicts(file)).toMatchObject({ ownerStatus: 'alive', inspectLock: 'alive', cli: 'alive' });
        expect(inspectLock(file)).toMatchObject({ format: 'record', reclaimable: false });
        expect(run(['inspect', file]).code).toBe(0);
        expect(alive(file, env)).toBe(ALIVE);
        expect(await acquireLock(file, { timeoutMs: 0 }).catch((e: unknown) => e)).toBeInstanceOf(LockTimeoutError);

        await reaped(w.child);
        expect(verdicts(file)).toMatchObject({ ownerStatus: 'dead', inspectLock: 'dead', cli: 'dead' });
        expect(run(['inspect', file]).code).toBe(1);
        expect(alive(file, env)).toBe(GONE_);

        // The same record from another boot: other-boot before any start stamp is compared.
        fs.writeFileSync(file, JSON.stringify({ ...rec, pid: process.pid, starttime: ticksOf(process.pid), bootId: OTHER_BOOT }));
        expect(verdicts(file)).toMatchObject({ ownerStatus: 'other-boot', inspectLock: 'other-boot', cli: 'other-boot' });
        expect(alive(file, env)).toBe(GONE_);
        const l = await acquireLock(file, { timeoutMs: 0 });
        expect(l.reclaimed?.staleReasons).toEqual(['other-boot']);
        await l.release();
        expect(alive(file, env)).toBe(GONE_); // no record at all
      });

      it.skipIf(needsLinuxRoot() !== null)(
        `recycled: the writer SIGKILLed and its PID forced onto a new process${needsLinuxRoot() ? ` [skipped: ${needsLinuxRoot()}]` : ''}`,
        async () => {
          const env = envWithCli();
          const bin = env.PATH!.split(path.delimiter)[0];
          const dir = tmpDir('pidproof-snippet-');
          const file = path.join(dir, 'app.pid');
          const flag = path.join(dir, 'writer-started');
          // A (the first fork) execs the snippet's writer, keeping its PID; B (forced onto A's PID) only sleeps.
          const sh = path.join(bin, 'sh (a) b) c');
          if (lang === 'shell' && !fs.existsSync(sh)) fs.symlinkSync(fs.realpathSync('/bin/sh'), sh);
          const exec =
            lang === 'python'
              ? `os.execv(sys.executable, [sys.executable, '-c', ${JSON.stringify(pythonBody())}, ${JSON.stringify(examples)}, ${JSON.stringify(file)}])`
              : `os.execv(${JSON.stringify(sh)}, ${JSON.stringify([sh, '-c', '. "$1" && write_pid_record "$2" && exec sleep 600', 'sh', path.join(examples, 'pid-record.sh'), file])})`;
          const child = `if not os.path.exists(${JSON.stringify(flag)}):\n        open(${JSON.stringify(flag)}, 'w').close()\n        ${exec}\n    signal.pause()\n    os._exit(0)`;
          let done = false;
          for (let attempt = 0; attempt < 10 && !done; attempt++) {
            fs.rmSync(flag, { force: true });
            fs.rmSync(file, { force: true });
            const ok = await recyclePid(
              async (a) => {
                await waitFor(() => fs.existsSync(file) && JSON.parse(fs.readFileSync(file, 'utf8')).pid === a, 30_000, 'the record of A');
                expect(verdicts(file).inspectLock).toBe('alive');
                expect(alive(file, env)).toBe(ALIVE);
                // A record holds start ticks only (10 ms): B must start in a later tick than A.
                const st = JSON.parse(fs.readFileSync(file, 'utf8')).starttime as number;
                await waitFor(() => uptimeTicks() >= st + 2, 15_000, "the clock to leave A's start tick");
              },
              (b) => {
                expect(() => process.kill(b, 0)).not.toThrow();
                expect(ticksOf(b)).not.toBe(JSON.parse(fs.readFileSync(file, 'utf8')).starttime);
                expect(verdicts(file)).toMatchObject({ ownerStatus: 'recycled', inspectLock: 'recycled', cli: 'recycled' });
                expect(inspectLock(file)).toMatchObject({ reclaimable: true, staleReasons: ['recycled-pid'] });
                expect(run(['inspect', file]).code).toBe(1);
                expect(alive(file, env)).toBe(GONE_);
                done = true;
              },
              { child },
            );
            if (!ok) continue;
          }
          expect(done).toBe(true);
        },
        120_000,
      );
    });
  }

  it("python: acquire_data_dir_lock (OpenViking's check replaced): refused while the holder lives, taken once it is dead or its old bare PID is recycled", async () => {
    const env = envWithCli();
    const data = tmpDir('pidproof-openviking-');
    const lockFile = path.join(data, '.openviking.pid');
    const acquire = () =>
      spawnSync('python3', ['-c', 'import sys; sys.path.insert(0, sys.argv[1]); import pid_record\ntry:\n  print(pid_record.acquire_data_dir_lock(sys.argv[2]))\nexcept pid_record.DataDirectoryLocked as e:\n  print("LOCKED", e)', examples, data], { env, encoding: 'utf8' });
    // The seed: an old OpenViking's bare PID file naming a live process that is not OpenViking.
    const other = spawnIdle();
    fs.writeFileSync(lockFile, String(other.pid));
    let r = acquire();
    expect(r.stdout.trim()).toBe(lockFile);
    expect(JSON.parse(fs.readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: expect.any(Number), starttime: expect.any(Number) });
    // A live holder (the snippet's record): refused.
    const w = pythonWriter(lockFile, env);
    await w.ready;
    r = acquire();
    expect(r.stdout).toMatch(new RegExp(`^LOCKED another process \\(PID ${w.child.pid}\\)`));
    await reaped(w.child);
    expect(acquire().stdout.trim()).toBe(lockFile);
  });

  it('python: stamp_pid_record goes through `pidproof stamp` (any OS) and is judged alive', () => {
    const env = envWithCli();
    const file = path.join(tmpDir('pidproof-snippet-'), 'cli.pid');
    const r = spawnSync('python3', ['-c', 'import os, sys; sys.path.insert(0, sys.argv[1]); import pid_record; pid_record.stamp_pid_record(sys.argv[2]); print(os.getpid()); print(pid_record.holder_alive(sys.argv[2]))', examples, file], { env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const [pid, alive] = r.stdout.trim().split('\n');
    const rec = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(rec).toMatchObject({ pidproof: 1, pid: Number(pid) });
    expect(alive).toBe('True');
    expect(inspectLock(file).verdict).toBe('dead'); // that python process has exited since
  });

  it('shell: write_pid_record refuses a symlink or a directory at FILE and leaves them alone; pid_record_alive is 1 without a file', () => {
    const env = envWithCli();
    const dir = tmpDir('pidproof-snippet-');
    const target = path.join(dir, 'target');
    fs.writeFileSync(target, 'keep');
    fs.symlinkSync(target, path.join(dir, 'link.pid'));
    fs.mkdirSync(path.join(dir, 'dir.pid'));
    const write = (f: string) => spawnSync('sh', ['-c', '. "$1" && write_pid_record "$2"', 'sh', path.join(examples, 'pid-record.sh'), f], { env, encoding: 'utf8' });
    expect(write(path.join(dir, 'link.pid'))).toMatchObject({ status: 2, stderr: expect.stringMatching(/symbolic link or a directory/) });
    expect(write(path.join(dir, 'dir.pid')).status).toBe(2);
    expect(fs.readFileSync(target, 'utf8')).toBe('keep');
    expect(fs.readdirSync(path.join(dir, 'dir.pid'))).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual(['dir.pid', 'link.pid', 'target']);
    expect(shRecordAlive(path.join(dir, 'none.pid'), env)).toBe(1);
  });
});

/** The recycler child's Python writer body (runs as the exec'd program of A). */
function pythonBody(): string {
  return 'import sys, time\nsys.path.insert(0, sys.argv[1])\nimport pid_record\npid_record.write_pid_record(sys.argv[2])\ntime.sleep(600)\n';
}
