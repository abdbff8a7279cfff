#!/usr/bin/env node
/** The `pidproof` command: identity | inspect | doctor | watch | kill | stamp | stats | run. */
import { safe } from './cli/format';
import { type CommandResult, parseErrorMessage, UsageError } from './cli/usage';

const HELP = `Usage: pidproof <command> [options]

Commands:
  identity [pid ...]   who a process is: start token, unique id, boot, state (default: itself)
  inspect <lockfile>   who holds a lock, is it alive, is it stale, what an acquire would do
  doctor <dir...>      scan directories for lock files; --fix removes the stale ones safely
  watch <pid|lockfile> wait until that exact process (or the lock's holder) exits
  kill <pid|file>      signal that process (or a lock/PID file's holder) only while it is still it
  stamp <file>         write the caller's identity record to a file, atomically (a PID file
                       that every pidproof verdict judges exactly)
  stats <pid|lockfile> sample its CPU and memory every interval until it exits, pinned to it
  run -- CMD [ARGS]    run a command; report its wall time, CPU, peak memory and threads, exit status

Options:
  -h, --help           this help ("pidproof <command> --help" for a command's options)
  -v, --version        print pidproof's version

Exit codes: 0 ok, 1 a checked thing was missing or stale, 2 bad usage or error,
3 (inspect, doctor) a lock that cannot be judged here (unknown or foreign): never reclaimed.
`;

type Command = (argv: string[]) => CommandResult | Promise<CommandResult>;

/**
 * Each command is loaded when it runs: the library it loads throws at load time when it cannot
 * start (a bad PIDPROOF_BACKEND, a broken binary), and that must be one line and exit 2, not a
 * stack trace from a top-level import.
 */
const commands: Record<string, () => Promise<{ run: Command; help: string }>> = {
  identity: () => import('./cli/identity').then((m) => ({ run: m.identityCommand, help: m.IDENTITY_HELP })),
  inspect: () => import('./cli/inspect').then((m) => ({ run: m.inspectCommand, help: m.INSPECT_HELP })),
  doctor: () => import('./cli/doctor').then((m) => ({ run: m.doctorCommand, help: m.DOCTOR_HELP })),
  watch: () => import('./cli/watch').then((m) => ({ run: m.watchCommand, help: m.WATCH_HELP })),
  kill: () => import('./cli/kill').then((m) => ({ run: m.killCommand, help: m.KILL_HELP })),
  stamp: () => import('./cli/stamp').then((m) => ({ run: m.stampCommand, help: m.STAMP_HELP })),
  stats: () => import('./cli/stats').then((m) => ({ run: m.statsCommand, help: m.STATS_HELP })),
  run: () => import('./cli/run').then((m) => ({ run: m.runCommand, help: m.RUN_HELP })),
};

function version(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../package.json') as { version: string }).version;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    const which = name === 'help' ? rest[0] : undefined;
    if (which === undefined || !Object.hasOwn(commands, which)) {
      process.stdout.write(HELP);
      return name === undefined ? 2 : 0;
    }
    return main([which, '--help']);
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (!Object.hasOwn(commands, name)) {
    process.stderr.write(`pidproof: unknown command "${safe(name)}"\n\n${HELP}`);
    return 2;
  }
  let cmd: { run: Command; help: string };
  try {
    cmd = await commands[name]();
  } catch (err) {
    // Only the first line: a load error's message is the whole story (no stack trace).
    process.stderr.write(`pidproof: ${safe(String((err as Error).message ?? err).split('\n')[0])}\n`);
    return 2;
  }
  try {
    const r = await cmd.run(rest);
    if (r.stdout) process.stdout.write(r.stdout);
    if (r.stderr) process.stderr.write(r.stderr);
    return r.code;
  } catch (err) {
    const e = err as { code?: string; message: string };
    const parse = typeof e.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`pidproof ${name}: ${safe(parse ? parseErrorMessage(e) : e.message)}\n`);
    if (err instanceof UsageError || parse) process.stderr.write(`Run "pidproof ${name} --help" for usage.\n`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`pidproof: ${((err as Error).stack ?? String(err)).split('\n').map(safe).join('\n')}\n`);
      process.exitCode = 2;
    },
  );
}
