/**
 * Scans one line-aligned chunk of NDJSON text the way `NdjsonDecoder` + `RecordSink` + the runner's pre-filter
 * would, and keeps only the records that match some stage.
 *
 * Input: the decoded chunk, whether it starts or ends its file, and a {@link RecordFilter}. Output: counts, the
 * kept records (text, local line, local ordinal) and the problems, in input order.
 *
 * Invariants, the same as the single-thread reader: a record is a non-blank line that starts with `{` and ends
 * with `}` (blank-padded lines are trimmed; other lines are parsed on the spot to say what is wrong; a last line
 * without a newline is checked in full as possibly truncated); every line counts for line numbers, every record for
 * ordinals. Records the pre-filter rejects are neither parsed nor validated. With a gate, the whole chunk is
 * searched once and only lines holding a gate match are tested and parsed.
 */
import { noteRecordText } from '../../eval/exact-integers.js';
import { checkOddLine, errorReason, jsonTypeName } from '../events/record-sink.js';
import type { ChunkProblem, ChunkResult } from './protocol.js';

const LF = 10;
const CR = 13;
const OPEN = 123;
const CLOSE = 125;
/** Record lines sampled from the first chunk to choose the gate. */
const GATE_SAMPLE = 500;

export interface RecordFilter {
  /** The pre-filter's line test, or undefined when every record must be parsed. */
  readonly test: ((line: string) => boolean) | undefined;
  /** A global regex absent from every line `test` rejects, chosen from sample lines; undefined for none. */
  readonly gate: ((sample: readonly string[]) => RegExp | undefined) | undefined;
  /** True when the parsed event matches some stage, `until` or missing stage. */
  readonly matches: (event: Record<string, unknown>) => boolean;
}

export type ScanResult = Omit<ChunkResult, 'seq' | 'buffer'>;

/** Scans chunks of one query, one after another (it keeps the gate chosen from the first chunk). */
export class ChunkScanner {
  private gate: RegExp | undefined;
  private gateChosen = false;

  constructor(private readonly filter: RecordFilter) {}

  /** Chooses the gate from the first record lines of `text` (by default, of the first text scanned). */
  chooseGate(text: string): void {
    if (this.gateChosen) return;
    this.gateChosen = true;
    if (this.filter.gate && this.filter.test) this.gate = this.filter.gate(sampleRecords(text, 0));
  }

  scan(text: string, first: boolean, final: boolean): ScanResult {
    const out = new ScanState();
    let pos = first && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.chooseGate(text);
    const gate = this.filter.test ? this.gate : undefined;
    let hit = -1; // start of the next gate match at or after `pos` (Infinity when none is left)
    const len = text.length;
    let line = 0;
    while (pos < len) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) nl = len;
      let end = nl;
      if (end > pos && text.charCodeAt(end - 1) === CR) end--;
      if (end > pos) {
        const unterminated = final && nl === len;
        if (text.charCodeAt(pos) === OPEN && text.charCodeAt(end - 1) === CLOSE && !unterminated) {
          if (gate) {
            if (hit < pos) {
              gate.lastIndex = pos;
              const m = gate.exec(text);
              hit = m ? m.index : Infinity;
            }
            if (hit < end) this.record(text.slice(pos, end), line, out);
            else out.skip();
          } else this.record(text.slice(pos, end), line, out);
        } else this.odd(text.slice(pos, end), line, unterminated, out);
      }
      line++;
      pos = nl + 1;
    }
    // Newlines: the final chunk's unterminated last line was counted as a line but has none.
    return out.result(final && len > 0 && text.charCodeAt(len - 1) !== LF ? line - 1 : line);
  }

  /** A record candidate: pre-filter, parse, filter. */
  private record(raw: string, line: number, out: ScanState): void {
    const at = out.records++;
    const test = this.filter.test;
    if (test && !test(raw)) {
      out.prefiltered++;
      return;
    }
    let v: unknown;
    try {
      v = JSON.parse(raw);
    } catch (e) {
      out.problem(at, line, 'invalid-json', `invalid JSON (${errorReason(e)})`);
      return;
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      out.problem(at, line, 'not-object', `expected a JSON object, found ${jsonTypeName(v)}`);
      return;
    }
    out.parsed++;
    noteRecordText(v as Record<string, unknown>, raw);
    if (this.filter.matches(v as Record<string, unknown>)) out.keep(raw, line, at);
  }

  /** Blank-padded, non-object or broken lines, and the unterminated last line (as the single-thread reader). */
  private odd(raw: string, line: number, unterminated: boolean, out: ScanState): void {
    const r = checkOddLine(raw, unterminated);
    if (!r) return;
    if ('record' in r) this.record(r.record, line, out);
    else out.problem(out.records, line, r.kind, r.message);
  }
}

class ScanState {
  records = 0;
  prefiltered = 0;
  parsed = 0;
  private readonly kept: string[] = [];
  private readonly keptLines: number[] = [];
  private readonly keptOrdinals: number[] = [];
  private readonly problems: ChunkProblem[] = [];

  skip(): void {
    this.records++;
    this.prefiltered++;
  }

  keep(raw: string, line: number, at: number): void {
    this.kept.push(raw);
    this.keptLines.push(line);
    this.keptOrdinals.push(at);
  }

  problem(at: number, line: number, kind: ChunkProblem['kind'], message: string): void {
    this.problems.push({ at, line, kind, message });
  }

  result(lines: number): ScanResult {
    return { lines, records: this.records, prefiltered: this.prefiltered, parsed: this.parsed, kept: this.kept, keptLines: this.keptLines, keptOrdinals: this.keptOrdinals, problems: this.problems };
  }
}

/** The first record-like lines of a chunk, for choosing the gate. */
function sampleRecords(text: string, pos: number): string[] {
  const out: string[] = [];
  while (pos < text.length && out.length < GATE_SAMPLE) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    if (nl > pos && text.charCodeAt(pos) === OPEN) out.push(text.slice(pos, nl));
    pos = nl + 1;
  }
  return out;
}
