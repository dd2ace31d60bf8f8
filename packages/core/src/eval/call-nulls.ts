/**
 * When a function call is null without running the function. Most functions are null as soon as any argument is
 * null. The few that accept some null arguments (`number(s, null)`, `indexOf(s, sub, null)`, `substring(s, null)`,
 * `cidrMatch(ip, …, null)`) are still null when their first argument or another required string argument is null,
 * as Elasticsearch's processors check those first: `substring(process.name, -4)` on an event without
 * `process.name` is null, and so is `indexOf(process.name, ?missing)`. Null numeric options keep their defaults
 * (`substring(s, null)` is `s`, as in Elasticsearch).
 */
import type { FunctionDef, Scalar } from '../functions/types.js';

export function isNullCall(def: FunctionDef, values: readonly Scalar[]): boolean {
  if (def.nullPropagating ?? true) return values.includes(null);
  return values.some((v, i) => {
    if (v !== null) return false;
    const p = def.params[i];
    return i === 0 || (p !== undefined && !p.optional && !p.variadic && p.type === 'string');
  });
}
