/**
 * The one place that prints diagnostics for people: compiler-style `path[#rule]:line:col: severity code: message`,
 * the source line with a caret under the span, and any suggested fix. A long line shows a window around the span and
 * at most a line's worth of carets; control characters (from rule files or event field names) are escaped.
 */
import { displayWidth, terminalSafe, type Diagnostic, type RuleQuery } from '@eqlkit/core';
import { locate, queryLabel } from './locate.js';
import type { Style } from './style.js';

export function renderDiagnostic(q: RuleQuery, fileText: string | undefined, d: Diagnostic, style: Style): string {
  const loc = locate(q, fileText, d.span);
  const sev = d.severity === 'error' ? style.red(d.severity) : d.severity === 'warning' ? style.yellow(d.severity) : style.cyan(d.severity);
  const head = `${style.bold(terminalSafe(`${queryLabel(q)}:${loc.line}:${loc.column}`))}: ${sev} ${style.dim(d.code)}: ${terminalSafe(d.message)}`;
  const gutter = String(loc.line);
  const lineText = loc.sourceLine.replace(/\t/g, ' ');
  const width = loc.endLine === loc.line ? Math.max(1, loc.endColumn - loc.column) : Math.max(1, lineText.length - loc.column + 1);
  const shown = Math.min(width, MAX_UNDERLINE);
  const excerpt = lineText.length > 200 ? clip(lineText, loc.column - 1, shown) : { text: lineText, col: loc.column - 1 };
  // Columns on screen, after escaping: the caret lines up under the escaped text.
  const before = displayWidth(terminalSafe(excerpt.text.slice(0, excerpt.col)));
  const under = Math.max(1, displayWidth(terminalSafe(excerpt.text.slice(excerpt.col, excerpt.col + shown))));
  const carets = '^'.repeat(Math.min(under, MAX_UNDERLINE)) + (width > shown ? '…' : '');
  const out = [head, `${' '.repeat(gutter.length)} |`, `${gutter} | ${terminalSafe(excerpt.text)}`, `${' '.repeat(gutter.length)} | ${' '.repeat(before)}${style.red(carets)}`];
  for (const s of d.suggestions ?? []) out.push(`${' '.repeat(gutter.length)} = ${style.cyan('fix')}: ${terminalSafe(s.message)}`);
  return out.join('\n');
}

/** Carets at most: a span longer than this is underlined this far, then `…`. */
const MAX_UNDERLINE = 100;

/** Shows a window of a very long line around the caret. */
function clip(text: string, col: number, width: number): { text: string; col: number } {
  const from = Math.max(0, col - 60);
  const to = Math.min(text.length, col + Math.max(width, 1) + 60);
  const prefix = from > 0 ? '…' : '';
  return { text: prefix + text.slice(from, to) + (to < text.length ? '…' : ''), col: col - from + prefix.length };
}
