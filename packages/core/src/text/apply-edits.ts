import type { TextEdit } from '../diagnostics/diagnostic.js';

/** `text` with non-overlapping `edits` applied (in any order). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((x, y) => y.span.start - x.span.start)) out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
  return out;
}
