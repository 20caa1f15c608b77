import type { EventEmitter } from 'events';
import { Command } from 'commander';

/**
 * Examples for the `--help` of commands that do not bring their own (a command's own
 * `addHelpText('after', …)` wins), and for the top-level help.
 */
const EXAMPLES: { [command: string]: string[] } = {
  'cdk8s-argocd': [
    'mkdir platform-apps && cd platform-apps && cdk8s-argocd init && npm install',
    'cdk8s-argocd synth                         # the apps of cdk8s.yaml into dist/, validated',
    'cdk8s-argocd validate dist/                # any Argo CD manifests, however they were written',
    'cdk8s-argocd plan dist/web/                # the sync order Argo CD will follow',
    'cdk8s-argocd plugin --print bundle --image <registry>/cdk8s-argocd:<version> --output argocd-plugin',
    'cdk8s-argocd <command> --help              # a command\'s options and examples',
  ],
  'synth': [
    'cdk8s-argocd synth                         # every app of cdk8s.yaml',
    'cdk8s-argocd synth --app main.ts --output dist',
    'cdk8s-argocd synth --strict                # warnings fail too',
  ],
  'generate': [
    'cdk8s-argocd generate                      # as the plugin runs it, in the app directory',
    'cdk8s-argocd generate --env REGION=eu-west-1 --parameter stage=prod',
    'cdk8s-argocd generate --parameters \'[{"name":"teams","array":["web","api"]}]\' --format json',
  ],
  'validate': [
    'cdk8s-argocd validate dist/',
    'cdk8s-argocd validate \'apps/**/*.yaml\' --project projects/team.yaml --format json',
  ],
  'plan': [
    'cdk8s-argocd plan dist/web/',
    'cdk8s-argocd plan dist/web/ --live live/ --format mermaid',
  ],
};

/** Adds the examples to `command`'s help unless it has its own text after the help. */
export function addExamples(command: Command): void {
  const examples = EXAMPLES[command.name()];
  // commander's Command is an EventEmitter; its own help text is an 'afterHelp' listener.
  if (!examples || (command as unknown as EventEmitter).listenerCount('afterHelp') > 0) return;
  command.addHelpText('after', ['', 'Examples:', ...examples.map((e) => `  $ ${e}`)].join('\n'));
}
