/**
 * Tab completion for the input: meta-command names and arguments from the command registry, and everything else
 * (fields, keywords, functions, categories, values…) from the language service. This module only turns their
 * answers into candidates: what to insert where.
 */
import { completeCommandLine } from '../commands/registry.js';
import type { Analysis } from '../session/analysis.js';
import type { ReplSession } from '../session/session.js';

export interface Candidate {
  readonly label: string;
  readonly insert: string;
  readonly detail?: string;
}

export interface Completion {
  /** The span of the input the chosen candidate replaces. */
  readonly from: number;
  readonly to: number;
  readonly candidates: readonly Candidate[];
}

/** LSP snippet syntax to plain text: `${1:arg}` → `arg`, `$1`/`$0` → nothing. */
export function snippetText(snippet: string): string {
  return snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\}|\$\d+/g, '');
}

export function completionsAt(text: string, cursor: number, session: ReplSession, analysis: Analysis, cwd: string): Completion | undefined {
  if (/^\s*\./.test(text)) {
    const before = text.slice(0, cursor);
    const c = completeCommandLine(before, { session, cwd });
    if (c.items.length === 0) return undefined;
    return { from: c.replaceFrom, to: cursor, candidates: c.items.map((label) => ({ label, insert: label })) };
  }
  const list = analysis.completions(text, cursor);
  if (!list || list.items.length === 0) return undefined;
  // The service answers every item valid here (an editor filters as the user types): keep those that start with
  // what is typed of the word being replaced.
  const typed = text.slice(list.replace.start, cursor).toLowerCase();
  const items = list.items
    .filter((i) => i.label.toLowerCase().startsWith(typed) || (i.insertText ?? '').toLowerCase().startsWith(typed))
    .sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
  if (items.length === 0) return undefined;
  return {
    from: list.replace.start,
    to: Math.max(cursor, list.replace.end),
    candidates: items.map((i) => ({ label: i.label, insert: i.snippet ? snippetText(i.insertText ?? i.label) : (i.insertText ?? i.label), detail: i.detail })),
  };
}

/** The longest prefix all candidates' insert texts share. */
export function commonPrefix(candidates: readonly Candidate[]): string {
  if (candidates.length === 0) return '';
  let p = candidates[0].insert;
  for (const c of candidates) while (!c.insert.startsWith(p)) p = p.slice(0, -1);
  return p;
}
