// Per-stage data sources, as detection-rules validates: a query (or a sequence stage) that pins
// `event.dataset`/`data_stream.dataset` to literal values only sees events of those integration data streams, so
// its fields are also checked against those streams' fields (+ ECS, the index's non-ECS fields and the Defend
// custom fields), not only against the union over every index the rule searches. A field that exists elsewhere
// in the union but not in the pinned streams can never match there: a warning (the bundled integration field lists
// are older than the integrations themselves, so this stays a warning).
import type { Expr } from '../ast/nodes.js';
import type { BundledSchemas } from '../schema/bundled.js';
import { bundledLayer } from '../schema/bundled-layers.js';
import { layerRank } from '../schema/for-indexes.js';
import { buildSchema } from '../schema/schema.js';
import type { Schema, SchemaLayer } from '../schema/types.js';
import { fieldPath } from './fields.js';

const DATASET_FIELDS = new Set(['event.dataset', 'data_stream.dataset']);

/** The datasets a condition pins (from `and`-joined `==`, `:`, `in`, `in~` on a dataset field), or undefined. */
export function pinnedDatasets(condition: Expr): string[] | undefined {
  for (const c of conjuncts(condition)) {
    const values = datasetValues(c);
    if (values) return values;
  }
  return undefined;
}

function conjuncts(e: Expr): Expr[] {
  return e.kind === 'logical' && e.op === 'and' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

function datasetValues(e: Expr): string[] | undefined {
  let field: Expr;
  let values: readonly Expr[];
  if (e.kind === 'compare' && e.op === '==') [field, values] = [e.left, [e.right]];
  else if (e.kind === 'match' && e.operator === ':') [field, values] = [e.operand, e.patterns];
  else if (e.kind === 'in' && !e.negated) [field, values] = [e.operand, e.values];
  else return undefined;
  if (field.kind !== 'field' || !DATASET_FIELDS.has(fieldPath(field))) return undefined;
  const out: string[] = [];
  for (const v of values) {
    if (v.kind !== 'string' || /[*?]/.test(v.value)) return undefined;
    out.push(v.value);
  }
  return out.length ? out : undefined;
}

/**
 * A `datasetSchema` option for `check`: the schema of the given datasets' integration streams over the base
 * layers (`ecs-flat`, `non-ecs:*`, `dr-endpoint-custom` of the rule's schema) plus `extraLayers`. Undefined when
 * any dataset has no bundled field list (then nothing narrower is known). Results are cached per dataset set.
 */
export function datasetSchemaFor(bundled: BundledSchemas, ruleLayers: readonly string[], extraLayers: readonly SchemaLayer[] = []): (datasets: readonly string[]) => Schema | undefined {
  const base = ruleLayers.filter((l) => l === 'ecs-flat' || l === 'dr-endpoint-custom' || l.startsWith('non-ecs:'));
  const cache = new Map<string, Schema | undefined>();
  return (datasets) => {
    const key = [...datasets].sort().join(',');
    if (cache.has(key)) return cache.get(key);
    const streams: string[] = [];
    for (const d of datasets) {
      const dot = d.indexOf('.');
      const packages = bundled.integrations.packages;
      const pkg = dot > 0 && Object.hasOwn(packages, d.slice(0, dot)) ? packages[d.slice(0, dot)] : undefined;
      const stream = d.slice(dot + 1);
      if (!pkg || pkg.partial || !Object.hasOwn(pkg.streams, stream)) {
        cache.set(key, undefined);
        return undefined;
      }
      streams.push(`integrations:${d.slice(0, dot)}/${stream}`);
    }
    const names = [...new Set([...streams, ...base])].sort((a, b) => layerRank(a) - layerRank(b));
    const layers = names.map((n) => bundledLayer(bundled, n)).filter((l): l is SchemaLayer => l !== undefined);
    const schema = buildSchema([...layers, ...extraLayers]);
    cache.set(key, schema);
    return schema;
  };
}
