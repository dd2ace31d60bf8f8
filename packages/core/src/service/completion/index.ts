// Completion at a query offset: the cursor context (context.ts), then every provider; items sorted by their keys.
import type { CompletionItem, CompletionList } from '../api.js';
import type { AnalysedQuery } from '../analysis.js';
import { cursorContext } from '../context.js';
import { categoryItems } from './categories.js';
import { fieldItems } from './fields.js';
import { functionItems } from './functions.js';
import type { Provider } from './item.js';
import { keywordItems } from './keywords.js';
import { operatorItems } from './operators.js';
import { pipeItems } from './pipes.js';
import { unitItems } from './units.js';
import { valueItems } from './values.js';

// Fields last: their labels then only need checking against the others'.
const PROVIDERS: readonly Provider[] = [valueItems, categoryItems, unitItems, pipeItems, operatorItems, functionItems, keywordItems, fieldItems];

/** The completion list at `offset` (query offsets). Never throws. */
export function completeAt(q: AnalysedQuery, offset: number): CompletionList {
  const ctx = cursorContext(q.text, offset);
  let items: CompletionItem[] = [];
  const labels = new Set<string>();
  for (const provide of PROVIDERS) {
    let found: readonly CompletionItem[];
    try {
      found = provide(q, ctx);
    } catch {
      found = [];
    }
    // One item per label: the earlier provider (the better fit) wins. The field list (thousands of items, already
    // sorted and free of duplicates) is only checked, not added to the set.
    const fresh = found.filter((it) => !labels.has(it.label));
    if (provide !== fieldItems) for (const it of fresh) labels.add(it.label);
    items = merge(items, provide === fieldItems ? fresh : [...fresh].sort(bySortText));
  }
  return { replace: ctx.replace, items };
}

const bySortText = (a: CompletionItem, b: CompletionItem) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0);

/** Merges two lists sorted by sortText (the field list is thousands long and already sorted). */
function merge(a: readonly CompletionItem[], b: readonly CompletionItem[]): CompletionItem[] {
  if (!a.length) return [...b];
  if (!b.length) return [...a];
  const out: CompletionItem[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(bySortText(a[i], b[j]) <= 0 ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}
