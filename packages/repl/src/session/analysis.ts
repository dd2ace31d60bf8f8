/**
 * What the REPL asks about the text being typed or run: diagnostics, completions and highlighting. The answers come
 * from core's language service (the one the editor uses), opening the input as an `.eql` document with the
 * session's settings: its indexes (or a rule's own), the schema and mapping files, and the fields of the loaded
 * data. So the editor and the REPL cannot disagree about a query.
 */
import { createLanguageService, SchemaChooser, type CompletionList, type Diagnostic, type DocumentSettings, type LanguageService, type SchemaLayer, type SemanticToken } from '@eqlkit/core';
import { loadBundledSchemas } from '@eqlkit/core/io';

export interface AnalysisSettings {
  readonly indexes: readonly string[];
  /** Schema/mapping files and the loaded data's inferred layer (lowest precedence first). */
  readonly layers: readonly SchemaLayer[];
  readonly timestampField?: string;
  readonly tiebreakerField?: string;
  readonly eventCategoryField?: string;
  /** Values seen in the loaded data for a field, most frequent first (value completion). */
  readonly sampleValues?: (field: string) => readonly string[];
}

export interface Analysis {
  diagnostics(text: string): readonly Diagnostic[];
  completions(text: string, offset: number): CompletionList | undefined;
  tokens(text: string): readonly SemanticToken[];
}

let service: LanguageService | undefined;
const languageService = () => (service ??= createLanguageService({ bundled: loadBundledSchemas() }));

/** The analysis of query text under `settings` (one settings object, so the service's caches stay warm). */
export function analysisFor(settings: AnalysisSettings): Analysis {
  const docSettings: DocumentSettings = {
    indexes: settings.indexes,
    extraLayers: settings.layers,
    timestampField: settings.timestampField,
    tiebreakerField: settings.tiebreakerField,
    eventCategoryField: settings.eventCategoryField,
    ...(settings.sampleValues ? { sampleValues: settings.sampleValues } : {}),
  };
  let last: { text: string; doc: ReturnType<LanguageService['open']> } | undefined;
  const open = (text: string) => {
    if (last?.text !== text) last = { text, doc: languageService().open('repl:input.eql', text, 'eql', docSettings) };
    return last.doc;
  };
  return {
    diagnostics: (text) => open(text).diagnostics(),
    completions: (text, offset) => open(text).completions(offset),
    tokens: (text) => open(text).semanticTokens(),
  };
}

/** The layers of the schema that checks queries under `settings`, and its remarks. */
export function schemaSummary(settings: AnalysisSettings): { layers: readonly string[]; notes: readonly string[] } {
  const s = new SchemaChooser(loadBundledSchemas, settings.indexes, settings.layers).for({}).schema;
  return { layers: s.layers, notes: s.notes };
}
