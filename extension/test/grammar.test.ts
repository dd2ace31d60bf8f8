// The TextMate grammars colour what the Ohm grammar parses: the keyword list is held equal to the grammar's own
// keywords (grammar/eql.ohm is the single source of truth), and real text is tokenized with VS Code's engine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { grammarKeywords } from '@eqlkit/core';
import { describe, expect, it } from 'vitest';
import { extensionDir, hasScope, readJson, scopesOf, tokenize } from './textmate.js';

interface Pattern { readonly match?: string; readonly name?: string }
const eqlGrammar = readJson<{ repository: Record<string, { patterns?: Pattern[] }> }>('syntaxes/eql.tmLanguage.json');

/** The words of the `(a|b|c)` alternations in the grammar's `keywords` patterns. */
function textMateKeywords(): string[] {
  const words: string[] = [];
  for (const p of eqlGrammar.repository['keywords']?.patterns ?? []) {
    const alternation = /\(((?:[a-z]+\|)*[a-z]+)\)/.exec(p.match ?? '');
    if (!alternation) throw new Error(`keyword pattern without a word list: ${p.match}`);
    words.push(...alternation[1].split('|'));
  }
  return words;
}

const keywordLike = (scopes: readonly string[]) =>
  hasScope(scopes, 'keyword') || hasScope(scopes, 'constant.language') || hasScope(scopes, 'variable.language');

describe('EQL TextMate grammar', () => {
  it('lists exactly the keywords of grammar/eql.ohm, each once', () => {
    const words = textMateKeywords();
    expect(new Set(words).size).toBe(words.length);
    expect([...words].sort()).toEqual([...grammarKeywords()].sort());
  });

  it('colours every grammar keyword as a keyword, and its upper-case spelling (a field name in EQL) as a field', async () => {
    for (const keyword of grammarKeywords()) {
      const tokens = await tokenize('source.eql', `x == 1 ${keyword} y`);
      expect(keywordLike(scopesOf(tokens, keyword)), keyword).toBe(true);
      const upper = await tokenize('source.eql', `x == 1 and ${keyword.toUpperCase()} == 2`);
      expect(hasScope(scopesOf(upper, keyword.toUpperCase()), 'variable.other.field'), keyword.toUpperCase()).toBe(true);
    }
  });

  it('tells apart categories, fields, functions, pipes, strings, numbers, units and operators', async () => {
    const query = 'sequence by host.id with maxspan=30s [process where process.name : "a*.exe" and not length(x) > 2 and user.name in~ ("A", "b")] [file where ?file.path like~ "c:\\\\*"] until [any where true] | head 5';
    const tokens = await tokenize('source.eql', query);
    expect(hasScope(scopesOf(tokens, 'sequence'), 'keyword.control')).toBe(true);
    expect(hasScope(scopesOf(tokens, 'host'), 'variable.other.field')).toBe(true);
    expect(hasScope(scopesOf(tokens, 'maxspan'), 'keyword.control')).toBe(true);
    expect(hasScope(scopesOf(tokens, '30'), 'constant.numeric')).toBe(true);
    expect(hasScope(scopesOf(tokens, 's'), 'keyword.other.unit')).toBe(true);
    expect(hasScope(scopesOf(tokens, 'process'), 'entity.name.type.event-category')).toBe(true);
    expect(hasScope(scopesOf(tokens, 'process', 1), 'variable.other.field')).toBe(true);
    expect(hasScope(scopesOf(tokens, 'a*.exe'), 'string.quoted.double')).toBe(true);
    expect(hasScope(scopesOf(tokens, 'length'), 'support.function')).toBe(true);
    expect(hasScope(scopesOf(tokens, 'in'), 'keyword.operator.word')).toBe(true);
    expect(hasScope(scopesOf(tokens, '~'), 'keyword.operator')).toBe(true);
    expect(hasScope(scopesOf(tokens, '?'), 'keyword.operator.optional')).toBe(true);
    expect(hasScope(scopesOf(tokens, '\\\\'), 'constant.character.escape')).toBe(true);
    expect(hasScope(scopesOf(tokens, 'any'), 'variable.language')).toBe(true);
    expect(hasScope(scopesOf(tokens, 'head'), 'support.function.pipe')).toBe(true);
    expect(hasScope(scopesOf(tokens, '5'), 'constant.numeric')).toBe(true);
  });

  it('colours comments (block comments nest) and keeps a half-typed string on its line', async () => {
    const tokens = await tokenize('source.eql', '/* a /* nested */ still comment */ process where x == "open\nprocess where true // done');
    expect(hasScope(scopesOf(tokens, ' still comment '), 'comment.block')).toBe(true);
    const secondLine = tokens.filter((t) => t.line === 1);
    expect(secondLine.some((t) => hasScope(t.scopes, 'string'))).toBe(false);
    expect(hasScope(scopesOf(tokens, 'true'), 'constant.language')).toBe(true);
    expect(hasScope(scopesOf(tokens, ' done'), 'comment.line')).toBe(true);
  });
});

describe('EQL inside detection-rule TOML', () => {
  it('colours the example rule: the query as EQL, the other keys as TOML', async () => {
    const text = readFileSync(join(extensionDir, '../examples/msiexec-remote-file-execution.toml'), 'utf8');
    const tokens = await tokenize('source.toml', text);
    const embedded = tokens.filter((t) => hasScope(t.scopes, 'meta.embedded.eql'));
    const queryLines = text.split('\n').findIndex((l) => l.startsWith("query = '''"));
    const closing = text.split('\n').findIndex((l, i) => i > queryLines && l === "'''");
    expect(new Set(embedded.map((t) => t.line))).toEqual(new Set(Array.from({ length: closing - queryLines - 1 }, (_, i) => queryLines + 1 + i)));
    expect(hasScope(scopesOf(tokens, 'sequence'), 'keyword.control')).toBe(true);
    expect(hasScope(scopesOf(tokens, 'maxspan'), 'keyword.control')).toBe(true);
    expect(hasScope(scopesOf(tokens, 'msiexec.exe'), 'string.quoted.double.eql')).toBe(true);
    // Keys and values outside the query keep their TOML colours.
    expect(hasScope(scopesOf(tokens, 'risk_score'), 'support.type.property-name')).toBe(true);
    expect(hasScope(scopesOf(tokens, '21'), 'constant.numeric')).toBe(true);
    expect(tokens.filter((t) => t.line < queryLines || t.line >= closing).some((t) => hasScope(t.scopes, 'source.eql') || hasScope(t.scopes, 'meta.embedded.eql'))).toBe(false);
  });

  it('colours the query in each of TOML’s four string forms, and only under [rule]', async () => {
    const forms = [
      ['query = "process where process.name == \\"a\\" and true"', 'true'],
      ["query = 'process where process.name == \"a\" and true'", 'true'],
      ['query = """\nprocess where process.name == "a" and true\n"""', 'true'],
      ["query = '''\nprocess where process.name == \"a\" and true\n'''", 'true'],
    ] as const;
    for (const [query, word] of forms) {
      const tokens = await tokenize('source.toml', `[rule]\nname = "x"\n${query}\n\n[rule.threat]\nquery = "process where true"\n`);
      const first = tokens.find((t) => t.text === word);
      expect(first && hasScope(first.scopes, 'meta.embedded.eql') && first.scopes.includes('constant.language.eql'), query).toBe(true);
      expect(hasScope(scopesOf(tokens, 'process'), 'entity.name.type.event-category'), query).toBe(true);
      // The same key in another table is a plain TOML string.
      const later = tokens.filter((t) => t.line >= query.split('\n').length + 3);
      expect(later.some((t) => hasScope(t.scopes, 'meta.embedded.eql')), query).toBe(false);
    }
  });

  it('leaves a TOML file without a rule alone', async () => {
    const tokens = await tokenize('source.toml', '[tool.poetry]\nquery = "process where true"\n# sequence by host.id\n');
    expect(tokens.some((t) => hasScope(t.scopes, 'meta.embedded.eql'))).toBe(false);
    expect(hasScope(scopesOf(tokens, 'query'), 'support.type.property-name')).toBe(true);
  });
});
