import { esEvent, type QueryResult } from '@eqlkit/core';

/** One JSON object per line: each event `{_index, _id, _source}`, or each sequence/sample `{join_keys, events}`. */
export function renderNdjson(result: QueryResult): string {
  const lines: string[] = [];
  if (result.kind === 'events') for (const h of result.hits) lines.push(JSON.stringify(esEvent(h)));
  else if (result.kind === 'counts') for (const r of result.rows) lines.push(JSON.stringify(r));
  else for (const s of result.sequences) lines.push(JSON.stringify({ join_keys: s.joinKeys, events: s.hits.map(esEvent) }));
  return lines.length ? lines.join('\n') + '\n' : '';
}
