import * as fs from 'fs';
import { Command, Option } from 'commander';
import { hasErrors, validateManifests } from '../../engine/validation';
import { Severity } from '../../engine/validation/problem';
import { EXIT_INVALID, EXIT_OK, InputError } from '../runtime/errors';
import { formatText, LocatedProblem, summary, toJson } from '../runtime/format';
import { ManifestDocument, expandPaths, locate, parseManifestFile } from '../runtime/manifest-files';

export interface ValidateCommandOptions {
  readonly format: 'text' | 'json';
  readonly strict?: boolean;
  readonly project?: string[];
  readonly plugin?: string[];
}

/** Context files for the cross-object checks: AppProjects and plugin configs not in the input. */
export interface ValidateContext {
  readonly projects?: string[];
  readonly plugins?: string[];
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

/** Reads, parses and validates files; returns the located problems (parse failures included). */
export function validateFiles(
  paths: readonly string[],
  context: ValidateContext = {},
): { problems: LocatedProblem[]; objects: number; files: number } {
  const projects = contextObjects('--project', 'AppProject', context.projects ?? []);
  const plugins = contextObjects('--plugin', 'ConfigManagementPlugin', context.plugins ?? []);
  const files = expandPaths(paths);
  const documents: ManifestDocument[] = [];
  const problems: LocatedProblem[] = [];
  for (const file of files) {
    const { documents: docs, failures } = parseManifestFile(file, fs.readFileSync(file, 'utf-8'));
    documents.push(...docs);
    for (const f of failures) {
      problems.push({
        severity: Severity.ERROR,
        rule: 'yaml/parse',
        message: `cannot parse YAML: ${f.message}`,
        apiVersion: '',
        kind: '',
        namespace: '',
        name: '',
        path: '',
        file: f.file,
        index: f.index,
        line: f.line,
        column: f.column,
      });
    }
  }
  for (const p of validateManifests(documents.map((d) => d.object), { projects: projects as any[], plugins })) {
    const doc = documents[p.index!];
    const { line, column } = locate(doc, p.path, p.rule === 'schema/unknown-field');
    problems.push({ ...p, file: doc.file, index: doc.index, line, column });
  }
  problems.sort((a, b) => (a.file! < b.file! ? -1 : a.file! > b.file! ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)));
  return { problems, objects: documents.length, files: files.length };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function validateCommand(): Command {
  return new Command('validate')
    .description('validate Argo CD manifests (YAML or JSON files, or directories of them) against the pinned Argo CD CRDs and rules')
    .argument('<paths...>', 'files or directories to validate')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--strict', 'fail on warnings too', false)
    .option('--project <file>', 'AppProjects the Applications refer to that are not among PATHs (repeatable)', collect, [])
    .option('--plugin <file>', 'Config Management Plugin configs (plugin.yaml) the Applications target (repeatable)', collect, [])
    .action((paths: string[], options: ValidateCommandOptions) => {
      // Bad input throws InputError (exit 1); anything else is a bug and reaches main() as one (exit 2).
      const result = validateFiles(paths, { projects: options.project, plugins: options.plugin });
      const failed = hasErrors(result.problems, options.strict);
      if (options.format === 'json') {
        process.stdout.write(toJson(result.problems, !failed));
      } else {
        process.stdout.write(formatText(result.problems));
        process.stdout.write(summary(result.problems, result.objects, result.files));
      }
      process.exitCode = failed ? EXIT_INVALID : EXIT_OK;
    });
}
