import { Problem, Severity } from '../../engine/validation/problem';

/**
 * The one text format of every problem the CLI reports (synth, generate, validate, plan, and a
 * construct that throws), the way a compiler reports:
 *
 *   location: severity: message [rule]
 *
 * where location is `file:line:column` for a file and `[construct/path]` for a construct.
 */

/** A problem with where it was found, as the CLI reports it. */
export interface LocatedProblem extends Problem {
  readonly line?: number;
  readonly column?: number;
}

/** `location: severity: message [rule]` (no `[rule]` when there is none). */
export function formatLine(location: string | undefined, severity: Severity | `${Severity}` | 'notice', message: string, rule?: string): string {
  return `${location ? `${location}: ` : ''}${severity}: ${message}${rule ? ` [${rule}]` : ''}`;
}

/** `file:line:column`, `file`, or undefined. */
export function fileLocation(file: string | undefined, line?: number, column?: number): string | undefined {
  if (!file) return undefined;
  return line ? `${file}:${line}:${column ?? 1}` : file;
}

/** `file:line:column: severity: message [rule]`, one line a problem. */
export function formatText(problems: readonly LocatedProblem[]): string {
  const lines = problems.map((p) => formatLine(fileLocation(p.file, p.line, p.column), p.severity, p.message, p.rule));
  return lines.join('\n') + (lines.length ? '\n' : '');
}

/** `[construct/path]: severity: message [rule]`, for problems of what an app rendered. */
export function formatConstructProblem(constructPath: string, p: Problem): string {
  return formatLine(`[${constructPath}]`, p.severity, p.message, p.rule);
}

/** The stable JSON form documented in the README (field order fixed). */
export function toJson(problems: readonly Problem[], valid: boolean): string {
  return JSON.stringify({
    valid,
    problems: problems.map((p) => ({
      severity: p.severity,
      rule: p.rule,
      message: p.message,
      file: p.file ?? null,
      index: p.index ?? null,
      apiVersion: p.apiVersion,
      kind: p.kind,
      namespace: p.namespace,
      name: p.name,
      path: p.path,
    })),
  }, undefined, 2) + '\n';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The count line that ends every report: `2 errors, 1 warning in 14 objects (3 files)`, with
 * `; 2 files skipped` when configuration files were left out.
 */
export function summary(problems: readonly Problem[], objects: number, files: number, skipped = 0): string {
  const errors = problems.filter((p) => p.severity === Severity.ERROR).length;
  const warnings = problems.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(objects, 'object')} (${plural(files, 'file')})${skipped ? `; ${plural(skipped, 'file')} skipped` : ''}\n`;
}
