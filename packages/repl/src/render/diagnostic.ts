/**
 * A diagnostic of a query as the REPL prints it: `label:line:col: severity code: message`, the source line with a
 * caret under the span, and each suggested fix (the did-you-mean). Lines count from where the query starts in its
 * input (a piped script's line, a loaded file's), so the location points into what the user wrote.
 */
import { LineIndex, terminalSafe, type Diagnostic } from '@eqlkit/core';
import type { QuerySource } from '../session/session.js';
import type { Style } from './style.js';

export function renderDiagnostic(source: QuerySource, d: Diagnostic, style: Style): string {
  const idx = new LineIndex(source.text);
  const start = idx.positionAt(d.span.start);
  const end = idx.positionAt(d.span.end);
  const line = (source.line ?? 1) + start.line;
  const shift = start.line === 0 ? (source.column ?? 0) : 0;
  const sev = d.severity === 'error' ? style.red(d.severity) : d.severity === 'warning' ? style.yellow(d.severity) : style.cyan(d.severity);
  const head = `${style.bold(`${source.label}:${line}:${start.character + 1 + shift}`)}: ${sev} ${style.dim(d.code)}: ${terminalSafe(d.message)}`;
  const text = terminalSafe(idx.lineText(start.line).replace(/\t/g, ' '));
  const col = terminalSafe(idx.lineText(start.line).slice(0, start.character)).length;
  const width = end.line === start.line ? Math.max(1, end.character - start.character) : Math.max(1, text.length - col);
  const gutter = String(line);
  const pad = ' '.repeat(gutter.length);
  const out = [head, `${pad} |`, `${gutter} | ${text}`, `${pad} | ${' '.repeat(col)}${style.red('^'.repeat(width))}`];
  for (const s of d.suggestions ?? []) out.push(`${pad} = ${style.cyan('fix')}: ${terminalSafe(s.message)}`);
  return out.join('\n');
}
