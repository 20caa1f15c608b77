/**
 * Parse and execute Go templates: the text/template API as Argo CD uses it
 * (`template.New(name).Funcs(funcs).Option(opts...).Parse(text)` then `Execute`).
 * Upstream: go/src/text/template/template.go, option.go (Go 1.19).
 */
import { builtinFuncs } from './builtins';
import { FuncMap, MissingKey, execute } from './exec';
import { GoFunc, fromJsonValue } from './go-value';
import { ListNode, Node } from './nodes';
import { ParseOptions, TreeSet, parseTrees } from './parse';
import { TemplateError } from './template-error';

/** A parsed template: its trees, the function map it was parsed with and the Go version. */
export interface ParsedTemplate {
  readonly name: string;
  readonly trees: TreeSet;
  readonly funcs: FuncMap;
  readonly goVersion: '1.19' | '1.26';
}

export interface ExecuteOptions {
  /** text/template's `missingkey` option; default `invalid` (prints `<no value>`). */
  readonly missingKey?: MissingKey | 'default';
}

const BUILTINS = builtinFuncs();

/** Parses `text` as template `name` with a function map; throws TemplateError with Go's message. */
export function parseTemplate(name: string, text: string, funcs: FuncMap = {}, options: ParseOptions = {}): ParsedTemplate {
  const has = (fn: string) => Object.prototype.hasOwnProperty.call(funcs, fn) || Object.prototype.hasOwnProperty.call(BUILTINS, fn);
  const trees = parseTrees(name, text, has, options);
  return { name, trees, funcs, goVersion: options.goVersion ?? '1.26' };
}

/**
 * Executes a parsed template on plain JSON data (numbers become float64) or on Go values built
 * with go-value.ts (passed through as they are); throws TemplateError with Go's message.
 */
export function executeTemplate(t: ParsedTemplate, data: unknown, options: ExecuteOptions = {}): string {
  const mk = options.missingKey ?? 'invalid';
  return execute(t.trees, fromJsonValue(data), {
    missingKey: mk === 'default' ? 'invalid' : mk,
    funcs: t.funcs,
    builtins: BUILTINS,
    goVersion: t.goVersion,
  });
}

/** Applies text/template options (`missingkey=error`, …) as Template.Option does; unknown ones fail. */
export function parseOptions(options: readonly string[]): ExecuteOptions {
  let missingKey: MissingKey = 'invalid';
  for (const opt of options) {
    if (opt === '') throw new TemplateError('empty option string', 'option');
    const elems = opt.split('=');
    if (elems.length === 2 && elems[0] === 'missingkey') {
      switch (elems[1]) {
        case 'invalid': case 'default': missingKey = 'invalid'; continue;
        case 'zero': missingKey = 'zero'; continue;
        case 'error': missingKey = 'error'; continue;
      }
    }
    throw new TemplateError(`unrecognized option: ${opt}`, 'option');
  }
  return { missingKey };
}

/** The names of functions a template calls (identifiers in any of its trees). */
export function functionsIn(t: ParsedTemplate): string[] {
  const names = new Set<string>();
  const visit = (n: Node | undefined): void => {
    if (n === undefined) return;
    switch (n.type) {
      case 'identifier': names.add(n.ident); return;
      case 'list': n.nodes.forEach(visit); return;
      case 'action': visit(n.pipe); return;
      case 'pipe': n.decl.forEach(visit); n.cmds.forEach(visit); return;
      case 'command': n.args.forEach(visit); return;
      case 'chain': visit(n.node); return;
      case 'if': case 'range': case 'with': visit(n.pipe); visit(n.list); visit(n.elseList); return;
      case 'template': visit(n.pipe); return;
    }
  };
  t.trees.trees.forEach((root: ListNode) => visit(root));
  return [...names].sort();
}

/** The functions of a template that are not deterministic (`now`, `randAlpha`, `uuidv4`, …). */
export function nondeterministicFunctionsIn(t: ParsedTemplate): string[] {
  return functionsIn(t).filter((n) => {
    const f: GoFunc | undefined = Object.prototype.hasOwnProperty.call(t.funcs, n) ? t.funcs[n] : undefined;
    return f?.options.nondeterministic === true;
  });
}
