import * as fs from 'fs';
import { Command, Option } from 'commander';
import { EXIT_INVALID, EXIT_OK, InputError } from './errors';
import { formatText, LocatedProblem, summary, toJson } from './format';
import { ManifestDocument, expandPaths, locate, parseManifestFile } from './manifest-files';
import { hasErrors, validateManifests } from '../validation';
import { Severity } from '../validation/problem';

export interface ValidateCommandOptions {
  readonly format: 'text' | 'json';
  readonly strict?: boolean;
}

/** Reads, parses and validates files; returns the located problems (parse failures included). */
export function validateFiles(paths: readonly string[]): { problems: LocatedProblem[]; objects: number; files: number } {
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
  for (const p of validateManifests(documents.map((d) => d.object))) {
    const doc = documents[p.index!];
    const { line, column } = locate(doc, p.path, p.rule === 'schema/unknown-field');
    problems.push({ ...p, file: doc.file, index: doc.index, line, column });
  }
  problems.sort((a, b) => (a.file! < b.file! ? -1 : a.file! > b.file! ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)));
  return { problems, objects: documents.length, files: files.length };
}

export function validateCommand(): Command {
  return new Command('validate')
    .description('validate Argo CD manifests (YAML or JSON files, or directories of them) against the pinned Argo CD CRDs and rules')
    .argument('<paths...>', 'files or directories to validate')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--strict', 'fail on warnings too', false)
    .action((paths: string[], options: ValidateCommandOptions) => {
      let result;
      try {
        result = validateFiles(paths);
      } catch (e) {
        throw new InputError((e as Error).message);
      }
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
