import { Problem } from '../../engine/validation/problem';

/** A problem with where it was found, as the CLI reports it. */
export interface LocatedProblem extends Problem {
  readonly line?: number;
  readonly column?: number;
}

function subject(p: Problem): string {
  if (!p.kind) return '';
  return ` (${p.kind}${p.name ? ` ${p.namespace ? `${p.namespace}/` : ''}${p.name}` : ''})`;
}

/** `file:line:column: severity: message [rule] (Kind ns/name)`, the way a compiler reports. */
export function formatText(problems: readonly LocatedProblem[]): string {
  const lines = problems.map((p) => {
    const where = p.file ? `${p.file}${p.line ? `:${p.line}:${p.column}` : ''}: ` : '';
    return `${where}${p.severity}: ${p.message} [${p.rule}]${subject(p)}`;
  });
  return lines.join('\n') + (lines.length ? '\n' : '');
}

/** One line a problem for synth output: `[construct/path] message`. */
export function formatConstructProblem(constructPath: string, p: Problem): string {
  return `[${constructPath}] ${p.severity}: ${p.message} [${p.rule}]${subject(p)}`;
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

export function summary(problems: readonly Problem[], objects: number, files: number): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(objects, 'object')} from ${plural(files, 'file')}\n`;
}
