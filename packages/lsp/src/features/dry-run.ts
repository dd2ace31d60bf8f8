/**
 * `eql.dryRun`: runs a document's query over sample events through the core's query session, exactly as
 * `eql query --format es` runs it (the rule's own timestamp, tiebreaker and category fields; schema and mapping
 * files as `--schema`/`--mapping`), and answers with the body of an `_eql/search` response plus the events each
 * stage matched (`eqlkit_stages`) and the problems met on the way (`eqlkit_warnings`).
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { runChecks, type EmbeddedQuery, type SessionProgress, type SessionWarning, type Span } from '@eqlkit/core';
import { esResponseJson, executeQuery, inputWarning } from '@eqlkit/core/io';
import type { OpenDocument } from '../documents.js';
import { rangeOf } from '../positions.js';
import type { ResolvedSettings } from '../settings.js';

export const DRY_RUN_COMMAND = 'eql.dryRun';

export interface DryRunArgs {
  readonly uri: string;
  /** Event files or globs (relative to the workspace folder); default: the configured sample events. */
  readonly events?: readonly string[];
  /** Which query of the document (default the first). */
  readonly query?: number;
}

/** A stage's count, where the stage is in the document. */
export interface DocumentStageCount {
  readonly role: 'filter' | 'stage' | 'until';
  readonly index: number;
  readonly matched: number;
  readonly missing?: boolean;
  /** Document offsets. */
  readonly span: Span;
}

export interface DryRunOutcome {
  readonly body: Record<string, unknown>;
  /** Sequences, samples or events returned. */
  readonly alerts: number;
  readonly records: number;
  readonly stages: readonly DocumentStageCount[];
  /** The query text that ran (results are shown only while the document still holds it). */
  readonly queryText: string;
  readonly queryIndex: number;
}

export interface DryRunEnvironment {
  readonly signal: AbortSignal;
  readonly onProgress: (p: SessionProgress) => void;
  /** The query worker entry for large event files (none: everything on the server's thread). */
  readonly workerScript?: URL;
}

/** Arguments as a client sends them (untrusted JSON) → checked arguments. */
export function dryRunArgs(raw: unknown): DryRunArgs {
  const a = (Array.isArray(raw) ? raw[0] : raw) as Record<string, unknown> | undefined;
  if (!a || typeof a !== 'object' || typeof a['uri'] !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${DRY_RUN_COMMAND} takes [{ uri, events?: [paths or globs] }]`);
  const events = a['events'];
  if (events !== undefined && (!Array.isArray(events) || events.some((e) => typeof e !== 'string'))) throw new ResponseError(ErrorCodes.InvalidParams, `${DRY_RUN_COMMAND}: events must be a list of paths or globs`);
  const query = typeof a['query'] === 'number' && Number.isInteger(a['query']) && a['query'] >= 0 ? a['query'] : undefined;
  return { uri: a['uri'], ...(events ? { events: events as string[] } : {}), ...(query !== undefined ? { query } : {}) };
}

function located(doc: TextDocument, query: EmbeddedQuery, span: Span): string {
  const at = rangeOf(doc, { start: query.toDocument(span.start), end: query.toDocument(span.start) }).start;
  return `${at.line + 1}:${at.character + 1}`;
}

export async function dryRun(doc: OpenDocument, settings: ResolvedSettings, args: DryRunArgs, env: DryRunEnvironment): Promise<DryRunOutcome> {
  const queryIndex = args.query ?? 0;
  const query = doc.eql.queries()[queryIndex];
  if (!query) throw new ResponseError(ErrorCodes.InvalidParams, doc.eql.kind === 'toml' ? 'this .toml file holds no EQL rule query' : 'the document holds no query');
  const events = args.events ?? settings.sampleEvents;
  if (events.length === 0) throw new ResponseError(ErrorCodes.InvalidParams, 'no sample events: set `eql.sampleEvents` (files or globs), or pass `events`');
  const s = settings.document;
  const timestampField = query.timestampField ?? s.timestampField;
  const tiebreakerField = query.tiebreakerField ?? s.tiebreakerField;
  const eventCategoryField = query.eventCategoryField ?? s.eventCategoryField;
  const warnings: SessionWarning[] = [];
  const outcome = await executeQuery(query.text, events, {
    timestampField,
    tiebreakerField,
    eventCategoryField,
    layers: settings.layers,
    cwd: settings.baseDir,
    workerScript: env.workerScript,
    signal: env.signal,
    onProgress: env.onProgress,
    onInputError: (e) => warnings.push(inputWarning(e)),
    onWarning: (w) => warnings.push(w),
    check: runChecks({ source: query.text, timestampField, tiebreakerField, eventCategoryField }),
  });
  if (!outcome.ok) {
    const errors = outcome.diagnostics.filter((d) => d.severity === 'error');
    throw new ResponseError(ErrorCodes.InvalidParams, `the query has errors: ${errors.map((d) => `${located(doc.text, query, d.span)} ${d.message}`).join('; ')}`);
  }
  for (const d of outcome.diagnostics) if (d.severity === 'warning') warnings.push({ code: d.code, message: `${located(doc.text, query, d.span)}: ${d.message}` });
  // The text `eql query --format es` prints (records as written), as the object a client gets from parsing it.
  const body = JSON.parse([...esResponseJson(outcome.result, outcome.tookMs)].join('')) as Record<string, unknown>;
  const stages = outcome.stages.map((c) => ({
    role: c.role,
    index: c.index,
    matched: c.matched,
    ...(c.missing ? { missing: true } : {}),
    span: { start: query.toDocument(c.span.start), end: query.toDocument(c.span.end) },
  }));
  const hits = body['hits'] as { total: { value: number } };
  body['eqlkit_stages'] = stages.map((c) => ({
    role: c.role,
    index: c.index,
    matched: c.matched,
    ...(c.missing ? { missing: true } : {}),
    range: rangeOf(doc.text, c.span),
    query: doc.text.getText(rangeOf(doc.text, c.span)),
  }));
  body['eqlkit_warnings'] = warnings;
  return { body, alerts: hits.total.value, records: outcome.stats.records, stages, queryText: query.text, queryIndex };
}
