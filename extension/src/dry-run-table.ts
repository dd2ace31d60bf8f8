// Renders the body of an `_eql/search` response (what the server's `eql.dryRun` returns) as plain-text tables for
// a read-only report beside the rule. Pure: no `vscode` import, so it is unit-tested directly.
//
// Event data is untrusted: every value goes through `cell()`, which escapes control characters and caps the length,
// so a hostile event cannot forge lines of the report.

/** One hit of an `_eql/search` response. */
export interface SearchHit {
  readonly _index?: string;
  readonly _id?: string;
  readonly _source?: Record<string, unknown>;
  readonly missing?: boolean;
}

export interface SearchSequence {
  readonly join_keys?: readonly unknown[];
  readonly events?: readonly SearchHit[];
}

/** A sequence stage or sample filter with the number of events it matched (eqlkit's extra property). */
export interface StageCount {
  /** `1`, `2` … for sequence stages and sample filters, `until`, or `query` for an event query's one filter. */
  readonly stage: string;
  readonly matched: number;
  /** An until stage or a missing-event stage (`![…]`): matching nothing does not stop the rule. */
  readonly mayBeEmpty: boolean;
  readonly query?: string;
}

export interface DryRunResponse {
  readonly took?: number;
  readonly timed_out?: boolean;
  readonly hits?: {
    readonly total?: { readonly value?: number; readonly relation?: string };
    readonly events?: readonly SearchHit[];
    readonly sequences?: readonly SearchSequence[];
  };
  readonly [extra: string]: unknown;
}

export interface DryRunContext {
  /** What was run: the rule's name or the file's name. */
  readonly title: string;
  /** The event files or globs it ran on, as the user configured them. */
  readonly events?: readonly string[];
  readonly timestampField?: string;
  readonly when?: Date;
}

/** ECS fields that tell events apart at a glance; the first few present in the hits become columns. */
const SUMMARY_FIELDS = [
  'host.name', 'user.name', 'process.name', 'process.parent.name', 'process.command_line', 'process.args',
  'file.path', 'dll.path', 'registry.path', 'dns.question.name', 'destination.ip', 'destination.port',
  'url.full', 'event.action', 'event.type',
];
const MAX_SUMMARY_COLUMNS = 4;
const MAX_CELL = 60;
const MAX_ROWS = 200;

/** The whole report, ending with a newline. */
export function formatDryRun(response: DryRunResponse, context: DryRunContext): string {
  const lines: string[] = [];
  const when = context.when ? ` (${context.when.toISOString()})` : '';
  lines.push(`EQL dry run: ${cell(context.title, 120)}${when}`);
  if (context.events && context.events.length > 0) lines.push(`Events: ${context.events.map((e) => cell(e, 200)).join(', ')}`);
  const hits = response.hits ?? {};
  const sequences = hits.sequences;
  const events = hits.events;
  const total = hits.total?.value ?? sequences?.length ?? events?.length ?? 0;
  const noun = sequences ? plural(total, 'sequence') : plural(total, 'event');
  const took = typeof response.took === 'number' ? ` in ${response.took} ms` : '';
  const partial = response.timed_out ? ' (timed out: partial results)' : '';
  lines.push(`${total === 0 ? 'No alerts' : `${total} ${total === 1 ? 'alert' : 'alerts'} (${noun})`}${took}${partial}`);

  const stages = stageCounts(response);
  if (stages.length > 0) {
    lines.push('', 'Events matched by each stage:');
    lines.push(...table(['stage', 'matched', 'filter'], stages.map((s) => [s.stage, String(s.matched), cell(oneLine(s.query ?? ''), 100)]), [1]));
    const stopper = stages.find((s) => s.matched === 0 && !s.mayBeEmpty);
    if (stopper && total === 0) lines.push(`${stopper.stage === 'query' ? 'The query' : `Stage ${stopper.stage}`} matched no event: the rule cannot fire on these events.`);
  }

  const warnings = runWarnings(response);
  if (warnings.length > 0) lines.push('', 'Warnings:', ...warnings.map((w) => `  ${w}`));

  const timestampField = context.timestampField || '@timestamp';
  const all = sequences ? sequences.flatMap((s) => s.events ?? []) : events ?? [];
  const summary = summaryColumns(all);
  const header = ['#', timestampField, 'event.category', ...summary, '_index', '_id'];
  const row = (hit: SearchHit, n: string): string[] => {
    const source = hit._source ?? {};
    if (hit.missing) return [n, '(missing event)', ...header.slice(2).map(() => '')];
    return [n, cell(fieldValue(source, timestampField)), cell(fieldValue(source, 'event.category')),
      ...summary.map((f) => cell(fieldValue(source, f))), cell(hit._index ?? ''), cell(hit._id ?? '')];
  };

  if (sequences) {
    sequences.slice(0, MAX_ROWS).forEach((sequence, i) => {
      const keys = (sequence.join_keys ?? []).map((k) => cell(k)).join(', ');
      lines.push('', `Sequence ${i + 1}${keys ? `  by ${keys}` : ''}`);
      lines.push(...table(header, (sequence.events ?? []).map((hit, j) => row(hit, String(j + 1))), [0]));
    });
    if (sequences.length > MAX_ROWS) lines.push('', `… and ${sequences.length - MAX_ROWS} more sequences`);
  } else if (events && events.length > 0) {
    lines.push('');
    lines.push(...table(header, events.slice(0, MAX_ROWS).map((hit, i) => row(hit, String(i + 1))), [0]));
    if (events.length > MAX_ROWS) lines.push(`… and ${events.length - MAX_ROWS} more events`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The per-stage counts of eqlkit's extra property `eqlkit_stages` (see packages/lsp/src/features/dry-run.ts): one
 * entry per event filter, sequence stage or sample filter, and `until` stage, with the stage's text.
 */
export function stageCounts(response: DryRunResponse): StageCount[] {
  const list = response['eqlkit_stages'];
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown, i: number): StageCount[] => {
    if (!isRecord(entry)) return [];
    const matched = numberOf(entry['matched']);
    if (matched === undefined) return [];
    const index = numberOf(entry['index']) ?? i;
    const role = entry['role'];
    const missing = entry['missing'] === true;
    const stage = role === 'until' ? 'until' : role === 'filter' ? 'query' : `${index + 1}${missing ? ' (missing)' : ''}`;
    const query = typeof entry['query'] === 'string' ? entry['query'] : undefined;
    return [{ stage, matched, mayBeEmpty: role === 'until' || missing, query }];
  });
}

/** The problems met during the run (`eqlkit_warnings`: unreadable records, check warnings), as lines. */
export function runWarnings(response: DryRunResponse): string[] {
  const list = response['eqlkit_warnings'];
  if (!Array.isArray(list)) return [];
  return list.flatMap((w: unknown) => {
    if (!isRecord(w) || typeof w['message'] !== 'string') return [];
    const where = typeof w['file'] === 'string' ? `${w['file']}${typeof w['line'] === 'number' ? `:${w['line']}` : ''}: ` : '';
    return [cell(`${where}${w['message']}`, 300)];
  });
}

/** A dotted field's value in an event source: nested objects, or flat keys with dots, as Elasticsearch reads both. */
export function fieldValue(source: Record<string, unknown>, field: string): unknown {
  if (field in source) return source[field];
  const parts = field.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const head = parts.slice(0, i).join('.');
    const next = source[head];
    if (isRecord(next)) {
      const rest = fieldValue(next, parts.slice(i).join('.'));
      if (rest !== undefined) return rest;
    }
  }
  return undefined;
}

/** One table cell: a value printed on one line, control characters escaped, at most `max` characters. */
export function cell(value: unknown, max = MAX_CELL): string {
  let text: string;
  if (value === undefined || value === null) text = '';
  else if (typeof value === 'string') text = value;
  else text = JSON.stringify(value) ?? String(value);
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function summaryColumns(hits: readonly SearchHit[]): string[] {
  const present = SUMMARY_FIELDS.filter((f) => hits.some((h) => h._source && fieldValue(h._source, f) !== undefined));
  return present.slice(0, MAX_SUMMARY_COLUMNS);
}

/** Rows padded into columns; `rightAligned` lists the columns holding numbers. */
function table(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: readonly number[]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) =>
    r.map((v, c) => (rightAligned.includes(c) ? v.padStart(widths[c]) : v.padEnd(widths[c]))).join('  ').trimEnd();
  return ['  ' + line(header), '  ' + widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => '  ' + line(r))];
}

/** A stage's source on one line (runs of white space collapsed). */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function plural(n: number, noun: string): string {
  return n === 1 ? noun : `${noun}s`;
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
