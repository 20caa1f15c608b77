/**
 * `cdk8s-argocd appset generate FILE`: the Applications an ApplicationSet generates, offline
 * (what `argocd appset generate` needs an API server for). Generators that read a cluster or a
 * repository read `--clusters` and `--repo`; those that ask a remote API read `--params`.
 * The output is validated like any input: an error prints nothing on stdout and exits 1.
 */
import * as fs from 'fs';
import { Command, Option } from 'commander';
import { AppSetExpansionError, expandApplicationSet, RemoteParams } from '../../engine/appset';
import { hasErrors, validateManifests } from '../../engine/validation';
import { Manifest, Severity } from '../../engine/validation/problem';
import { EXIT_INVALID, EXIT_OK, InputError, UsageError } from '../runtime/errors';
import { formatLine } from '../runtime/format';
import { parseManifestFile } from '../runtime/manifest-files';
import { serialize } from '../runtime/yaml-stream';

interface GenerateOptions {
  readonly repo?: string;
  readonly clusters?: string;
  readonly params?: string;
  readonly format: 'yaml' | 'json';
  readonly strict?: boolean;
}

function readObjects(flag: string, file: string): Manifest[] {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`${flag} ${file}: no such file: give a YAML or JSON file`);
  const { documents, failures } = parseManifestFile(file, fs.readFileSync(file, 'utf-8'));
  if (failures.length > 0) throw new InputError(`${flag} ${file}:${failures[0].line}:${failures[0].column}: cannot parse YAML: ${failures[0].message}`);
  return documents.map((d) => d.object);
}

function readParams(file: string): RemoteParams {
  const [doc, ...rest] = readObjects('--params', file);
  if (doc === undefined || rest.length > 0 || doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new InputError(`--params ${file} must hold one object mapping a generator (its JSON pointer, e.g. "/spec/generators/0", or its kind, e.g. "pullRequest") to a list of parameter objects`);
  }
  for (const [k, v] of Object.entries(doc)) {
    if (!Array.isArray(v)) throw new InputError(`--params ${file}: ${JSON.stringify(k)} is not a list: give a list of parameter objects`);
  }
  return doc as RemoteParams;
}

/** Expands the ApplicationSets of FILE; throws InputError naming the ApplicationSet, field and Go's message. */
export function generateApplications(file: string, options: Omit<GenerateOptions, 'format'>): { apps: Manifest[]; projects: Manifest[] } {
  const objects = readObjects('FILE', file);
  const appSets = objects.filter((o) => o?.kind === 'ApplicationSet');
  if (appSets.length === 0) throw new InputError(`${file} holds no ApplicationSet: give a file with at least one ApplicationSet`);
  if (options.repo !== undefined && !(fs.existsSync(options.repo) && fs.statSync(options.repo).isDirectory())) {
    throw new UsageError(`--repo ${options.repo}: not a directory: give a local checkout of the repository the git generators read`);
  }
  const clusters = options.clusters !== undefined ? readObjects('--clusters', options.clusters) : [];
  for (const c of clusters) {
    if (c?.kind !== 'Secret') throw new InputError(`--clusters ${options.clusters} holds a ${JSON.stringify(c?.kind ?? null)}: give cluster Secrets (label argocd.argoproj.io/secret-type: cluster) only`);
  }
  const params = options.params !== undefined ? readParams(options.params) : undefined;
  const apps: Manifest[] = [];
  for (const appSet of appSets) {
    try {
      apps.push(...expandApplicationSet(appSet, { repoDir: options.repo, clusters, params }) as Manifest[]);
    } catch (e) {
      if (e instanceof AppSetExpansionError) throw new InputError(e.message);
      throw e;
    }
  }
  return { apps, projects: objects.filter((o) => o?.kind === 'AppProject') };
}

export function appsetCommand(): Command {
  const generate = new Command('generate')
    .description('expand ApplicationSets offline into the Applications Argo CD would create, validated')
    .argument('<file>', 'a YAML or JSON file holding ApplicationSets (AppProjects in it are used for the project checks)')
    .option('--repo <dir>', 'a local checkout the git generators read (directories and files)')
    .option('--clusters <file>', 'cluster Secrets (argocd.argoproj.io/secret-type: cluster) the clusters generators read')
    .option('--params <file>', 'parameter sets of pullRequest, scmProvider, clusterDecisionResource and plugin generators: {"/spec/generators/0" | "pullRequest": [ {...}, ... ]}')
    .addOption(new Option('--format <format>', 'output format: a YAML stream, or one JSON array').choices(['yaml', 'json']).default('yaml'))
    .option('--strict', 'fail on warnings too', false)
    .addHelpText('after', `
Examples:
  $ cdk8s-argocd appset generate appset.yaml
  $ cdk8s-argocd appset generate dist/fleet/fleet.k8s.yaml --repo . --clusters clusters.yaml
  $ cdk8s-argocd appset generate previews.yaml --params prs.json --format json`)
    .action((file: string, options: GenerateOptions) => {
      const { apps, projects } = generateApplications(file, options);
      const problems = validateManifests(apps, { projects });
      for (const p of problems) {
        process.stderr.write(`${formatLine(`Application ${p.name}`, p.severity, `${p.path === '' ? '' : `${p.path}: `}${p.message}`, p.rule)}\n`);
      }
      if (hasErrors(problems, options.strict)) {
        const errors = problems.filter((p) => p.severity === Severity.ERROR || options.strict).length;
        process.stderr.write(`${errors} problem${errors === 1 ? '' : 's'} in ${apps.length} generated Application${apps.length === 1 ? '' : 's'}: nothing written\n`);
        process.exitCode = EXIT_INVALID;
        return;
      }
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(apps, null, 2)}\n` : serialize(apps, 'yaml'));
      process.exitCode = EXIT_OK;
    });
  return new Command('appset')
    .description('ApplicationSet tools: expand an ApplicationSet offline')
    .addCommand(generate);
}
