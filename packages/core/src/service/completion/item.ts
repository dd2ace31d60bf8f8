// Shared shape of completion providers: each kind of item has its own file; a provider reads the cursor context
// and the analysed query and returns items (or none when its kind does not fit the cursor).
import type { CompletionItem, CompletionKind } from '../api.js';
import type { AnalysedQuery } from '../analysis.js';
import type { CursorContext } from '../context.js';

/** Items for the cursor; a provider may return a shared array (callers never modify it). */
export type Provider = (q: AnalysedQuery, ctx: CursorContext) => readonly CompletionItem[];

/**
 * Sort groups: what fits the cursor best first. Values and fields before functions, keywords and operators
 * (the grammar accepts them all at a value position; authors mostly want a field there).
 */
const GROUP: Readonly<Record<CompletionKind, number>> = { value: 0, category: 1, field: 2, unit: 2, pipe: 2, operator: 3, function: 4, keyword: 5, snippet: 6 };

/** An item with a sort key: its group, then `rank` (lower first), then the label. */
export function item(kind: CompletionKind, label: string, rank: number, extra: Omit<CompletionItem, 'label' | 'kind' | 'sortText'> = {}): CompletionItem {
  return { label, kind, ...extra, sortText: `${GROUP[kind]}${String(Math.max(0, Math.min(9, rank)))}${label}` };
}
