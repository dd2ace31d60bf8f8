import { describe, expect, it } from 'vitest';
import { format, parse, type Statement } from '@eqlkit/core';
import { conformanceCases, ruleCorpus } from '../support/shared.js';

/** The AST without source positions, for meaning-preservation checks. */
const shape = (ast: Statement | undefined) => JSON.stringify(ast, (k, v) => (k === 'span' || k === 'opSpan' || k === 'nameSpan' ? undefined : v));

describe('the shared corpora', () => {
  const queries = [...ruleCorpus().map((r) => ({ id: r.rule_id, query: r.query })), ...conformanceCases().map((c) => ({ id: `${c.suite}/${c.name}`, query: c.query }))];

  it('has the 824 production rules and the public conformance queries', () => {
    expect(queries.length).toBe(824 + 224);
  });

  it('parses every query with no diagnostic at all', () => {
    const failures = queries.filter((q) => {
      const r = parse(q.query);
      return !r.ast || r.diagnostics.length > 0;
    });
    expect(failures.map((f) => f.id)).toEqual([]);
  });

  it('formats every query idempotently, keeping its meaning and its comments', () => {
    const problems: string[] = [];
    for (const q of queries) {
      const first = parse(q.query, { comments: true });
      const text = format(first.ast!, { comments: first.comments });
      const second = parse(text, { comments: true });
      if (!second.ast || second.diagnostics.length) problems.push(`${q.id}: formatted text does not parse`);
      else if (shape(second.ast) !== shape(first.ast)) problems.push(`${q.id}: meaning changed`);
      else if (format(second.ast, { comments: second.comments }) !== text) problems.push(`${q.id}: not idempotent`);
      else if (second.comments.map((c) => c.text).join() !== first.comments.map((c) => c.text).join()) problems.push(`${q.id}: comments changed`);
    }
    expect(problems).toEqual([]);
  });
});
