/** Shared CLI plumbing: results, usage errors (exit code 2) and argument parsing in our own words. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { nearestName } from '../validate';

export interface CommandResult {
  code: number;
  stdout?: string;
  stderr?: string;
}

/** Exit codes of every command (README, --help). */
export const EXIT = {
  /** healthy, done, exited */
  ok: 0,
  /** something checked is missing or stale (identity: no such process; watch: timeout) */
  stale: 1,
  /** bad usage, or an error */
  error: 2,
  /** inspect, doctor: a lock exists that cannot be judged here (unknown or foreign); never reclaimed */
  unjudged: 3,
} as const;

/**
 * A lock file pidproof cannot judge from here: unreadable, not a lock, a live PID with nothing to
 * compare (`unknown`), or written on another host or PID namespace (`foreign`), and no live
 * process holds its kernel lock. An acquire waits on it until its holder's declared limits
 * expire, or for ever: it is never reclaimed without proof.
 */
export function unjudged(i: { exists: boolean; reclaimable: boolean; kernelHeld: boolean | null; verdict: string }): boolean {
  return i.exists && !i.reclaimable && i.kernelHeld !== true && (i.verdict === 'unknown' || i.verdict === 'foreign');
}

/** Bad usage: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** What `parseCommandArgs` returns: Node's `parseArgs` result for these options. */
export type ParsedCommandArgs<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/** How a command's arguments are described in usage errors. */
export interface ArgsDescription<O extends Options> {
  /** What a positional argument is ("PID", "lock file"...). */
  positional: string;
  /** Whether a positional may start with "-" (a file name): then the error says to put it after "--". */
  dashed?: boolean;
  /** Option values as the help names them (`{ timeout: 'SECONDS' }`). */
  placeholders?: Partial<Record<keyof O & string, string>>;
}

/**
 * `parseArgs` (strict, positionals allowed) with usage errors in our own words instead of Node's:
 * an unknown option names the nearest known one; a negative number says it is not a valid
 * positional; a missing or unexpected value says which option and how to write it.
 */
export function parseCommandArgs<const O extends Options>(
  argv: string[],
  options: O,
  how: ArgsDescription<O>,
): ParsedCommandArgs<O> {
  const { tokens } = parseArgs({ args: argv, options, allowPositionals: true, strict: false, tokens: true });
  const names = Object.keys(options);
  const placeholder = (name: string) => how.placeholders?.[name as keyof O & string] ?? 'VALUE';
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const o = options[t.name] as Options[string] | undefined;
    if (o === undefined) {
      if (/^-\d/.test(argv[t.index])) {
        throw new UsageError(`${argv[t.index]} is not a valid ${how.positional}, nor an option`);
      }
      const near = nearestName(t.name, names);
      const spelled = near && `--${near}${options[near].type === 'string' ? ` ${placeholder(near)}` : ''}`;
      const hint = spelled
        ? `; did you mean ${spelled}?`
        : how.dashed
          ? ` (a ${how.positional} that starts with "-" goes after "--": -- ${argv[t.index]})`
          : '';
      throw new UsageError(`unknown option ${t.rawName}${hint}`);
    }
    if (o.type === 'boolean' && t.inlineValue) {
      throw new UsageError(`${t.rawName} takes no value (got ${JSON.stringify(argv[t.index])})`);
    }
    if (o.type === 'string') {
      if (t.value === undefined) throw new UsageError(`${t.rawName} needs a value: ${t.rawName} ${placeholder(t.name)}`);
      if (!t.inlineValue && t.value.startsWith('-')) {
        // Node refuses it as ambiguous (a forgotten value before another option?).
        throw new UsageError(
          `${t.rawName} ${t.value}: a value that starts with "-" must be attached: --${t.name}=${t.value}`,
        );
      }
    }
  }
  return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
}

/**
 * Node's own parseArgs errors (a command that does not use parseCommandArgs) in our words: the
 * option it names, without Node's advice (whose quoting is broken for negative numbers).
 */
export function parseErrorMessage(err: { code?: string; message: string }): string {
  const opt = /'(-[^']*)'/.exec(err.message)?.[1];
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return opt ? `unknown option ${opt}` : 'unknown option';
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return opt ? `bad or missing value for ${opt.replace(/ <value>$/, '')}` : 'bad or missing option value';
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return 'unexpected argument';
    default:
      return err.message;
  }
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A duration such as `30m`, `90s`, `1h`, `1.5h`, `500ms`, `2d`, in ms (a bare number is seconds).
 * UsageError naming the option otherwise.
 */
export function parseDuration(s: string, option: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d)?\s*$/.exec(s);
  if (m === null) {
    throw new UsageError(`${option} must be a duration such as 30m, 90s, 1h or 500ms, got ${JSON.stringify(s)}`);
  }
  const ms = Number(m[1]) * DURATION_UNITS[m[2] ?? 's'];
  if (!Number.isFinite(ms) || ms > 3e14) throw new UsageError(`${option}: ${JSON.stringify(s)} is too long`);
  return ms;
}

/**
 * A command to check bare PID files against (`--legacy-command`): `/regexp/flags` is a RegExp,
 * anything else a substring.
 */
export function parseCommandPattern(s: string, option: string): string | RegExp {
  if (s.length === 0) throw new UsageError(`${option} must not be empty`);
  const m = /^\/(.+)\/([a-z]*)$/s.exec(s);
  if (m === null) return s;
  try {
    return new RegExp(m[1], m[2].replace(/[gy]/g, ''));
  } catch (err) {
    throw new UsageError(`${option} ${s}: not a valid regular expression (${(err as Error).message})`);
  }
}
