/**
 * AST builder, part 3: statements, event queries, sequences, samples and pipes. Input: the Ohm nodes from
 * `Statement` down to `EventFilter`. Output: a `Statement`. The shape rules Elasticsearch's parser enforces
 * (maxspan units, `runs` range, join-key counts, …) are reported here through `query-rules.ts`.
 * Example: `sequence by h [a where true] [b where true] | head 1` becomes a `sequence` query with two stages,
 * `by: [h]`, and one `head` pipe.
 */
import type { Node as OhmNode } from 'ohm-js';
import type { Category, EventQuery, Expr, MaxSpan, Pipe, Runs, SampleQuery, SequenceQuery, Stage, Statement, StringLiteral, TimeUnit } from '../ast/nodes.js';
import { syntaxDiagnostic } from '../diagnostics/catalog.js';
import type { EqlActionDict } from './load.js';
import { context, report, spanOf } from './build-context.js';
import { expr, exprList } from './build-expressions.js';
import { numberLiteral } from './build-literals.js';
import { checkPipe, checkSample, checkSequence } from './query-rules.js';

/** Milliseconds per `maxspan` unit: the units EQL accepts. */
export const UNIT_MILLIS: Readonly<Record<TimeUnit, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

const keysOf = (optionalKeys: OhmNode): Expr[] => (optionalKeys.numChildren ? optionalKeys.child(0)['ast']() : []);

function stage(subquery: OhmNode, keys: OhmNode, runs: Runs | undefined, node: OhmNode): Stage {
  const { missing, query } = subquery['ast']() as { missing: boolean; query: EventQuery };
  return { kind: 'stage', missing, query, by: keysOf(keys), runs, span: spanOf(node) };
}

export const queryActions: EqlActionDict<unknown> = {
  Statement(query, pipes) {
    const pipeNodes = pipes.children.map((p) => p['ast']() as Pipe);
    pipeNodes.forEach(checkPipe);
    return { kind: 'statement', query: query['ast'](), pipes: pipeNodes, span: spanOf(this) } satisfies Statement;
  },
  EventFilter(category, _where, condition) {
    return { kind: 'event', category: category['ast'](), condition: expr(condition), span: spanOf(this) } satisfies EventQuery;
  },
  EventCategory_any(_) {
    return { kind: 'category', name: null, quoted: false, span: spanOf(this) } satisfies Category;
  },
  EventCategory_quoted(str) {
    return { kind: 'category', name: (str['ast']() as StringLiteral).value, quoted: true, span: spanOf(this) } satisfies Category;
  },
  EventCategory_name(name) {
    return { kind: 'category', name: name.sourceString, quoted: false, span: spanOf(this) } satisfies Category;
  },
  Sequence(_kw, header, terms, until) {
    let by: Expr[] = [];
    let maxspan: MaxSpan | undefined;
    if (header.numChildren) {
      const h = header.child(0).child(0);
      if (h.ctorName === 'SequenceHeader_byFirst') {
        by = h.child(0)['ast']();
        maxspan = h.child(1).numChildren ? h.child(1).child(0)['ast']() : undefined;
      } else {
        maxspan = h.child(0)['ast']();
        if (h.child(1).numChildren) {
          report(syntaxDiagnostic('by-after-with', spanOf(h.child(1)), {}));
          by = h.child(1).child(0)['ast']();
        }
      }
    }
    const sequence: SequenceQuery = {
      kind: 'sequence',
      by,
      maxspan,
      stages: terms.children.map((t) => t['ast']() as Stage),
      until: until.numChildren ? until.child(0)['ast']() : undefined,
      span: spanOf(this),
    };
    checkSequence(sequence);
    return sequence;
  },
  MaxSpan(_with, _maxspan, _eq, time) {
    return time['ast']();
  },
  TimeValue(numberNode, unitNode) {
    const number = numberLiteral(numberNode);
    const unit = unitNode.numChildren ? unitNode.child(0).sourceString : undefined;
    const span = spanOf(this);
    if (!number.integer) report(syntaxDiagnostic('maxspan-decimal', spanOf(numberNode), { text: this.sourceString }));
    else if (number.value <= 0) report(syntaxDiagnostic('maxspan-positive', spanOf(numberNode), {}));
    if (unit === undefined) {
      report(syntaxDiagnostic('maxspan-no-unit', span, { text: number.text }, [{ message: `use ${number.text}s`, edits: [{ span, text: `${number.text}s` }] }]));
    } else if (!(unit in UNIT_MILLIS)) {
      report(syntaxDiagnostic('maxspan-unit', spanOf(unitNode), { unit }));
    }
    const known: TimeUnit = unit !== undefined && unit in UNIT_MILLIS ? (unit as TimeUnit) : 's';
    return { kind: 'maxspan', value: number.value, unit: known, millis: number.value * UNIT_MILLIS[known], span } satisfies MaxSpan;
  },
  SequenceTerm(subquery, keys, option) {
    return stage(subquery, keys, option.numChildren ? option.child(0)['ast']() : undefined, this);
  },
  StageOption(_with, name, _eq, value) {
    const count = numberLiteral(value);
    if (name.sourceString !== 'runs') report(syntaxDiagnostic('stage-option', spanOf(name), { name: name.sourceString }));
    else if (!count.integer || count.value < 1 || count.value > 100) report(syntaxDiagnostic('runs-range', spanOf(value), { found: count.text }));
    return { kind: 'runs', count: count.value, span: spanOf(this) } satisfies Runs;
  },
  UntilTerm(_until, term) {
    return term['ast']();
  },
  Sample(_kw, keys, terms) {
    const sample: SampleQuery = { kind: 'sample', by: keysOf(keys), stages: terms.children.map((t) => t['ast']() as Stage), span: spanOf(this) };
    checkSample(sample);
    return sample;
  },
  Join(_kw, _keys, _terms, _until) {
    report(syntaxDiagnostic('join-unsupported', spanOf(this.child(0)), {}));
    context().unrepresentable = true;
    return undefined;
  },
  JoinTerm(subquery, keys) {
    return stage(subquery, keys, undefined, this);
  },
  Subquery_missing(_open, filter, _close) {
    return { missing: true, query: filter['ast']() };
  },
  Subquery_present(_open, filter, _close) {
    return { missing: false, query: filter['ast']() };
  },
  JoinKeys(_by, list) {
    const keys = exprList(list);
    const text = context().text;
    // Elasticsearch takes only fields (possibly parenthesized) as keys: `by pid * 2` is refused.
    for (const k of keys) if (k.kind !== 'field') report(syntaxDiagnostic('join-key-expression', k.span, { text: text.slice(k.span.start, k.span.end) }));
    return keys;
  },
  Pipe(_bar, name, args) {
    return { kind: 'pipe', name: name.sourceString, args: exprList(args), nameSpan: spanOf(name), span: spanOf(this) } satisfies Pipe;
  },
};
