/**
 * Requirements on the raw JSON text of an event: a small boolean algebra over "the text contains this literal".
 *
 * Input: literals (see {@link TextLiteral}) combined with `and`/`or`. Output: a simplified tree where `and` and `or`
 * are flat, deduplicated, free of `true`/`false` children, and literals every alternative of an `or` shares are
 * factored out (`(a and b) or (a and c)` → `a and (b or c)`). Simplification never strengthens a requirement, so a
 * line that satisfies the original tree satisfies the simplified one and vice versa.
 */

/** One piece of text the JSON line must contain. */
export interface TextLiteral {
  /** Decoded value text (folded with `foldCase` when `caseInsensitive`); never empty unless both anchors are set. */
  readonly text: string;
  /** Compare case-insensitively (any code point that folds to the same code point matches). */
  readonly caseInsensitive: boolean;
  /** The text starts a JSON string value: the line holds `"` right before it. */
  readonly start: boolean;
  /** The text ends a JSON string value: the line holds `"`, optional whitespace and `,`, `]` or `}` after it. */
  readonly end: boolean;
}

export type Requirement =
  | { readonly kind: 'true' }
  | { readonly kind: 'false' }
  | { readonly kind: 'lit'; readonly lit: TextLiteral; readonly key: string }
  | { readonly kind: 'and'; readonly items: readonly Requirement[]; readonly key: string }
  | { readonly kind: 'or'; readonly items: readonly Requirement[]; readonly key: string };

export const TRUE: Requirement = { kind: 'true' };
export const FALSE: Requirement = { kind: 'false' };

/** A literal requirement (`key` identifies equal literals). */
export function lit(l: TextLiteral): Requirement {
  const key = `${l.caseInsensitive ? 'i' : 's'}${l.start ? '^' : '-'}${l.end ? '$' : '-'}${JSON.stringify(l.text)}`;
  return { kind: 'lit', lit: l, key };
}

function keyOf(r: Requirement): string {
  return r.kind === 'true' || r.kind === 'false' ? r.kind : r.key;
}

/** Conjuncts of a requirement (a non-`and` is its own single conjunct). */
function conjuncts(r: Requirement): readonly Requirement[] {
  return r.kind === 'and' ? r.items : [r];
}

/** Every item must hold. */
export function and(items: readonly Requirement[]): Requirement {
  const out = new Map<string, Requirement>();
  for (const item of items) {
    if (item.kind === 'false') return FALSE;
    if (item.kind === 'true') continue;
    for (const c of conjuncts(item)) out.set(keyOf(c), c);
  }
  if (out.size === 0) return TRUE;
  if (out.size === 1) return [...out.values()][0];
  const list = [...out.values()];
  return { kind: 'and', items: list, key: `and(${list.map(keyOf).sort().join(',')})` };
}

/** At least one item must hold. Conjuncts shared by every alternative are factored out. */
export function or(items: readonly Requirement[]): Requirement {
  const alts = new Map<string, Requirement>();
  for (const item of items) {
    if (item.kind === 'true') return TRUE;
    if (item.kind === 'false') continue;
    for (const a of item.kind === 'or' ? item.items : [item]) alts.set(keyOf(a), a);
  }
  if (alts.size === 0) return FALSE;
  const list = [...alts.values()];
  if (list.length === 1) return list[0];
  // Factor: conjuncts present in every alternative hold whichever alternative does.
  const shared = conjuncts(list[0]).filter((c) => list.every((a) => conjuncts(a).some((d) => keyOf(d) === keyOf(c))));
  if (shared.length > 0) {
    const sharedKeys = new Set(shared.map(keyOf));
    const rests = list.map((a) => and(conjuncts(a).filter((c) => !sharedKeys.has(keyOf(c)))));
    return and([...shared, or(rests)]);
  }
  return { kind: 'or', items: list, key: `or(${list.map(keyOf).sort().join(',')})` };
}

/** Number of literals in a requirement (for size limits and tests). */
export function literalCount(r: Requirement): number {
  if (r.kind === 'lit') return 1;
  if (r.kind === 'and' || r.kind === 'or') return r.items.reduce((n, i) => n + literalCount(i), 0);
  return 0;
}
