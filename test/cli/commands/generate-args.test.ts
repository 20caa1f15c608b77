import * as fc from 'fast-check';
import { generateCommand, GenerateOptions, parseGenerateArgs } from '../../../src/cli/commands/generate';

/** What commander hands generate's action for these arguments, or the error it reports. */
function commanderOptions(args: string[]): GenerateOptions | Error {
  const command = generateCommand().exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  let options: GenerateOptions | undefined;
  command.action((o: GenerateOptions) => {
    options = o;
  });
  try {
    command.parse(args, { from: 'user' });
  } catch (e) {
    return e as Error;
  }
  return { ...options! };
}

describe('generate reads its options without commander', () => {
  const option = fc.oneof(
    fc.constantFrom('main.ts', 'apps/a.ts').map((f) => ['--app', f]),
    fc.constantFrom('app.ts').map((f) => [`--app=${f}`]),
    fc.constantFrom('REGION=eu', 'A=1=2', 'EMPTY=').map((e) => ['--env', e]),
    fc.constantFrom('stage=prod', 'x=').map((p) => ['--parameter', p]),
    fc.constantFrom('[]', '[{"name":"a","string":"b"}]').map((p) => ['--parameters', p]),
    fc.constant(['--plugin-config', 'plugin.yaml']),
    fc.constantFrom('yaml', 'json').map((f) => ['--format', f]),
    fc.constantFrom('json').map((f) => [`--format=${f}`]),
    fc.constant(['--allow-empty']),
    fc.constant(['--strict']),
  );

  test('gives generate the options commander gives it, for any mix of valid options', () => {
    fc.assert(fc.property(fc.array(option, { maxLength: 6 }), (parts) => {
      const args = parts.flat();
      expect(parseGenerateArgs(args)).toEqual(commanderOptions(args));
    }), { numRuns: 500 });
  });

  test.each([
    [['--help']], [['-h']], [['--bogus']], [['--format', 'xml']], [['--app']], [['--app', '--strict']], [['main.ts']],
    [['--strict=yes']], [['--no-strict']], [['--', '--app', 'x']], [['-x']],
  ])('leaves %j to commander, which reports it', (args) => {
    expect(parseGenerateArgs(args)).toBeUndefined();
  });

  test('fails when an option is unknown, through commander, as every command does', () => {
    const result = commanderOptions(['--bogus']);
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toBe("error: unknown option '--bogus'");
  });
});
