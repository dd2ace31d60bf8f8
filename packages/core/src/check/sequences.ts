// Join keys of sequences and samples. The parser already checks the shape Elasticsearch's parser enforces
// (the number of keys per stage, maxspan, runs, missing-event stages); this adds what its verifier checks once
// types are known: keys at the same position must have compatible types (`checkJoinKeyTypes`), or they never join.
import type { Expr, SampleQuery, SequenceQuery, Stage } from '../ast/nodes.js';
import type { CheckContext } from './context.js';
import { compatible, describeType } from './value-types.js';

/** Reports stage keys whose type differs from the key at the same position in the first stage. Call after visiting. */
export function checkJoinKeyTypes(query: SequenceQuery | SampleQuery, ctx: CheckContext): void {
  const stages: Stage[] = [...query.stages, ...(query.kind === 'sequence' && query.until ? [query.until] : [])];
  if (stages.length < 2) return;
  // Query-level keys are the same expressions in every stage; only the stages' own keys can differ.
  const first = stages[0].by;
  const kind = query.kind === 'sequence' ? 'sequence' : 'sample';
  for (const stage of stages.slice(1)) {
    const n = Math.min(first.length, stage.by.length);
    for (let k = 0; k < n; k++) {
      const a = typeOf(first[k], ctx);
      const b = typeOf(stage.by[k], ctx);
      if (compatible(a, b)) continue;
      ctx.report('join-key-type', stage.by[k].span, { kind, key: ctx.short(stage.by[k], 40), type: describeType(b), firstKey: ctx.short(first[k], 40), firstType: describeType(a) });
    }
  }
}

function typeOf(e: Expr, ctx: CheckContext) {
  return ctx.types.get(e) ?? 'unknown';
}
