/**
 * The template executor, ported from go/src/text/template/exec.go (Go 1.19), with range over an
 * integer from Go 1.22 (Argo CD v3.5.1 is built with Go 1.26; `goVersion: '1.19'` turns it off).
 *
 * Reflection is modelled with three extra states next to GoValue (see go-value.ts):
 * `undefined` is an invalid reflect.Value (a missing map key, `<no value>`), and `Iface` is a value
 * read out of an `interface {}` container — Go keeps those interface-typed until a pipeline stage
 * ends, which shows in error messages (`nil pointer evaluating interface {}.b`).
 */
import { sprint } from './go-fmt';
import { GoFunc, GoInt, GoIntType, GoMap, GoSlice, GoType, GoValue, IFACE, INT_TYPES, isTrue, kindOf, kindOfType, typeName, zeroOf } from './go-value';
import { BranchNode, ChainNode, CommandNode, FieldNode, ListNode, Node, PipeNode, TemplateNode, VariableNode, nodeString } from './nodes';
import { TreeSet } from './parse';
import { TemplateError } from './template-error';

/** A value held in an `interface {}` slot (reflect.Value of Kind Interface); `v` null is a nil interface. */
export class Iface {
  constructor(public readonly v: GoValue) {}
}

/** A reflect.Value: invalid (`undefined`), interface-kind (`Iface`) or concrete. */
export type RV = GoValue | undefined | Iface;

export const REFLECT_VALUE: GoType = 'reflect.Value';

export type MissingKey = 'invalid' | 'zero' | 'error';

/** A function map: Go name → Go function. */
export type FuncMap = Readonly<Record<string, GoFunc>>;

export interface ExecOptions {
  readonly missingKey: MissingKey;
  readonly funcs: FuncMap;
  readonly builtins: FuncMap;
  readonly goVersion: '1.19' | '1.26';
}

const MISSING: unique symbol = Symbol('missingVal');
type Final = RV | typeof MISSING;

class Break {}
class Continue {}
const BREAK = new Break();
const CONTINUE = new Continue();

class ExecError {
  constructor(public readonly message: string) {}
}

/** indirectInterface: the value inside an interface (a nil interface becomes invalid). */
export function indirectInterface(v: RV): GoValue | undefined {
  if (v instanceof Iface) return v.v === null ? undefined : v.v;
  return v;
}

/** The static type of a reflect.Value. */
export function rvType(v: RV): GoType {
  if (v instanceof Iface) return IFACE;
  if (v === undefined) return '<invalid>';
  return typeName(v);
}

function canBeNil(typ: GoType): boolean {
  if (typ === REFLECT_VALUE) return true;
  const k = kindOfType(typ);
  return k === 'interface' || k === 'slice' || k === 'map' || k === 'func';
}

/** The Go value a function receives for a parameter: interfaces are unwrapped, nil stays nil. */
function argValue(v: RV): GoValue {
  if (v instanceof Iface) return v.v;
  return v === undefined ? null : v;
}

function isHexInt(s: string): boolean {
  return s.length > 2 && s[0] === '0' && (s[1] === 'x' || s[1] === 'X') && !/[pP]/.test(s);
}

interface Variable {
  name: string;
  value: RV;
}

class State {
  public node: Node | undefined;
  public vars: Variable[];
  public out: string[] = [];

  constructor(
    public readonly set: TreeSet,
    public readonly tmplName: string,
    public readonly opts: ExecOptions,
    dot: RV,
    public readonly depth = 0,
  ) {
    this.vars = [{ name: '$', value: dot }];
  }

  public errorf(msg: string): never {
    const name = this.tmplName;
    if (this.node === undefined) throw new ExecError(`template: ${name}: ${msg}`);
    throw new ExecError(`template: ${this.errorLocation(this.node)}: executing ${quoteName(name)} at <${nodeString(this.node)}>: ${msg}`);
  }

  private errorLocation(n: Node): string {
    const text = this.set.text.slice(0, n.pos);
    const nl = text.lastIndexOf('\n');
    const col = Buffer.byteLength(text.slice(nl + 1), 'utf8');
    let line = 1;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
    return `${this.set.name}:${line}:${col}`;
  }

  public at(n: Node): void {
    this.node = n;
  }

  private mark(): number {
    return this.vars.length;
  }

  private pop(mark: number): void {
    this.vars.length = mark;
  }

  private setVar(name: string, value: RV): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private setTopVar(n: number, value: RV): void {
    this.vars[this.vars.length - n].value = value;
  }

  private varValue(name: string): RV {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i].value;
    this.errorf(`undefined variable: ${name}`);
  }

  public walk(dot: RV, node: Node): void {
    this.at(node);
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'break': throw BREAK;
      case 'continue': throw CONTINUE;
      case 'comment': return;
      case 'if': case 'with': return this.walkIfOrWith(dot, node);
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range': return this.walkRange(dot, node);
      case 'template': return this.walkTemplate(dot, node);
      case 'text':
        this.out.push(node.text);
        return;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  private walkIfOrWith(dot: RV, node: BranchNode): void {
    const mark = this.mark();
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTrue(indirectInterface(val))) {
        this.walk(node.type === 'with' ? val : dot, node.list);
      } else if (node.elseList) {
        this.walk(dot, node.elseList);
      }
    } finally {
      this.pop(mark);
    }
  }

  private walkRange(dot: RV, r: BranchNode): void {
    this.at(r);
    const outer = this.mark();
    try {
      const val = indirectInterface(this.evalPipeline(dot, r.pipe));
      const mark = this.mark();
      const oneIteration = (index: RV, elem: RV) => {
        if (r.pipe.decl.length > 0) this.setTopVar(1, elem);
        if (r.pipe.decl.length > 1) this.setTopVar(2, index);
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e !== CONTINUE) throw e;
        } finally {
          this.pop(mark);
        }
      };
      const elemOf = (container: GoSlice | GoMap, v: GoValue): RV => (container.elem === IFACE ? new Iface(v) : v);
      if (val instanceof GoSlice) {
        if (val.items.length > 0) {
          val.items.forEach((e, i) => oneIteration(new GoInt('int', BigInt(i)), elemOf(val, e)));
          return;
        }
      } else if (val instanceof GoMap) {
        if (val.entries.size > 0) {
          for (const k of val.sortedKeys()) oneIteration(k, elemOf(val, val.entries.get(k)!));
          return;
        }
      } else if (val instanceof GoInt && this.opts.goVersion !== '1.19') {
        if (r.pipe.decl.length > 1) this.errorf(`can't use ${sprint([val])} to iterate over more than one variable`);
        if (val.value > 0n) {
          for (let i = 0n; i < val.value; i++) oneIteration(new GoInt(val.type, i), new GoInt(val.type, i));
          return;
        }
      } else if (val !== undefined && val !== null) {
        this.errorf(`range can't iterate over ${sprint([val])}`);
      }
      if (r.elseList) this.walk(dot, r.elseList);
    } catch (e) {
      if (e !== BREAK) throw e;
    } finally {
      this.pop(outer);
    }
  }

  private walkTemplate(dot: RV, t: TemplateNode): void {
    this.at(t);
    const tree = this.set.trees.get(t.name);
    if (tree === undefined) this.errorf(`template ${quoteName(t.name)} not defined`);
    if (this.depth >= MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    const newDot = this.evalPipeline(dot, t.pipe);
    const sub = new State(this.set, t.name, this.opts, newDot, this.depth + 1);
    sub.out = this.out;
    try {
      sub.walk(newDot, tree);
    } catch (e) {
      if (e instanceof RangeError) throw new ExecError(`template: ${this.errorLocation(t)}: executing ${quoteName(t.name)} at <${nodeString(t)}>: exceeded maximum template depth (100000)`);
      throw e;
    }
  }

  public evalPipeline(dot: RV, pipe: PipeNode | undefined): RV {
    if (pipe === undefined) return undefined;
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      if (value instanceof Iface) value = indirectInterface(value);
    }
    const v = value as RV;
    for (const variable of pipe.decl) {
      if (pipe.isAssign) this.setVar(variable.ident[0], v);
      else this.vars.push({ name: variable.ident[0], value: v });
    }
    return v;
  }

  private notAFunction(args: readonly Node[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
  }

  private evalCommand(dot: RV, cmd: CommandNode, final: Final): RV {
    const first = cmd.args[0];
    switch (first.type) {
      case 'field': return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain': return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier': return this.evalFunction(dot, first.ident, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable': return this.evalVariableNode(first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool': return first.value;
      case 'dot': return dot;
      case 'nil': this.errorf('nil is not a command');
      case 'number': return this.idealConstant(first);
      case 'string': return first.text;
    }
    this.errorf(`can't evaluate command ${quoteName(nodeString(first))}`);
  }

  private idealConstant(c: Extract<Node, { type: 'number' }>): RV {
    this.at(c);
    if (c.isComplex) this.errorf(`complex constants are not supported: ${c.text}`);
    if (c.isFloat && !isHexInt(c.text) && c.text[0] !== "'" && /[.eEpP]/.test(c.text)) return c.float64;
    if (c.isInt) return new GoInt('int', c.int64);
    if (c.isUint) this.errorf(`${c.text} overflows int`);
    return undefined;
  }

  private evalFieldNode(dot: RV, field: FieldNode, args: readonly Node[] | undefined, final: Final): RV {
    this.at(field);
    return this.evalFieldChain(dot, field.ident, args, final);
  }

  private evalChainNode(dot: RV, chain: ChainNode, args: readonly Node[] | undefined, final: Final): RV {
    this.at(chain);
    if (chain.field.length === 0) this.errorf('internal error: no fields in evalChainNode');
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, undefined, chain.node);
    return this.evalFieldChain(pipe, chain.field, args, final);
  }

  private evalVariableNode(variable: VariableNode, args: readonly Node[] | undefined, final: Final): RV {
    this.at(variable);
    const value = this.varValue(variable.ident[0]);
    if (variable.ident.length === 1) {
      this.notAFunction(args ?? [], final);
      return value;
    }
    return this.evalFieldChain(value, variable.ident.slice(1), args, final);
  }

  private evalFieldChain(receiver: RV, ident: readonly string[], args: readonly Node[] | undefined, final: Final): RV {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) receiver = this.evalField(ident[i], undefined, MISSING, receiver);
    return this.evalField(ident[n - 1], args, final, receiver);
  }

  private evalFunction(dot: RV, name: string, node: Node, cmd: Node, args: readonly Node[] | undefined, final: Final): RV {
    this.at(node);
    const own = Object.prototype.hasOwnProperty.call(this.opts.funcs, name) ? this.opts.funcs[name] : undefined;
    const builtin = Object.prototype.hasOwnProperty.call(this.opts.builtins, name) ? this.opts.builtins[name] : undefined;
    const fn = own ?? builtin;
    if (fn === undefined) this.errorf(`${quoteName(name)} is not a defined function`);
    return this.evalCall(dot, fn, own === undefined, cmd, name, args, final);
  }

  private evalField(fieldName: string, args: readonly Node[] | undefined, final: Final, receiver: RV): RV {
    if (receiver === undefined) {
      if (this.opts.missingKey === 'error') this.errorf(`nil data; no entry for key ${quoteName(fieldName)}`);
      return undefined;
    }
    const typ = rvType(receiver);
    if (receiver instanceof Iface && receiver.v === null) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    const r = indirectInterface(receiver);
    const hasArgs = (args !== undefined && args.length > 1) || final !== MISSING;
    if (r instanceof GoMap) {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      const result = r.entries.get(fieldName);
      if (result === undefined) {
        switch (this.opts.missingKey) {
          case 'invalid': return undefined;
          case 'zero': return r.elem === IFACE ? new Iface(null) : zeroOf(r.elem);
          case 'error': this.errorf(`map has no entry for key ${quoteName(fieldName)}`);
        }
      }
      return r.elem === IFACE ? new Iface(result) : result;
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  private evalCall(dot: RV, fn: GoFunc, isBuiltin: boolean, node: Node, name: string, allArgs: readonly Node[] | undefined, final: Final): RV {
    const args = allArgs === undefined ? [] : allArgs.slice(1);
    const params = fn.params;
    let numIn = args.length;
    if (final !== MISSING) numIn++;
    let numFixed = args.length;
    if (fn.variadic) {
      numFixed = params.length - 1;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${params.length - 1} got ${args.length}`);
    } else if (numIn !== params.length) {
      this.errorf(`wrong number of args for ${name}: want ${params.length} got ${numIn}`);
    }
    if (isBuiltin && (name === 'and' || name === 'or')) {
      let v: RV = undefined;
      for (const arg of args) {
        v = this.evalArg(dot, REFLECT_VALUE, arg);
        if (isTrue(indirectInterface(v)) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = this.validateType(final, REFLECT_VALUE);
      return v;
    }
    const argv: RV[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, params[i], args[i]));
    const paramTypes: GoType[] = params.slice(0, numFixed);
    if (fn.variadic) {
      const elem = params[params.length - 1].slice(2);
      for (; i < args.length; i++) {
        argv.push(this.evalArg(dot, elem, args[i]));
        paramTypes.push(elem);
      }
    }
    if (final !== MISSING) {
      let t = params[params.length - 1];
      if (fn.variadic) t = numIn - 1 < numFixed ? params[numIn - 1] : t.slice(2);
      argv.push(this.validateType(final, t));
      paramTypes.push(t);
    }
    let result: RV;
    try {
      const callArgs = argv.map((a, k) => (paramTypes[k] === REFLECT_VALUE ? a : argValue(a)));
      result = (fn.impl as (...a: unknown[]) => RV)(...callArgs);
    } catch (e) {
      if (e instanceof ExecError || e === BREAK || e === CONTINUE) throw e;
      this.at(node);
      this.errorf(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (result === null) return new Iface(null);
    return result;
  }

  private validateType(value: RV, typ: GoType | undefined): RV {
    if (value === undefined) {
      if (typ === undefined) return undefined;
      if (typ === REFLECT_VALUE) return undefined;
      if (canBeNil(typ)) return typ === IFACE ? new Iface(null) : zeroOf(typ);
      this.errorf(`invalid value; expected ${typ}`);
    }
    if (typ === REFLECT_VALUE) return value;
    if (typ !== undefined && !assignableRV(value, typ)) {
      if (value instanceof Iface && value.v !== null) {
        value = value.v;
        if (assignableRV(value, typ)) return value;
      }
      this.errorf(`wrong type for value; expected ${typ}; got ${rvType(value)}`);
    }
    return value;
  }

  private evalArg(dot: RV, typ: GoType | undefined, n: Node): RV {
    this.at(n);
    switch (n.type) {
      case 'dot': return this.validateType(dot, typ);
      case 'nil':
        if (typ !== undefined && canBeNil(typ)) return typ === REFLECT_VALUE ? undefined : typ === IFACE ? new Iface(null) : zeroOf(typ);
        this.errorf(`cannot assign nil to ${typ ?? '<nil>'}`);
      case 'field': return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case 'variable': return this.validateType(this.evalVariableNode(n, undefined, MISSING), typ);
      case 'pipe': return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier': return this.validateType(this.evalFunction(dot, n.ident, n, n, undefined, MISSING), typ);
      case 'chain': return this.validateType(this.evalChainNode(dot, n, undefined, MISSING), typ);
    }
    if (typ === undefined) this.errorf(`can't handle ${nodeString(n)} for arg of type <nil>`);
    const k = typ === REFLECT_VALUE ? 'interface' : kindOfType(typ);
    switch (k) {
      case 'bool':
        if (n.type === 'bool') return n.value;
        this.errorf(`expected bool; found ${nodeString(n)}`);
      case 'float64':
        if (n.type === 'number' && n.isFloat) return n.float64;
        this.errorf(`expected float; found ${nodeString(n)}`);
      case 'string':
        if (n.type === 'string') return n.text;
        this.errorf(`expected string; found ${nodeString(n)}`);
      case 'interface':
        return this.evalEmptyInterface(dot, n);
    }
    if (INT_TYPES.has(k)) {
      if (k.startsWith('u')) {
        if (n.type === 'number' && n.isUint) return new GoInt(k as GoIntType, n.uint64);
        this.errorf(`expected unsigned integer; found ${nodeString(n)}`);
      }
      if (n.type === 'number' && n.isInt) return new GoInt(k as GoIntType, n.int64);
      this.errorf(`expected integer; found ${nodeString(n)}`);
    }
    this.errorf(`can't handle ${nodeString(n)} for arg of type ${typ}`);
  }

  private evalEmptyInterface(dot: RV, n: Node): RV {
    this.at(n);
    switch (n.type) {
      case 'bool': return n.value;
      case 'dot': return dot;
      case 'field': return this.evalFieldNode(dot, n, undefined, MISSING);
      case 'identifier': return this.evalFunction(dot, n.ident, n, n, undefined, MISSING);
      case 'nil': this.errorf("evalEmptyInterface: nil (can't happen)");
      case 'number': return this.idealConstant(n);
      case 'string': return n.text;
      case 'variable': return this.evalVariableNode(n, undefined, MISSING);
      case 'pipe': return this.evalPipeline(dot, n);
    }
    this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }

  private printValue(n: Node, v: RV): void {
    this.at(n);
    if (v === undefined) {
      this.out.push('<no value>');
      return;
    }
    const g = argValue(v);
    if (g instanceof GoFunc) this.errorf(`can't print ${nodeString(n)} of type ${rvType(v)}`);
    this.out.push(sprint([g]));
  }
}

function assignableRV(v: RV, typ: GoType): boolean {
  if (typ === IFACE) return true;
  if (v instanceof Iface || v === undefined || v === null) return false;
  return typeName(v) === typ || (v instanceof GoFunc && kindOfType(typ) === 'func');
}

function quoteName(s: string): string {
  return JSON.stringify(s).replace(/\\u007f/g, '\\x7f');
}

const MAX_EXEC_DEPTH = 100000;

/** Executes the named tree of a set; throws TemplateError with Go's message. */
export function execute(set: TreeSet, data: GoValue | undefined, opts: ExecOptions): string {
  const root: ListNode | undefined = set.trees.get(set.name);
  const dot: RV = data;
  const state = new State(set, set.name, opts, dot);
  try {
    if (root === undefined) state.errorf(`${quoteName(set.name)} is an incomplete or empty template`);
    state.walk(dot, root as ListNode);
  } catch (e) {
    if (e instanceof ExecError) throw new TemplateError(e.message, 'exec');
    if (e instanceof RangeError) throw new TemplateError(`template: ${set.name}: exceeded maximum template depth (${MAX_EXEC_DEPTH})`, 'exec');
    throw e;
  }
  return state.out.join('');
}

export { kindOf };
