// A rule's index list (+ its `integration` list) → the schema to check it against.
// Input: index patterns, e.g. ["logs-endpoint.events.process-*", "winlogbeat-*"], and optionally integrations.
// Output: the union schema of all patterns, plus separate targets (`endgame-*` → the endgame schema alone).
// Union order: every layer is ranked by kind — integration/beats < endpoint < ECS < non-ecs[index] <
// dr-endpoint-custom < caller's extra layers — the precedence detection-rules uses when it builds schemas, so a
// later kind wins type conflicts no matter which pattern brought it in.
import { bundledLayer } from './bundled-layers.js';
import type { BundledSchemas } from './bundled.js';
import { resolvePattern, type PatternResolution } from './index-patterns.js';
import { buildSchema } from './schema.js';
import type { Schema, SchemaLayer } from './types.js';

export interface IndexSchemaOptions {
  /** Integration packages of the rule (`[metadata] integration`); each package's fields are added. */
  readonly integrations?: readonly string[];
  /** Restrict the Defend layer to the data streams each pattern covers (stricter than detection-rules). */
  readonly restrictEndpointStreams?: boolean;
  /** Layers placed above everything bundled, e.g. a user's `--mapping` file. Disables caching. */
  readonly extraLayers?: readonly SchemaLayer[];
}

/** An independent validation target, e.g. `endgame` for `endgame-*`. */
export interface SeparateTarget {
  readonly name: string;
  /** The patterns that asked for it. */
  readonly patterns: readonly string[];
  readonly schema: Schema;
}

export interface IndexSchemas {
  /** The union schema over every pattern (and integration). */
  readonly schema: Schema;
  readonly targets: readonly SeparateTarget[];
  /** How each pattern was resolved, in input order (comma-separated entries are split). */
  readonly patterns: readonly PatternResolution[];
  /** Layer names of `schema`, lowest precedence first. */
  readonly layers: readonly string[];
}

/**
 * The schema for a rule's `index` list. Never throws: unknown patterns fall back to ECS + endpoint custom
 * fields with the schema marked partial, and say so in `schema.notes`. Schemas without `extraLayers` are
 * cached per `bundled` object, so building the same combination again is free.
 */
export function schemaForIndexes(bundled: BundledSchemas, indexPatterns: readonly string[], options: IndexSchemaOptions = {}): IndexSchemas {
  const resolutions = indexPatterns.flatMap((p) => p.split(',')).map((p) => resolvePattern(bundled, p));
  const names: string[] = [];
  const notes: string[] = [];
  let partial = false;
  for (const r of resolutions) {
    for (const l of r.layers) names.push(l === 'endpoint' && options.restrictEndpointStreams && r.endpointStreams ? `endpoint[${r.endpointStreams.join(',')}]` : l);
    if (r.note) notes.push(r.note);
    partial ||= r.partial;
  }
  for (const pkg of options.integrations ?? []) {
    if (pkg !== 'endpoint') names.push(`integrations:${pkg}`);
    else if (!names.some((n) => n.startsWith('endpoint'))) names.push('endpoint');
  }
  if (resolutions.every((r) => r.how === 'excluded')) {
    names.push('ecs-flat', 'dr-endpoint-custom');
    partial = true;
    notes.push('no index pattern given: assumed ECS + Elastic Defend custom fields; unknown fields are warnings');
  }
  const layers = orderLayers(names);
  const schema = cachedBuild(bundled, layers, partial, notes, options.extraLayers ?? []);
  const targets = separateTargets(bundled, resolutions);
  return { schema, targets, patterns: resolutions, layers: [...layers, ...(options.extraLayers ?? []).map((l) => l.name)] };
}

/** Precedence rank of a layer kind (higher wins). */
export function layerRank(name: string): number {
  if (name.startsWith('integrations:') || name.startsWith('beats:')) return 0;
  if (name === 'endpoint' || name.startsWith('endpoint[')) return 1;
  if (name === 'ecs-flat') return 2;
  if (name.startsWith('non-ecs:')) return 3;
  if (name === 'dr-endpoint-custom') return 4;
  return 5;
}

/** Dedupe and sort by rank; within a rank, first mention first. */
function orderLayers(names: readonly string[]): string[] {
  return [...new Set(names)].map((n, i) => ({ n, i, r: layerRank(n) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.n);
}

// Large enough for a whole detection-rules checkout (~170 distinct index lists); each entry shares its layers.
const MAX_CACHED = 256;
const schemaCache = new WeakMap<BundledSchemas, Map<string, Schema>>();

function cachedBuild(bundled: BundledSchemas, names: readonly string[], partial: boolean, notes: readonly string[], extra: readonly SchemaLayer[]): Schema {
  const key = `${names.join('|')}#${partial}#${notes.join('\n')}`;
  let cache = schemaCache.get(bundled);
  if (!cache) schemaCache.set(bundled, (cache = new Map()));
  const hit = extra.length === 0 ? cache.get(key) : undefined;
  if (hit) {
    // Refresh recency (Map keeps insertion order; the oldest entry is evicted first).
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const layers = names.map((n) => bundledLayer(bundled, n)).filter((l): l is SchemaLayer => l !== undefined);
  const schema = buildSchema([...layers, ...extra], { partialEverywhere: partial, notes });
  if (extra.length === 0) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(key, schema);
  }
  return schema;
}

function separateTargets(bundled: BundledSchemas, resolutions: readonly PatternResolution[]): SeparateTarget[] {
  const byName = new Map<string, string[]>();
  for (const r of resolutions) {
    for (const t of r.separateTargets) byName.set(t, [...(byName.get(t) ?? []), r.pattern]);
  }
  return [...byName].map(([name, patterns]) => ({ name, patterns, schema: cachedBuild(bundled, [name], false, [], []) }));
}
