/**
 * The EQL abstract syntax tree: eqlkit's own discriminated union (never Ohm nodes), shared by the type checker,
 * the evaluator, the formatter and every face.
 *
 * Invariants:
 * - every node has a `span`, a half-open range `[start, end)` of UTF-16 offsets into the query text;
 * - binary operators are folded to the left (`a and b and c` is `(a and b) and c`);
 * - parentheses leave no node behind: precedence is carried by the tree's shape;
 * - string literals hold their decoded value (`"C:\\x"` holds `C:\x`).
 */

/** A half-open range of UTF-16 offsets `[start, end)` into the source text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Statement {
  readonly kind: 'statement';
  readonly query: Query;
  readonly pipes: readonly Pipe[];
  readonly span: Span;
}

export type Query = EventQuery | SequenceQuery | SampleQuery;

/** `<category> where <condition>`; `category.name` is null for `any`. */
export interface EventQuery {
  readonly kind: 'event';
  readonly category: Category;
  readonly condition: Expr;
  readonly span: Span;
}

export interface Category {
  readonly kind: 'category';
  /** The category name, or null for `any`. */
  readonly name: string | null;
  /** True when written as a string (`"my-category"` or `"""…"""`). */
  readonly quoted: boolean;
  readonly span: Span;
}

export interface SequenceQuery {
  readonly kind: 'sequence';
  /** Join keys shared by every stage (`sequence by a, b`). */
  readonly by: readonly Expr[];
  readonly maxspan: MaxSpan | undefined;
  readonly stages: readonly Stage[];
  readonly until: Stage | undefined;
  readonly span: Span;
}

export interface SampleQuery {
  readonly kind: 'sample';
  readonly by: readonly Expr[];
  readonly stages: readonly Stage[];
  readonly span: Span;
}

/** One bracketed stage of a sequence or sample: `[query] by k with runs=N`, or a missing stage `![query]`. */
export interface Stage {
  readonly kind: 'stage';
  readonly missing: boolean;
  readonly query: EventQuery;
  /** The stage's own join keys (appended to the query-level keys). */
  readonly by: readonly Expr[];
  /** `with runs=N`: the stage repeats N times (1 when absent). */
  readonly runs: Runs | undefined;
  readonly span: Span;
}

export interface Runs {
  readonly kind: 'runs';
  readonly count: number;
  readonly span: Span;
}

export type TimeUnit = 'ms' | 's' | 'm' | 'h' | 'd';

export interface MaxSpan {
  readonly kind: 'maxspan';
  readonly value: number;
  readonly unit: TimeUnit;
  /** The span in milliseconds. */
  readonly millis: number;
  readonly span: Span;
}

export interface Pipe {
  readonly kind: 'pipe';
  /** The pipe name as written (`head`, `tail`, or a legacy pipe such as `unique`). */
  readonly name: string;
  readonly args: readonly Expr[];
  readonly nameSpan: Span;
  readonly span: Span;
}

// ---- expressions ---------------------------------------------------------------------------------------------

export type Expr =
  | StringLiteral
  | NumberLiteral
  | BooleanLiteral
  | NullLiteral
  | FieldRef
  | FunctionCall
  | NotExpr
  | LogicalExpr
  | ComparisonExpr
  | ArithmeticExpr
  | UnaryExpr
  | InExpr
  | MatchExpr;

export type Literal = StringLiteral | NumberLiteral | BooleanLiteral | NullLiteral;

export interface StringLiteral {
  readonly kind: 'string';
  /** The decoded value. */
  readonly value: string;
  /** True for a raw `"""…"""` string (backslashes are literal). */
  readonly raw: boolean;
  readonly span: Span;
}

export interface NumberLiteral {
  readonly kind: 'number';
  readonly value: number;
  /** True for an integer literal (`5`); false for a decimal (`5.0`, `.5`, `1e3`). Integer division depends on it. */
  readonly integer: boolean;
  /** The literal as written, for exact re-printing and for values beyond double precision. */
  readonly text: string;
  readonly span: Span;
}

export interface BooleanLiteral {
  readonly kind: 'boolean';
  readonly value: boolean;
  readonly span: Span;
}

export interface NullLiteral {
  readonly kind: 'null';
  readonly span: Span;
}

export type FieldSegment = { readonly kind: 'name'; readonly name: string; readonly quoted: boolean } | { readonly kind: 'index'; readonly index: number };

export interface FieldRef {
  readonly kind: 'field';
  /** The dotted field name, e.g. `process.parent.name`, with `[n]` for array indexes. */
  readonly name: string;
  readonly segments: readonly FieldSegment[];
  /** `?field`: a missing field (or one absent from the mapping) is null rather than an error. */
  readonly optional: boolean;
  readonly span: Span;
}

export interface FunctionCall {
  readonly kind: 'call';
  /** The name as written (function names are case-insensitive). */
  readonly name: string;
  /** `name~(…)`: the case-insensitive variant. */
  readonly caseInsensitive: boolean;
  readonly args: readonly Expr[];
  readonly nameSpan: Span;
  readonly span: Span;
}

export interface NotExpr {
  readonly kind: 'not';
  readonly operand: Expr;
  readonly span: Span;
}

export interface LogicalExpr {
  readonly kind: 'logical';
  readonly op: 'and' | 'or';
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

export type ComparisonOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

export interface ComparisonExpr {
  readonly kind: 'compare';
  readonly op: ComparisonOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly opSpan: Span;
  readonly span: Span;
}

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';

export interface ArithmeticExpr {
  readonly kind: 'arith';
  readonly op: ArithmeticOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

export interface UnaryExpr {
  readonly kind: 'unary';
  readonly op: '-' | '+';
  readonly operand: Expr;
  readonly span: Span;
}

/** `x in (…)`, `x not in (…)`, `x in~ (…)`, `x not in~ (…)`. */
export interface InExpr {
  readonly kind: 'in';
  readonly operand: Expr;
  readonly values: readonly Expr[];
  readonly negated: boolean;
  readonly caseInsensitive: boolean;
  readonly span: Span;
}

export type MatchOperator = ':' | 'like' | 'like~' | 'regex' | 'regex~';

/** `x : "a*"`, `x like~ ("a*", "b")`, `x regex "…"`: true when any pattern matches. */
export interface MatchExpr {
  readonly kind: 'match';
  readonly operator: MatchOperator;
  readonly operand: Expr;
  /** Always literals (the grammar only accepts constants on the right). */
  readonly patterns: readonly Literal[];
  readonly opSpan: Span;
  readonly span: Span;
}

export type Node = Statement | Query | Category | Stage | Runs | MaxSpan | Pipe | Expr;

/** True for the pattern operators that ignore case. */
export function isCaseInsensitiveMatch(op: MatchOperator): boolean {
  return op === ':' || op === 'like~' || op === 'regex~';
}
