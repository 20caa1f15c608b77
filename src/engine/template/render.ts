/**
 * One-call rendering as Argo CD does it (applicationset/utils/utils.go Render.Replace with
 * goTemplate: true): apply the goTemplateOptions, parse with the function map, execute on the
 * parameters. Data is plain JSON (numbers become float64, see go-value.ts).
 */
import { FuncMap } from './exec';
import { executeTemplate, parseOptions, parseTemplate } from './template';

export interface RenderOptions {
  /** The function map (applicationSetFuncMap() or notificationsFuncMap()). */
  readonly funcs: FuncMap;
  /** text/template options, e.g. ['missingkey=error'] (an ApplicationSet's goTemplateOptions). */
  readonly options?: readonly string[];
  /** Template name in error messages; default "t". */
  readonly name?: string;
  /** Go version semantics; default '1.26' (Argo CD v3.5.1). */
  readonly goVersion?: '1.19' | '1.26';
}

/** Renders a Go template on plain JSON data; throws TemplateError with Go's message. */
export function renderGoTemplate(text: string, data: unknown, options: RenderOptions): string {
  const exec = parseOptions(options.options ?? []);
  const t = parseTemplate(options.name ?? 't', text, options.funcs, { goVersion: options.goVersion });
  return executeTemplate(t, data, exec);
}
