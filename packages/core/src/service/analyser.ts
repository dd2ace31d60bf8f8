// Analyses queries for the language service, remembering recent results: an editor re-opens a document on
// every keystroke, and most keystrokes in a `.toml` leave the query (or the query of another document) unchanged.
import type { BundledSchemas } from '../schema/bundled.js';
import { analyseQuery, querySettings, SchemaCache, type AnalysedQuery } from './analysis.js';
import type { DocumentSettings, EmbeddedQuery } from './api.js';

const MAX_CACHED = 64;

export class Analyser {
  private readonly schemas: SchemaCache;
  private readonly recent = new Map<string, AnalysedQuery>();
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;

  constructor(readonly bundled: BundledSchemas) {
    this.schemas = new SchemaCache(bundled);
  }

  analyse(query: EmbeddedQuery, settings: DocumentSettings): AnalysedQuery {
    const s = querySettings(query, settings);
    const key = JSON.stringify([s.indexes, s.integrations, s.timestampField, s.tiebreakerField, s.eventCategoryField, this.idOf(settings.extraLayers), this.idOf(s.sampleValues), query.text]);
    const hit = this.recent.get(key);
    if (hit) {
      this.recent.delete(key);
      this.recent.set(key, hit);
      return hit;
    }
    const analysed = analyseQuery(query.text, s, this.schemas.for(s.indexes, s.integrations, settings.extraLayers), this.bundled);
    if (this.recent.size >= MAX_CACHED) this.recent.delete(this.recent.keys().next().value as string);
    this.recent.set(key, analysed);
    return analysed;
  }

  /** A small number naming an object's identity (0 for none), for cache keys. */
  private idOf(o: object | undefined): number {
    if (!o) return 0;
    let id = this.ids.get(o);
    if (id === undefined) this.ids.set(o, (id = this.nextId++));
    return id;
  }
}
