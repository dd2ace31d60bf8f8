/**
 * Results as the body of an Elasticsearch `_eql/search` response: `hits.total`, then `hits.events` (event
 * queries) or `hits.sequences` (sequences and samples, with `join_keys`), each event `{_index, _id, _source}`,
 * and a placeholder with `missing: true` for a missing-event stage.
 */
import type { Hit } from './hit.js';
import type { QueryResult, SequenceResult } from './run.js';

export interface EsEvent {
  readonly _index: string;
  readonly _id: string;
  readonly _source: Record<string, unknown>;
  readonly missing?: true;
}

export function esEvent(h: Hit | null): EsEvent {
  return h ? { _index: h.index, _id: h.id, _source: h.event } : { _index: '', _id: '', _source: {}, missing: true };
}

/**
 * One event `{_index, _id, _source}` as JSON text. `_source` is the record's original text when the reader kept it
 * — as Elasticsearch returns what was indexed: `1.0`, integers beyond 2^53, `1e400` and escapes as written — on
 * one line (a pretty-printed record's line breaks and indentation, which are never inside a JSON string, go).
 */
export function esEventJson(h: Hit | null): string {
  if (!h || h.source === undefined) return JSON.stringify(esEvent(h));
  const source = h.source.includes('\n') || h.source.includes('\r') ? h.source.replace(/[\r\n]+[ \t]*/g, '') : h.source;
  return `{"_index":${JSON.stringify(h.index)},"_id":${JSON.stringify(h.id)},"_source":${source}}`;
}

/** A sequence or sample `{join_keys, events}` as JSON text (`join_keys` left out when empty, unless `keys` says so). */
export function esSequenceJson(s: SequenceResult, keys: 'always' | 'when-any' = 'when-any'): string {
  const exact = s.exactJoinKeys;
  const keyText = exact ? `[${s.joinKeys.map((k, i) => exact[i] ?? JSON.stringify(k)).join(',')}]` : JSON.stringify(s.joinKeys);
  const joinKeys = keys === 'always' || s.joinKeys.length ? `"join_keys":${keyText},` : '';
  return `{${joinKeys}"events":[${s.hits.map(esEventJson).join(',')}]}`;
}

const headOf = (took: number) => ({ is_partial: false, is_running: false, took: Math.round(took), timed_out: false });

/** The response body for a result (`took` in milliseconds). */
export function toEsResponse(result: QueryResult, took: number): Record<string, unknown> {
  const head = headOf(took);
  switch (result.kind) {
    case 'events':
      return { ...head, hits: { total: { value: result.hits.length, relation: 'eq' }, events: result.hits.map(esEvent) } };
    case 'sequences':
    case 'samples':
      return {
        ...head,
        hits: {
          total: { value: result.sequences.length, relation: 'eq' },
          sequences: result.sequences.map((s) => ({ ...(s.joinKeys.length ? { join_keys: s.joinKeys } : {}), events: s.hits.map(esEvent) })),
        },
      };
    case 'counts':
      // Not an Elasticsearch result (the `count` pipe is an extension): the rows under `hits.counts`.
      return { ...head, hits: { total: { value: result.rows.length, relation: 'eq' }, counts: result.rows } };
  }
}

/**
 * The same body as {@link toEsResponse} as JSON text, in pieces of about one event or sequence each: a result of
 * any size can be written out without ever building one string longer than the engine allows.
 */
export function* esResponseJson(result: QueryResult, took: number): Generator<string> {
  const open = (total: number, key: string) => `${JSON.stringify(headOf(took)).slice(0, -1)},"hits":{"total":${JSON.stringify({ value: total, relation: 'eq' })},"${key}":[`;
  const items: { readonly length: number; readonly [i: number]: unknown } =
    result.kind === 'events' ? result.hits : result.kind === 'counts' ? result.rows : result.sequences;
  yield open(items.length, result.kind === 'events' ? 'events' : result.kind === 'counts' ? 'counts' : 'sequences');
  for (let i = 0; i < items.length; i++) {
    const sep = i ? ',' : '';
    if (result.kind === 'events') yield sep + esEventJson(result.hits[i]);
    else if (result.kind === 'counts') yield sep + JSON.stringify(result.rows[i]);
    else yield sep + esSequenceJson(result.sequences[i]);
  }
  yield ']}}';
}
