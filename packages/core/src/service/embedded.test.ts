import { readFileSync } from 'node:fs';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { embeddedQueries, tomlRuleQuery } from './embedded.js';

const rule = (query: string, extra = '') => `[metadata]\nintegration = ["endpoint"]\n\n[rule]\nname = "x"\nindex = ["logs-endpoint.events.process-*", 'winlogbeat-*']\n${extra}query = ${query}\n\n[[rule.threat]]\nframework = "MITRE ATT&CK"\n`;

/** Every character of the decoded query maps to where it is written, and back. */
function expectExactMap(doc: string, expected: string) {
  const q = tomlRuleQuery(doc)!;
  expect(q.text).toBe(expected);
  for (let i = 0; i <= q.text.length; i++) {
    const d = q.toDocument(i);
    expect(q.toQuery(d)).toBe(i);
    if (i < q.text.length && doc[d] !== '\\') expect(doc[d]).toBe(q.text[i]);
  }
  return q;
}

describe('EQL inside detection-rule TOML', () => {
  const forms: [string, string][] = [
    ["'''\nprocess where process.name == \"a\\\\b\"\n'''", 'literal multi-line'],
    ['"""\nprocess where process.name == \\"a\\\\\\\\b\\"\n"""', 'basic multi-line with escapes'],
    ['"""\nprocess where \\\n    process.name == \\"x\\" and \\u0041 == 1\n"""', 'line-ending backslash and \\u escape'],
    ["'process where true'", 'literal'],
    ['"process where process.name : \\"cmd.exe\\"\\tand true"', 'basic with escapes'],
    ['"""process where x == "a\\"""""', 'quotes before the closing delimiter'],
  ];
  for (const [query, what] of forms) {
    it(`decodes and maps a ${what} string exactly as TOML reads it`, () => {
      const doc = rule(query);
      const expected = (parseToml(doc) as { rule: { query: string } }).rule.query;
      expectExactMap(doc, expected);
    });
  }

  it('takes the rule\'s index list, overrides and integrations as settings', () => {
    const q = tomlRuleQuery(rule("'''process where true'''", 'timestamp_override = "event.ingested"\ntiebreaker_field = "event.sequence"\nevent_category_override = "event.type"\n'))!;
    expect(q.indexes).toEqual(['logs-endpoint.events.process-*', 'winlogbeat-*']);
    expect(q.integrations).toEqual(['endpoint']);
    expect(q.timestampField).toBe('event.ingested');
    expect(q.tiebreakerField).toBe('event.sequence');
    expect(q.eventCategoryField).toBe('event.type');
    expect(q.name).toBe('x');
  });

  it('yields the text typed so far when the query string is not closed', () => {
    const typing = '[rule]\nindex = ["logs-*"]\nquery = """\nprocess where process.\n';
    expect(tomlRuleQuery(typing)?.text).toBe('process where process.\n');
    const thenMore = `${typing}\n[[rule.threat]]\nframework = "x"\n`;
    expect(tomlRuleQuery(thenMore)?.text).toBe('process where process.\n');
    expect(tomlRuleQuery('[rule]\nquery = "process where x == ')?.text).toBe('process where x == ');
    expect(tomlRuleQuery("[rule]\nquery = '''")?.text).toBe('');
  });

  it('maps an offset outside the query to nothing', () => {
    const doc = rule("'''process where true'''");
    const q = tomlRuleQuery(doc)!;
    expect(q.toQuery(0)).toBeUndefined();
    expect(q.toQuery(q.span.start)).toBe(0);
    expect(q.toQuery(q.span.end)).toBe(q.text.length);
    expect(q.toQuery(q.span.end + 1)).toBeUndefined();
  });

  it('re-encodes edits for the string form', () => {
    expect(tomlRuleQuery(rule('"process where true"'))!.encode!('a == "b\\c"')).toBe('a == \\"b\\\\c\\"');
    expect(tomlRuleQuery(rule("'''process where true'''"))!.encode!('a == "b\\c"')).toBe('a == "b\\c"');
  });

  it('finds no query in a TOML file that is not an EQL rule', () => {
    expect(embeddedQueries('[project]\nname = "x"\n', 'toml')).toEqual([]);
    expect(embeddedQueries('[rule]\nlanguage = "kuery"\nquery = "a: b"\n', 'toml')).toEqual([]);
    expect(embeddedQueries('[rule]\nname = "typing"\n', 'toml')).toEqual([]);
  });

  it('reads the example rule', () => {
    const doc = readFileSync(new URL('../../../../examples/msiexec-remote-file-execution.toml', import.meta.url), 'utf8');
    const expected = (parseToml(doc) as { rule: { query: string } }).rule.query;
    const q = expectExactMap(doc, expected);
    expect(q.indexes).toEqual(['logs-endpoint.events.process-*', 'logs-endpoint.events.network-*']);
  });

  it('treats a .eql document as one query, after a byte-order mark', () => {
    const [q] = embeddedQueries('\uFEFFprocess where true', 'eql');
    expect(q.text).toBe('process where true');
    expect(q.toDocument(0)).toBe(1);
    expect(q.toQuery(0)).toBeUndefined();
  });
});
