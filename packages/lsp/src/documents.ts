/**
 * The open documents: their text (kept in sync incrementally by `TextDocuments`), their kind, and the language
 * service's document for the current version (created on first use, dropped when a newer version arrives).
 */
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentKind, EqlDocument, LanguageService } from '@eqlkit/core';
import type { SettingsStore } from './settings.js';

/** `.eql` files and detection-rule `.toml` files, told apart by the file name (then by the client's language id). */
export function documentKind(uri: string, languageId: string): DocumentKind | undefined {
  const path = uri.replace(/[?#].*$/, '').toLowerCase();
  if (path.endsWith('.eql')) return 'eql';
  if (path.endsWith('.toml')) return 'toml';
  if (languageId === 'eql') return 'eql';
  if (languageId === 'toml') return 'toml';
  return undefined;
}

export interface OpenDocument {
  readonly text: TextDocument;
  readonly eql: EqlDocument;
}

export class Documents {
  readonly texts = new TextDocuments(TextDocument);
  private readonly analysed = new Map<string, { readonly version: number; readonly settings: object; readonly eql: EqlDocument }>();

  /** `service` is asked for on first use (creating it loads the bundled schemas). */
  constructor(
    private readonly service: () => LanguageService,
    private readonly settings: SettingsStore,
  ) {}

  /** The document at `uri` with its service document for the current text, or undefined when not open or not EQL. */
  get(uri: string): OpenDocument | undefined {
    const text = this.texts.get(uri);
    if (!text) return undefined;
    const kind = documentKind(uri, text.languageId);
    if (!kind) return undefined;
    const settings = this.settings.now(uri).document;
    const cached = this.analysed.get(uri);
    if (cached && cached.version === text.version && cached.settings === settings) return { text, eql: cached.eql };
    const eql = this.service().open(uri, text.getText(), kind, settings);
    this.analysed.set(uri, { version: text.version, settings, eql });
    return { text, eql };
  }

  forget(uri: string): void {
    this.analysed.delete(uri);
  }

  /** The uris of the open EQL documents. */
  uris(): string[] {
    return this.texts.all().filter((d) => documentKind(d.uri, d.languageId)).map((d) => d.uri);
  }
}
