import * as fs from 'fs';
import * as path from 'path';
import type { Command } from 'commander';
import { EXIT_INVALID, EXIT_USAGE, InputError, UsageError } from './runtime/errors';
import { ownPackageRoot } from './runtime/typescript-loader';

/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * The commands, loaded on demand: `generate` runs inside argocd-repo-server on every render, and
 * should not pay for loading the YAML parser and the plan engine it never uses.
 */
const COMMANDS: { [name: string]: () => Command } = {
  synth: () => require('./commands/synth').synthCommand(),
  validate: () => require('./commands/validate').validateCommand(),
  plan: () => require('./commands/plan').planCommand(),
  generate: () => require('./commands/generate').generateCommand(),
  plugin: () => require('./commands/plugin').pluginCommand(),
  appset: () => require('./commands/appset').appsetCommand(),
  init: () => require('./commands/init').initCommand(),
  notifications: () => require('./commands/notifications').notificationsCommand(),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The package's version (its package.json, found from lib/src/cli or src/cli alike). */
function version(): string {
  return JSON.parse(fs.readFileSync(path.join(ownPackageRoot(), 'package.json'), 'utf-8')).version;
}

/**
 * The CLI program. With `argv`, only the command it names is loaded (all of them for the
 * top-level help or an unknown command).
 */
export function program(argv: readonly string[] = []): Command {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { Command: CommandClass } = require('commander') as typeof import('commander');
  const { addExamples } = require('./help-examples') as typeof import('./help-examples');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const root = new CommandClass('cdk8s-argocd')
    .description('Argo CD as typed cdk8s code: synthesize, validate and plan Argo CD manifests, and run as a Config Management Plugin')
    .version(version())
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const requested = argv.find((a) => !a.startsWith('-'));
  const names = requested !== undefined && Object.prototype.hasOwnProperty.call(COMMANDS, requested) ? [requested] : Object.keys(COMMANDS);
  for (const name of names) root.addCommand(COMMANDS[name]());
  for (const c of root.commands) c.showHelpAfterError('(run with --help for usage)');
  for (const c of [root, ...root.commands]) addExamples(c);
  root.exitOverride();
  for (const c of root.commands) c.exitOverride();
  return root;
}

/**
 * Runs the CLI; returns the exit code (0 ok, 1 invalid input or failed validation, 2 usage or an
 * internal error). `--debug`, anywhere on the command line, prints the stack of an internal error.
 */
export function main(args: string[]): number {
  const debug = args.includes('--debug');
  const argv = args.filter((a) => a !== '--debug');
  try {
    // `generate` with plain options, as Argo CD runs it on every render, does not load commander.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const generate = argv[0] === 'generate' ? require('./commands/generate') as typeof import('./commands/generate') : undefined;
    const options = generate?.parseGenerateArgs(argv.slice(1));
    if (generate && options) generate.generate(options);
    else program(argv).parse(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (isCommanderError(e)) {
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
    // Not an input or usage error: a bug in cdk8s-argocd. Say so; the stack only with --debug.
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`internal error: ${message}\n`);
    process.stderr.write(debug && e instanceof Error ? `${e.stack}\n` : 'this is a bug in cdk8s-argocd: run again with --debug for the stack trace, and report it\n');
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}

/** commander's own errors (`--help`, `--version`, unknown options …) carry a `commander.*` code. */
function isCommanderError(e: unknown): e is Error & { exitCode: number } {
  if (!(e instanceof Error)) return false;
  const { code, exitCode } = e as Error & { code?: unknown; exitCode?: unknown };
  return typeof code === 'string' && code.startsWith('commander.') && typeof exitCode === 'number';
}
