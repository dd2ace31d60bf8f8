// Random edits on the example rule against a running server: every request must be answered (a result, or a
// cancellation), none with an internal error, the server must stay up, and its memory must stay flat.
import { readFileSync } from 'node:fs';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  SelectionRangeRequest,
  SemanticTokensRequest,
  SignatureHelpRequest,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { seededRandom } from '../../packages/core/testing/random.js';
import type { LspClient } from '../support/lsp-client.js';
import { exampleRule } from './scenario.js';

const PIECES = ['process', ' where ', '.', '[', ']', '(', ')', '"', "'", "'''", '"""', '\\', '\n', ' and ', ' or ', ' by ', '|', ' head 5', ':', '==', '~', '*', '?', 'sequence', ' with maxspan=', '5m', 'length(', ',', ' = ', '#', '\u00e9', '😀', '\r\n', '[rule]', 'query = ', 'true', '0x1F'];

export interface RobustnessResult {
  readonly edits: number;
  readonly requests: number;
  readonly answered: number;
  readonly cancelled: number;
  readonly internalErrors: string[];
}

function positionOf(text: string, offset: number): Position {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

/** Sends `count` random edits to `uri` (opened here with the example rule), each followed by a random request. */
export async function randomEdits(client: LspClient, uri: string, count: number, seed: number): Promise<RobustnessResult> {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  let text = readFileSync(exampleRule, 'utf8');
  client.open(uri, 'toml', text);
  const c = client.connection;
  const doc = { uri };
  let requests = 0;
  let answered = 0;
  let cancelled = 0;
  const internalErrors: string[] = [];
  let window: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    // Keep the document small enough to stay a rule (random deletes and inserts balance out roughly).
    const insert = text.length < 2000 || random() < 0.55;
    const at = Math.floor(random() * (text.length + 1));
    if (insert) {
      const piece = pick(PIECES);
      client.change(uri, [{ range: { start: positionOf(text, at), end: positionOf(text, at) }, text: piece }]);
      text = text.slice(0, at) + piece + text.slice(at);
    } else {
      const end = Math.min(text.length, at + 1 + Math.floor(random() * 12));
      client.change(uri, [{ range: { start: positionOf(text, at), end: positionOf(text, end) }, text: '' }]);
      text = text.slice(0, at) + text.slice(end);
    }
    const position = positionOf(text, Math.floor(random() * (text.length + 1)));
    const range = { start: position, end: positionOf(text, Math.min(text.length, Math.floor(random() * (text.length + 1)))) };
    const ordered = range.end.line < range.start.line || (range.end.line === range.start.line && range.end.character < range.start.character) ? { start: range.end, end: range.start } : range;
    const sends: (() => Promise<unknown>)[] = [
      () => c.sendRequest(CompletionRequest.type, { textDocument: doc, position }),
      () => c.sendRequest(HoverRequest.type, { textDocument: doc, position }),
      () => c.sendRequest(SignatureHelpRequest.type, { textDocument: doc, position }),
      () => c.sendRequest(DocumentFormattingRequest.type, { textDocument: doc, options: { tabSize: 2, insertSpaces: true } }),
      () => c.sendRequest(DocumentRangeFormattingRequest.type, { textDocument: doc, range: ordered, options: { tabSize: 2, insertSpaces: true } }),
      () => c.sendRequest(CodeActionRequest.type, { textDocument: doc, range: ordered, context: { diagnostics: [] } }),
      () => c.sendRequest(SemanticTokensRequest.type, { textDocument: doc }),
      () => c.sendRequest(DocumentSymbolRequest.type, { textDocument: doc }),
      () => c.sendRequest(FoldingRangeRequest.type, { textDocument: doc }),
      () => c.sendRequest(SelectionRangeRequest.type, { textDocument: doc, positions: [position] }),
      () => c.sendRequest(InlayHintRequest.type, { textDocument: doc, range: ordered }),
      () => c.sendRequest(CodeLensRequest.type, { textDocument: doc }),
    ];
    const send = pick(sends);
    requests++;
    window.push(
      send().then(
        () => void answered++,
        (e: { code?: number; message?: string }) => {
          if (e.code === -32800) cancelled++;
          else if (e.code === ErrorCodes.InternalError) internalErrors.push(e.message ?? String(e));
          else throw e;
        },
      ),
    );
    if (window.length >= 32) {
      await Promise.all(window);
      window = [];
    }
  }
  await Promise.all(window);
  return { edits: count, requests, answered, cancelled, internalErrors };
}
