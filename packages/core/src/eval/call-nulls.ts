/**
 * When a function call is null without running the function. Most functions are null as soon as any argument is
 * null. The few that accept some null arguments (`number(s, null)`, `indexOf(s, sub, null)`, `substring(s, null)`,
 * `cidrMatch(ip, …, null)`) are still null when their first argument — the value they work on — is null, as
 * Elasticsearch's processors check it first: `substring(process.name, -4)` on an event without `process.name` is
 * null, not an error.
 */
import type { FunctionDef, Scalar } from '../functions/types.js';

export function isNullCall(def: FunctionDef, values: readonly Scalar[]): boolean {
  if (def.nullPropagating ?? true) return values.includes(null);
  return values.length > 0 && values[0] === null;
}
