// Operators the grammar accepts after a value: comparisons, pattern operators, `in~`.
import { EXPECT } from '../grammar-expectations.js';
import { item, type Provider } from './item.js';

const COMPARISONS = ['==', '!=', '<', '<=', '>', '>='];
const PATTERNS = [':', 'like', 'like~', 'regex', 'regex~'];

const DOCS: Readonly<Record<string, string>> = {
  '==': 'Equal (case-sensitive for strings; `:` ignores case).',
  '!=': 'Not equal.',
  ':': 'Case-insensitive equality, or a wildcard match when the string holds `*` or `?`; takes a list: `x : ("a*", "b")`.',
  'like~': 'Wildcard match ignoring case.',
  'regex~': 'Regular-expression match ignoring case.',
  'in~': 'One of a list, ignoring case.',
};

export const operatorItems: Provider = (_q, ctx) => {
  const e = ctx.expected;
  if (ctx.kind !== 'code' || !e) return [];
  const ops = new Set<string>();
  if (e.descriptions.has(EXPECT.comparison)) COMPARISONS.forEach((o) => ops.add(o));
  if (e.descriptions.has(EXPECT.pattern)) PATTERNS.forEach((o) => ops.add(o));
  if (e.terminals.includes('in~')) ops.add('in~');
  return [...ops].map((o, i) => item('operator', o, i < 3 ? 0 : 1, DOCS[o] ? { documentation: DOCS[o] } : {}));
};
