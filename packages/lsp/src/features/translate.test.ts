import { describe, expect, it } from 'vitest';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveCompletion, snippetToPlain, toLspCompletions } from './completion.js';
import { toLspCodeActions, wanted } from './edits.js';
import { encodeSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './semantic-tokens.js';
import { toLspFolding, toLspSelectionRanges } from './structure.js';

const doc = (text: string) => TextDocument.create('file:///x.eql', 'eql', 1, text);

describe('completion', () => {
  it('turns snippets into their default text for clients without snippets', () => {
    expect(snippetToPlain('length(${1:value})$0')).toBe('length(value)');
    expect(snippetToPlain('between(${1:source}, ${2:left}, ${3:right}, ${4|true,false|})')).toBe('between(source, left, right, true)');
    expect(snippetToPlain('a\\$b ${1}c')).toBe('a$b c');
  });

  it('replaces the partial word with each item, as a snippet only when the client takes them', () => {
    const d = doc('process where length(proc');
    const list = {
      replace: { start: 21, end: 25 },
      items: [
        { label: 'process.name', kind: 'field' as const, detail: 'keyword', sortText: '0' },
        { label: 'length', kind: 'function' as const, insertText: 'length(${1:value})', snippet: true, documentation: '**length**', sortText: '1' },
      ],
    };
    const full = { snippets: true, defaultRange: false, lazyDocumentation: false };
    const withSnippets = toLspCompletions(d, list, full, 25);
    expect(withSnippets.items[0]).toMatchObject({ label: 'process.name', kind: CompletionItemKind.Field, textEdit: { range: { start: { line: 0, character: 21 }, end: { line: 0, character: 25 } }, newText: 'process.name' } });
    expect(withSnippets.items[1]).toMatchObject({ insertTextFormat: InsertTextFormat.Snippet, textEdit: { newText: 'length(${1:value})' }, documentation: { kind: 'markdown', value: '**length**' } });
    const plain = toLspCompletions(d, list, { ...full, snippets: false }, 25).items[1];
    expect(plain).toMatchObject({ textEdit: { newText: 'length(value)' } });
    expect(plain.insertTextFormat ?? InsertTextFormat.PlainText).toBe(InsertTextFormat.PlainText);
  });

  it('sends the range once and documentation on resolve, for clients that can take it', () => {
    const d = doc('process where length(proc');
    const list = {
      replace: { start: 21, end: 25 },
      items: [
        { label: 'process.name', kind: 'field' as const, detail: 'keyword', documentation: 'the name', sortText: '0' },
        { label: 'length', kind: 'function' as const, insertText: 'length(${1:value})', snippet: true, sortText: '1' },
      ],
    };
    const lean = toLspCompletions(d, list, { snippets: true, defaultRange: true, lazyDocumentation: true }, 25);
    expect(lean.itemDefaults).toEqual({ editRange: { start: { line: 0, character: 21 }, end: { line: 0, character: 25 } } });
    expect(lean.items[0]).toEqual({ label: 'process.name', kind: CompletionItemKind.Field, detail: 'keyword', sortText: '0', data: { uri: 'file:///x.eql', offset: 25, index: 0 } });
    expect(lean.items[1]).toMatchObject({ textEditText: 'length(${1:value})', insertTextFormat: InsertTextFormat.Snippet });
    expect(resolveCompletion(lean.items[0], list).documentation).toEqual({ kind: 'markdown', value: 'the name' });
    // A list that changed meanwhile: the item stays as it is.
    expect(resolveCompletion(lean.items[0], { ...list, items: [...list.items].reverse() }).documentation).toBeUndefined();
  });
});

describe('code actions', () => {
  it('filters by the kinds asked for, hierarchically', () => {
    expect(wanted('source.format', ['source'])).toBe(true);
    expect(wanted('source.fixAll', ['quickfix'])).toBe(false);
    expect(wanted('quickfix', undefined)).toBe(true);
    const d = doc('process where proces.name == "a"');
    const actions = toLspCodeActions(
      d,
      [
        { title: 'did you mean `process.name`?', kind: 'quickfix', edits: [{ span: { start: 14, end: 25 }, text: 'process.name' }], preferred: true },
        { title: 'format the query', kind: 'source.format', edits: [] },
      ],
      ['quickfix'],
    );
    expect(actions).toEqual([
      {
        title: 'did you mean `process.name`?',
        kind: 'quickfix',
        isPreferred: true,
        edit: { changes: { 'file:///x.eql': [{ range: { start: { line: 0, character: 14 }, end: { line: 0, character: 25 } }, newText: 'process.name' }] } },
      },
    ]);
  });
});

describe('semantic tokens', () => {
  it('encodes relative positions in document order, splits multi-line tokens, drops overlaps', () => {
    const d = doc('process where\n  a == """x\ny"""');
    const data = encodeSemanticTokens(d, [
      { span: { start: 16, end: 17 }, type: 'field', modifiers: ['optional'] },
      { span: { start: 0, end: 7 }, type: 'keyword' },
      { span: { start: 21, end: 30 }, type: 'string' },
      { span: { start: 22, end: 23 }, type: 'number' }, // inside the string: dropped
    ]).data;
    const t = (name: string) => SEMANTIC_TOKENS_LEGEND.tokenTypes.indexOf(name);
    expect(data).toEqual([0, 0, 7, t('keyword'), 0, 1, 2, 1, t('property'), 1, 0, 5, 4, t('string'), 0, 1, 0, 4, t('string'), 0]);
  });
});

describe('folding and selection ranges', () => {
  it('folds spans over several lines, one range per start line', () => {
    const d = doc('sequence\n [a]\n [b\n ]\n');
    expect(toLspFolding(d, [{ start: 0, end: 20 }, { start: 0, end: 10 }, { start: 14, end: 19 }, { start: 9, end: 12 }])).toEqual([
      { startLine: 0, endLine: 3 },
      { startLine: 2, endLine: 3 },
    ]);
  });

  it('links selection ranges from the innermost out, each inside its parent, ending at the whole document', () => {
    const d = doc('process where a == 1');
    const [r] = toLspSelectionRanges(d, [[{ start: 14, end: 15 }, { start: 14, end: 15 }, { start: 14, end: 20 }]], [14]);
    expect(r.range).toEqual({ start: { line: 0, character: 14 }, end: { line: 0, character: 15 } });
    expect(r.parent?.range).toEqual({ start: { line: 0, character: 14 }, end: { line: 0, character: 20 } });
    expect(r.parent?.parent?.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 20 } });
    expect(r.parent?.parent?.parent).toBeUndefined();
  });
});
