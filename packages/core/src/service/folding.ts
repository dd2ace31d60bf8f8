/**
 * Folding ranges of one query (query offsets): every bracketed part that spans lines (sequence stages, long
 * `in (…)` lists, parenthesised conditions), block comments that span lines, and runs of line comments. Found by a
 * lexical scan, so folding keeps working while the text does not parse.
 */
import type { Span } from '../ast/nodes.js';
import { bracketPairs, tokensOf } from './lexer.js';
import type { QueryFacts } from './query-facts.js';

/** The folding ranges, in order of their starts. Never throws. */
export function foldingRanges(facts: Pick<QueryFacts, 'text'>): Span[] {
  try {
    const text = facts.text;
    const tokens = tokensOf(facts);
    const out: Span[] = [];
    for (const p of bracketPairs(tokens)) {
      if (p.close && spansLines(text, p.open.span.start, p.close.span.end)) out.push({ start: p.open.span.start, end: p.close.span.end });
    }
    let run: Span | undefined;
    const endRun = () => {
      if (run && spansLines(text, run.start, run.end)) out.push(run);
      run = undefined;
    };
    for (const t of tokens) {
      if (t.kind !== 'comment') {
        endRun();
        continue;
      }
      if (t.text.startsWith('/*')) {
        endRun();
        if (spansLines(text, t.span.start, t.span.end)) out.push(t.span);
      } else if (run && !/\S/.test(text.slice(run.end, t.span.start)) && lineBreaks(text, run.end, t.span.start) === 1) run = { start: run.start, end: t.span.end };
      else {
        endRun();
        run = t.span;
      }
    }
    endRun();
    return out.sort((a, b) => a.start - b.start || b.end - a.end);
  } catch {
    return [];
  }
}

function spansLines(text: string, start: number, end: number): boolean {
  return lineBreaks(text, start, end) > 0;
}

function lineBreaks(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) n++;
  }
  return n;
}
