// Hover and signature help, as the service writes them (Markdown), at LSP ranges.
import { MarkupKind, type Hover as LspHover, type SignatureHelp as LspSignatureHelp } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, SignatureHelp } from '@eqlkit/core';
import { rangeOf } from '../positions.js';

export function toLspHover(doc: TextDocument, hover: Hover | undefined): LspHover | null {
  if (!hover) return null;
  return { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: rangeOf(doc, hover.span) };
}

export function toLspSignatureHelp(help: SignatureHelp | undefined): LspSignatureHelp | null {
  if (!help) return null;
  return {
    signatures: [
      {
        label: help.label,
        ...(help.documentation ? { documentation: { kind: MarkupKind.Markdown, value: help.documentation } } : {}),
        // Offsets into the label where the service gives them: a name such as `a` may occur earlier (`add(a, b)`).
        parameters: help.parameters.map((p) => ({ label: p.labelSpan ? ([p.labelSpan.start, p.labelSpan.end] as [number, number]) : p.label, ...(p.documentation ? { documentation: { kind: MarkupKind.Markdown, value: p.documentation } } : {}) })),
      },
    ],
    activeSignature: 0,
    activeParameter: help.activeParameter,
  };
}
