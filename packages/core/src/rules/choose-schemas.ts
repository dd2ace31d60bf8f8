// Which schema a query is checked (and completed) against — one rule for `eql check`, `eql query` and the
// language service. Patterns: the caller's override (`--index`, a `.eql` file's configured indexes) when given,
// else the rule's own `index` list (+ its `integration` list). User layers (`--schema`, `--mapping`, `--events`,
// configured schema files) go on top. With no patterns at all, user layers alone are the schema (complete:
// unknown fields are errors); with neither, ECS + Elastic Defend custom fields, marked partial.
import { datasetSchemaFor } from '../check/datasets.js';
import type { BundledSchemas } from '../schema/bundled.js';
import { schemaForIndexes, type IndexSchemas } from '../schema/for-indexes.js';
import { buildSchema } from '../schema/schema.js';
import type { Schema, SchemaLayer } from '../schema/types.js';

/** A query's schemas: the union over its indexes, separate targets, and per-dataset narrowing. */
export interface QuerySchemas extends IndexSchemas {
  readonly datasetSchema?: (datasets: readonly string[]) => Schema | undefined;
}

/** What of a rule chooses its schema. */
export interface SchemaSelector {
  readonly index?: readonly string[];
  readonly integration?: readonly string[];
}

/** Builds (and remembers, per distinct index/integration list) the schema for each query. Never throws on bad patterns. */
export class SchemaChooser {
  private readonly cache = new Map<string, QuerySchemas>();

  /**
   * @param bundled the bundled schemas (or a function giving them, called on first need)
   * @param index patterns that replace every rule's own (empty: use the rule's)
   * @param userLayers layers placed above everything bundled
   */
  constructor(
    private readonly bundled: BundledSchemas | (() => BundledSchemas),
    private readonly index: readonly string[] = [],
    private readonly userLayers: readonly SchemaLayer[] = [],
  ) {}

  for(q: SchemaSelector): QuerySchemas {
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
    const bundled = typeof this.bundled === 'function' ? this.bundled() : this.bundled;
    const s = schemaForIndexes(bundled, patterns, { integrations, extraLayers: this.userLayers.length ? this.userLayers : undefined });
    return { ...s, datasetSchema: datasetSchemaFor(bundled, s.layers, this.userLayers) };
  }
}

function userOnly(layers: readonly SchemaLayer[]): IndexSchemas {
  return { schema: buildSchema(layers), targets: [], patterns: [], layers: layers.map((l) => l.name) };
}
