import type { Expr, Node, Stage } from './nodes.js';

/**
 * A compact one-line rendering of an AST as an s-expression, for tests and debugging views:
 * `process where a == 1 and not b : "x"` → `(event process (and (== a 1) (not (: b "x"))))`.
 */
export function sexpr(node: Node): string {
  switch (node.kind) {
    case 'statement':
      return node.pipes.length ? `(pipes ${sexpr(node.query)} ${node.pipes.map(sexpr).join(' ')})` : sexpr(node.query);
    case 'event':
      return `(event ${sexpr(node.category)} ${sexpr(node.condition)})`;
    case 'category':
      return node.name === null ? 'any' : node.quoted ? JSON.stringify(node.name) : node.name;
    case 'sequence': {
      const head = [node.by.length ? `by ${node.by.map(sexpr).join(' ')}` : '', node.maxspan ? `maxspan ${node.maxspan.millis}ms` : ''].filter(Boolean);
      return `(sequence${head.map((h) => ` [${h}]`).join('')} ${node.stages.map(stage).join(' ')}${node.until ? ` (until ${stage(node.until)})` : ''})`;
    }
    case 'sample':
      return `(sample${node.by.length ? ` [by ${node.by.map(sexpr).join(' ')}]` : ''} ${node.stages.map(stage).join(' ')})`;
    case 'stage':
      return stage(node);
    case 'runs':
      return `(runs ${node.count})`;
    case 'maxspan':
      return `(maxspan ${node.millis}ms)`;
    case 'pipe':
      return `(| ${node.name}${node.args.map((a) => ` ${sexpr(a)}`).join('')})`;
    default:
      return expr(node);
  }
}

function stage(s: Stage): string {
  const parts = [s.missing ? '![' : '[', sexpr(s.query)];
  if (s.by.length) parts.push(` by ${s.by.map(sexpr).join(' ')}`);
  if (s.runs) parts.push(` runs ${s.runs.count}`);
  return parts.join('') + ']';
}

function expr(e: Expr): string {
  switch (e.kind) {
    case 'string':
      return e.raw ? `r${JSON.stringify(e.value)}` : JSON.stringify(e.value);
    case 'number':
      return e.integer ? e.text : `${e.text}f`;
    case 'boolean':
      return String(e.value);
    case 'null':
      return 'null';
    case 'field':
      return (e.optional ? '?' : '') + e.name;
    case 'call':
      return `(${e.name}${e.caseInsensitive ? '~' : ''}${e.args.map((a) => ` ${expr(a)}`).join('')})`;
    case 'not':
      return `(not ${expr(e.operand)})`;
    case 'logical':
    case 'compare':
    case 'arith':
      return `(${e.kind === 'logical' ? e.op : e.op} ${expr(e.left)} ${expr(e.right)})`;
    case 'unary':
      return `(${e.op} ${expr(e.operand)})`;
    case 'in':
      return `(${e.negated ? 'not-' : ''}${e.caseInsensitive ? 'in~' : 'in'} ${expr(e.operand)}${e.values.map((v) => ` ${expr(v)}`).join('')})`;
    case 'match':
      return `(${e.operator} ${expr(e.operand)}${e.patterns.map((p) => ` ${expr(p)}`).join('')})`;
  }
}
