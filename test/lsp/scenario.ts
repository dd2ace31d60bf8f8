// The end-to-end scenario on the example rule, run by the protocol tests over a spawned server and in process:
// open → diagnostics (as `eql check`) → edits → signature help → formatting (as `eql fmt`) → semantic tokens →
// dry run (as `eql query --format es`) → code lens and inlay hints → close.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  CompletionResolveRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  SelectionRangeRequest,
  DocumentFormattingRequest,
  ExecuteCommandRequest,
  InlayHintRequest,
  SemanticTokensRequest,
  SignatureHelpRequest,
  type Diagnostic,
  type Position,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { eqlBin, type LspClient } from '../support/lsp-client.js';
import { repoRoot } from '../support/shared.js';

export const exampleRule = join(repoRoot, 'examples/msiexec-remote-file-execution.toml');
export const exampleEvents = join(repoRoot, 'examples/msiexec-events.ndjson');

/** The example rule as a `.toml` document or as a `.eql` document holding its query, in a fresh folder. */
export function exampleDocument(kind: 'toml' | 'eql'): { file: string; uri: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'eqlkit-lsp-'));
  const toml = readFileSync(exampleRule, 'utf8');
  const text = kind === 'toml' ? toml : /query = '''\n([\s\S]*?)'''/.exec(toml)![1];
  const file = join(dir, kind === 'toml' ? 'msiexec-remote-file-execution.toml' : 'msiexec-remote-file-execution.eql');
  writeFileSync(file, text);
  return { file, uri: pathToFileURL(file).href, text };
}

export function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function offsetOf(text: string, p: Position): number {
  const lines = text.split('\n');
  let o = 0;
  for (let i = 0; i < p.line; i++) o += lines[i].length + 1;
  return o + p.character;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetOf(text, b.range.start) - offsetOf(text, a.range.start));
  for (const e of sorted) text = text.slice(0, offsetOf(text, e.range.start)) + e.newText + text.slice(offsetOf(text, e.range.end));
  return text;
}

function eql(args: string[]): { stdout: string; status: number | null } {
  const r = spawnSync(process.execPath, [eqlBin, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { stdout: r.stdout, status: r.status };
}

/** `eql check --json` on `text` saved as `file`, as (code, message, start) triples. */
function checkDiagnostics(file: string, text: string): [string, string, Position][] {
  writeFileSync(file, text);
  const out = JSON.parse(eql(['check', '--json', file]).stdout.split('\n')[0]) as { diagnostics: { code: string; message: string; line: number; column: number }[] };
  return out.diagnostics.map((d) => [d.code, d.message, { line: d.line - 1, character: d.column - 1 }]);
}

const triples = (ds: readonly Diagnostic[]) => ds.map((d) => [d.code, d.message, d.range.start] as [string, string, Position]);

export async function exampleScenario(client: LspClient, kind: 'toml' | 'eql'): Promise<void> {
  const { file, uri, text } = exampleDocument(kind);
  const c = client.connection;
  client.open(uri, kind, text);

  // Diagnostics: the same codes, messages and places as `eql check` (the valid rule has none).
  const first = await client.diagnostics(uri);
  expect(triples(first)).toEqual(checkDiagnostics(file, text));

  // Completion after `process.` (only the text before the cursor counts): the next path segments, typed.
  const dot = text.indexOf('process.name : "msiexec.exe"') + 'process.'.length;
  const completion = await c.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionOf(text, dot) });
  const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
  const name = items.find((i) => i.label === 'name');
  expect(name?.detail).toBe('keyword');
  // The replaced range: the list's default (sent once), the text: the label.
  expect(name?.textEdit ?? (completion && 'itemDefaults' in completion ? completion.itemDefaults?.editRange : undefined)).toEqual({ start: positionOf(text, dot), end: positionOf(text, dot) });
  expect(name?.textEditText ?? name?.label).toBe('name');
  expect(items.find((i) => i.label === 'parent')).toBeDefined();
  // Its documentation comes when the item is resolved.
  const resolved = await c.sendRequest(CompletionResolveRequest.type, name!);
  expect(resolved.documentation).toMatchObject({ kind: 'markdown', value: expect.stringContaining('process.name') });

  // An edit that misspells a field: the unknown field is reported where it is, as `eql check` reports it.
  const field = text.indexOf('process.parent.name');
  const misspelt = text.slice(0, field) + 'process.parnt.name' + text.slice(field + 'process.parent.name'.length);
  const v2 = client.change(uri, [{ range: { start: positionOf(text, field + 8), end: positionOf(text, field + 14) }, text: 'parnt' }]);
  const second = await client.diagnostics(uri, v2);
  expect(second.map((d) => d.code)).toContain('eql/unknown-field');
  expect(triples(second)).toEqual(checkDiagnostics(file, misspelt));
  expect(client.latest(uri)?.version).toBe(v2);

  // Its quick fix puts the right field back; a source action formats the query.
  const unknown = second.find((d) => d.code === 'eql/unknown-field')!;
  const actions = await c.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: unknown.range, context: { diagnostics: [unknown], only: ['quickfix'] } });
  const fix = actions?.find((a) => 'title' in a && /process\.parent\.name/.test(a.title));
  expect(fix && 'edit' in fix && applyEdits(misspelt, fix.edit?.changes?.[uri] ?? [])).toBe(text);
  expect(actions?.every((a) => 'kind' in a && a.kind === 'quickfix')).toBe(true);
  const source = await c.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: unknown.range, context: { diagnostics: [], only: ['source'] } });
  expect(source?.every((a) => 'kind' in a && a.kind?.startsWith('source'))).toBe(true);

  // Hover on a field: its type and description from the schema.
  const args = misspelt.indexOf('process.args');
  const hover = await c.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(misspelt, args + 9) });
  const hoverText = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  expect(hoverText).toContain('process.args');
  expect(hoverText).toContain('keyword');
  expect(hover?.range).toEqual({ start: positionOf(misspelt, args), end: positionOf(misspelt, args + 'process.args'.length) });

  // Structure: the query's three stages as symbols, each multi-line stage folds, selection grows from the field.
  const symbols = (await c.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as { name: string; children?: { children?: unknown[] }[] }[];
  const stagesOf = (xs: { name: string; children?: unknown[] }[]): unknown[] => xs.flatMap((x) => (x.name.startsWith('sequence') ? (x.children ?? []) : stagesOf((x.children ?? []) as typeof xs)));
  expect(stagesOf(symbols)).toHaveLength(3);
  const folds = await c.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
  const stage3 = positionOf(misspelt, misspelt.lastIndexOf('[process where')).line;
  expect(folds?.some((f) => f.startLine === stage3)).toBe(true);
  const [selection] = (await c.sendRequest(SelectionRangeRequest.type, { textDocument: { uri }, positions: [positionOf(misspelt, field + 3)] })) ?? [];
  let depth = 0;
  for (let r: typeof selection | undefined = selection; r; r = r.parent) depth++;
  expect(depth).toBeGreaterThan(3);
  expect(selection.range.start).toEqual(positionOf(misspelt, field));

  // Signature help inside a function call typed into the first stage.
  const at = misspelt.indexOf('process.args : "/V"') + 'process.args : "/V"'.length;
  const call = ' and length(process.name) > 0';
  const withCall = misspelt.slice(0, at) + call + misspelt.slice(at);
  const v3 = client.change(uri, [{ range: { start: positionOf(misspelt, at), end: positionOf(misspelt, at) }, text: call }]);
  await client.diagnostics(uri, v3);
  const inside = at + ' and length('.length;
  const help = await c.sendRequest(SignatureHelpRequest.type, { textDocument: { uri }, position: positionOf(withCall, inside) });
  expect(help?.signatures[0].label).toMatch(/^length\(/);
  expect(help?.activeParameter).toBe(0);

  // Back to the example text (a whole-document change; the example is formatted), with its first stage's second
  // line joined to the first: formatting, and the "format the query" source action, give what `eql fmt` prints.
  const v4 = client.change(uri, [{ text }]);
  expect(await client.diagnostics(uri, v4)).toEqual(first);
  const join = text.indexOf(' and\n', text.indexOf('[process where')) + ' and'.length;
  const indent = /^\n */.exec(text.slice(join))![0].length;
  const messy = text.slice(0, join) + ' ' + text.slice(join + indent);
  const v5 = client.change(uri, [{ range: { start: positionOf(text, join), end: positionOf(text, join + indent) }, text: ' ' }]);
  await client.diagnostics(uri, v5);
  writeFileSync(file, messy);
  const formatted = eql(['fmt', file]).stdout;
  expect(formatted).not.toBe(messy);
  const edits = await c.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
  expect(applyEdits(messy, edits ?? [])).toBe(formatted);
  const formatAction = (await c.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: positionOf(messy, join), end: positionOf(messy, join) }, context: { diagnostics: [], only: ['source.format'] } }))?.[0];
  expect(formatAction && 'edit' in formatAction && applyEdits(messy, formatAction.edit?.changes?.[uri] ?? [])).toBe(formatted);
  const v6 = client.change(uri, [{ text }]);
  await client.diagnostics(uri, v6);

  // Semantic tokens cover the query.
  const tokens = await c.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
  expect(tokens?.data.length).toBeGreaterThan(5 * 50);
  expect((tokens?.data.length ?? 0) % 5).toBe(0);

  // Dry run: the body `eql query --format es` prints for the rule over the example events, plus per-stage counts.
  const lensBefore = await c.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  expect(lensBefore?.[0].command?.command).toBe('eql.dryRun');
  const body = (await c.sendRequest(ExecuteCommandRequest.type, { command: 'eql.dryRun', arguments: [{ uri, events: [exampleEvents] }] })) as Record<string, unknown>;
  const cli = JSON.parse(eql(['query', '--format', 'es', '-q', file, 'examples/msiexec-events.ndjson']).stdout) as Record<string, unknown>;
  const { eqlkit_stages: stages, eqlkit_warnings: warnings, took, ...rest } = body;
  expect(typeof took).toBe('number');
  expect({ ...rest, took: 0 }).toEqual({ ...cli, took: 0 });
  expect((cli['hits'] as { total: { value: number } }).total.value).toBe(9);
  expect((stages as { role: string; matched: number }[]).map((s) => [s.role, s.matched])).toEqual([
    ['stage', 28],
    ['stage', 29],
    ['stage', 18],
  ]);
  expect(warnings).toEqual([]);
  const lensAfter = await c.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  expect(lensAfter?.[0].command?.title).toMatch(/^9 alerts on 586 events/);
  const hints = await c.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: positionOf(text, text.length) } });
  expect(hints?.map((h) => h.label)).toEqual(['stage 1: 28 events matched', 'stage 2: 29 events matched', 'stage 3: 18 events matched']);
  // The hint of a stage sits at the stage's closing `by …` end, inside the query.
  expect(hints?.[0].position).toEqual(positionOf(text, text.indexOf('] by process.entity_id') + '] by process.entity_id'.length));

  // Closing the document clears its diagnostics.
  const cleared = client.diagnostics(uri);
  client.close(uri);
  expect(await cleared).toEqual([]);
}
