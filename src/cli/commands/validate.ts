import * as fs from 'fs';
import { Command, Option } from 'commander';
import { hasErrors, validateManifests } from '../../engine/validation';
import { Severity } from '../../engine/validation/problem';
import { EXIT_INVALID, EXIT_OK, InputError } from '../runtime/errors';
import { fileLocation, formatLine, formatText, LocatedProblem, summary, toJson } from '../runtime/format';
import { configFileReason, Excludes, ManifestDocument, expandPaths, locate, parseManifestFile } from '../runtime/manifest-files';

export interface ValidateCommandOptions {
  readonly format: 'text' | 'json';
  readonly strict?: boolean;
  readonly project?: string[];
  readonly plugin?: string[];
  readonly exclude?: string[];
  readonly skipRule?: string[];
}

/** Context files for the cross-object checks: AppProjects and plugin configs not in the input. */
export interface ValidateContext {
  readonly projects?: string[];
  readonly plugins?: string[];
  /** `--exclude` globs. */
  readonly exclude?: string[];
  /** `--skip-rule` ids; an id ending in `/` skips the family. */
  readonly skipRules?: string[];
}

/** A file left out because it holds configuration, not manifests. */
export interface SkippedFile {
  readonly file: string;
  readonly reason: string;
}

/** What `validateFiles` found. */
export interface ValidateResult {
  readonly problems: LocatedProblem[];
  /** The objects read, in input order (files in order, documents in order). */
  readonly documents: ManifestDocument[];
  readonly objects: number;
  /** Files read (skipped ones not counted). */
  readonly files: number;
  readonly skipped: SkippedFile[];
}

/** The objects of a given kind in context files; anything else in them is a usage mistake. */
function contextObjects(flag: string, kind: string, paths: readonly string[]): unknown[] {
  const out: unknown[] = [];
  for (const file of expandPaths(paths)) {
    const { documents, failures } = parseManifestFile(file, fs.readFileSync(file, 'utf-8'));
    if (failures.length > 0) {
      throw new InputError(`${flag} ${file}:${failures[0].line}:${failures[0].column}: cannot parse YAML: ${failures[0].message}`);
    }
    for (const d of documents) {
      if (d.object?.kind !== kind) {
        throw new InputError(`${flag} ${file} holds a ${JSON.stringify(d.object?.kind ?? null)} (document ${d.index}); ${flag} takes files of ${kind} objects only: pass other objects as paths to validate`);
      }
      out.push(d.object);
    }
  }
  return out;
}

const skippedBy = (skipRules: readonly string[]) => (rule: string) => skipRules.some((s) => (s.endsWith('/') ? rule.startsWith(s) : rule === s));

/**
 * Reads, parses and validates files as Argo CD reads them; returns the located problems (YAML
 * failures and warnings included) and the configuration files it left out. Input with no
 * Kubernetes object at all is an InputError.
 */
export function validateFiles(paths: readonly string[], context: ValidateContext = {}): ValidateResult {
  const projects = contextObjects('--project', 'AppProject', context.projects ?? []);
  const plugins = contextObjects('--plugin', 'ConfigManagementPlugin', context.plugins ?? []);
  const skipRules = context.skipRules ?? [];
  const skipped = skippedBy(skipRules);
  const files = expandPaths(paths, new Excludes(context.exclude));
  const documents: ManifestDocument[] = [];
  const problems: LocatedProblem[] = [];
  const skippedFiles: SkippedFile[] = [];
  let read = 0;
  let failed = 0;
  for (const file of files) {
    const parsed = parseManifestFile(file, fs.readFileSync(file, 'utf-8'));
    const reason = configFileReason(file, parsed);
    if (reason) {
      skippedFiles.push({ file, reason });
      continue;
    }
    read++;
    failed += parsed.failures.length;
    documents.push(...parsed.documents);
    const identity = (index: number) => {
      const o = parsed.documents.find((d) => d.index === index && d.base === '')?.object;
      const s = (v: unknown) => (typeof v === 'string' ? v : '');
      return { apiVersion: s(o?.apiVersion), kind: s(o?.kind), namespace: s(o?.metadata?.namespace), name: s(o?.metadata?.name) };
    };
    for (const f of parsed.failures) {
      if (skipped('yaml/parse')) continue;
      problems.push({ severity: Severity.ERROR, rule: 'yaml/parse', message: `cannot parse YAML: ${f.message}`, apiVersion: '', kind: '', namespace: '', name: '', path: '', file: f.file, index: f.index, line: f.line, column: f.column });
    }
    for (const w of parsed.warnings) {
      if (skipped(w.rule)) continue;
      const { rule, message, index, line, column } = w;
      problems.push({ severity: Severity.WARNING, rule, message, ...identity(index), path: w.path, file: w.file, index, line, column });
    }
  }
  if (documents.length === 0 && failed === 0) {
    const what = skippedFiles.length > 0 ? ` (${skippedFiles.length === files.length ? 'every file is' : 'the other files are'} configuration, skipped: ${skippedFiles.map((s) => s.file).join(', ')})` : '';
    throw new InputError(`no Kubernetes objects in ${paths.join(' ')}${what}: pass the files or folder of the manifests, e.g. dist/`);
  }
  for (const p of validateManifests(documents.map((d) => d.object), { projects: projects as any[], plugins, skipRules })) {
    const doc = documents[p.index!];
    const { line, column } = locate(doc, p.path, p.rule === 'schema/unknown-field');
    problems.push({ ...p, file: doc.file, index: doc.index, line, column });
  }
  problems.sort((a, b) => (a.file! < b.file! ? -1 : a.file! > b.file! ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)));
  return { problems, documents, objects: documents.length, files: read, skipped: skippedFiles };
}

/** `file: notice: skipped, …` lines for the configuration files left out (stderr). */
export function skippedNotices(skipped: readonly SkippedFile[]): string {
  return skipped.map((s) => `${formatLine(fileLocation(s.file), 'notice', `skipped: ${s.reason} (--exclude it to silence this notice)`)}\n`).join('');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function validateCommand(): Command {
  return new Command('validate')
    .description('validate Argo CD manifests (YAML or JSON files, directories or quoted globs) against the pinned Argo CD CRDs and rules, reading YAML as Argo CD does')
    .argument('<paths...>', 'files, directories or quoted globs (e.g. \'dist/**/*.yaml\')')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--strict', 'fail on warnings too', false)
    .option('--project <file>', 'AppProjects the Applications refer to that are not among PATHs (repeatable)', collect, [])
    .option('--plugin <file>', 'Config Management Plugin configs (plugin.yaml) the Applications target (repeatable)', collect, [])
    .option('--exclude <glob>', 'leave out files and folders: a name glob (\'*.json\') or a path glob (\'dist/tests/**\') (repeatable)', collect, [])
    .option('--skip-rule <id>', 'drop the problems of a rule (\'yaml/ambiguous-value\'), or of a family with a trailing / (\'sync-wave/\') (repeatable)', collect, [])
    .addHelpText('after', `
Output: one line a problem, "file:line:column: severity: message [rule]", then a count line;
--format json prints {"valid", "problems": [...]} instead. Configuration files (package.json,
tsconfig.json, kustomization.yaml, cdk8s.yaml, plugin.yaml...) are skipped with a notice on stderr.
Exit codes: 0 valid, 1 errors (or warnings with --strict) or no manifests found, 2 usage.

Examples:
  $ cdk8s-argocd validate dist/
  $ cdk8s-argocd validate 'apps/**/*.yaml' --exclude 'apps/tests/**' --project projects/team.yaml
  $ cdk8s-argocd validate dist/ --skip-rule yaml/ambiguous-value --skip-rule sync-wave/ --format json`)
    .action((paths: string[], options: ValidateCommandOptions) => {
      // Bad input throws InputError (exit 1); anything else is a bug and reaches main() as one (exit 2).
      const context = { projects: options.project, plugins: options.plugin, exclude: options.exclude, skipRules: options.skipRule };
      const result = validateFiles(paths, context);
      process.stderr.write(skippedNotices(result.skipped));
      const failed = hasErrors(result.problems, options.strict);
      const count = summary(result.problems, result.objects, result.files, result.skipped.length);
      if (options.format === 'json') {
        process.stdout.write(toJson(result.problems, !failed));
        process.stderr.write(count);
      } else {
        process.stdout.write(formatText(result.problems));
        process.stdout.write(count);
      }
      process.exitCode = failed ? EXIT_INVALID : EXIT_OK;
    });
}
