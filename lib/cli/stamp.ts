/** `pidproof stamp [--pid PID] [--mode MODE] [--json] FILE`: a process's identity record, written atomically. */
import fs from 'node:fs';
import path from 'node:path';
import { selectedBackend } from '../binding';
import { processIdentity } from '../index';
import type { ProcessIdentity } from '../types';
import { cannotCreateIn, cannotReplace, closeQuietly, createExclusive, errCode, sleepSync, unlinkQuietly, writeAll } from '../lock/files';
import { buildPayload, type LockPayload, newToken, serialisePayload } from '../lock/payload';
import { parsePid } from './holder';
import { type CommandResult, parseCommandArgs, UsageError } from './usage';

export const STAMP_HELP = `Usage: pidproof stamp [--pid PID] [--mode MODE] [--json] FILE

Writes the identity record of a process to FILE: its PID, kernel start stamp, unique id (where the
OS has one), boot id, PID namespace, host and creation time, in pidproof's own format, so that
every pidproof verdict judges it exactly on every OS (inspect, doctor, watch, kill, an acquire
on FILE, ownerStatus of the parsed JSON): alive while that process runs; dead, recycled or
other-boot once it is gone. It is what a PID file should hold, for programs in any language.

The default PID is pidproof's parent: the shell script or program that ran "pidproof stamp"
(Python's subprocess.run, Go's exec.Command). A launcher that stays between them (npx, npm
exec, a Windows .cmd shim, "sh -c" from another program) is that parent instead: pass the PID
you mean with --pid.

FILE is replaced atomically (a temp file in the same directory, flushed, then renamed over it):
a reader sees the old record or the new one, never a part. FILE must not be a symbolic link, a
directory or another non-regular file. Nothing is printed on success (--json prints the record).

Exit codes: 0 written, 2 error: bad usage, no such process (or a zombie, or one whose start
stamp cannot be read), a directory that does not exist or cannot be written, a FILE this user
may not replace (another user's, in a sticky directory like /tmp), a symlink at FILE.

Options:
      --pid PID    the process to record (default: the parent of pidproof, i.e. the caller)
      --mode MODE  the file's permission bits, octal (default 0644; 0600 keeps it private)
      --json       print {path, mode, record} as JSON
  -h, --help       this help

Examples:
  pidproof stamp /run/myd.pid                 # in myd's start script: records the script's shell
  exec myd                                    # ...which then becomes myd (same PID, same record)
  pidproof stamp --pid "$child" /run/worker.pid
  subprocess.run(["pidproof", "stamp", path], check=True)   # Python: records the Python process
`;

/** `0644`, `644`, `0o600`: permission bits (no setuid, setgid or sticky bit), or a UsageError. */
function parseMode(s: string | undefined): number {
  if (s === undefined) return 0o644;
  const m = /^(?:0o?)?([0-7]{1,4})$/i.exec(s);
  const n = m === null ? NaN : parseInt(m[1], 8);
  if (!Number.isInteger(n) || n > 0o777) {
    throw new UsageError(`--mode must be octal permission bits between 000 and 0777 such as 0644 or 0600, got ${JSON.stringify(s)}`);
  }
  return n;
}

/** An error with the file, the process or the filesystem: one line on stderr, exit 2 (the dispatcher). */
class StampError extends Error {}

/** What the process runs, for people (the base name of its first argument); '' when unreadable. */
function commandOf(pid: number): string {
  try {
    const c = selectedBackend.command(pid);
    if (c === null || c.text === '') return '';
    const first = c.text.split(' ')[0];
    return path.basename(first.replace(/\\/g, '/'));
  } catch {
    return '';
  }
}

/** The identity to record, or a StampError saying why there is none worth writing. */
function identityOf(pid: number, isParent: boolean): ProcessIdentity {
  const who = isParent ? `pidproof's parent (PID ${pid})` : `PID ${pid}`;
  const id = processIdentity(pid);
  if (id === null) {
    throw new StampError(`no process has PID ${pid}${isParent ? " (pidproof's parent exited before it could be recorded)" : ''}: nothing written`);
  }
  if (id.state === 'zombie') throw new StampError(`${who} is a zombie (it has exited and waits to be reaped): nothing written`);
  if (id.startToken === null && id.uniqueId === null) {
    throw new StampError(
      `${who} exists but its start stamp cannot be read by this user (${id.access} access): a record without one could never be judged exactly; run as its owner or root`,
    );
  }
  return id;
}

/** FILE must be absent or a regular file: refuses a symlink (never replaced or followed), a directory, a FIFO... */
function checkTarget(file: string): void {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch (err) {
    const code = errCode(err);
    if (code === 'ENOENT') return; // its directory is checked when the temp file is created
    if (code === 'ENOTDIR') throw new StampError(`cannot write ${file}: a component of its directory is not a directory`);
    if (code === 'EACCES' || code === 'EPERM') throw new StampError(`cannot write ${file}: this user cannot look into its directory (${code})`);
    if (code === 'ENAMETOOLONG') throw new StampError(`cannot write ${file}: its name is longer than the filesystem allows (ENAMETOOLONG)`);
    throw err;
  }
  if (st.isSymbolicLink()) {
    throw new StampError(`${file} is a symbolic link: refusing to replace it or write through it (remove it, or name the file it points to)`);
  }
  if (st.isDirectory()) throw new StampError(`${file} is a directory: name a file`);
  if (!st.isFile()) throw new StampError(`${file} is not a regular file (a FIFO, socket or device): refusing to replace it`);
}

function lstatQuiet(p: string): fs.Stats | null {
  try {
    return fs.lstatSync(p);
  } catch {
    return null;
  }
}

/** `rename`, retried briefly on Windows, where a reader's open handle can refuse it for a moment. */
function renameOver(from: string, to: string): void {
  for (let i = 0; ; i++) {
    try {
      fs.renameSync(from, to);
      return;
    } catch (err) {
      const code = errCode(err);
      if (process.platform !== 'win32' || i >= 20 || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) throw err;
      sleepSync(Math.min(100, 5 * (i + 1)));
    }
  }
}

/**
 * Writes `buf` to `file` atomically with exactly `mode`: a new temp file beside it
 * (`<file>.pidproof-<hex>.stamp`, created exclusively, never through a symlink), written in full,
 * flushed to disk (a crash never leaves an empty record under the name), then renamed over it.
 */
function writeAtomically(file: string, buf: Buffer, mode: number): void {
  const dir = path.dirname(file);
  // The temp name adds ~27 bytes to FILE's: a name that fits the filesystem's limit (255 bytes on
  // most) must not fail for its temp file, so a long base is shortened there (nothing reads it).
  let base = path.basename(file);
  while (Buffer.byteLength(base) > 200) base = base.slice(0, -1);
  let tmp: { path: string; fd: number };
  try {
    tmp = createExclusive(dir, base, 'stamp', mode);
  } catch (err) {
    const code = errCode(err);
    const why = code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? cannotCreateIn(dir)?.replace('takes no lock files', 'takes no such files') : null;
    throw new StampError(`cannot write ${file}: ${why ?? (err as Error).message}`);
  }
  let renamed = false;
  try {
    writeAll(tmp.fd, buf);
    fs.fsyncSync(tmp.fd);
    fs.closeSync(tmp.fd);
    tmp.fd = -1;
    checkTarget(file); // a symlink or directory put there meanwhile is still refused
    try {
      renameOver(tmp.path, file);
    } catch (err) {
      const code = errCode(err);
      if (code === 'EISDIR' || code === 'ENOTEMPTY' || code === 'EEXIST') throw new StampError(`${file} is a directory: name a file`);
      const st = code === 'EPERM' || code === 'EACCES' ? lstatQuiet(file) : null;
      // (The lock core's words, said of a file.)
      const why = st === null ? null : cannotReplace(dir, st)?.replace('the lock belongs', 'the file belongs').replace(/ \(pidproof doctor.*\)$/, '');
      throw new StampError(`cannot replace ${file}: ${why ?? (err as Error).message}`);
    }
    renamed = true;
  } catch (err) {
    if (err instanceof StampError) throw err;
    throw new StampError(`cannot write ${file}: ${(err as Error).message}`);
  } finally {
    if (tmp.fd !== -1) closeQuietly(tmp.fd);
    if (!renamed) unlinkQuietly(tmp.path);
  }
}

/** The record `pidproof stamp` writes for `id`: pidproof's payload, identity only (see README). */
export function stampRecord(id: ProcessIdentity): LockPayload {
  // Lease mode with no lease and no hold limit: no kernel lock to look for, nothing expires; the
  // identity alone decides, exactly as for a lock holder's payload.
  const p = buildPayload(id, { token: newToken(), maxHoldMs: Infinity, leaseMs: null, mode: 'lease' });
  p.command = commandOf(id.pid);
  return p;
}

export function stampCommand(argv: string[]): CommandResult {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      pid: { type: 'string' },
      mode: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    { positional: 'file', dashed: true, placeholders: { pid: 'PID', mode: 'MODE' } },
  );
  if (values.help) return { code: 0, stdout: STAMP_HELP };
  if (positionals.length !== 1) throw new UsageError(`expected one FILE, got ${positionals.length}`);
  if (positionals[0] === '' || /[/\\]$/.test(positionals[0])) throw new UsageError(`FILE must name a file, got ${JSON.stringify(positionals[0])}`);
  const file = path.resolve(positionals[0]);
  const mode = parseMode(values.mode);
  const isParent = values.pid === undefined;
  const pid = isParent ? process.ppid : parsePid(values.pid!);
  if (pid < 1) throw new StampError(`pidproof's parent is outside this PID namespace (its PID here is ${pid}): name the process with --pid`);
  checkTarget(file);
  const id = identityOf(pid, isParent);
  // Reparented meanwhile: the parent read above exited (its PID may already name another process).
  if (isParent && process.ppid !== pid) throw new StampError(`pidproof's parent (PID ${pid}) exited while it was being recorded: nothing written`);
  const buf = serialisePayload(stampRecord(id));
  writeAtomically(file, buf, mode);
  if (!values.json) return { code: 0 };
  const written = { path: file, mode: `0${mode.toString(8).padStart(3, '0')}`, record: JSON.parse(buf.toString('utf8')) as unknown };
  return { code: 0, stdout: JSON.stringify(written, null, 2) + '\n' };
}
