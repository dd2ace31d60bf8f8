// The language service's contract: what a face (the language server, the REPL) asks about one document.
// Pure TypeScript: no `node:` imports, no protocol types. Every span and edit is in UTF-16 offsets of the
// *document* (the whole `.toml` file, not just its query); faces convert offsets to their own coordinates.
import type { Span } from '../ast/nodes.js';
import type { Diagnostic, TextEdit } from '../diagnostics/diagnostic.js';
import type { BundledSchemas } from '../schema/bundled.js';
import type { SchemaLayer } from '../schema/types.js';

/** `.eql` query file, detection-rule `.toml`, Kibana export `.ndjson` (one rule per line). */
export type DocumentKind = 'eql' | 'toml' | 'ndjson';

/** What applies to a document: project configuration overlaid by editor (or REPL) settings. */
export interface DocumentSettings {
  /** Index patterns for `.eql` documents (a rule's own `index` wins in `.toml`); none → ECS + Elastic Defend. */
  readonly indexes?: readonly string[];
  /** Schema layers already loaded by the face from schema/mapping files (the service does no I/O). */
  readonly extraLayers?: readonly SchemaLayer[];
  readonly timestampField?: string;
  readonly tiebreakerField?: string;
  readonly eventCategoryField?: string;
  /** Values seen in sample events for a field (for value completion), most frequent first. */
  readonly sampleValues?: (field: string) => readonly string[];
}

/** What the service needs once, from the face: the bundled schemas (loaded through core's io). */
export interface ServiceEnvironment {
  readonly bundled: BundledSchemas;
}

/** One EQL query inside a document, with the settings that the rule carrying it chooses. */
export interface EmbeddedQuery {
  /** The query text as EQL sees it (TOML escapes decoded). */
  readonly text: string;
  /** Where the query's source lies in the document (the string body, quotes excluded). */
  readonly span: Span;
  readonly ruleId?: string;
  readonly name?: string;
  readonly indexes: readonly string[];
  /** Integration packages the rule names (`[metadata] integration`); their fields are added to the schema. */
  readonly integrations?: readonly string[];
  readonly timestampField?: string;
  readonly tiebreakerField?: string;
  readonly eventCategoryField?: string;
  /** Query offset → document offset (exact through escapes and line continuations). */
  toDocument(queryOffset: number): number;
  /** Document offset → query offset, or undefined when the offset lies outside the query. */
  toQuery(documentOffset: number): number | undefined;
  /** Query text → what the document must hold for it (TOML escapes for a `"…"` query); identity for `.eql`. */
  encode?(queryText: string): string;
}

export type CompletionKind = 'field' | 'keyword' | 'function' | 'category' | 'pipe' | 'unit' | 'value' | 'operator' | 'snippet';

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  /** One line: a field's type, a function's signature. */
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** Text to insert when it differs from `label`; with `snippet`, in LSP snippet syntax (`${1:arg}`). */
  readonly insertText?: string;
  readonly snippet?: boolean;
  /** Order among items (compared as strings); the faces keep it. */
  readonly sortText: string;
}

export interface CompletionList {
  /** The document span that an item replaces (the partial word before the cursor, possibly empty). */
  readonly replace: Span;
  readonly items: readonly CompletionItem[];
}

export interface Hover {
  /** Markdown. */
  readonly contents: string;
  readonly span: Span;
}

export interface SignatureHelp {
  readonly label: string;
  readonly documentation?: string;
  /** `labelSpan`: where the parameter lies in `label` (offsets into the label; a name such as `a` may occur earlier). */
  readonly parameters: readonly { readonly label: string; readonly documentation?: string; readonly labelSpan?: Span }[];
  readonly activeParameter: number;
}

export interface CodeAction {
  readonly title: string;
  readonly kind: 'quickfix' | 'source.fixAll' | 'source.format';
  readonly edits: readonly TextEdit[];
  /** The diagnostics (document offsets) this action fixes. */
  readonly diagnostics?: readonly Diagnostic[];
  readonly preferred?: boolean;
}

export type SemanticTokenType = 'keyword' | 'operator' | 'field' | 'function' | 'string' | 'number' | 'regexp' | 'comment' | 'variable' | 'type';

export interface SemanticToken {
  readonly span: Span;
  readonly type: SemanticTokenType;
  /** e.g. `optional` for `?field`, `caseInsensitive` for `~` forms, `wildcard` for patterns. */
  readonly modifiers?: readonly string[];
}

export interface DocumentSymbol {
  readonly name: string;
  readonly kind: 'rule' | 'query' | 'stage' | 'pipe';
  readonly span: Span;
  readonly selectionSpan: Span;
  readonly children: readonly DocumentSymbol[];
}

/** A sequence stage or sample filter of the query, in order (for dry-run counts shown per stage). */
export interface StageInfo {
  readonly index: number;
  readonly span: Span;
}

/**
 * One analysed document. Created for each text version (cheap; analysis is lazy and cached), never throws on
 * any text: every method answers on broken input.
 */
export interface EqlDocument {
  readonly uri: string;
  readonly kind: DocumentKind;
  readonly text: string;
  /** The EQL queries the document holds (one for `.eql`/`.toml`; none when a `.toml` is not a rule). */
  queries(): readonly EmbeddedQuery[];
  /** Parse + type check, with the codes, messages and fixes of `eql check`, in document offsets. */
  diagnostics(): readonly Diagnostic[];
  completions(offset: number): CompletionList;
  hover(offset: number): Hover | undefined;
  signatureHelp(offset: number): SignatureHelp | undefined;
  /** Whole document (or only `range`): edits that touch the query text only. */
  format(range?: Span): readonly TextEdit[];
  codeActions(range: Span): readonly CodeAction[];
  semanticTokens(): readonly SemanticToken[];
  symbols(): readonly DocumentSymbol[];
  foldingRanges(): readonly Span[];
  /** For each offset, its enclosing spans from innermost outwards. */
  selectionRanges(offsets: readonly number[]): readonly (readonly Span[])[];
  stages(): readonly StageInfo[];
}

export interface LanguageService {
  open(uri: string, text: string, kind: DocumentKind, settings?: DocumentSettings): EqlDocument;
}
