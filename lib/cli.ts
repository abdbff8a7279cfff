#!/usr/bin/env node
/** The `pidproof` command: identity | inspect | doctor | watch | kill. */
import { doctorCommand, DOCTOR_HELP } from './cli/doctor';
import { identityCommand, IDENTITY_HELP } from './cli/identity';
import { inspectCommand, INSPECT_HELP } from './cli/inspect';
import { killCommand, KILL_HELP } from './cli/kill';
import { type CommandResult, UsageError } from './cli/usage';
import { watchCommand, WATCH_HELP } from './cli/watch';

const HELP = `Usage: pidproof <command> [options]

Commands:
  identity [pid ...]   who a process is: start token, unique id, boot, state (default: itself)
  inspect <lockfile>   who holds a lock, is it alive, is it stale, what an acquire would do
  doctor <dir...>      scan directories for lock files; --fix removes the stale ones safely
  watch <pid|lockfile> wait until that exact process (or the lock's holder) exits
  kill <pid|file>      signal that process (or a lock/PID file's holder) only while it is still it

Run "pidproof <command> --help" for a command's options.
Exit codes: 0 ok, 1 a checked thing was missing or stale, 2 bad usage or error.
`;

type Command = (argv: string[]) => CommandResult | Promise<CommandResult>;

const commands: Record<string, { run: Command; help: string }> = {
  identity: { run: identityCommand, help: IDENTITY_HELP },
  inspect: { run: inspectCommand, help: INSPECT_HELP },
  doctor: { run: doctorCommand, help: DOCTOR_HELP },
  watch: { run: watchCommand, help: WATCH_HELP },
  kill: { run: killCommand, help: KILL_HELP },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    const which = name === 'help' ? rest[0] : undefined;
    process.stdout.write(which && commands[which] ? commands[which].help : HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    process.stdout.write(`${(require('../package.json') as { version: string }).version}\n`);
    return 0;
  }
  const cmd = commands[name];
  if (!cmd) {
    process.stderr.write(`pidproof: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  try {
    const r = await cmd.run(rest);
    if (r.stdout) process.stdout.write(r.stdout);
    if (r.stderr) process.stderr.write(r.stderr);
    return r.code;
  } catch (err) {
    const usage =
      err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`pidproof ${name}: ${(err as Error).message}\n`);
    if (usage) process.stderr.write(`Run "pidproof ${name} --help" for usage.\n`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`pidproof: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
