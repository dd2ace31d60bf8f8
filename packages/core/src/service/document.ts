// The document layer: one text version of a `.eql` or rule `.toml` document. It finds the queries the document
// holds, analyses each once (lazily, cached by the service across versions), and answers every request by
// asking the feature function of the query under the offset, in query offsets, then mapping the answer back to
// document offsets. Every method answers on any text and never throws.
import type { Span } from '../ast/nodes.js';
import type { Diagnostic, TextEdit } from '../diagnostics/diagnostic.js';
import type { AnalysedQuery } from './analysis.js';
import type { Analyser } from './analyser.js';
import type {
  CodeAction,
  CompletionList,
  DocumentKind,
  DocumentSettings,
  DocumentSymbol,
  EmbeddedQuery,
  EqlDocument,
  Hover,
  SemanticToken,
  SignatureHelp,
  StageInfo,
} from './api.js';
import { embeddedQueries } from './embedded.js';
import { formatEdits } from './formatting.js';
import { diagnosticToDocument, editToDocument, spanToDocument, tokenToDocument } from './map-to-document.js';
import { semanticTokens } from './semantic-tokens.js';
import { signatureHelp } from './signature-help.js';

interface Located {
  readonly query: EmbeddedQuery;
  readonly analysed: AnalysedQuery;
  /** The offset in query coordinates. */
  readonly offset: number;
}

export class EqlDocumentImpl implements EqlDocument {
  private embedded: readonly EmbeddedQuery[] | undefined;
  private readonly analysed = new Map<EmbeddedQuery, AnalysedQuery>();
  private diagnosticsCache: readonly Diagnostic[] | undefined;

  constructor(
    readonly uri: string,
    readonly kind: DocumentKind,
    readonly text: string,
    readonly settings: DocumentSettings,
    private readonly analyser: Analyser,
  ) {}

  queries(): readonly EmbeddedQuery[] {
    return (this.embedded ??= guard(() => embeddedQueries(this.text, this.kind), []));
  }

  /** The analysis of one of this document's queries (cached). */
  analysis(query: EmbeddedQuery): AnalysedQuery {
    let a = this.analysed.get(query);
    if (!a) this.analysed.set(query, (a = this.analyser.analyse(query, this.settings)));
    return a;
  }

  /** The query under a document offset (cursor positions at either end of the query count as inside). */
  locate(offset: number): Located | undefined {
    for (const query of this.queries()) {
      const q = query.toQuery(offset);
      if (q !== undefined) return { query, analysed: this.analysis(query), offset: q };
    }
    return undefined;
  }

  diagnostics(): readonly Diagnostic[] {
    return (this.diagnosticsCache ??= guard(() => this.queries().flatMap((q) => this.analysis(q).diagnostics.map((d) => diagnosticToDocument(q, d))), []));
  }

  completions(offset: number): CompletionList {
    // Completion providers land separately (service/completion/); until then: no items.
    return { replace: { start: offset, end: offset }, items: [] };
  }

  hover(_offset: number): Hover | undefined {
    return undefined; // service/hover.ts (svc-more)
  }

  signatureHelp(offset: number): SignatureHelp | undefined {
    return this.atOffset(offset, undefined, (at) => signatureHelp(at.analysed, at.offset));
  }

  format(range?: Span): readonly TextEdit[] {
    return guard(
      () =>
        this.queries().flatMap((query) => {
          const queryRange = range ? this.rangeToQuery(query, range) : undefined;
          if (range && !queryRange) return [];
          return formatEdits(this.analysis(query), queryRange, { embedded: this.kind !== 'eql' }).map((e) => editToDocument(query, e));
        }),
      [],
    );
  }

  codeActions(_range: Span): readonly CodeAction[] {
    return []; // service/code-actions.ts (svc-more)
  }

  semanticTokens(): readonly SemanticToken[] {
    return guard(() => this.queries().flatMap((query) => semanticTokens(this.analysis(query)).map((t) => tokenToDocument(query, t))), []);
  }

  symbols(): readonly DocumentSymbol[] {
    return []; // service/symbols.ts (svc-more)
  }

  foldingRanges(): readonly Span[] {
    return []; // service/folding.ts (svc-more)
  }

  selectionRanges(offsets: readonly number[]): readonly (readonly Span[])[] {
    return offsets.map(() => []); // service/selection.ts (svc-more)
  }

  stages(): readonly StageInfo[] {
    return []; // svc-more
  }

  /** Runs `f` on the query under `offset`; `fallback` outside any query or if `f` throws. */
  protected atOffset<T>(offset: number, fallback: T, f: (at: Located) => T): T {
    return guard(() => {
      const at = this.locate(offset);
      return at ? f(at) : fallback;
    }, fallback);
  }

  /** The part of a document range inside the query, in query offsets (undefined when they do not meet). */
  protected rangeToQuery(query: EmbeddedQuery, range: Span): Span | undefined {
    if (range.end < query.span.start || range.start > query.span.end) return undefined;
    const start = query.toQuery(Math.max(range.start, query.span.start)) ?? 0;
    const end = query.toQuery(Math.min(range.end, query.span.end)) ?? query.text.length;
    return { start, end: Math.max(start, end) };
  }

  /** Maps a query span to the document. */
  protected toDocument(query: EmbeddedQuery, span: Span): Span {
    return spanToDocument(query, span);
  }
}

/** Every request answers: a bug in a feature gives its empty answer rather than an exception in the face. */
export function guard<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
