/**
 * expr's syntax tree.
 *
 * Ported from expr-lang/expr@v1.17.8 `ast/node.go` (node kinds and fields; `Throws`/`map` are
 * what the optimizer adds when it rewrites `filter(…)[0]` and `map(filter(…))`).
 */
import { Location } from './errors';

interface Base {
  loc: Location;
}

export type Node =
  | NilNode | IdentifierNode | IntegerNode | FloatNode | BoolNode | StringNode | BytesNode | ConstantNode
  | UnaryNode | BinaryNode | ChainNode | MemberNode | SliceNode | CallNode | BuiltinNode | PredicateNode
  | PointerNode | VariableDeclaratorNode | SequenceNode | ConditionalNode | ArrayNode | MapNode | PairNode;

export interface NilNode extends Base { kind: 'Nil' }
export interface IdentifierNode extends Base { kind: 'Identifier'; value: string }
export interface IntegerNode extends Base { kind: 'Integer'; value: bigint }
export interface FloatNode extends Base { kind: 'Float'; value: number }
export interface BoolNode extends Base { kind: 'Bool'; value: boolean }
export interface StringNode extends Base { kind: 'String'; value: string }
export interface BytesNode extends Base { kind: 'Bytes'; value: string }
/** A value computed by the optimizer (a folded array literal). */
export interface ConstantNode extends Base { kind: 'Constant'; value: unknown }
export interface UnaryNode extends Base { kind: 'Unary'; operator: string; node: Node }
export interface BinaryNode extends Base { kind: 'Binary'; operator: string; left: Node; right: Node }
export interface ChainNode extends Base { kind: 'Chain'; node: Node }
export interface MemberNode extends Base { kind: 'Member'; node: Node; property: Node; optional: boolean; method: boolean }
export interface SliceNode extends Base { kind: 'Slice'; node: Node; from?: Node; to?: Node }
export interface CallNode extends Base { kind: 'Call'; callee: Node; arguments: Node[] }
export interface BuiltinNode extends Base { kind: 'Builtin'; name: string; arguments: Node[]; throws?: boolean; map?: Node; threshold?: bigint }
export interface PredicateNode extends Base { kind: 'Predicate'; node: Node }
export interface PointerNode extends Base { kind: 'Pointer'; name: string }
export interface VariableDeclaratorNode extends Base { kind: 'VariableDeclarator'; name: string; value: Node; expr: Node }
export interface SequenceNode extends Base { kind: 'Sequence'; nodes: Node[] }
export interface ConditionalNode extends Base { kind: 'Conditional'; cond: Node; exp1: Node; exp2: Node; ternary: boolean }
export interface ArrayNode extends Base { kind: 'Array'; nodes: Node[] }
export interface MapNode extends Base { kind: 'Map'; pairs: PairNode[] }
export interface PairNode extends Base { kind: 'Pair'; key: Node; value: Node }
