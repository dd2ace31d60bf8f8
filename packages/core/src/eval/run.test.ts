import { describe, expect, it } from 'vitest';
import { parse } from '../parse.js';
import { compileStatement } from './compile.js';
import { runQuery, type RecordBatch } from './run.js';

/** One batch per group of lines, as a reader would deliver them. */
async function* batches(groups: string[][]): AsyncGenerator<RecordBatch> {
  let ordinal = 0;
  for (const lines of groups) {
    const first = ordinal;
    ordinal += lines.length;
    yield {
      file: 'events.ndjson',
      count: lines.length,
      lines,
      lineNumbers: lines.map((_, i) => first + i + 1),
      firstOrdinal: first,
      parse: (i) => JSON.parse(lines[i]) as Record<string, unknown>,
    };
  }
}

const line = (id: number) => JSON.stringify({ '@timestamp': id, event: { category: 'process' }, id });

describe('runQuery and the pre-filter', () => {
  const compiled = compileStatement(parse('process where true').ast!, {});
  const rejectAll = () => false;

  it('pre-filters from the first record by default', async () => {
    const { stats } = await runQuery(compiled, batches([[line(1), line(2)], [line(3)]]), { prefilter: rejectAll });
    expect(stats).toMatchObject({ records: 3, prefiltered: 3, parsed: 0 });
  });

  it('parses every record until prefilterAfter characters have gone by, then pre-filters whole batches', async () => {
    const groups = [[line(1), line(2)], [line(3)], [line(4)]];
    const after = line(1).length + line(2).length; // the first batch exactly
    const { stats } = await runQuery(compiled, batches(groups), { prefilter: rejectAll, prefilterAfter: after });
    expect(stats).toMatchObject({ records: 4, prefiltered: 2, parsed: 2 });
    const never = await runQuery(compiled, batches(groups), { prefilter: rejectAll, prefilterAfter: Infinity });
    expect(never.stats).toMatchObject({ prefiltered: 0, parsed: 4 });
  });
});

describe('runQuery and head/tail counts', () => {
  it('keeps as many results as a folded constant expression says (head 1 + 1, tail 3 - 2)', async () => {
    const lines = [[line(1), line(2), line(3)]];
    const head = await runQuery(compileStatement(parse('process where true | head 1 + 1').ast!, {}), batches(lines));
    expect(head.result.kind === 'events' && head.result.hits.map((h) => h.event['id'])).toEqual([1, 2]);
    const tail = await runQuery(compileStatement(parse('process where true | tail 3 - 2').ast!, {}), batches(lines));
    expect(tail.result.kind === 'events' && tail.result.hits.map((h) => h.event['id'])).toEqual([3]);
  });
});
