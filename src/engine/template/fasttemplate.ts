/**
 * ApplicationSet rendering with `goTemplate: false`: valyala/fasttemplate 1.2.2 as Argo CD v3.5.1
 * calls it (applicationset/utils/utils.go, Render.Replace). A string is a template only if it
 * matches `.*{{.*}}.*` (Go regexp: `.` does not match a newline, so some line must hold both
 * delimiters); it is split on `{{` … `}}`; each tag is trimmed and replaced by its parameter when
 * that parameter is a string; anything else is written back as `{{tag}}` unchanged.
 * Upstream: github.com/valyala/fasttemplate template.go@v1.2.2 (Reset: "Cannot find end tag").
 */
import { quote } from './go-fmt';
import { trimSpace } from './sprig/strings';
import { TemplateError } from './template-error';

const IS_TEMPLATED = /{{.*}}/;

/** Whether Argo CD treats a string as a fasttemplate template. */
export function isFastTemplate(text: string): boolean {
  return text.split('\n').some((line) => IS_TEMPLATED.test(line));
}

/** Substitutes string parameters into `{{ name }}` tags; throws TemplateError on an unclosed tag. */
export function renderFastTemplate(text: string, params: Readonly<Record<string, unknown>>): string {
  if (!isFastTemplate(text)) return text;
  let out = '';
  let s = text;
  for (;;) {
    const n = s.indexOf('{{');
    if (n < 0) {
      out += s;
      break;
    }
    out += s.slice(0, n);
    s = s.slice(n + 2);
    const e = s.indexOf('}}');
    if (e < 0) throw new TemplateError(`Cannot find end tag=${quote('}}')} in the template=${quote(text)} starting from ${quote(s)}`, 'parse');
    const tag = s.slice(0, e);
    s = s.slice(e + 2);
    const trimmed = trimSpace(tag);
    const replacement = Object.prototype.hasOwnProperty.call(params, trimmed) ? params[trimmed] : undefined;
    out += trimmed !== '' && typeof replacement === 'string' ? replacement : `{{${tag}}}`;
  }
  return out;
}
