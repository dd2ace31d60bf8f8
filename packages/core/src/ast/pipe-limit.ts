// The count of a `head`/`tail` pipe. Elasticsearch takes any integer expression it can fold to a constant
// (`head 10`, `head 5 * 2`, `tail 2147483648 - 1`), folding in long arithmetic, and refuses a negative result,
// a floating-point one or one that reads fields.
import type { Expr, Pipe } from './nodes.js';

/** The folded integer value of a constant integer expression, or undefined (not constant, not an integer). */
export function foldInteger(e: Expr): bigint | undefined {
  switch (e.kind) {
    case 'number':
      return e.integer ? BigInt(e.text) : undefined;
    case 'unary': {
      const v = foldInteger(e.operand);
      return v === undefined ? undefined : e.op === '-' ? -v : v;
    }
    case 'arith': {
      const l = foldInteger(e.left);
      const r = foldInteger(e.right);
      if (l === undefined || r === undefined) return undefined;
      switch (e.op) {
        case '+':
          return l + r;
        case '-':
          return l - r;
        case '*':
          return l * r;
        case '/':
          return r === 0n ? undefined : l / r; // truncates toward zero, as Java does
        case '%':
          return r === 0n ? undefined : l % r;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The number of results a `head`/`tail` pipe keeps; undefined when its argument is not a non-negative constant integer. */
export function pipeLimit(pipe: Pipe): number | undefined {
  if (pipe.args.length !== 1) return undefined;
  const v = foldInteger(pipe.args[0]);
  return v === undefined || v < 0n ? undefined : Number(v);
}
