/**
 * Code actions of one query (query offsets): every suggestion of a diagnostic under the range as a quick fix
 * (preferred when it is the diagnostic's only one), "fix all" (every diagnostic with exactly one suggestion, the
 * edits kept non-overlapping), and a source action that formats the query.
 */
import type { Span } from '../ast/nodes.js';
import type { Diagnostic, TextEdit } from '../diagnostics/diagnostic.js';
import type { CodeAction } from './api.js';
import { formatEdits, type FormatQueryOptions } from './formatting.js';
import type { QueryFacts } from './query-facts.js';

type Facts = Pick<QueryFacts, 'text' | 'ast' | 'comments' | 'parsedCleanly' | 'diagnostics'>;

/** The actions for `range` (query offsets): quick fixes under it, then fix-all and format. Never throws. */
export function codeActions(facts: Facts, range: Span, options: FormatQueryOptions = {}): CodeAction[] {
  try {
    const actions: CodeAction[] = quickFixes(facts.diagnostics, range);
    const all = fixAll(facts.diagnostics);
    if (all) actions.push(all);
    const format = formatAction(facts, options);
    if (format) actions.push(format);
    return actions;
  } catch {
    return [];
  }
}

/** One quick fix per suggestion of each diagnostic that touches `range`. */
export function quickFixes(diagnostics: readonly Diagnostic[], range: Span): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (!touches(d.span, range) || !d.suggestions?.length) continue;
    const only = d.suggestions.length === 1;
    for (const s of d.suggestions) {
      if (s.edits.length === 0) continue;
      out.push({ title: sentence(s.message), kind: 'quickfix', edits: s.edits, diagnostics: [d], ...(only ? { preferred: true } : {}) });
    }
  }
  return out;
}

/**
 * Every unambiguous fix at once (diagnostics with exactly one suggestion), in order; a fix whose edits overlap
 * one already taken is left for later (an identical edit counts as already applied), so the edits never
 * conflict. Undefined when nothing can be fixed.
 */
export function fixAll(diagnostics: readonly Diagnostic[]): CodeAction | undefined {
  const taken: TextEdit[] = [];
  const fixed: Diagnostic[] = [];
  for (const d of diagnostics) {
    const s = d.suggestions?.length === 1 ? d.suggestions[0] : undefined;
    if (!s || s.edits.length === 0) continue;
    const fresh = s.edits.filter((e) => !taken.some((t) => sameEdit(t, e)));
    if (fresh.some((e, i) => taken.some((t) => overlaps(t.span, e.span)) || fresh.some((o, j) => j < i && overlaps(o.span, e.span)))) continue;
    taken.push(...fresh);
    fixed.push(d);
  }
  if (fixed.length === 0) return undefined;
  const edits = taken.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { title: fixed.length === 1 ? 'Fix the 1 fixable problem' : `Fix all ${fixed.length} fixable problems`, kind: 'source.fixAll', edits, diagnostics: fixed };
}

/** The source action that formats the query; undefined when it is formatted or cannot be (syntax errors). */
export function formatAction(facts: Facts, options: FormatQueryOptions = {}): CodeAction | undefined {
  const edits = formatEdits(facts, undefined, options);
  return edits.length ? { title: 'Format the query', kind: 'source.format', edits } : undefined;
}

/**
 * One action from the same action of several queries of a document (a Kibana export holds many): their edits
 * (which never overlap, each lying in its own query) and diagnostics together.
 */
export function mergeActions(actions: readonly CodeAction[]): CodeAction[] {
  if (actions.length <= 1) return [...actions];
  const diagnostics = actions.flatMap((a) => a.diagnostics ?? []);
  const title = actions[0].kind === 'source.fixAll' ? `Fix all ${diagnostics.length} fixable problems` : 'Format every query';
  return [{ title, kind: actions[0].kind, edits: actions.flatMap((a) => a.edits), ...(diagnostics.length ? { diagnostics } : {}) }];
}

/** A diagnostic is under the range when they share a character, or when either is empty and touches the other. */
function touches(span: Span, range: Span): boolean {
  return span.start <= range.end && range.start <= span.end;
}

/** Two edits conflict when their spans share a character, or when either is an insertion inside or at the edge of the other. */
function overlaps(a: Span, b: Span): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.span.start === b.span.start && a.span.end === b.span.end && a.text === b.text;
}

/** "did you mean …" → "Did you mean …" (a title, not a fragment). */
function sentence(message: string): string {
  return message.length && /[a-z]/.test(message[0]) ? message[0].toUpperCase() + message.slice(1) : message;
}
