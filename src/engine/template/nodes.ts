/**
 * The template syntax tree, after go/src/text/template/parse/node.go (Go 1.19). `nodeString`
 * reproduces Node.String(), which execution errors quote (`executing "t" at <.a.b>`).
 */
import { quote } from './go-fmt';

export interface NumberInfo {
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int64: bigint;
  uint64: bigint;
  float64: number;
  text: string;
}

export type Node =
  | { type: 'text'; pos: number; text: string }
  | { type: 'comment'; pos: number; text: string }
  | ActionNode
  | PipeNode
  | CommandNode
  | { type: 'identifier'; pos: number; ident: string }
  | VariableNode
  | { type: 'dot'; pos: number }
  | { type: 'nil'; pos: number }
  | FieldNode
  | ChainNode
  | { type: 'bool'; pos: number; value: boolean }
  | ({ type: 'number'; pos: number } & NumberInfo)
  | { type: 'string'; pos: number; quoted: string; text: string }
  | ListNode
  | BranchNode
  | { type: 'break'; pos: number }
  | { type: 'continue'; pos: number }
  | TemplateNode
  | { type: 'end'; pos: number }
  | { type: 'else'; pos: number; elseWith?: boolean };

export interface ListNode { type: 'list'; pos: number; nodes: Node[] }
export interface ActionNode { type: 'action'; pos: number; pipe: PipeNode }
export interface PipeNode { type: 'pipe'; pos: number; isAssign: boolean; decl: VariableNode[]; cmds: CommandNode[] }
export interface CommandNode { type: 'command'; pos: number; args: Node[] }
export interface VariableNode { type: 'variable'; pos: number; ident: string[] }
export interface FieldNode { type: 'field'; pos: number; ident: string[] }
export interface ChainNode { type: 'chain'; pos: number; node: Node; field: string[] }
export interface BranchNode { type: 'if' | 'range' | 'with'; pos: number; pipe: PipeNode; list: ListNode; elseList?: ListNode }
export interface TemplateNode { type: 'template'; pos: number; name: string; pipe?: PipeNode }

/** Node.String(). */
export function nodeString(n: Node): string {
  switch (n.type) {
    case 'text': return n.text;
    case 'comment': return `{{${n.text}}}`;
    case 'action': return `{{${nodeString(n.pipe)}}}`;
    case 'pipe': {
      let s = '';
      if (n.decl.length > 0) s = n.decl.map(nodeString).join(', ') + ' := ';
      return s + n.cmds.map(nodeString).join(' | ');
    }
    case 'command': return n.args.map((a) => (a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'identifier': return n.ident;
    case 'variable': return n.ident.join('.');
    case 'dot': return '.';
    case 'nil': return 'nil';
    case 'field': return n.ident.map((i) => '.' + i).join('');
    case 'chain': return (n.node.type === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node)) + n.field.map((f) => '.' + f).join('');
    case 'bool': return n.value ? 'true' : 'false';
    case 'number': return n.text;
    case 'string': return n.quoted;
    case 'list': return n.nodes.map(nodeString).join('');
    case 'if': case 'range': case 'with':
      return `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}${n.elseList ? `{{else}}${nodeString(n.elseList)}` : ''}{{end}}`;
    case 'break': return '{{break}}';
    case 'continue': return '{{continue}}';
    case 'template': return `{{template ${quote(n.name)}${n.pipe ? ' ' + nodeString(n.pipe) : ''}}}`;
    case 'end': return '{{end}}';
    case 'else': return '{{else}}';
  }
}
