/** Shared CLI plumbing: results and usage errors (exit code 2). */

export interface CommandResult {
  code: number;
  stdout?: string;
  stderr?: string;
}

/** Bad usage: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
