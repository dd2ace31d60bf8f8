/**
 * The one function table: each EQL function is declared once, with its signature (for the type checker and
 * signature help), its documentation (for hover and `eql` docs) and its implementation (for the evaluator).
 */

/** A runtime scalar: what a field value or a function result is inside the evaluator. */
export type Scalar = string | number | boolean | null;

/** What an argument accepts / a function returns, in EQL's terms. */
export type ArgType = 'string' | 'number' | 'integer' | 'boolean' | 'ip' | 'any';
export type ReturnType = 'string' | 'number' | 'integer' | 'boolean';

export interface Param {
  readonly name: string;
  readonly type: ArgType;
  readonly optional?: boolean;
  /** The last parameter may repeat (`concat(a, b, …)`, `cidrMatch(ip, c1, c2, …)`). */
  readonly variadic?: boolean;
  /** Must be a literal (Elasticsearch refuses fields there, e.g. `number`'s base, `cidrMatch`'s blocks). */
  readonly literal?: boolean;
  readonly doc: string;
}

/** What an implementation learns about its call besides the argument values. */
export interface CallInfo {
  /** The `~` variant was called. */
  readonly caseInsensitive: boolean;
  /** Per argument: whether its value is a floating-point number (decides `1.0` vs `1` in strings). */
  readonly floatArgs: readonly boolean[];
}

export interface FunctionDef {
  /** The canonical spelling (names are case-insensitive when called). */
  readonly name: string;
  readonly params: readonly Param[];
  readonly returns: ReturnType;
  /** Whether `name~(…)` (case-insensitive) exists. */
  readonly caseInsensitive: boolean;
  readonly summary: string;
  /** Edge cases worth knowing (shown in hover and docs). */
  readonly notes?: readonly string[];
  readonly examples: readonly { readonly call: string; readonly result: string }[];
  /**
   * The implementation over scalars. A `null` required argument gives `null` (the caller checks that before
   * calling, see `nullPropagating`). Never throws.
   */
  readonly impl: (args: readonly Scalar[], info: CallInfo) => Scalar;
  /** True (default) when any null argument makes the result null without calling `impl`. */
  readonly nullPropagating?: boolean;
}

/** The number of arguments a function accepts: [min, max] (max is Infinity when variadic). */
export function arity(def: FunctionDef): [number, number] {
  const min = def.params.filter((p) => !p.optional && !p.variadic).length + (def.params.some((p) => p.variadic && !p.optional) ? 1 : 0);
  const max = def.params.some((p) => p.variadic) ? Infinity : def.params.length;
  return [min, max];
}

/** `name(a, b[, c])` for help and errors. */
export function signatureText(def: FunctionDef, caseInsensitive = false): string {
  let optionalOpen = 0;
  const parts: string[] = [];
  def.params.forEach((p, i) => {
    const text = `${p.name}${p.variadic ? ', …' : ''}`;
    if (p.optional) {
      parts.push(`${i ? '[, ' : '['}${text}`);
      optionalOpen++;
    } else parts.push(`${i ? ', ' : ''}${text}`);
  });
  return `${def.name}${caseInsensitive ? '~' : ''}(${parts.join('')}${']'.repeat(optionalOpen)})`;
}
