import { terminalSafe, type Hit, type QueryResult } from '@eqlkit/core';
import type { Column } from './columns.js';

/**
 * One RFC 4180 cell. Control characters from event data are escaped like everywhere on a terminal (so every row
 * is one line and nothing in it acts on the terminal); the exact values are in the JSON formats.
 */
const cell = (s: string) => {
  const safe = terminalSafe(s);
  return /[",]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const line = (cells: readonly string[]) => cells.map(cell).join(',') + '\r\n';

/** The header line (with `sequence` and `join_keys` columns for sequences and samples). */
export function csvHeader(columns: readonly Column[], sequences: boolean): string {
  return line([...(sequences ? ['sequence', 'join_keys'] : []), ...columns.map((c) => c.title)]);
}

/** One event's row. */
export function csvRow(columns: readonly Column[], h: Hit): string {
  return line(columns.map((c) => c.value(h)));
}

/** The whole result as CSV lines: a header, then one row per event (sequences and samples carry their number and keys). */
export function* csvLines(result: QueryResult, columns: readonly Column[]): Generator<string> {
  if (result.kind === 'counts') {
    yield line(['count', 'percent', 'key']);
    for (const r of result.rows) yield line([String(r.count), String(r.percent), JSON.stringify(r.key)]);
    return;
  }
  yield csvHeader(columns, result.kind !== 'events');
  if (result.kind === 'events') {
    for (const h of result.hits) yield csvRow(columns, h);
    return;
  }
  for (let i = 0; i < result.sequences.length; i++) {
    const s = result.sequences[i];
    for (const h of s.hits) yield line([String(i + 1), JSON.stringify(s.joinKeys), ...columns.map((c) => (h ? c.value(h) : ''))]);
  }
}
