import { Command, CommanderError } from 'commander';
import { EXIT_INVALID, EXIT_USAGE, InputError, UsageError } from './errors';
import { generateCommand } from './generate';
import { planCommand } from './plan';
import { pluginCommand } from './plugin';
import { synthCommand } from './synth';
import { validateCommand } from './validate';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const VERSION: string = require('../../../package.json').version;

export function program(): Command {
  const root = new Command('cdk8s-argocd')
    .description('Argo CD as typed cdk8s code: synthesize, validate and plan Argo CD manifests, and run as a Config Management Plugin')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  root.addCommand(synthCommand());
  root.addCommand(validateCommand());
  root.addCommand(planCommand());
  root.addCommand(generateCommand());
  root.addCommand(pluginCommand());
  for (const c of root.commands) c.showHelpAfterError('(run with --help for usage)');
  root.exitOverride();
  for (const c of root.commands) c.exitOverride();
  return root;
}

/** Runs the CLI; returns the exit code (0 ok, 1 invalid input or failed validation, 2 usage). */
export function main(argv: string[]): number {
  try {
    program().parse(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with exit code 0.
      return e.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof InputError) {
      process.stderr.write(`error: ${e.message}\n`);
      return EXIT_INVALID;
    }
    process.stderr.write(`error: ${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT_INVALID;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
