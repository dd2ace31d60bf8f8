/**
 * `.explain QUERY`: the parsed query in the standard layout; for each stage, which parts Elasticsearch runs as index
 * queries (query DSL: term, range, wildcard, …) and which as scripts; and what the raw-line pre-filter requires of
 * an event's JSON text before parsing it. All of it read from core's plans, the ones the evaluator runs.
 */
import { compileStatement, format, parse, planCondition, requirementFor, terminalSafe, type ConditionPlan, type Expr, type Requirement, type Statement } from '@eqlkit/core';
import { renderDiagnostic } from '../render/diagnostic.js';
import { queryArg } from './query-arg.js';
import type { MetaCommand } from './types.js';

export const explainCommand: MetaCommand = {
  name: 'explain',
  args: '[QUERY]',
  summary: 'the parsed query, which predicates run as Elasticsearch query DSL and which as scripts, and what the pre-filter looks for',
  async run(args, ctx) {
    const source = queryArg(args, ctx, 'explain');
    if (!source) return 'error';
    const parsed = parse(source.text);
    if (!parsed.ast) {
      for (const d of parsed.diagnostics) ctx.out.error(renderDiagnostic(source, d, ctx.style));
      return 'error';
    }
    const ast = parsed.ast;
    const fields = ctx.session.fieldsFor(source.rule);
    const eventCategoryField = fields.eventCategoryField ?? 'event.category';
    const compiled = compileStatement(ast, { eventCategoryField, timestampField: fields.timestampField });
    const text = (e: { span: { start: number; end: number } }) => terminalSafe(source.text.slice(e.span.start, e.span.end).replace(/\s+/g, ' '));
    ctx.out.print(ctx.style.bold('query'));
    for (const line of format(ast).trimEnd().split('\n')) ctx.out.print(`  ${terminalSafe(line)}`);
    for (const [label, q] of stagesOf(ast)) {
      ctx.out.print(ctx.style.bold(label));
      const category = q.category.name === null ? 'any category' : `${eventCategoryField} == ${JSON.stringify(q.category.name)}  (term query)`;
      ctx.out.print(`  ${category}`);
      for (const line of describePlan(planCondition(q.condition, compiled.planner), text)) ctx.out.print(`  ${line}`);
    }
    ctx.out.print(ctx.style.bold('pre-filter'));
    const req = requirementFor(compiled, { eventCategoryField });
    ctx.out.print(`  ${req.kind === 'true' ? 'none: every line is parsed' : req.kind === 'false' ? 'nothing can match: no line is parsed' : `a line is parsed only if its text contains ${describeRequirement(req)}`}`);
    return 'ok';
  },
};

function stagesOf(ast: Statement): [string, { category: { name: string | null }; condition: Expr }][] {
  const q = ast.query;
  if (q.kind === 'event') return [['condition', q]];
  const stages: [string, { category: { name: string | null }; condition: Expr }][] = q.stages.map((s, i) => [`stage ${i + 1}${s.missing ? ' (missing)' : ''}`, s.query]);
  if (q.kind === 'sequence' && q.until) stages.push(['until', q.until.query]);
  return stages;
}

/** The plan as indented lines: index queries with their DSL kind, scripts with their source. */
export function describePlan(plan: ConditionPlan, text: (e: Expr) => string): string[] {
  const out: string[] = [];
  const walk = (p: ConditionPlan, depth: number) => {
    const pad = '  '.repeat(depth);
    switch (p.kind) {
      case 'constant':
        out.push(`${pad}${p.value ? 'always true' : 'always false (matches nothing)'}`);
        return;
      case 'and':
      case 'or': {
        out.push(`${pad}${p.kind} (bool ${p.kind === 'and' ? 'filter' : 'should'})`);
        const items: ConditionPlan[] = [];
        const flatten = (x: ConditionPlan): void => {
          if (x.kind === 'and' || x.kind === 'or') {
            if (x.kind === p.kind) {
              flatten(x.left);
              flatten(x.right);
              return;
            }
          }
          items.push(x);
        };
        flatten(p);
        for (const item of items) walk(item, depth + 1);
        return;
      }
      case 'not':
        out.push(`${pad}not (bool must_not)`);
        walk(p.operand, depth + 1);
        return;
      case 'script':
        out.push(`${pad}script: ${text(p.expr)}`);
        return;
      case 'script-null':
        out.push(`${pad}script: ${text(p.expr)} ${p.isNull ? '== null' : '!= null'}`);
        return;
      case 'leaf':
        out.push(`${pad}${describeLeaf(p)}`);
    }
  };
  walk(plan, 0);
  return out;
}

function describeLeaf(p: Extract<ConditionPlan, { kind: 'leaf' }>): string {
  const field = terminalSafe(p.field.name);
  const l = p.leaf;
  const v = (x: unknown) => terminalSafe(JSON.stringify(x));
  switch (l.op) {
    case 'compare':
      return l.cmp === '==' ? `${field} == ${v(l.value)}  (term query)` : `${field} ${l.cmp} ${v(l.value)}  (range query)`;
    case 'exists':
      return `${field} != null  (exists query)`;
    case 'in':
      return `${field} in ${v(l.values)}  (terms query${l.caseInsensitive ? ', case-insensitive' : ''})`;
    case 'match': {
      const kind = l.operator.startsWith('regex') ? 'regexp' : 'wildcard';
      const ci = l.operator === ':' || l.operator.endsWith('~');
      return `${field} ${l.operator} ${v(l.patterns.map((x) => ('value' in x ? x.value : null)))}  (${kind} query${ci ? ', case-insensitive' : ''})`;
    }
    case 'prefix':
      return `${field} starts with ${v(l.prefix)}  (prefix query${l.caseInsensitive ? ', case-insensitive' : ''})`;
    case 'wildcard':
      return `${field} like ${v(l.pattern)}  (wildcard query${l.caseInsensitive ? ', case-insensitive' : ''})`;
    case 'cidr':
      return `${field} in ${l.ranges.length} ip range(s)  (terms query on ip ranges)`;
  }
}

/** The requirement as text: `"a" and ("b" or "c")`, with `(any case)` marks. */
export function describeRequirement(r: Requirement, top = true): string {
  switch (r.kind) {
    case 'true':
      return 'anything';
    case 'false':
      return 'nothing';
    case 'lit':
      return `${terminalSafe(JSON.stringify(r.lit.text))}${r.lit.caseInsensitive ? ' (any case)' : ''}`;
    case 'and':
    case 'or': {
      const inner = r.items.map((i) => describeRequirement(i, false)).join(` ${r.kind} `);
      return top ? inner : `(${inner})`;
    }
  }
}
