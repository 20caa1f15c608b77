import { runCli } from './run-cli';

/** The command names the top-level help lists (without `help`). */
function commandNames(help: string): string[] {
  const section = help.split('\nCommands:\n')[1].split('\n\n')[0];
  return section.split('\n').map((l) => /^ {2}(\S+)/.exec(l)?.[1]).filter((n): n is string => n !== undefined && n !== 'help');
}

/** The example lines after "Examples:" in a help text. */
function examples(help: string): string[] {
  const at = help.indexOf('\nExamples:\n');
  if (at < 0) return [];
  return help.slice(at).split('\n').slice(2).filter((l) => /^ {2}\$ /.test(l));
}

describe('--help', () => {
  const top = runCli(['--help']);
  const names = commandNames(top.stdout);

  test('the top-level help lists the commands and gives examples', () => {
    expect(top.status).toBe(0);
    expect(names).toEqual(expect.arrayContaining(['synth', 'validate', 'plan', 'generate', 'plugin', 'init']));
    expect(examples(top.stdout)).toEqual(expect.arrayContaining([expect.stringContaining('cdk8s-argocd init')]));
  });

  test('every command has examples of itself in its help (a command with subcommands: each of them)', () => {
    const missing: string[] = [];
    const visit = (command: string[]) => {
      const r = runCli([...command, '--help']);
      expect({ command, status: r.status }).toEqual({ command, status: 0 });
      const sub = r.stdout.includes('\nCommands:\n') ? commandNames(r.stdout) : [];
      if (sub.length > 0) {
        for (const s of sub) visit([...command, s]);
      } else if (!examples(r.stdout).some((e) => e.includes(`cdk8s-argocd ${command.join(' ')}`))) {
        missing.push(command.join(' '));
      }
    };
    for (const name of names) visit([name]);
    expect(missing).toEqual([]);
  });
});
