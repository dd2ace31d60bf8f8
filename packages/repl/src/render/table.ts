/**
 * Results as a table for the terminal: one row per event, columns that follow the query; sequences and samples are
 * grouped under a heading with their number and join keys. Every cell is escaped (event data is untrusted) and cut
 * to fit the width. Returns lines, so the terminal face can page them.
 */
import { displayWidth, terminalSafe, truncateToWidth, type Column, type Hit, type QueryResult, type Statement, type Scalar, type Expr } from '@eqlkit/core';
import type { Style } from './style.js';

const GAP = '  ';
const MAX_COLUMN = 48;
const MIN_COLUMN = 8;

export interface TableOptions {
  readonly width: number;
  readonly style: Style;
  /** Names of the join keys, for the group headings. */
  readonly keyNames: readonly string[];
}

/** The join key names of a sequence or sample: the query's `by`, then the first stage's. */
export function joinKeyNames(ast: Statement, source: string): string[] {
  const q = ast.query;
  if (q.kind === 'event') return [];
  const name = (e: Expr) => (e.kind === 'field' ? e.name : source.slice(e.span.start, e.span.end));
  return [...q.by, ...(q.stages[0]?.by ?? [])].map(name);
}

const keyText = (k: Scalar) => (k === null ? 'null' : typeof k === 'string' ? k : String(k));

/** The table's lines (header first); an empty result gives no lines. */
export function renderTable(result: QueryResult, columns: readonly Column[], opts: TableOptions): string[] {
  if ((result.kind === 'counts' ? result.rows.length : result.kind === 'events' ? result.hits.length : result.sequences.length) === 0) return [];
  if (result.kind === 'counts') {
    const n = Math.max(1, ...result.rows.map((r) => r.key.length));
    const header = ['count', 'percent', ...Array.from({ length: n }, (_, i) => `key${i + 1}`)];
    return layout(header, result.rows.map((r) => [String(r.count), `${(r.percent * 100).toFixed(1)}%`, ...r.key.map((k) => JSON.stringify(k))]), opts).lines;
  }
  const header = ['#', ...columns.map((c) => c.title)];
  const row = (label: string, h: Hit | null) => [label, ...(h ? columns.map((c) => c.value(h)) : columns.map((_, i) => (i === 0 ? '(missing event)' : '')))];
  if (result.kind === 'events') return layout(header, result.hits.map((h, i) => row(String(i + 1), h)), opts).lines;
  // Groups: a heading per sequence/sample, then its events numbered within it.
  const rows: string[][] = [];
  const groupStarts: { at: number; title: string }[] = [];
  const noun = result.kind === 'samples' ? 'sample' : 'sequence';
  result.sequences.forEach((s, i) => {
    const keys = s.joinKeys.map((k, j) => `${opts.keyNames[j] ?? `key${j + 1}`}=${keyText(k)}`).join('  ');
    groupStarts.push({ at: rows.length, title: `${noun} ${i + 1}${keys ? `  ${keys}` : ''}` });
    s.hits.forEach((h, j) => rows.push(row(`${i + 1}.${j + 1}`, h)));
  });
  const { head, body } = layout(header, rows, opts);
  const lines = [head];
  let g = 0;
  body.forEach((line, r) => {
    while (g < groupStarts.length && groupStarts[g].at === r) lines.push(opts.style.cyan(truncateToWidth(terminalSafe(groupStarts[g++].title), opts.width)));
    lines.push(line);
  });
  return lines;
}

function layout(header: readonly string[], rows: readonly (readonly string[])[], opts: TableOptions): { head: string; body: string[]; lines: string[] } {
  const safeHeader = header.map(terminalSafe);
  const safeRows = rows.map((r) => r.map(terminalSafe));
  const widths = safeHeader.map((h, c) => Math.min(MAX_COLUMN, Math.max(displayWidth(h), ...safeRows.map((r) => displayWidth(r[c] ?? '', MAX_COLUMN)))));
  fit(widths, opts.width);
  const line = (cells: readonly string[]) => {
    let text = '';
    cells.forEach((cell, c) => {
      const t = truncateToWidth(cell, widths[c]);
      text += c === cells.length - 1 ? t : t + ' '.repeat(Math.max(0, widths[c] - displayWidth(t))) + GAP;
    });
    return truncateToWidth(text.trimEnd(), opts.width);
  };
  const head = opts.style.bold(line(safeHeader));
  const body = safeRows.map(line);
  return { head, body, lines: [head, ...body] };
}

/**
 * Shrinks the widest columns first until the row fits `width`; the row number and the timestamp keep their width
 * while other columns can give way, and no column goes below a few characters (the line is cut instead).
 */
function fit(widths: number[], width: number): void {
  const total = () => widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1);
  const KEEP = 2;
  while (total() > width) {
    let widest = -1;
    for (let c = KEEP; c < widths.length; c++) if (widths[c] > MIN_COLUMN && (widest < 0 || widths[c] > widths[widest])) widest = c;
    if (widest < 0) break;
    widths[widest]--;
  }
}
