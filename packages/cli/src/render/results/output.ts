/**
 * Writes query results in the chosen format, streamed: event results that the core hands over one by one go out as
 * they come (`onEvent`), collected results are written piece by piece, waiting for the output to drain, so a result
 * of any size prints without building one huge string.
 */
import type { Writable } from 'node:stream';
import { esResponseJson, jsonTerminalSafe, type Hit, type QueryResult } from '@eqlkit/core';
import type { Style } from '../style.js';
import { plural } from '../summary.js';
import type { Column } from './columns.js';
import { csvHeader, csvLines, csvRow } from './csv.js';
import { ndjsonEvent, ndjsonLines } from './ndjson.js';
import { TableWriter, tableEventRow, tableHeader, tableRows, tableSlack } from './table.js';

export const FORMATS = ['table', 'ndjson', 'es', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface ResultOutput {
  /** Receives event results as they become final, when the core can stream them (absent: collect them all). */
  readonly onEvent?: (hit: Hit) => void;
  /** Writes the collected result, or closes the streamed one. */
  finish(result: QueryResult, tookMs: number): Promise<void>;
}

export interface OutputOptions {
  readonly out: Writable;
  /** The table and CSV columns (asked for once, when the first row is written). */
  readonly columns: () => Column[];
  readonly style: Style;
  /** The terminal's width for the table. */
  readonly width?: number;
}

/** Writes `chunks` in pieces of about 64 KiB, waiting whenever the stream asks to. */
export async function writeChunks(out: Writable, chunks: Iterable<string>): Promise<void> {
  let pending = '';
  for (const c of chunks) {
    pending += c;
    if (pending.length >= 1 << 16) {
      const ok = out.write(pending);
      pending = '';
      if (!ok) await new Promise((resolve) => out.once('drain', resolve));
    }
  }
  if (pending) out.write(pending);
}

const NOUNS = { events: 'event', samples: 'sample', counts: 'row', sequences: 'sequence' } as const;

export function openResultOutput(format: Format, opts: OutputOptions): ResultOutput {
  const { out } = opts;
  let columns: Column[] | undefined;
  const cols = () => (columns ??= opts.columns());
  switch (format) {
    case 'ndjson':
      return {
        onEvent: (h) => out.write(ndjsonEvent(h)),
        finish: (result) => (result.kind === 'events' && result.streamed ? Promise.resolve() : writeChunks(out, ndjsonLines(result))),
      };
    case 'es':
      return { finish: (result, tookMs) => writeChunks(out, (function* () {
        for (const piece of esResponseJson(result, tookMs)) yield jsonTerminalSafe(piece);
        yield '\n';
      })()) };
    case 'csv': {
      let headed = false;
      const header = () => {
        if (headed) return '';
        headed = true;
        return csvHeader(cols(), false);
      };
      return {
        onEvent: (h) => out.write(header() + csvRow(cols(), h)),
        finish: (result) => (result.kind === 'events' && result.streamed ? writeChunks(out, [header()]) : writeChunks(out, csvLines(result, cols()))),
      };
    }
    case 'table': {
      let streamed: TableWriter | undefined;
      let n = 0;
      const tableOpts = { style: opts.style, width: opts.width };
      return {
        onEvent: (h) => {
          // The number of rows is not known yet: room for seven digits.
          streamed ??= new TableWriter(tableHeader(undefined, cols()), { ...tableOpts, minWidths: [7], slack: tableSlack(cols()) });
          out.write(streamed.row(tableEventRow(++n, cols(), h)));
        },
        finish: (result) => {
          const count = result.kind === 'events' ? (result.streamed ? result.streamed.count : result.hits.length) : result.kind === 'counts' ? result.rows.length : result.sequences.length;
          const footer = opts.style.dim(plural(count, NOUNS[result.kind])) + '\n';
          if (result.kind === 'events' && result.streamed) return writeChunks(out, [streamed?.end() ?? '', footer]);
          const table = new TableWriter(tableHeader(result, cols()), { ...tableOpts, minWidths: [String(count).length], slack: result.kind === 'counts' ? [] : tableSlack(cols()) });
          return writeChunks(out, (function* () {
            for (const r of tableRows(result, cols())) yield table.row(r);
            yield table.end();
            yield footer;
          })());
        },
      };
    }
  }
}
