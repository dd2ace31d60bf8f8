import { ALL_CODE_POINTS } from './code-point-set.js';
import { type Fragment, type Nfa, NfaBuilder, type StateBudget } from './nfa.js';
import { complement, intersect } from './nfa-ops.js';
import type { RegexNode } from './regex-ast.js';
import { classSet, literalCharSet } from './regex-charset.js';
import { expandInterval } from './regex-interval.js';

/**
 * Builds an NFA for a parsed Lucene regex (Thompson's construction), covering every operator including
 * complement and intersection. Throws TooComplexError when the pattern needs more states than `budget` allows,
 * e.g. `(a{1000}){1000}`.
 */
export function regexToNfa(node: RegexNode, caseInsensitive: boolean, budget: StateBudget): Nfa {
  const builder = new NfaBuilder(budget);
  return builder.finish(build(builder, node, caseInsensitive, budget));
}

function build(b: NfaBuilder, node: RegexNode, ci: boolean, budget: StateBudget): Fragment {
  switch (node.kind) {
    case 'literal': {
      const start = b.state();
      let end = start;
      for (const ch of node.text) {
        const next = b.state();
        b.edge(end, literalCharSet(ch.codePointAt(0) ?? 0, ci), next);
        end = next;
      }
      return { start, end };
    }
    case 'class':
      return single(b, classSet(node, ci));
    case 'anyChar':
      return single(b, ALL_CODE_POINTS);
    case 'anyString': {
      const start = b.state();
      const end = b.state();
      b.edge(start, ALL_CODE_POINTS, start);
      b.epsilon(start, end);
      return { start, end };
    }
    case 'emptyLanguage':
      return { start: b.state(), end: b.state() };
    case 'union': {
      const start = b.state();
      const end = b.state();
      for (const alternative of node.alternatives) {
        const f = build(b, alternative, ci, budget);
        b.epsilon(start, f.start);
        b.epsilon(f.end, end);
      }
      return { start, end };
    }
    case 'concat': {
      const first = build(b, node.parts[0], ci, budget);
      let end = first.end;
      for (const part of node.parts.slice(1)) {
        const f = build(b, part, ci, budget);
        b.epsilon(end, f.start);
        end = f.end;
      }
      return { start: first.start, end };
    }
    case 'repeat':
      return repeat(b, node.operand, node.min, node.max, ci, budget);
    case 'interval':
      return build(b, expandInterval(node.min, node.max, node.digits, node), ci, budget);
    case 'complement':
      return b.embed(complement(regexToNfa(node.operand, ci, budget), budget));
    case 'intersection': {
      const operands = node.operands.map((o) => regexToNfa(o, ci, budget));
      return b.embed(operands.reduce((x, y) => intersect(x, y, budget)));
    }
  }
}

function single(b: NfaBuilder, set: readonly number[]): Fragment {
  const start = b.state();
  const end = b.state();
  b.edge(start, set, end);
  return { start, end };
}

function repeat(
  b: NfaBuilder,
  operand: RegexNode,
  min: number,
  max: number | null,
  ci: boolean,
  budget: StateBudget,
): Fragment {
  const start = b.state();
  if (max !== null && min > max) return { start, end: b.state() }; // Lucene: matches nothing
  let end = start;
  for (let i = 0; i < min; i++) {
    const f = build(b, operand, ci, budget);
    b.epsilon(end, f.start);
    end = f.end;
  }
  const exit = b.state();
  if (max === null) {
    const f = build(b, operand, ci, budget);
    b.epsilon(end, f.start);
    b.epsilon(f.end, end);
    b.epsilon(end, exit);
    return { start, end: exit };
  }
  for (let i = min; i < max; i++) {
    const f = build(b, operand, ci, budget);
    b.epsilon(end, exit);
    b.epsilon(end, f.start);
    end = f.end;
  }
  b.epsilon(end, exit);
  return { start, end: exit };
}
