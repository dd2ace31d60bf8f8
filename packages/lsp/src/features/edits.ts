// Formatting edits and code actions: the service's offset edits as LSP text edits and workspace edits.
import { CodeActionKind, type CodeAction as LspCodeAction, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from '@eqlkit/core';
import { rangeOf } from '../positions.js';
import { toLspDiagnostic } from './diagnostics.js';

export function toLspEdits(doc: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: rangeOf(doc, e.span), newText: e.text }));
}

const KIND: Record<CodeAction['kind'], string> = {
  quickfix: CodeActionKind.QuickFix,
  'source.fixAll': CodeActionKind.SourceFixAll,
  'source.format': `${CodeActionKind.Source}.format`,
};

/** Whether an action of `kind` is wanted when the client asks only for `only` kinds (hierarchical: `source` takes `source.format`). */
export function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function toLspCodeActions(doc: TextDocument, actions: readonly CodeAction[], only: readonly string[] | undefined): LspCodeAction[] {
  return actions
    .filter((a) => wanted(KIND[a.kind], only))
    .map((a) => ({
      title: a.title,
      kind: KIND[a.kind],
      edit: { changes: { [doc.uri]: toLspEdits(doc, a.edits) } },
      ...(a.diagnostics?.length ? { diagnostics: a.diagnostics.map((d) => toLspDiagnostic(doc, d)) } : {}),
      ...(a.preferred ? { isPreferred: true } : {}),
    }));
}

/** The code action kinds the server offers (announced at initialize). */
export const CODE_ACTION_KINDS = Object.values(KIND);
