/** An error the CLI reports as invalid input (exit code 1), without a stack trace. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** A usage error (exit code 2): a bad flag or argument. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

/**
 * Input problems already written as report lines (`location: error: message [rule]`): the command
 * prints the lines with its count line and exits 1. (Should one reach main(), it is still exit 1.)
 */
export class ReportedError extends InputError {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'ReportedError';
  }
}

/** Whether `--debug` is on the command line: stack traces of the app's own errors are shown. */
export function debugRequested(): boolean {
  return process.argv.includes('--debug');
}
