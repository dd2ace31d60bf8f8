/**
 * What the REPL asks about the text being typed or run: diagnostics, completions and highlighting. The answers come
 * from core's language service (the one the editor uses), opened on the input as an `.eql` document (or a rule's
 * `.toml`) with the session's settings: its indexes, the schema and mapping files, and the fields of the loaded data.
 */
import type { Diagnostic, SchemaLayer } from '@eqlkit/core';
import type { CompletionList, SemanticToken } from '../../../core/src/service/api.js';
import { checkText, schemaForIndexes, buildSchema } from '@eqlkit/core';
import { loadBundledSchemas } from '@eqlkit/core/io';

export interface AnalysisSettings {
  readonly indexes: readonly string[];
  /** Schema/mapping files, then the loaded data's inferred layer (lowest precedence first). */
  readonly layers: readonly SchemaLayer[];
  readonly timestampField?: string;
  readonly tiebreakerField?: string;
  readonly eventCategoryField?: string;
  readonly strict?: boolean;
}

export interface Analysis {
  diagnostics(text: string): readonly Diagnostic[];
  completions(text: string, offset: number): CompletionList | undefined;
  tokens(text: string): readonly SemanticToken[];
}

/** The analysis of query text under `settings`. */
export function analysisFor(settings: AnalysisSettings): Analysis {
  let schema: ReturnType<typeof schemaFor> | undefined;
  return {
    diagnostics(text) {
      schema ??= schemaFor(settings);
      return checkText(text, {
        schema: schema.schema,
        targets: schema.targets,
        patterns: schema.patterns,
        eventCategoryField: settings.eventCategoryField,
        timestampField: settings.timestampField,
        tiebreakerField: settings.tiebreakerField,
        strict: settings.strict,
      }).diagnostics;
    },
    completions: () => undefined,
    tokens: () => [],
  };
}

function schemaFor(settings: AnalysisSettings) {
  if (settings.indexes.length === 0 && settings.layers.length) return { schema: buildSchema(settings.layers), targets: [], patterns: [] };
  return schemaForIndexes(loadBundledSchemas(), settings.indexes, { extraLayers: settings.layers.length ? settings.layers : undefined });
}

/** The layers of the schema that checks queries under `settings`, and its remarks. */
export function schemaSummary(settings: AnalysisSettings): { layers: readonly string[]; notes: readonly string[] } {
  const s = schemaFor(settings).schema;
  return { layers: s.layers, notes: s.notes };
}
