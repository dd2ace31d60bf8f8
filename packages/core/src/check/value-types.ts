// The checker's view of a value: what an expression evaluates to, as far as types go.
// `number` is "integer or float, not known which" (a function such as `number()` or `add()` over unknowns);
// `unknown` is a type the checker cannot know (no schema, a dynamic field, an unknown function) and is never
// reported — every check below treats it as compatible with everything.
import type { Expr, Literal } from '../ast/nodes.js';

export type ValueType = 'string' | 'version' | 'ip' | 'integer' | 'float' | 'number' | 'boolean' | 'date' | 'null' | 'unknown';

export const isNumeric = (t: ValueType): boolean => t === 'integer' || t === 'float' || t === 'number';

/** Types a string operator (`:`, `like`, `regex`, the string functions) accepts; `unknown`/`null` pass. */
export const isStringLike = (t: ValueType): boolean => t === 'string' || t === 'version' || t === 'unknown' || t === 'null';

/** Types that are not checked further. */
export const isOpen = (t: ValueType): boolean => t === 'unknown' || t === 'null';

/** Elasticsearch's `DataTypes.areCompatible`, over the checker's types: same type, both strings, both numbers, or a null. */
export function compatible(a: ValueType, b: ValueType): boolean {
  if (a === b || isOpen(a) || isOpen(b)) return true;
  if (isNumeric(a) && isNumeric(b)) return true;
  const str = (t: ValueType) => t === 'string' || t === 'version';
  return str(a) && str(b);
}

/** "a string", "an IP address", … for messages. */
export function describeType(t: ValueType): string {
  switch (t) {
    case 'string':
      return 'a string';
    case 'version':
      return 'a version';
    case 'ip':
      return 'an IP address';
    case 'integer':
      return 'an integer';
    case 'float':
      return 'a floating-point number';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'date':
      return 'a date';
    case 'null':
      return 'null';
    case 'unknown':
      return 'a value of unknown type';
  }
}

/** The type of a literal. */
export function literalType(l: Literal): ValueType {
  switch (l.kind) {
    case 'string':
      return 'string';
    case 'number':
      return l.integer ? 'integer' : 'float';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
  }
}

/** A literal, or a negated number literal (`-1`), which Elasticsearch folds to a literal. */
export function asLiteral(e: Expr): Literal | undefined {
  if (e.kind === 'string' || e.kind === 'number' || e.kind === 'boolean' || e.kind === 'null') return e;
  if (e.kind === 'unary' && e.operand.kind === 'number') {
    const n = e.operand;
    const neg = e.op === '-';
    return { kind: 'number', value: neg ? -n.value : n.value, integer: n.integer, text: neg ? `-${n.text}` : n.text, span: e.span };
  }
  return undefined;
}
