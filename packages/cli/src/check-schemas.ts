// The user's schema layers of `eql check` (`--schema`, `--mapping`, `--events` files). Which schema each query is
// checked against is core's SchemaChooser (the language service chooses the same way).
import { inferSchema, type SchemaLayer } from '@eqlkit/core';
import { formatInputError, loadSchemaFile, readEvents, SchemaFileError } from '@eqlkit/core/io';

export interface SchemaSources {
  readonly index: readonly string[];
  readonly schemaFiles: readonly string[];
  readonly mappingFiles: readonly string[];
  readonly eventFiles: readonly string[];
}

export interface LoadedLayers {
  readonly layers: SchemaLayer[];
  /** One line per problem (unreadable or malformed files): these are input errors. */
  readonly problems: string[];
  /** Remarks (type conflicts seen in sample events). */
  readonly notes: string[];
}

/** Loads `--schema`, `--mapping` and `--events` files as layers, in that order. Never throws. */
export async function loadUserLayers(sources: SchemaSources): Promise<LoadedLayers> {
  const layers: SchemaLayer[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  for (const file of [...sources.schemaFiles, ...sources.mappingFiles]) {
    try {
      const loaded = loadSchemaFile(file);
      layers.push(loaded.layer);
    } catch (e) {
      problems.push(e instanceof SchemaFileError ? e.message : `${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (sources.eventFiles.length) {
    const events: Record<string, unknown>[] = [];
    for await (const r of readEvents(sources.eventFiles, { onError: (e) => problems.push(formatInputError(e)) })) events.push(r.event);
    const inferred = inferSchema(events, { source: `events:${sources.eventFiles.join(',')}` });
    for (const c of inferred.conflicts) notes.push(`events: \`${c.path}\` seen as ${c.types.join(' and ')}; using ${c.chosen}`);
    layers.push(inferred.layer);
  }
  return { layers, problems, notes };
}
