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

/** What the client can take, which makes lists smaller (a rule's field list runs to thousands of items). */
export interface CompletionClient {
  readonly snippets: boolean;
  /** `completionList.itemDefaults` has `editRange`: the replaced range is sent once for the list. */
  readonly defaultRange: boolean;
  /** `completionItem.resolveSupport` has `documentation`: documentation is sent for the item the user looks at. */
  readonly lazyDocumentation: boolean;
}

/** Where an item came from, so that `completionItem/resolve` can find its documentation. */
export interface CompletionData {
  readonly uri: string;
  readonly offset: number;
  readonly index: number;
}

/** `offset`: where completion was asked for (kept in each item's `data` for resolving it). */
export function toLspCompletions(doc: TextDocument, list: CompletionList, client: CompletionClient, offset: number): LspList {
  const range = rangeOf(doc, list.replace);
  const items = list.items.map((item, index): LspItem => {
    const text = item.insertText ?? item.label;
    const snippet = item.snippet === true && client.snippets;
    const newText = item.snippet && !client.snippets ? snippetToPlain(text) : text;
    const data: CompletionData = { uri: doc.uri, offset, index };
    return {
      label: item.label,
      kind: KIND[item.kind],
      ...(item.detail ? { detail: item.detail } : {}),
      ...(item.documentation && !client.lazyDocumentation ? { documentation: { kind: MarkupKind.Markdown, value: item.documentation } } : {}),
      ...(item.documentation && client.lazyDocumentation ? { data } : {}),
      sortText: item.sortText,
      ...(snippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
      ...(client.defaultRange ? (newText === item.label ? {} : { textEditText: newText }) : { textEdit: { range, newText } }),
    };
  });
  return { isIncomplete: false, ...(client.defaultRange ? { itemDefaults: { editRange: range } } : {}), items };
}

/** Fills in an item's documentation from the list it came from (`list`: the service's list at `data.offset`). */
export function resolveCompletion(item: LspItem, list: CompletionList | undefined): LspItem {
  const data = item.data as CompletionData | undefined;
  const source = data && list ? list.items[data.index] : undefined;
  if (!source || source.label !== item.label || !source.documentation) return item;
  return { ...item, documentation: { kind: MarkupKind.Markdown, value: source.documentation } };
}
