/**
 * Arithmetic as Elasticsearch's EQL does it: integer with integer stays integer (division truncates toward zero,
 * `%` takes the sign of the dividend, as in Java); any floating-point operand makes the result floating-point.
 * Division or modulo by an integer zero has no value (null), so the event does not match.
 */
import type { ArithmeticOp } from '../ast/nodes.js';

export interface NumberValue {
  readonly value: number;
  readonly isFloat: boolean;
}

export function arithmetic(op: ArithmeticOp, a: number, aFloat: boolean, b: number, bFloat: boolean): NumberValue | null {
  const isFloat = aFloat || bFloat;
  switch (op) {
    case '+':
      return { value: a + b, isFloat };
    case '-':
      return { value: a - b, isFloat };
    case '*':
      return { value: a * b, isFloat };
    case '/':
      if (!isFloat) return b === 0 ? null : { value: Math.trunc(a / b), isFloat };
      return { value: a / b, isFloat };
    case '%':
      if (!isFloat && b === 0) return null;
      return { value: a % b, isFloat }; // JS `%` keeps the dividend's sign, like Java's
  }
}
