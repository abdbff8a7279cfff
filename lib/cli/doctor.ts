/** `pidproof doctor <dir...> [--recursive] [--pattern GLOB]... [--fix] [--json]`. */
import path from 'node:path';
import { currentScope, DEFAULT_LOCK_PATTERNS, fixLocks, scanLocks, summarizeLocks } from '../index';
import type { DoctorEntry, DoctorProgress, DoctorSummary } from '../index';
import { type Column, formatAge, joinWrapped, paint, type Paint, safe, safeDeep, stacked, type Style, styleFor, table, verdictPaint, wrap } from './format';
import { type CommandResult, EXIT, parseCommandArgs, parseCommandPattern, parseDuration, unjudged, UsageError } from './usage';

const FORMATS = ['pidproof', 'openclaw', 'record', 'pidfile', 'unknown'];

export const DOCTOR_HELP = `Usage: pidproof doctor <dir...> [--recursive] [--pattern GLOB]... [--format FORMAT]...
                       [--reclaim-unknown-after DURATION] [--legacy-command CMD] [--fix] [--json]

Scans directories for lock files of every format pidproof judges (pidproof locks and stamps,
foreign records such as OpenClaw's session locks *.jsonl.lock or a record written from another
language, bare PID files) and reports each one: holder PID, verdict, age, stale reasons and the
action taken. Symbolic links are never followed (they are reported as skipped).

--fix removes only provably stale locks (dead, recycled, zombie or other-boot holder, expired
lease or hold), each through the same race-free reclaim path as an acquire (kernel lock, guard,
inode check), never with a plain unlink: a lock a live process takes meanwhile is kept. Live,
foreign and unreadable ("unknown") locks are never removed.

Exit codes: 0 healthy (or every stale lock was fixed), 1 stale locks found and not fixed,
2 error (bad usage, a directory that does not exist), 3 no stale lock left but some cannot be
judged here (unknown or foreign: see REASONS); they are never removed automatically.

Options:
  -r, --recursive     descend into subdirectories (never through symlinks)
  -p, --pattern GLOB  base-name glob, repeatable: * ? [abc] [!abc] {a,b}; an unclosed [ or {
                      is an error, \\ escapes one character
                      (default: ${DEFAULT_LOCK_PATTERNS.join(' ')}; *.lock covers *.jsonl.lock)
      --fix           remove the stale locks (safely, see above)
      --format FORMAT only lock files of this format: pidproof, openclaw (a foreign record
                      with OpenClaw's session-lock keys only), record (any other foreign
                      record), pidfile or unknown (repeatable); other files are neither
                      reported nor fixed
      --reclaim-unknown-after DURATION
                      migration: files pidproof cannot judge (empty, garbage, unrecognised or
                      invalid JSON) whose kernel lock is free are stale once older than this
                      (30m, 90s, 1h; age from the creation time they state, else the mtime)
      --legacy-command CMD
                      migration: a bare PID file (or a lock without a start token) whose live
                      PID runs something that does not contain CMD (or match /REGEX/) is
                      recycled; evidence, not proof
      --json          one JSON object: {version: 1, scannedAt, dirs, entries, summary, ...}
  -h, --help          this help

Examples:
  pidproof doctor /var/run/myapp
  pidproof doctor ~/.openclaw/agents --recursive --pattern '*.jsonl.lock'
  pidproof doctor /tmp/locks --fix
  pidproof doctor /srv/locks -r --json | jq '.entries[] | select(.reclaimable)'
  pidproof doctor ~/.openclaw/agents -r --reclaim-unknown-after 30m --fix
  pidproof doctor /var/run --pattern '*.pid' --format pidfile --legacy-command /myd/ --fix
`;

/** The `--json` document (format version 1; see the README for the schema). */
export interface DoctorReport {
  version: 1;
  scannedAt: string;
  durationMs: number;
  dirs: string[];
  options: {
    recursive: boolean;
    patterns: string[];
    fix: boolean;
    /** Only entries of these formats (null: all). */
    formats: string[] | null;
    /** `--reclaim-unknown-after` in ms, or null. */
    reclaimUnknownAfterMs: number | null;
    /** `--legacy-command` as given, or null. */
    legacyCommand: string | null;
  };
  entries: DoctorEntry[];
  summary: DoctorSummary;
  /** 0 healthy, 1 stale locks remain, 3 none stale but some cannot be judged here. */
  exitCode: number;
}

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

function actionPaint(a: DoctorEntry['action']): Paint {
  switch (a) {
    case 'removed':
      return 'green';
    case 'remove':
    case 'failed':
      return 'red';
    case 'skipped':
      return 'yellow';
    default:
      return 'dim';
  }
}

/** A short reason for the table (the full text is in --json: detail, note, error). */
function reasonsOf(e: DoctorEntry): string {
  if (e.action === 'skipped') {
    if (e.kind === 'symlink') return 'symbolic link (never followed)';
    if (e.kind === 'directory') return e.error && /cannot read/.test(e.error) ? e.error : 'a directory';
    if (e.kind === 'other') return 'not a regular file';
    return e.error ?? e.detail;
  }
  if (e.error) return e.error;
  if (e.staleReasons.length) return e.staleReasons.join(', ') + (e.note && e.action !== 'removed' ? ` (${e.note})` : '');
  if (e.note) return e.note;
  if (e.verdict === 'foreign') {
    const where = foreignScope(e.holder);
    return where ? `foreign: ${where}` : e.detail;
  }
  if (e.format === 'unknown') {
    const m = /^not a lock pidproof can judge: (.*?)(?:;|$)/.exec(e.detail);
    return m ? m[1] : e.detail;
  }
  if (e.verdict === 'unknown') {
    const m = /^PID \d+ is alive but (.*)$/.exec(e.detail);
    return m ? `alive, ${m[1]}` : e.detail;
  }
  if (e.kernelHeld === true) return 'held (kernel lock)';
  return '-';
}

/** Where a foreign holder lives, from its payload: `host build-07`, `PID namespace 4026532999`. */
function foreignScope(holder: DoctorEntry['holder']): string | null {
  const h = (holder ?? {}) as Record<string, unknown>;
  const here = currentScope();
  const other = (k: 'hostname' | 'platform' | 'pidNamespace') =>
    typeof h[k] === 'string' && here[k] !== null && h[k] !== here[k] ? (h[k] as string) : null;
  const host = other('hostname');
  if (host !== null) return `host ${host}`;
  const platform = other('platform');
  if (platform !== null) return `platform ${platform}`;
  const ns = other('pidNamespace');
  return ns !== null ? `PID namespace ${ns}` : null;
}

function verdictOf(e: DoctorEntry): string {
  if (e.action === 'skipped') return '-';
  return e.verdict;
}

function endFit(s: string, w: number): string {
  return s.length <= w ? s : w <= 1 ? s.slice(0, w) : s.slice(0, w - 1) + '…';
}

/** The table and summary line for people. */
export function renderDoctor(
  entries: DoctorEntry[],
  s: DoctorSummary,
  dirs: string[],
  ms: number,
  fix: boolean,
  style: Style,
  reclaimUnknownAfterMs: number | null = null,
): string {
  let out = '';
  // One directory: paths relative to it (the summary names it).
  const base = dirs.length === 1 ? dirs[0] : null;
  const shown = (p: string) => {
    if (base) {
      const rel = path.relative(base, p);
      if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel;
    }
    return displayPath(p);
  };
  if (entries.length > 0) {
    const narrow = style.width < 96;
    const fixed: Column<DoctorEntry>[] = [
      { header: 'PID', get: (e) => (e.pid === null ? '-' : String(e.pid)), align: 'right' },
      ...(narrow ? [] : [{ header: 'FORMAT', get: (e: DoctorEntry) => (e.kind === 'lock' ? e.format : e.kind) }]),
      { header: 'VERDICT', get: verdictOf, paint: (e) => (e.action === 'skipped' ? 'dim' : verdictPaint(e.verdict)) },
      { header: 'AGE', get: (e) => formatAge(e.ageMs), align: 'right' },
    ];
    const action: Column<DoctorEntry> = { header: 'ACTION', get: (e) => e.action, paint: (e) => actionPaint(e.action) };
    const widthOf = (c: Column<DoctorEntry>) => entries.reduce((w, e) => Math.max(w, c.get(e).length), c.header.length);
    const fixedWidth = [...fixed, action].reduce((w, c) => w + widthOf(c), 0) + 2 * (fixed.length + 2);
    const pathWidth = entries.reduce((w, e) => Math.max(w, shown(e.path).length), 4);
    const reasonWidth = entries.reduce((w, e) => Math.max(w, reasonsOf(e).length), 7);
    const room = Math.max(24, style.width - fixedWidth);
    // Paths get up to 55% of the room (at least what reasons leave over), reasons the rest.
    const pathBudget = Math.min(pathWidth, Math.max(12, room - reasonWidth, Math.floor(room * 0.55)));
    const reasonBudget = Math.max(7, room - pathBudget);
    const cols: Column<DoctorEntry>[] = [
      { header: 'PATH', get: (e) => shown(e.path), shrink: true },
      ...fixed,
      {
        header: 'REASONS',
        get: (e) => endFit(reasonsOf(e), reasonBudget),
        full: reasonsOf,
        paint: (e) => (e.staleReasons.length ? 'red' : e.error ? 'yellow' : 'dim'),
      },
      action,
    ];
    // Reasons cut to a stub say nothing: then one block per entry, every field in full.
    const cramped = reasonBudget < Math.min(reasonWidth, 18);
    out += (cramped ? stacked(cols, entries, style) : table(cols, entries, style)) + '\n';
  }
  const parts: string[] = [];
  parts.push(`${s.live} live`);
  const stale = `${s.stale} stale`;
  parts.push(s.stale ? paint(style, 'red', stale) + (fix ? ` (${s.removed} removed${s.failed ? `, ${s.failed} failed` : ''})` : '') : stale);
  if (s.unknown) parts.push(paint(style, 'yellow', `${s.unknown} unknown`));
  if (s.skipped) parts.push(`${s.skipped} skipped`);
  const where = dirs.length === 1 ? displayPath(dirs[0]) || '.' : `${dirs.length} directories`;
  // Wrapped between its parts, never inside one ("3 stale" stays together).
  const items = [`${s.locks} lock file${s.locks === 1 ? '' : 's'} in ${where}:`, ...parts.map((p, i) => (i < parts.length - 1 ? `${p},` : p))];
  const lines = joinWrapped([...items, paint(style, 'dim', `· ${formatAge(ms)}`)], ' ', style.width, '');
  for (let i = 1; i < lines.length; i++) lines[i] = `  ${lines[i]}`;
  const note = (text: string) => lines.push(...wrap(text, style.width, '  ', '').map((l) => paint(style, 'dim', l)));
  if (s.unknown) note('Unknown and foreign locks cannot be judged here: never removed automatically.');
  // Adopters: say how many files pidproof cannot read as a lock at all, and what lets --fix take them.
  const unjudgeable = entries.filter((e) => e.kind === 'lock' && e.action !== 'skipped' && e.format === 'unknown' && !e.reclaimable);
  if (unjudgeable.length > 0) {
    const n = unjudgeable.length;
    note(
      reclaimUnknownAfterMs === null
        ? `${n} file${n === 1 ? '' : 's'} pidproof cannot judge (empty, garbage, unrecognised or invalid JSON, a failed checksum): --reclaim-unknown-after DURATION (e.g. 30m) lets --fix take those that old whose kernel lock is free.`
        : `${n} file${n === 1 ? '' : 's'} pidproof cannot judge ${n === 1 ? 'is' : 'are'} younger than --reclaim-unknown-after or kernel-locked: kept.`,
    );
  }
  if (!fix && s.remaining > 0) note(`Run with --fix to remove the ${s.remaining} stale one${s.remaining === 1 ? '' : 's'} (race-free reclaim).`);
  return out + lines.join('\n') + '\n';
}

/** A progress line on stderr (TTY only), shown once a scan has run for a second, cleared at the end. */
class ProgressLine {
  private readonly start = performance.now();
  private last = 0;
  private shown = false;
  constructor(private readonly stream: NodeJS.WriteStream) {}

  update(p: DoctorProgress): void {
    if (!this.stream.isTTY) return;
    const now = performance.now();
    if (now - this.start < 1000 || now - this.last < 100) return;
    this.last = now;
    this.shown = true;
    const text =
      p.phase === 'scan'
        ? `scanning: ${p.dirs} dir${p.dirs === 1 ? '' : 's'}, ${p.done}/${p.found} entries inspected`
        : `fixing: ${p.done}/${p.found} stale locks`;
    const width = Math.max(20, (this.stream.columns || 80) - 1);
    this.stream.write(`\r\x1b[K${text.slice(0, width)}`);
  }

  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}

export async function doctorCommand(argv: string[]): Promise<CommandResult> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      recursive: { type: 'boolean', short: 'r' },
      pattern: { type: 'string', short: 'p', multiple: true },
      fix: { type: 'boolean' },
      format: { type: 'string', multiple: true },
      'reclaim-unknown-after': { type: 'string' },
      'legacy-command': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    {
      positional: 'directory',
      dashed: true,
      placeholders: { pattern: 'GLOB', format: 'FORMAT', 'reclaim-unknown-after': 'DURATION', 'legacy-command': 'CMD' },
    },
  );
  if (values.help) return { code: 0, stdout: DOCTOR_HELP };
  if (positionals.length === 0) throw new UsageError('expected at least one directory');
  const patterns = values.pattern && values.pattern.length > 0 ? values.pattern : [...DEFAULT_LOCK_PATTERNS];
  for (const p of patterns) {
    if (p.length === 0 || p.includes('/')) throw new UsageError(`--pattern ${JSON.stringify(p)}: a glob on base names (no "/")`);
  }
  const fix = values.fix === true;
  const recursive = values.recursive === true;
  const formats = values.format && values.format.length > 0 ? values.format : null;
  for (const f of formats ?? []) {
    if (!FORMATS.includes(f)) throw new UsageError(`--format ${JSON.stringify(f)}: one of ${FORMATS.join(', ')}`);
  }
  const after = values['reclaim-unknown-after'];
  const reclaimUnknownAfterMs = after === undefined ? undefined : parseDuration(after, '--reclaim-unknown-after');
  const legacyCommand = values['legacy-command'] === undefined ? undefined : parseCommandPattern(values['legacy-command'], '--legacy-command');
  const judging = { reclaimUnknownAfterMs, legacyCommand };
  const progress = new ProgressLine(process.stderr);
  const t0 = performance.now();
  const scannedAt = new Date().toISOString();
  let entries: DoctorEntry[];
  try {
    entries = await scanLocks(positionals, { recursive, pattern: patterns, onProgress: (p) => progress.update(p), ...judging });
    // --format: only entries of those formats are reported and fixed (skipped non-files have none).
    if (formats) entries = entries.filter((e) => e.kind !== 'lock' || formats.includes(e.format) || e.action === 'skipped');
    if (fix) entries = await fixLocks(entries, { onProgress: (p) => progress.update(p), ...judging });
  } catch (err) {
    if (err instanceof TypeError) throw new UsageError(err.message);
    throw err;
  } finally {
    progress.clear();
  }
  const ms = performance.now() - t0;
  const summary = summarizeLocks(entries);
  const cannotJudge = entries.some((e) => e.kind === 'lock' && e.action !== 'skipped' && unjudged(e));
  const code = summary.remaining > 0 ? EXIT.stale : cannotJudge ? EXIT.unjudged : EXIT.ok;
  const dirs = [...new Set(positionals.map((d) => path.resolve(d)))];
  if (values.json) {
    const report: DoctorReport = {
      version: 1,
      scannedAt,
      durationMs: Math.round(ms * 10) / 10,
      dirs,
      options: {
        recursive,
        patterns,
        fix,
        formats,
        reclaimUnknownAfterMs: reclaimUnknownAfterMs ?? null,
        legacyCommand: values['legacy-command'] ?? null,
      },
      entries,
      summary,
      exitCode: code,
    };
    return { code, stdout: JSON.stringify(report, null, 2) + '\n' };
  }
  return { code, stdout: renderDoctor(safeDeep(entries), summary, dirs.map(safe), ms, fix, styleFor(process.stdout), reclaimUnknownAfterMs ?? null) };
}
