import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentKind } from './documents.js';
import { resolveSettings } from './settings.js';

describe('settings and document kinds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eqlkit-lsp-settings-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('tells documents apart by file name, then language id', () => {
    expect(documentKind('file:///r/rule.TOML', 'plaintext')).toBe('toml');
    expect(documentKind('file:///r/q.eql?x=1', 'plaintext')).toBe('eql');
    expect(documentKind('untitled:Untitled-1', 'eql')).toBe('eql');
    expect(documentKind('file:///r/notes.md', 'markdown')).toBeUndefined();
  });

  it('takes well-formed settings, ignores malformed ones, and reports unreadable schema files', () => {
    writeFileSync(join(dir, 'extra.json'), JSON.stringify({ 'my.field': 'keyword' }));
    const r = resolveSettings({ indexes: ['logs-*', 3, ''], schemaFiles: ['extra.json', 'missing.json'], sampleEvents: 'nope', timestampField: ' ts ', tiebreakerField: 7 }, dir);
    expect(r.document.indexes).toEqual(['logs-*']);
    expect(r.document.timestampField).toBe('ts');
    expect(r.document.tiebreakerField).toBeUndefined();
    expect(r.layers).toHaveLength(1);
    expect(r.document.extraLayers).toBe(r.layers);
    expect(r.sampleEvents).toEqual([]);
    expect(r.problems).toEqual([expect.stringContaining('missing.json')]);
    expect(resolveSettings(null, dir)).toMatchObject({ document: {}, layers: [], sampleEvents: [], problems: [] });
  });
});
