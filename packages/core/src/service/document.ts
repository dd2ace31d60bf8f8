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
import { applyEdits } from '../text/apply-edits.js';
import { embeddedQueries } from './embedded.js';
import { fixAll, formatAction, mergeActions, quickFixes } from './code-actions.js';
import { foldingRanges } from './folding.js';
import { completeAt } from './completion/index.js';
import { formatEdits } from './formatting.js';
import { hover } from './hover.js';
import { codeActionToDocument, diagnosticToDocument, editToDocument, spanToDocument, symbolToDocument, tokenToDocument } from './map-to-document.js';
import { selectionRanges } from './selection.js';
import { stages } from './stages.js';
import { symbols } from './symbols.js';
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
    const empty: CompletionList = { replace: { start: offset, end: offset }, items: [] };
    return this.atOffset(offset, empty, (at) => {
      const list = completeAt(at.analysed, at.offset);
      const query = at.query;
      const replace = spanToDocument(query, list.replace);
      // In a `"…"` TOML string, what is inserted must be escaped as the string's form requires.
      if (!query.encode || query.encode('"\\') === '"\\') return { replace, items: list.items };
      const encode = (s: string) => (query.encode ? query.encode(s) : s);
      const items = list.items.map((it) => {
        const text = it.insertText ?? it.label;
        const encoded = encode(text);
        return encoded === text ? it : { ...it, insertText: encoded };
      });
      return { replace, items };
    });
  }

  hover(offset: number): Hover | undefined {
    return this.atOffset(offset, undefined, (at) => {
      const h = hover(at.analysed, at.offset);
      return h && { ...h, span: spanToDocument(at.query, h.span) };
    });
  }

  signatureHelp(offset: number): SignatureHelp | undefined {
    return this.atOffset(offset, undefined, (at) => signatureHelp(at.analysed, at.offset));
  }

  format(range?: Span): readonly TextEdit[] {
    return guard(
      () =>
        this.queries().flatMap((query, i) => {
          const queryRange = range ? this.rangeToQuery(query, range) : undefined;
          if (range && !queryRange) return [];
          const edits = formatEdits(this.analysis(query), queryRange, { embedded: this.kind !== 'eql' });
          const mapped = edits.map((e) => editToDocument(query, e));
          return this.keepsQuery(i, query, edits, mapped) ? mapped : [];
        }),
      [],
    );
  }

  codeActions(range: Span): readonly CodeAction[] {
    return guard(() => {
      const quick: CodeAction[] = [];
      const all: CodeAction[] = [];
      const format: CodeAction[] = [];
      for (const query of this.queries()) {
        const analysed = this.analysis(query);
        const queryRange = this.rangeToQuery(query, range);
        if (queryRange) quick.push(...quickFixes(analysed.diagnostics, queryRange).map((a) => codeActionToDocument(query, a)));
        const fixes = fixAll(analysed.diagnostics);
        if (fixes) all.push(codeActionToDocument(query, fixes));
        const formatting = formatAction(analysed, { embedded: this.kind !== 'eql' });
        const inDocument = formatting && codeActionToDocument(query, formatting);
        if (formatting && inDocument && this.keepsQuery(this.queries().indexOf(query), query, formatting.edits, inDocument.edits)) format.push(inDocument);
      }
      return [...quick, ...mergeActions(all), ...mergeActions(format)];
    }, []);
  }

  semanticTokens(): readonly SemanticToken[] {
    return guard(() => this.queries().flatMap((query) => semanticTokens(this.analysis(query)).map((t) => tokenToDocument(query, t))), []);
  }

  symbols(): readonly DocumentSymbol[] {
    return guard(
      () =>
        this.queries().flatMap((query) => {
          const own = symbols(this.analysis(query)).map((s) => symbolToDocument(query, s));
          if (this.kind === 'eql') return own;
          // In a rule file, the rule holds its query.
          const name = query.name ?? query.ruleId ?? 'rule';
          return [{ name, kind: 'rule' as const, span: { start: 0, end: this.text.length }, selectionSpan: query.span, children: own }];
        }),
      [],
    );
  }

  foldingRanges(): readonly Span[] {
    return guard(() => this.queries().flatMap((query) => foldingRanges(this.analysis(query)).map((s) => spanToDocument(query, s))), []);
  }

  selectionRanges(offsets: readonly number[]): readonly (readonly Span[])[] {
    return offsets.map((offset) =>
      this.atOffset(offset, [], (at) => {
        const [chain] = selectionRanges(at.analysed, [at.offset]);
        const spans = chain.map((s) => spanToDocument(at.query, s));
        if (this.kind !== 'eql') spans.push(at.query.span, { start: 0, end: this.text.length });
        return spans.filter((s, i) => i === 0 || s.start < spans[i - 1].start || s.end > spans[i - 1].end);
      }),
    );
  }

  stages(): readonly StageInfo[] {
    return guard(() => this.queries().flatMap((query) => stages(this.analysis(query)).map((s) => ({ index: s.index, span: spanToDocument(query, s.span) }))), []);
  }

  /**
   * Whether the document edits give back the edited query: a rule's string form may not hold the new text (a
   * `'…'` string cannot hold a line break or a `'`), and then the edits must not be offered.
   */
  protected keepsQuery(index: number, query: EmbeddedQuery, queryEdits: readonly TextEdit[], documentEdits: readonly TextEdit[]): boolean {
    if (this.kind === 'eql' || queryEdits.length === 0) return true;
    const after = embeddedQueries(applyEdits(this.text, documentEdits), this.kind)[index];
    return after?.text === applyEdits(query.text, queryEdits);
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
