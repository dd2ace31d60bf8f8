/**
 * The one place that prints diagnostics for people: compiler-style `path[#rule]:line:col: severity code: message`,
 * the source line with a caret under the span, and any suggested fix.
 */
import type { Diagnostic, RuleQuery } from '@eqlkit/core';
import { locate, queryLabel } from './locate.js';
import type { Style } from './style.js';

export function renderDiagnostic(q: RuleQuery, fileText: string | undefined, d: Diagnostic, style: Style): string {
  const loc = locate(q, fileText, d.span);
  const sev = d.severity === 'error' ? style.red(d.severity) : d.severity === 'warning' ? style.yellow(d.severity) : style.cyan(d.severity);
  const head = `${style.bold(`${queryLabel(q)}:${loc.line}:${loc.column}`)}: ${sev} ${style.dim(d.code)}: ${d.message}`;
  const gutter = String(loc.line);
  const lineText = loc.sourceLine.replace(/\t/g, ' ');
  const width = loc.endLine === loc.line ? Math.max(1, loc.endColumn - loc.column) : Math.max(1, lineText.length - loc.column + 1);
  const excerpt = lineText.length > 200 ? clip(lineText, loc.column - 1, width) : { text: lineText, col: loc.column - 1 };
  const out = [head, `${' '.repeat(gutter.length)} |`, `${gutter} | ${excerpt.text}`, `${' '.repeat(gutter.length)} | ${' '.repeat(excerpt.col)}${style.red('^'.repeat(Math.min(width, Math.max(1, excerpt.text.length - excerpt.col))))}`];
  for (const s of d.suggestions ?? []) out.push(`${' '.repeat(gutter.length)} = ${style.cyan('fix')}: ${s.message}`);
  return out.join('\n');
}

/** Shows a window of a very long line around the caret. */
function clip(text: string, col: number, width: number): { text: string; col: number } {
  const from = Math.max(0, col - 60);
  const to = Math.min(text.length, col + Math.max(width, 1) + 60);
  const prefix = from > 0 ? '…' : '';
  return { text: prefix + text.slice(from, to) + (to < text.length ? '…' : ''), col: col - from + prefix.length };
}
