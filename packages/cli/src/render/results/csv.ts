import type { Hit, QueryResult } from '@eqlkit/core';
import type { Column } from './columns.js';

const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The header line (with `sequence` and `join_keys` columns for sequences and samples). */
export function csvHeader(columns: readonly Column[], sequences: boolean): string {
  return [...(sequences ? ['sequence', 'join_keys'] : []), ...columns.map((c) => c.title)].map(cell).join(',') + '\r\n';
}

/** One event's row. */
export function csvRow(columns: readonly Column[], h: Hit): string {
  return columns.map((c) => cell(c.value(h))).join(',') + '\r\n';
}

/** RFC 4180 CSV: a header, then one row per event (sequences and samples carry their number and keys). */
export function renderCsv(result: QueryResult, columns: readonly Column[]): string {
  if (result.kind === 'counts') {
    return ['count,percent,key', ...result.rows.map((r) => [String(r.count), String(r.percent), JSON.stringify(r.key)].map(cell).join(','))].join('\r\n') + '\r\n';
  }
  const seq = result.kind !== 'events';
  const lines = [csvHeader(columns, seq).slice(0, -2)];
  if (result.kind === 'events') for (const h of result.hits) lines.push(csvRow(columns, h).slice(0, -2));
  else
    result.sequences.forEach((s, i) => {
      for (const h of s.hits) lines.push([String(i + 1), JSON.stringify(s.joinKeys), ...columns.map((c) => (h ? c.value(h) : ''))].map(cell).join(','));
    });
  return lines.join('\r\n') + '\r\n';
}
