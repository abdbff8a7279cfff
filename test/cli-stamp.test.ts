/**
 * `pidproof stamp [--pid PID] [--mode MODE] [--json] FILE`: the identity record of a process (by
 * default the caller: pidproof's parent), written atomically in pidproof's own format, judged
 * exactly by every verdict (ownerStatus of the parsed JSON, compareIdentity, inspectLock, `pidproof
 * inspect`, the doctor, `watch`, `kill`, an acquire). Real processes, real files, real signals;
 * PID recycling forced as root; `nobody` for an unwritable directory.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { acquireLock, compareIdentity, inspectLock, LockTimeoutError, ownerStatus, processIdentity, scanLocks } from '../lib/index';
import { parseLockFile } from '../lib/lock/payload';
import {
  cleanup,
  isLinux,
  makeZombie,
  needsLinuxRoot,
  nobodyNodeSkip,
  onLines,
  otherThreadIds,
  publicPackage,
  recyclePid,
  repoRoot,
  spawnIdle,
  tmpDir,
  track,
  unusedPid,
  waitFor,
  waitsOnPidfd,
} from './helpers';

afterEach(cleanup);

const cli = path.join(repoRoot, 'dist', 'cli.js');
const isWin32 = process.platform === 'win32';
const posixOnly = isWin32 ? ' [skipped: a POSIX shell]' : '';

function run(args: string[], opts: { env?: NodeJS.ProcessEnv; uid?: number } = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...(opts.env ?? process.env), NO_COLOR: '1' },
    ...(opts.uid === undefined ? {} : { uid: opts.uid, gid: opts.uid }),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** PATH with a `pidproof` command that execs node (as the npm bin link does: nothing in between). */
function envWithCli(execs = true): NodeJS.ProcessEnv {
  const bin = tmpDir('pidproof-bin-');
  const line = `${execs ? 'exec ' : ''}${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} "$@"`;
  fs.writeFileSync(path.join(bin, 'pidproof'), `#!/bin/sh\n${line}\n`, { mode: 0o755 });
  return { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '1' };
}

const read = (f: string) => JSON.parse(fs.readFileSync(f, 'utf8'));

/** The verdict of every reader on FILE. */
function verdicts(file: string) {
  const rec = read(file);
  return {
    ownerStatus: ownerStatus(rec).verdict,
    inspectLock: inspectLock(file).verdict,
    cli: JSON.parse(run(['inspect', '--json', file]).stdout).verdict as string,
  };
}

async function killed(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const e = once(child, 'exit');
    child.kill('SIGKILL');
    await e;
  }
  await waitFor(() => processIdentity(child.pid!) === null, 10_000, `PID ${child.pid} to be gone`);
}

describe('pidproof stamp', () => {
  it('--help, and the top-level help lists it; usage errors exit 2 with a pointer to --help', () => {
    const h = run(['stamp', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/^Usage: pidproof stamp \[--pid PID\] \[--mode MODE\] \[--json\] FILE/);
    expect(h.stdout).toMatch(/npx/);
    expect(run(['--help']).stdout).toMatch(/\n {2}stamp <file> /);
    const dir = tmpDir('pidproof-stamp-');
    const f = path.join(dir, 'x.pid');
    for (const [args, msg] of [
      [[], /expected one FILE, got 0/],
      [[f, f], /expected one FILE, got 2/],
      [['--mode', '999', f], /--mode must be octal permission bits/],
      [['--mode', '4755', f], /--mode must be octal permission bits between 000 and 0777/],
      [['--mode', 'u=rw', f], /--mode must be octal/],
      [['--pid', '0', f], /not a PID: "0"/],
      [['--pid', 'abc', f], /not a PID/],
      [['--pid', f], /expected one FILE, got 0/],
      [['--mdoe', '0600', f], /unknown option --mdoe; did you mean --mode MODE\?/],
      [[`${dir}/`], /FILE must name a file/],
    ] as Array<[string[], RegExp]>) {
      const r = run(['stamp', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(msg);
      expect(r.stderr).toMatch(/Run "pidproof stamp --help" for usage/);
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('records its caller by default (the process that ran it) and --pid another one; judged alive by every verdict, dead once gone, then taken by an acquire', async () => {
    const dir = tmpDir('pidproof-stamp-');
    // The caller: this test process spawns pidproof directly, so pidproof's parent is this process.
    const self = path.join(dir, 'self.pid');
    expect(run(['stamp', self])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(read(self)).toMatchObject({ pidproof: 1, pid: process.pid, mode: 'lease', leaseMs: null, maxHoldMs: null });
    expect(verdicts(self)).toEqual({ ownerStatus: 'alive', inspectLock: 'alive', cli: 'alive' });

    const child = spawnIdle();
    await once(child, 'spawn');
    const file = path.join(dir, 'child.pid');
    const r = run(['stamp', '--pid', String(child.pid), '--json', file]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const id = processIdentity(child.pid!)!;
    expect(out).toMatchObject({ path: file, mode: '0644' });
    expect(out.record).toEqual(read(file));
    expect(out.record).toMatchObject({
      pid: child.pid,
      startToken: id.startToken,
      startTokenUnit: id.startTokenUnit,
      uniqueId: id.uniqueId,
      bootId: id.bootId,
      pidNamespace: id.pidNamespace,
      hostname: id.hostname,
      platform: process.platform,
      command: expect.stringMatching(/^node/),
    });
    // The file is exactly what the lock core parses: a pidproof payload whose checksum verifies.
    expect(parseLockFile(fs.readFileSync(file), 0).format).toBe('pidproof');
    expect(verdicts(file)).toEqual({ ownerStatus: 'alive', inspectLock: 'alive', cli: 'alive' });
    expect(compareIdentity(read(file))).toBe('same');
    expect(run(['inspect', file]).code).toBe(0);
    const [entry] = await scanLocks(dir, { pattern: 'child.pid' });
    expect(entry).toMatchObject({ format: 'pidproof', verdict: 'alive', action: 'keep', pid: child.pid });
    expect(await acquireLock(file, { timeoutMs: 0 }).catch((e: unknown) => e)).toBeInstanceOf(LockTimeoutError);
    expect(JSON.parse(run(['kill', '-s', '0', '--json', file]).stdout)).toMatchObject({ sent: true, verdict: 'alive', pid: child.pid });

    await killed(child);
    expect(verdicts(file)).toEqual({ ownerStatus: 'dead', inspectLock: 'dead', cli: 'dead' });
    expect(compareIdentity(read(file))).toBe('different');
    expect(run(['inspect', file]).code).toBe(1);
    const l = await acquireLock(file, { timeoutMs: 0 });
    expect(l.reclaimed?.staleReasons).toEqual(['dead-pid']);
    await l.release();
    expect(fs.readdirSync(dir).sort()).toEqual(['self.pid']); // no temp file left behind
  });

  it.skipIf(isWin32)(`from a shell: sh -c 'pidproof stamp f; …' records the shell; watch waits for it; dead after SIGKILL${posixOnly}`, async () => {
    const env = envWithCli();
    const dir = tmpDir('pidproof-stamp-');
    const file = path.join(dir, 'job.pid');
    // Its own process group: SIGKILL to the group takes the shell and its `sleep` child together.
    const sh = track(spawn('sh', ['-c', 'pidproof stamp "$1"; echo stamped; sleep 600; echo never', 'sh', file], { env, stdio: ['ignore', 'pipe', 'inherit'], detached: true }));
    const group = () => {
      try {
        process.kill(-sh.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    };
    onTestFinished(group);
    const lines: string[] = [];
    onLines(sh.stdout!, (l) => lines.push(l));
    await waitFor(() => lines.includes('stamped'), 30_000, 'the stamp');
    const rec = read(file);
    expect(rec.pid).toBe(sh.pid);
    expect(rec.startToken).toBe(processIdentity(sh.pid!)!.startToken);
    expect(['sh', 'dash', 'bash', 'sleep']).toContain(rec.command);
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('644');
    expect(verdicts(file)).toEqual({ ownerStatus: 'alive', inspectLock: 'alive', cli: 'alive' });
    // pidproof watch FILE waits for that very process.
    const w = track(spawn(process.execPath, [cli, 'watch', '--json', '--timeout', '120', file], { stdio: ['ignore', 'pipe', 'inherit'] }));
    let out = '';
    w.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    const closed = once(w, 'close');
    if (isLinux) await waitFor(() => waitsOnPidfd(w.pid!, sh.pid!), 30_000, 'pidproof watch on its pidfd');
    const gone = once(sh, 'exit');
    group();
    await gone;
    await killed(sh);
    const [code] = (await closed) as [number];
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ pid: sh.pid, reason: 'exited', timedOut: false });
    expect(verdicts(file)).toEqual({ ownerStatus: 'dead', inspectLock: 'dead', cli: 'dead' });
    // exec keeps the PID: a stamp taken before `exec myd` names myd.
    const file2 = path.join(dir, 'exec.pid');
    const sh2 = track(spawn('sh', ['-c', 'pidproof stamp "$1" && exec sleep 600', 'sh', file2], { env, stdio: 'ignore' }));
    await waitFor(() => fs.existsSync(file2) && /\(sleep\)/.test(fs.readFileSync(`/proc/${sh2.pid}/stat`, 'latin1')), 30_000, 'sh to exec sleep');
    expect(read(file2).pid).toBe(sh2.pid);
    expect(verdicts(file2).inspectLock).toBe('alive');
  });

  it.skipIf(isWin32)(`a launcher that stays between (a non-exec shim, like npx) is the parent instead: --pid "$$" names the caller${posixOnly}`, () => {
    const env = envWithCli(false);
    const dir = tmpDir('pidproof-stamp-');
    const r = spawnSync('sh', ['-c', 'pidproof stamp "$1/default.pid" && pidproof stamp --pid $$ "$1/pid.pid" && echo $$', 'sh', dir], { env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const shPid = Number(r.stdout.trim());
    expect(read(path.join(dir, 'pid.pid')).pid).toBe(shPid);
    const shim = read(path.join(dir, 'default.pid'));
    expect(shim.pid).not.toBe(shPid); // the shim's shell, which has exited
    expect(inspectLock(path.join(dir, 'default.pid')).verdict).toBe('dead');
  });

  it.skipIf(isWin32 || spawnSync('python3', ['--version']).status !== 0)(`from Python's subprocess.run: records the Python process${posixOnly}`, () => {
    const env = envWithCli();
    const file = path.join(tmpDir('pidproof-stamp-'), 'py.pid');
    const r = spawnSync('python3', ['-c', 'import os, subprocess, sys; subprocess.run(["pidproof", "stamp", sys.argv[1]], check=True); print(os.getpid())', file], { env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(read(file).pid).toBe(Number(r.stdout.trim()));
  });

  it.skipIf(isWin32)(`mode: 0644 whatever the umask, --mode exactly; an existing file is replaced by a new inode${posixOnly}`, () => {
    const dir = tmpDir('pidproof-stamp-');
    const file = path.join(dir, 'm.pid');
    const stamp = (extra: string) => spawnSync('sh', ['-c', `umask 077; exec "$0" "$1" stamp ${extra} "$2"`, process.execPath, cli, file], { encoding: 'utf8' });
    expect(stamp('').status).toBe(0);
    expect(fs.statSync(file).mode & 0o7777).toBe(0o644);
    const ino = fs.statSync(file).ino;
    expect(stamp('--mode 0600').status).toBe(0);
    expect(fs.statSync(file).mode & 0o7777).toBe(0o600);
    expect(fs.statSync(file).ino).not.toBe(ino);
    expect(stamp('--mode 640').status).toBe(0);
    expect(fs.statSync(file).mode & 0o7777).toBe(0o640);
    expect(fs.readdirSync(dir)).toEqual(['m.pid']);
  });

  it(`errors: a dead PID, a zombie, a thread id, a missing directory, a symlink (dangling too), a directory, a FIFO at FILE: exit 2, nothing written, nothing left${isWin32 ? ' [Windows: no symlink, FIFO, zombie or thread cases]' : ''}`, async () => {
    const dir = tmpDir('pidproof-stamp-');
    const target = path.join(dir, 'target');
    fs.writeFileSync(target, 'keep');
    const before = () => fs.readdirSync(dir).sort();
    const expectError = (args: string[], msg: RegExp) => {
      const listed = before();
      const r = run(['stamp', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(msg);
      expect(r.stderr).not.toMatch(/--help/); // not a usage error
      expect(before(), args.join(' ')).toEqual(listed);
    };
    const dead = unusedPid();
    expectError(['--pid', String(dead), path.join(dir, 'a.pid')], new RegExp(`^pidproof stamp: no process has PID ${dead}: nothing written`));
    expectError([path.join(dir, 'nodir', 'a.pid')], /cannot write .*a\.pid: its directory .*nodir does not exist/);
    if (!isWin32) {
      // (Windows: creating a symlink needs a privilege a test run may not have.)
      fs.symlinkSync(target, path.join(dir, 'link.pid'));
      expectError([path.join(dir, 'link.pid')], /link\.pid is a symbolic link: refusing to replace it or write through it/);
      fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling.pid'));
      expectError([path.join(dir, 'dangling.pid')], /dangling\.pid is a symbolic link/);
      expect(fs.readFileSync(target, 'utf8')).toBe('keep');
      expect(fs.existsSync(path.join(dir, 'nowhere'))).toBe(false);
    }
    fs.mkdirSync(path.join(dir, 'd.pid'));
    expectError([path.join(dir, 'd.pid')], /d\.pid is a directory: name a file/);
    if (!isWin32) {
      spawnSync('mkfifo', [path.join(dir, 'fifo.pid')]);
      expectError([path.join(dir, 'fifo.pid')], /fifo\.pid is not a regular file/);
    }
    if (isLinux) {
      const z = await makeZombie();
      expectError(['--pid', String(z.pid), path.join(dir, 'z.pid')], new RegExp(`PID ${z.pid} is a zombie`));
      const [tid] = otherThreadIds();
      expectError(['--pid', String(tid), path.join(dir, 't.pid')], new RegExp(`no process has PID ${tid}`));
    }
  });

  it.runIf(isLinux)(`long names: a FILE name at the filesystem's limit is written (its temp name is shortened); one beyond it is refused by name, nothing left${isLinux ? '' : ' [skipped: Linux only: NAME_MAX 255 bytes (Windows counts UTF-16 units and path length)]'}`, () => {
    const dir = tmpDir('pidproof-stamp-');
    const max = 254; // bytes: within NAME_MAX (255) on ext4, tmpfs, xfs, btrfs
    const long = path.join(dir, 'p'.repeat(max));
    const r = run(['stamp', '--pid', String(process.pid), long]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(long, 'utf8'))).toMatchObject({ pid: process.pid });
    expect(fs.readdirSync(dir)).toEqual([path.basename(long)]); // no temp file left
    const tooLong = path.join(dir, 'q'.repeat(300));
    const e = run(['stamp', '--pid', String(process.pid), tooLong]);
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(/its name is longer than the filesystem allows \(ENAMETOOLONG\)/);
    expect(fs.readdirSync(dir)).toEqual([path.basename(long)]);
  });

  const nobody = nobodyNodeSkip();
  it.skipIf(nobody !== null)(`an unwritable directory, and another user's FILE in a sticky directory (as nobody): exit 2, the reason named${nobody ? ` [skipped: ${nobody}]` : ''}`, () => {
    const pkg = publicPackage();
    try {
      const dir = tmpDir('pidproof-stamp-');
      fs.chmodSync(dir, 0o755);
      const r = spawnSync(process.execPath, [path.join(pkg, 'dist', 'cli.js'), 'stamp', '--pid', '1', path.join(dir, 'x.pid')], { encoding: 'utf8', uid: 65534, gid: 65534 });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/cannot write .*x\.pid: this user \(uid 65534\) cannot create files in its directory .*\(owned by uid 0, mode 0755\)/);
      expect(fs.readdirSync(dir)).toEqual([]);
      fs.chmodSync(dir, 0o700);
      const r2 = spawnSync(process.execPath, [path.join(pkg, 'dist', 'cli.js'), 'stamp', '--pid', '1', path.join(dir, 'x.pid')], { encoding: 'utf8', uid: 65534, gid: 65534 });
      expect(r2.status).toBe(2);
      expect(r2.stderr).toMatch(/cannot write .*x\.pid: this user cannot look into its directory/);
      // A sticky directory (like /tmp) where FILE belongs to another user: nobody may not replace it.
      fs.chmodSync(dir, 0o1777);
      fs.writeFileSync(path.join(dir, 'x.pid'), 'root\'s');
      const r3 = spawnSync(process.execPath, [path.join(pkg, 'dist', 'cli.js'), 'stamp', '--pid', '1', path.join(dir, 'x.pid')], { encoding: 'utf8', uid: 65534, gid: 65534 });
      expect(r3.status).toBe(2);
      expect(r3.stderr).toMatch(/cannot replace .*x\.pid: its directory is sticky \(like \/tmp\) and the file belongs to uid 0: only that user or root can replace it$/m);
      expect(fs.readdirSync(dir)).toEqual(['x.pid']); // its temp file removed
      expect(fs.readFileSync(path.join(dir, 'x.pid'), 'utf8')).toBe("root's");
    } finally {
      fs.rmSync(pkg, { recursive: true, force: true });
    }
  });

  it.skipIf(needsLinuxRoot() !== null)(
    `--pid of a process whose PID is then recycled: recycled by every verdict${needsLinuxRoot() ? ` [skipped: ${needsLinuxRoot()}]` : ''}`,
    async () => {
      const file = path.join(tmpDir('pidproof-stamp-'), 'r.pid');
      let done = false;
      for (let attempt = 0; attempt < 10 && !done; attempt++) {
        await recyclePid(
          async (a) => {
            expect(run(['stamp', '--pid', String(a), file]).code).toBe(0);
            expect(verdicts(file).inspectLock).toBe('alive');
            // Without a pidfs inode (Linux < 6.9) only the 10 ms start ticks tell A from B.
            const ticks = Number(read(file).startToken);
            await waitFor(() => Math.floor(Number(fs.readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * 100) >= ticks + 2, 15_000, "the clock to leave A's tick");
          },
          (b) => {
            expect(read(file).pid).toBe(b);
            expect(verdicts(file)).toEqual({ ownerStatus: 'recycled', inspectLock: 'recycled', cli: 'recycled' });
            expect(inspectLock(file)).toMatchObject({ reclaimable: true, staleReasons: ['recycled-pid'] });
            expect(JSON.parse(run(['kill', '-s', '0', '--json', file]).stdout)).toMatchObject({ sent: false, verdict: 'recycled' });
            done = true;
          },
        );
      }
      expect(done).toBe(true);
    },
    120_000,
  );

  it.skipIf(isWin32 || spawnSync('python3', ['--version']).status !== 0)(
    `atomic: a reader polling FILE while stamp rewrites it never sees a partial record (and does see in-place rewrites torn)${posixOnly}`,
    async () => {
      const env = envWithCli();
      const dir = tmpDir('pidproof-stamp-');
      const file = path.join(dir, 'hot.pid');
      const stop = path.join(dir, 'stop');
      expect(run(['stamp', file]).code).toBe(0);
      // The reader: reads FILE as fast as it can; a read is whole when it is JSON whose checksum
      // verifies (FNV-1a over the text before ,"sum", then "}"); prints a line per torn read.
      const reader = String.raw`
import json, os, sys
path, stop = sys.argv[1], sys.argv[2]
def fnv(s):
    h = 0x811c9dc5
    for c in s:
        h = ((h ^ ord(c)) * 0x01000193) & 0xffffffff
    return "%08x" % h
reads = torn = 0
tokens = set()
while not os.path.exists(stop):
    with open(path, "rb") as f:
        text = f.read().decode("utf-8", "replace")
    reads += 1
    try:
        o = json.loads(text)
        i = text.rindex(',"sum":')
        ok = o["sum"] == fnv(text[:i] + "}") and text.endswith("\n")
        tokens.add(o["token"])
    except Exception:
        ok = False
    if not ok:
        torn += 1
        print("torn", flush=True)
print(json.dumps({"reads": reads, "torn": torn, "tokens": len(tokens)}), flush=True)
`;
      const start = () => {
        fs.rmSync(stop, { force: true });
        const p = track(spawn('python3', ['-c', reader, file, stop], { stdio: ['ignore', 'pipe', 'inherit'] }));
        const lines: string[] = [];
        onLines(p.stdout!, (l) => lines.push(l));
        return { p, lines, closed: once(p, 'close') };
      };
      // 40 rewrites by pidproof stamp, each a new record (a new token), while the reader polls.
      const r = start();
      const w = spawnSync('sh', ['-c', 'i=0; while [ $i -lt 40 ]; do pidproof stamp "$1" || exit 1; i=$((i+1)); done', 'sh', file], { env });
      expect(w.status).toBe(0);
      fs.writeFileSync(stop, '');
      await r.closed;
      const summary = JSON.parse(r.lines[r.lines.length - 1]);
      expect(summary.torn).toBe(0);
      expect(r.lines.filter((l) => l === 'torn')).toEqual([]);
      expect(summary.tokens).toBeGreaterThan(10); // it did read while the records were replaced
      expect(summary.reads).toBeGreaterThan(summary.tokens);
      expect(fs.readdirSync(dir).sort()).toEqual(['hot.pid', 'stop']);

      // Control: the same reader catches a writer that rewrites FILE in place (truncate, write).
      const good = fs.readFileSync(file);
      const c = start();
      const writer = track(spawn(process.execPath, ['-e', `const fs = require('fs'); const b = Buffer.from(${JSON.stringify(good.toString('base64'))}, 'base64'); for (;;) fs.writeFileSync(${JSON.stringify(file)}, b);`], { stdio: 'ignore' }));
      await waitFor(() => c.lines.includes('torn'), 60_000, 'the reader to see a torn in-place rewrite');
      writer.kill('SIGKILL');
      fs.writeFileSync(stop, '');
      await c.closed;
    },
    120_000,
  );
});
