import type { QueryResult } from '@eqlkit/core';
import type { Style } from '../style.js';
import type { Column } from './columns.js';

const clip = (s: string, width: number) => (s.length > width ? `${s.slice(0, width - 1)}…` : s);

/** A plain-text table for a terminal: one row per event; sequences and samples are numbered with their keys. */
export function renderTable(result: QueryResult, columns: readonly Column[], style: Style, maxWidth = 40): string {
  const header = ['#', ...columns.map((c) => c.title)];
  const rows: string[][] = [];
  if (result.kind === 'counts') {
    const keyWidth = Math.max(1, ...result.rows.map((r) => r.key.length));
    const out = [['count', 'percent', ...Array.from({ length: keyWidth }, (_, i) => `key${i + 1}`)]];
    for (const r of result.rows) out.push([String(r.count), `${(r.percent * 100).toFixed(1)}%`, ...r.key.map((k) => JSON.stringify(k))]);
    return layout(out, style, maxWidth);
  }
  if (result.kind === 'events') {
    result.hits.forEach((h, i) => rows.push([String(i + 1), ...columns.map((c) => c.value(h))]));
  } else {
    result.sequences.forEach((s, i) => {
      const label = `${i + 1}${s.joinKeys.length ? ` [${s.joinKeys.map((k) => (k === null ? 'null' : String(k))).join(', ')}]` : ''}`;
      s.hits.forEach((h, j) => rows.push([j === 0 ? label : '', ...(h ? columns.map((c) => c.value(h)) : columns.map((_, k) => (k === 0 ? '(missing event)' : '')))]));
    });
  }
  return layout([header, ...rows], style, maxWidth);
}

function layout(table: string[][], style: Style, maxWidth: number): string {
  const widths = table[0].map((_, c) => Math.min(maxWidth, Math.max(...table.map((r) => (r[c] ?? '').length))));
  return table
    .map((r, i) => {
      const line = r.map((cell, c) => clip(cell ?? '', widths[c]).padEnd(widths[c])).join('  ').trimEnd();
      return i === 0 ? style.bold(line) : line;
    })
    .join('\n');
}
