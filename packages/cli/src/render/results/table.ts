/**
 * A plain-text table for a terminal, written as rows arrive: the column widths are chosen from the first rows (so
 * any number of rows prints in constant memory), every cell is escaped for the terminal, and lines fit the
 * terminal's width — long values are cut with an ellipsis (the JSON formats keep them whole).
 */
import { displayWidth, terminalSafe, truncateToWidth, type Hit, type QueryResult } from '@eqlkit/core';
import type { Style } from '../style.js';
import type { Column } from './columns.js';

export interface TableOptions {
  readonly style: Style;
  /** The terminal's width in columns; without it each column is capped at `maxColumnWidth`. */
  readonly width?: number;
  /** Widest column when the terminal's width is unknown (default 40). */
  readonly maxColumnWidth?: number;
  /** Rows looked at before the column widths are fixed (default 200). */
  readonly sampleRows?: number;
  /** Columns at least this wide (the row numbers of a long result). */
  readonly minWidths?: readonly number[];
  /** Room kept beyond the widest value of the first rows, per column (see `Column.slack`). */
  readonly slack?: readonly number[];
}

const GAP = 2;
/** Columns are not squeezed below this when the terminal is narrow; lines are cut to the width instead. */
const MIN_COLUMN = 6;
/** Columns this narrow keep their width while wider ones are squeezed. */
const SHORT_COLUMN = 24;

/** Feeds rows in, gets text out: `row()` returns what can be written now (nothing while widths are being chosen). */
export class TableWriter {
  private pending: string[][] | undefined = [];
  private widths: number[] = [];

  constructor(
    private readonly header: readonly string[],
    private readonly opts: TableOptions,
  ) {}

  row(cells: readonly string[]): string {
    const safe = cells.map(terminalSafe);
    if (!this.pending) return this.line(safe) + '\n';
    this.pending.push(safe);
    return this.pending.length >= (this.opts.sampleRows ?? 200) ? this.flush() : '';
  }

  /** The rest of the table (nothing at all when no row came). */
  end(): string {
    return this.pending?.length ? this.flush() : '';
  }

  private flush(): string {
    const rows = this.pending ?? [];
    this.pending = undefined;
    const header = this.header.map(terminalSafe);
    this.widths = chooseWidths(header, rows, this.opts);
    let out = this.opts.style.bold(this.line(header)) + '\n';
    for (const r of rows) out += this.line(r) + '\n';
    return out;
  }

  private line(cells: readonly string[]): string {
    const last = this.widths.length - 1;
    let text = '';
    for (let c = 0; c <= last; c++) {
      const cell = truncateToWidth(cells[c] ?? '', this.widths[c]);
      text += c === last ? cell : cell + ' '.repeat(Math.max(0, this.widths[c] - displayWidth(cell))) + ' '.repeat(GAP);
    }
    text = text.trimEnd();
    return this.opts.width !== undefined ? truncateToWidth(text, this.opts.width) : text;
  }
}

/**
 * Each column as wide as its widest cell, capped; when a terminal width is known, the widest columns give way
 * first (one cap for all of them, the largest that fits, spare columns handed out left to right).
 */
function chooseWidths(header: readonly string[], rows: readonly string[][], opts: TableOptions): number[] {
  const cap = opts.width ?? opts.maxColumnWidth ?? 40;
  const natural = header.map((h, c) => Math.min(cap, Math.max(opts.minWidths?.[c] ?? 0, displayWidth(h, cap))));
  for (const r of rows) for (let c = 0; c < natural.length; c++) natural[c] = Math.max(natural[c], Math.min(cap, displayWidth(r[c] ?? '', cap)));
  for (let c = 0; c < natural.length; c++) natural[c] = Math.min(cap, natural[c] + (opts.slack?.[c] ?? 0));
  if (opts.width === undefined) return natural;
  const room = opts.width - GAP * (natural.length - 1);
  // Short columns (timestamps, numbers, names) keep their width while long ones give way; if that is not enough,
  // all of them do.
  return fitColumns(natural, room, SHORT_COLUMN) ?? fitColumns(natural, room, 0) ?? natural.map((w) => Math.min(w, MIN_COLUMN));
}

/** Widths within `room`: columns up to `keep` wide as they are, the others capped at one common limit (or undefined). */
function fitColumns(natural: readonly number[], room: number, keep: number): number[] | undefined {
  const capped = (w: number, limit: number) => (w <= keep ? w : Math.min(w, limit));
  const total = (limit: number) => natural.reduce((sum, w) => sum + capped(w, limit), 0);
  if (total(Infinity) <= room) return [...natural];
  if (total(MIN_COLUMN) > room) return undefined;
  let lo = MIN_COLUMN;
  let hi = Math.max(...natural);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (total(mid) <= room) lo = mid;
    else hi = mid - 1;
  }
  const widths = natural.map((w) => capped(w, lo));
  let spare = room - total(lo);
  for (let c = 0; c < widths.length && spare > 0; c++) {
    if (natural[c] > widths[c]) {
      widths[c]++;
      spare--;
    }
  }
  return widths;
}

/** Per-column slack of a result's table (see `Column.slack`): none for '#', then the columns'. */
export function tableSlack(columns: readonly Column[]): number[] {
  return [0, ...columns.map((c) => c.slack ?? 0)];
}

/** The header of a result's table ('#', then the columns; counts have their own). */
export function tableHeader(result: QueryResult | undefined, columns: readonly Column[]): string[] {
  if (result?.kind === 'counts') {
    let keys = 1;
    for (const r of result.rows) keys = Math.max(keys, r.key.length);
    return ['count', 'percent', ...Array.from({ length: keys }, (_, i) => `key${i + 1}`)];
  }
  return ['#', ...columns.map((c) => c.title)];
}

/** One event's row, numbered. */
export function tableEventRow(n: number, columns: readonly Column[], h: Hit): string[] {
  return [String(n), ...columns.map((c) => c.value(h))];
}

/** The rows of a collected result: one per event; sequences and samples are numbered with their keys. */
export function* tableRows(result: QueryResult, columns: readonly Column[]): Generator<string[]> {
  if (result.kind === 'counts') {
    for (const r of result.rows) yield [String(r.count), `${(r.percent * 100).toFixed(1)}%`, ...r.key.map((k) => JSON.stringify(k))];
  } else if (result.kind === 'events') {
    for (let i = 0; i < result.hits.length; i++) yield tableEventRow(i + 1, columns, result.hits[i]);
  } else {
    for (let i = 0; i < result.sequences.length; i++) {
      const s = result.sequences[i];
      const label = `${i + 1}${s.joinKeys.length ? ` [${s.joinKeys.map((k) => (k === null ? 'null' : String(k))).join(', ')}]` : ''}`;
      for (let j = 0; j < s.hits.length; j++) {
        const h = s.hits[j];
        yield [j === 0 ? label : '', ...(h ? columns.map((c) => c.value(h)) : columns.map((_, k) => (k === 0 ? '(missing event)' : '')))];
      }
    }
  }
}
