/**
 * Go text/template + Sprig + fasttemplate as Argo CD v3.5.1 renders ApplicationSet and
 * notification templates. Plain data in, plain data out: pass JSON (`fromJsonValue` turns it into
 * the Go value model: numbers are float64), get strings back; failures throw TemplateError with
 * Go's message.
 */
export type { FuncMap, MissingKey } from './exec';
export type { GoValue } from './go-value';
export { fromJsonValue, toJsonValue } from './go-value';
export type { ParsedTemplate, ExecuteOptions } from './template';
export { parseTemplate, executeTemplate, parseOptions, functionsIn, nondeterministicFunctionsIn } from './template';
export type { RenderOptions } from './render';
export { renderGoTemplate } from './render';
export { applicationSetFuncMap, notificationsFuncMap, sanitizeName, slugifyName } from './funcmaps';
export { renderFastTemplate, isFastTemplate } from './fasttemplate';
export { toYaml } from './yaml';
export { TemplateError } from './template-error';
