// Which schema each query of `eql check` is checked against.
// Patterns: `--index` when given, else the rule's own `index` list (+ its `integration` list). User layers
// (`--schema`, `--mapping`, `--events`) go on top. With no patterns at all, user layers alone are the schema
// (complete: unknown fields are errors); with neither, ECS + Elastic Defend custom fields, marked partial.
import { buildSchema, datasetSchemaFor, inferSchema, schemaForIndexes, type IndexSchemas, type RuleQuery, type Schema, type SchemaLayer } from '@eqlkit/core';
import { formatInputError, loadBundledSchemas, loadSchemaFile, readEvents, SchemaFileError } from '@eqlkit/core/io';

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

/** A query's schemas: the union over its indexes, separate targets, and per-dataset narrowing. */
export interface QuerySchemas extends IndexSchemas {
  readonly datasetSchema?: (datasets: readonly string[]) => Schema | undefined;
}

/** Builds (and remembers, per distinct index/integration list) the schema for each query. */
export class SchemaChooser {
  private readonly cache = new Map<string, QuerySchemas>();

  constructor(
    private readonly index: readonly string[],
    private readonly userLayers: readonly SchemaLayer[],
  ) {}

  for(q: RuleQuery): QuerySchemas {
    const patterns = this.index.length ? this.index : (q.index ?? []);
    const integrations = this.index.length ? [] : (q.integration ?? []);
    const key = JSON.stringify([patterns, integrations]);
    let hit = this.cache.get(key);
    if (!hit) {
      hit = patterns.length === 0 && this.userLayers.length ? userOnly(this.userLayers) : this.bundledFor(patterns, integrations);
      this.cache.set(key, hit);
    }
    return hit;
  }

  private bundledFor(patterns: readonly string[], integrations: readonly string[]): QuerySchemas {
    const bundled = loadBundledSchemas();
    const s = schemaForIndexes(bundled, patterns, { integrations, extraLayers: this.userLayers.length ? this.userLayers : undefined });
    return { ...s, datasetSchema: datasetSchemaFor(bundled, s.layers, this.userLayers) };
  }
}

function userOnly(layers: readonly SchemaLayer[]): IndexSchemas {
  return { schema: buildSchema(layers), targets: [], patterns: [], layers: layers.map((l) => l.name) };
}
