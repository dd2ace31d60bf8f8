import { esEventJson, esSequenceJson, jsonTerminalSafe, type Hit, type QueryResult } from '@eqlkit/core';

/** One event as an NDJSON line `{_index, _id, _source}` (C1 and bidi characters as JSON escapes: same value, safe to show). */
export function ndjsonEvent(h: Hit): string {
  return jsonTerminalSafe(esEventJson(h)) + '\n';
}

/** One JSON object per line: each event `{_index, _id, _source}`, or each sequence/sample `{join_keys, events}`. */
export function* ndjsonLines(result: QueryResult): Generator<string> {
  if (result.kind === 'events') for (const h of result.hits) yield ndjsonEvent(h);
  else if (result.kind === 'counts') for (const r of result.rows) yield jsonTerminalSafe(JSON.stringify(r)) + '\n';
  else for (const s of result.sequences) yield jsonTerminalSafe(esSequenceJson(s, 'always')) + '\n';
}
