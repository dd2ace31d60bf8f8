import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText } from '../check/check.js';
import { loadBundledSchemas } from '../io/schemas/load-bundled.js';
import { SchemaChooser } from '../rules/choose-schemas.js';
import { readDetectionRuleToml } from '../rules/from-toml.js';
import { createLanguageService } from './service.js';

const bundled = loadBundledSchemas();
const service = createLanguageService({ bundled });
const example = readFileSync(new URL('../../../../examples/msiexec-remote-file-execution.toml', import.meta.url), 'utf8');

/** What `eql check` reports for the rule's query (query offsets). */
function cliDiagnostics(tomlText: string) {
  const q = readDetectionRuleToml(tomlText, 'x.toml').queries[0];
  const s = new SchemaChooser(bundled).for(q);
  return checkText(q.query, { schema: s.schema, targets: s.targets, patterns: s.patterns, datasetSchema: s.datasetSchema, eventCategoryField: q.eventCategoryOverride, timestampField: q.timestampOverride, tiebreakerField: q.tiebreakerField }).diagnostics;
}

describe('document diagnostics', () => {
  it('are those of eql check, in document offsets', () => {
    const broken = example.replace('process.parent.name', 'process.parnt.name').replace('maxspan=1m', 'maxspan=1m ').replace('network where', 'network  where');
    const doc = service.open('file:///r.toml', broken, 'toml');
    const [q] = doc.queries();
    const expected = cliDiagnostics(broken);
    expect(expected.length).toBeGreaterThan(0);
    const got = doc.diagnostics();
    expect(got.map((d) => [d.code, d.message])).toEqual(expected.map((d) => [d.code, d.message]));
    const lead = q.text.length - q.text.replace(/^[\r\n]+/, '').length;
    for (let i = 0; i < got.length; i++) {
      expect(broken.slice(got[i].span.start, got[i].span.end)).toBe(q.text.slice(expected[i].span.start + lead, expected[i].span.end + lead));
    }
  });

  it('map fixes through TOML escapes', () => {
    const text = '[rule]\nindex = ["logs-endpoint.events.process-*"]\nquery = "process where process.nme == \\"cmd.exe\\""\n';
    const doc = service.open('file:///r.toml', text, 'toml');
    const d = doc.diagnostics().find((x) => x.code === 'eql/unknown-field')!;
    expect(text.slice(d.span.start, d.span.end)).toBe('process.nme');
    expect(d.suggestions?.[0]?.edits[0]?.span).toEqual(d.span);
  });

  it('checks a .eql document against ECS and Elastic Defend without configuration', () => {
    const doc = service.open('file:///q.eql', 'process where process.nme == "x"', 'eql');
    const d = doc.diagnostics();
    expect(d.map((x) => x.code)).toContain('eql/unknown-field');
    expect(d.find((x) => x.code === 'eql/unknown-field')!.severity).toBe('warning');
  });

  it('reports the syntax error of a broken query', () => {
    const doc = service.open('file:///q.eql', 'process where process.name ==', 'eql');
    expect(doc.diagnostics()[0]).toMatchObject({ code: 'eql/syntax' });
  });
});

describe('per-query features in document offsets', () => {
  it('formats only the query of a rule, re-encoded for its string form', () => {
    const text = '[rule]\nindex = ["logs-endpoint.events.process-*"]\nquery = "process where process.name==\\"a\\" and   true"\n';
    const doc = service.open('file:///r.toml', text, 'toml');
    const edits = [...doc.format()].sort((a, b) => b.span.start - a.span.start);
    let out = text;
    for (const e of edits) out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
    expect(out).toBe('[rule]\nindex = ["logs-endpoint.events.process-*"]\nquery = "process where process.name == \\"a\\" and true"\n');
  });

  it('answers signature help and semantic tokens at document offsets', () => {
    const text = "[rule]\nquery = '''process where length(process.name) > 3'''\n";
    const doc = service.open('file:///r.toml', text, 'toml');
    expect(doc.signatureHelp(text.indexOf('process.name)'))?.label).toMatch(/^length\(/);
    const fn = doc.semanticTokens().find((t) => t.type === 'function')!;
    expect(text.slice(fn.span.start, fn.span.end)).toBe('length');
  });
});
