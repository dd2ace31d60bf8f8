/**
 * Pipes over results. `head N` / `tail N` are Elasticsearch's; `filter`, `unique`, `unique_count`, `count` and
 * `sort` are the original EQL pipes, which Elasticsearch refuses and eqlkit runs as extensions (the type checker
 * warns about them): they apply to event queries.
 */
import type { Expr, Pipe } from '../ast/nodes.js';
import type { Scalar } from '../functions/types.js';
import { compareScript } from './script.js';
import type { ConditionCompiler } from './condition.js';
import type { FieldPlanner } from './field-plan.js';
import { compileScript } from './script.js';
import type { Hit } from './hit.js';
import { pipeLimit } from '../ast/pipe-limit.js';

/** A row of `| count`: the values of its fields (none for a plain count) and how many events had them. */
export interface CountRow {
  readonly key: readonly Scalar[];
  readonly count: number;
  readonly percent: number;
}

export type PipeOutput<T> = { readonly kind: 'items'; readonly items: T[] } | { readonly kind: 'counts'; readonly rows: CountRow[] };

const limitOf = (p: Pipe): number => pipeLimit(p) ?? 0;

/** `head`/`tail` over any results. */
export function sliceByPipe<T>(items: T[], p: Pipe): T[] {
  const n = limitOf(p);
  return p.name === 'head' ? items.slice(0, n) : n === 0 ? [] : items.slice(-n);
}

/** The first value of each argument for an event (what `unique`, `sort` and `count` group by). */
function keyOf(exprs: readonly Expr[], planner: FieldPlanner): (h: Hit) => Scalar[] {
  const nodes = exprs.map((e) => compileScript(e, planner));
  return (h) => nodes.map((n) => n.eval(h.event)[0] ?? null);
}

const keyId = (k: readonly Scalar[]) => JSON.stringify(k);

/** Applies the pipes of an event query in order. */
export function applyEventPipes(hits: Hit[], pipes: readonly Pipe[], planner: FieldPlanner, conditions: ConditionCompiler): PipeOutput<Hit> {
  let items = hits;
  for (const p of pipes) {
    switch (p.name) {
      case 'head':
      case 'tail':
        items = sliceByPipe(items, p);
        break;
      case 'filter': {
        const tests = p.args.map((a) => conditions.compile(a));
        items = items.filter((h) => tests.every((t) => t(h.event)));
        break;
      }
      case 'unique':
      case 'unique_count': {
        const key = keyOf(p.args, planner);
        const firsts = new Map<string, { hit: Hit; count: number }>();
        for (const h of items) {
          const id = keyId(key(h));
          const seen = firsts.get(id);
          if (seen) seen.count++;
          else firsts.set(id, { hit: h, count: 1 });
        }
        items = [...firsts.values()].map((v) => (p.name === 'unique_count' ? { ...v.hit, event: { ...v.hit.event, count: v.count } } : v.hit));
        break;
      }
      case 'sort': {
        const key = keyOf(p.args, planner);
        const keyed = items.map((h, i) => ({ h, k: key(h), i }));
        keyed.sort((a, b) => {
          for (let j = 0; j < a.k.length; j++) {
            const c = compareNullsFirst(a.k[j], b.k[j]);
            if (c) return c;
          }
          return a.i - b.i;
        });
        items = keyed.map((x) => x.h);
        break;
      }
      case 'count': {
        const key = keyOf(p.args, planner);
        const counts = new Map<string, { key: Scalar[]; count: number }>();
        for (const h of items) {
          const k = key(h);
          const id = keyId(k);
          const c = counts.get(id);
          if (c) c.count++;
          else counts.set(id, { key: k, count: 1 });
        }
        const total = items.length || 1;
        const rows = [...counts.values()].map((c) => ({ key: c.key, count: c.count, percent: c.count / total })).sort((a, b) => a.count - b.count || keyId(a.key).localeCompare(keyId(b.key)));
        return { kind: 'counts', rows: p.args.length ? rows : [{ key: [], count: items.length, percent: 1 }] };
      }
    }
  }
  return { kind: 'items', items };
}

function compareNullsFirst(a: Scalar, b: Scalar): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareScript(a, b) ?? (typeof a < typeof b ? -1 : 1);
}
