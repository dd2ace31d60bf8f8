/**
 * How the evaluator reads and compares one field: where its values live in `_source` (aliases resolved), what
 * kind of values it holds according to the mapping (keyword, number, date, ip, …), and what Elasticsearch does
 * with them at index time (`null_value`, `ignore_above`, the date `format`).
 *
 * Without a schema, a field is `dynamic`: each value is compared by its JSON type, which is what Elasticsearch's
 * dynamic mapping would have made of it (strings are keywords, numbers are numbers, booleans are booleans).
 */
import type { Schema } from '../schema/types.js';
import { compileFieldAccessor, type FieldAccessor, type PathSegment } from '../values/field-access.js';
import { valueKindOf, type ValueKind } from '../values/compare.js';
import type { FieldRef } from '../ast/nodes.js';

export type FieldKind = ValueKind | 'dynamic';

export interface FieldPlan {
  /** The field as written in the query. */
  readonly name: string;
  /** Where the values are read from (the alias target, if any). */
  readonly sourcePath: string;
  readonly kind: FieldKind;
  /** A floating-point number field (`double`, `float`, …): arithmetic and `string()` treat its values as floats. */
  readonly isFloat: boolean;
  readonly dateFormat?: string;
  readonly ignoreAbove?: number;
  /** True when the schema is known and has no such field (an optional field is then null everywhere). */
  readonly unmapped: boolean;
  readonly accessor: FieldAccessor;
}

/** Plans fields once per query; the same field used twice shares one plan (and one accessor). */
export class FieldPlanner {
  private readonly plans = new Map<string, FieldPlan>();

  constructor(private readonly schema: Schema | undefined) {}

  /** The plan for a field reference from the query. */
  forRef(ref: FieldRef): FieldPlan {
    const segments: PathSegment[] = ref.segments.map((s) => (s.kind === 'index' ? { index: s.index } : { name: s.name }));
    return this.plan(ref.name, segments);
  }

  /** The plan for a field named in the options (timestamp, tiebreaker, category). */
  forName(name: string): FieldPlan {
    return this.plan(name, name.split('.').map((n) => ({ name: n })));
  }

  private plan(name: string, segments: PathSegment[]): FieldPlan {
    const cached = this.plans.get(name);
    if (cached) return cached;
    const info = this.schema?.lookup(name);
    const target = info?.aliasOf ?? name;
    const targetSegments = info?.aliasOf ? info.aliasOf.split('.').map((n) => ({ name: n })) : segments;
    const kind: FieldKind = info ? (valueKindOf(info.esType) ?? 'dynamic') : 'dynamic';
    const nullValue = info?.nullValue;
    const plan: FieldPlan = {
      name,
      sourcePath: target,
      kind,
      isFloat: info ? valueKindOf(info.esType) === 'number' : false,
      ...(info?.format ? { dateFormat: info.format } : {}),
      ...(info?.ignoreAbove !== undefined ? { ignoreAbove: info.ignoreAbove } : {}),
      // Multi-fields (`x.keyword`) have no _source of their own: read the parent's values.
      unmapped: this.schema !== undefined && this.schema.resolve(name).kind === 'unknown',
      accessor: compileFieldAccessor(info?.multiFieldOf ? info.multiFieldOf.split('.').map((n) => ({ name: n })) : targetSegments, nullValue !== undefined ? { nullValue } : {}),
    };
    this.plans.set(name, plan);
    return plan;
  }
}

/** The comparison kind of one concrete value of a field (dynamic fields decide per value). */
export function valueKind(plan: FieldPlan, value: unknown): ValueKind | undefined {
  if (plan.kind !== 'dynamic') return plan.kind;
  switch (typeof value) {
    case 'string':
      return 'keyword';
    case 'number':
    case 'bigint': // an integer beyond 2^53 read exactly (exact-integers.ts)
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return undefined;
  }
}
