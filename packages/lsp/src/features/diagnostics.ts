// The service's diagnostics (document offsets, `eql/<code>`) as LSP diagnostics.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Severity } from '@eqlkit/core';
import { rangeOf } from '../positions.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(doc: TextDocument, d: Diagnostic): LspDiagnostic {
  return { range: rangeOf(doc, d.span), severity: SEVERITY[d.severity], code: d.code, source: 'eql', message: d.message };
}

export function toLspDiagnostics(doc: TextDocument, diagnostics: readonly Diagnostic[]): LspDiagnostic[] {
  return diagnostics.map((d) => toLspDiagnostic(doc, d));
}
