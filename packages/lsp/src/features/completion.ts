// The service's completion list as an LSP completion list: every item replaces the same span (the partial word
// before the cursor); snippets only for clients that take them, else their plain text.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem as LspItem, type CompletionList as LspList } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionKind, CompletionList } from '@eqlkit/core';
import { rangeOf } from '../positions.js';

const KIND: Record<CompletionKind, CompletionItemKind> = {
  field: CompletionItemKind.Field,
  keyword: CompletionItemKind.Keyword,
  function: CompletionItemKind.Function,
  category: CompletionItemKind.EnumMember,
  pipe: CompletionItemKind.Keyword,
  unit: CompletionItemKind.Unit,
  value: CompletionItemKind.Value,
  operator: CompletionItemKind.Operator,
  snippet: CompletionItemKind.Snippet,
};

/** LSP snippet syntax → the text it stands for with every placeholder at its default (`${1:x}` → `x`, `$0` → ''). */
export function snippetToPlain(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length) {
      out += snippet[++i];
    } else if (c === '$') {
      const tabstop = /^\$(\d+)/.exec(snippet.slice(i));
      if (tabstop) {
        i += tabstop[0].length - 1;
        continue;
      }
      const placeholder = /^\$\{\d+(?::|\|)/.exec(snippet.slice(i));
      if (placeholder) {
        // Keep the default (for a choice `${1|a,b|}`, the first) and skip the closing brace.
        let j = i + placeholder[0].length;
        let text = '';
        let depth = 1;
        for (; j < snippet.length; j++) {
          const d = snippet[j];
          if (d === '\\' && j + 1 < snippet.length) text += snippet[++j];
          else if (d === '{') depth++;
          else if (d === '}' && --depth === 0) break;
          else text += d;
        }
        out += placeholder[0].endsWith('|') ? text.replace(/\|$/, '').split(',')[0] : snippetToPlain(text);
        i = j;
        continue;
      }
      const bare = /^\$\{(\d+)\}/.exec(snippet.slice(i));
      if (bare) {
        i += bare[0].length - 1;
        continue;
      }
      out += c;
    } else out += c;
  }
  return out;
}

export function toLspCompletions(doc: TextDocument, list: CompletionList, snippets: boolean): LspList {
  const range = rangeOf(doc, list.replace);
  const items = list.items.map((item): LspItem => {
    const text = item.insertText ?? item.label;
    const snippet = item.snippet === true && snippets;
    return {
      label: item.label,
      kind: KIND[item.kind],
      ...(item.detail ? { detail: item.detail } : {}),
      ...(item.documentation ? { documentation: { kind: MarkupKind.Markdown, value: item.documentation } } : {}),
      sortText: item.sortText,
      filterText: item.label,
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range, newText: item.snippet && !snippets ? snippetToPlain(text) : text },
    };
  });
  return { isIncomplete: false, items };
}
