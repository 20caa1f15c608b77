/**
 * The error a template parse or execution fails with. `message` is Go's error text, e.g.
 * `template: t:1: function "cluster" not defined` or
 * `template: t:1:3: executing "t" at <.a.b>: map has no entry for key "b"`.
 */
export class TemplateError extends Error {
  constructor(message: string, public readonly phase: 'parse' | 'exec' | 'option') {
    super(message);
    this.name = 'TemplateError';
  }
}
