/**
 * A query's report as text, for both faces: the results in the chosen format, the status line (count, time,
 * events read and skipped), and the problems (check errors with their location, unreadable files, bad records,
 * warnings). Results and the status go to `out`, problems to `err`.
 */
import { columnsFor, esEvent, jsonTerminalSafe, terminalSafe, toEsResponse, type Hit, type QueryResult } from '@eqlkit/core';
import { formatInputError } from '@eqlkit/core/io';
import type { QueryReport } from '../session/session.js';
import type { Format, Settings } from '../session/settings.js';
import { renderDiagnostic } from './diagnostic.js';
import type { Style } from './style.js';
import { joinKeyNames, renderTable } from './table.js';

export interface Rendered {
  readonly out: string[];
  readonly err: string[];
  /** For the terminal: the result table's lines (paged), kept apart from `out`. */
  readonly table?: string[];
  readonly status?: string;
}

export interface RenderOptions {
  readonly style: Style;
  readonly width: number;
  readonly settings: Settings;
  /** Output goes to a terminal: CSV cells are escaped too (JSON is always written with terminal-safe escapes). */
  readonly terminal?: boolean;
}

export const plural = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/** How many results, named by kind: `3 events`, `1 sequence`. */
export function resultCount(result: QueryResult): string {
  switch (result.kind) {
    case 'events':
      return plural(result.streamed ? result.streamed.count : result.hits.length, 'event');
    case 'sequences':
      return plural(result.sequences.length, 'sequence');
    case 'samples':
      return plural(result.sequences.length, 'sample');
    case 'counts':
      return plural(result.rows.length, 'row');
  }
}

export function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function renderReport(report: QueryReport, opts: RenderOptions): Rendered {
  const { style } = opts;
  const err: string[] = [];
  switch (report.kind) {
    case 'invalid':
      return { out: [], err: report.diagnostics.filter((d) => d.severity !== 'hint').map((d) => renderDiagnostic(report.source, d, style)) };
    case 'no-data':
      return { out: [], err: [style.yellow('no event data loaded: start with `eql repl FILE…`, or `.load FILE|GLOB`')] };
    case 'cancelled':
      return { out: [], err: [style.yellow(`cancelled after ${seconds(report.tookMs)}`)] };
    case 'failed':
      return { out: [], err: [`${style.red('error')}: ${terminalSafe(report.message)}`] };
  }
  for (const d of report.diagnostics) if (d.severity === 'warning') err.push(renderDiagnostic(report.source, d, style));
  for (const e of report.inputErrors) err.push(style.yellow(terminalSafe(formatInputError(e))));
  if (report.inputErrorCount > report.inputErrors.length) err.push(style.yellow(`… and ${plural(report.inputErrorCount - report.inputErrors.length, 'more input problem')}`));
  for (const w of report.warnings) err.push(style.yellow(`warning: ${terminalSafe(w)}`));
  const status = statusLine(report, style);
  const format = opts.settings.format;
  if (format === 'table') {
    const table = tableLines(report, opts);
    return { out: [...table, status], err, table, status };
  }
  return { out: [formatResult(report.result, format, report, opts)].filter((s) => s !== ''), err: [...err, status], status };
}

/** The status line: count, time, events read and skipped. */
export function statusLine(report: Extract<QueryReport, { kind: 'done' }>, style: Style): string {
  const s = report.stats;
  const parts = [style.bold(resultCount(report.result)), seconds(report.tookMs), `${plural(s.records, 'event')} read`];
  if (s.prefiltered) parts.push(`${s.prefiltered.toLocaleString('en-US')} skipped by the pre-filter`);
  const bad = report.inputErrorCount - report.unreadable;
  if (bad > 0) parts.push(style.yellow(`${plural(bad, 'bad record')} skipped`));
  if (report.unreadable) parts.push(style.yellow(`${plural(report.unreadable, 'unreadable input')}`));
  if (report.workers) parts.push(`${report.workers} workers`);
  return style.dim('── ') + parts.join(style.dim(' · '));
}

export function tableLines(report: Extract<QueryReport, { kind: 'done' }>, opts: RenderOptions): string[] {
  const ast = report.compiled.ast;
  const categoryField = report.fields.eventCategoryField ?? 'event.category';
  const columns = columnsFor(ast, { categoryField, fields: opts.settings.fields });
  return renderTable(report.result, columns, { width: opts.width, style: opts.style, keyNames: joinKeyNames(ast, report.source.text) });
}

/** NDJSON, the `_eql/search` body, or CSV; JSON text is escaped for the terminal without changing its value. */
function formatResult(result: QueryResult, format: Exclude<Format, 'table'>, report: Extract<QueryReport, { kind: 'done' }>, opts: RenderOptions): string {
  switch (format) {
    case 'es':
      return jsonTerminalSafe(JSON.stringify(toEsResponse(result, report.tookMs)));
    case 'ndjson':
      return ndjsonLines(result).map(jsonTerminalSafe).join('\n');
    case 'csv':
      return csvText(result, report, opts).replace(/\r\n$/, '');
  }
}

/** One JSON object per line: each event `{_index, _id, _source}`, or each sequence/sample `{join_keys, events}`. */
export function ndjsonLines(result: QueryResult): string[] {
  if (result.kind === 'events') return result.hits.map((h) => JSON.stringify(esEvent(h)));
  if (result.kind === 'counts') return result.rows.map((r) => JSON.stringify(r));
  return result.sequences.map((s) => JSON.stringify({ join_keys: s.joinKeys, events: s.hits.map(esEvent) }));
}

const quoteCsv = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** RFC 4180 CSV with the table's columns (sequences and samples carry their number and join keys). */
export function csvText(result: QueryResult, report: Extract<QueryReport, { kind: 'done' }>, opts: Pick<RenderOptions, 'settings' | 'terminal'>): string {
  const csvCell = (s: string): string => quoteCsv(opts.terminal ? terminalSafe(s) : s);
  if (result.kind === 'counts') return ['count,percent,key', ...result.rows.map((r) => [String(r.count), String(r.percent), JSON.stringify(r.key)].map(csvCell).join(','))].join('\r\n') + '\r\n';
  const categoryField = report.fields.eventCategoryField ?? 'event.category';
  const columns = columnsFor(report.compiled.ast, { categoryField, fields: opts.settings.fields });
  const row = (h: Hit | null) => columns.map((c) => (h ? c.value(h) : ''));
  const lines: string[][] = [];
  if (result.kind === 'events') {
    lines.push(columns.map((c) => c.title));
    for (const h of result.hits) lines.push(row(h));
  } else {
    lines.push(['sequence', 'join_keys', ...columns.map((c) => c.title)]);
    result.sequences.forEach((s, i) => s.hits.forEach((h) => lines.push([String(i + 1), JSON.stringify(s.joinKeys), ...row(h)])));
  }
  return lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
