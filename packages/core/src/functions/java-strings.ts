/**
 * How Elasticsearch (Java) turns numbers into strings, for `string()` and `concat()`: integers as digits,
 * floating-point values as `Double.toString` does (`7.5`, `2.0`, `1.0E20`, `1.0E-5`).
 */
export function javaNumberString(n: number, isFloat: boolean): string {
  if (!isFloat) return Number.isInteger(n) ? BigInt(Math.trunc(n)).toString() : String(n);
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(n);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(n);
    return s.includes('.') || s.includes('e') ? s : `${s}.0`;
  }
  // Scientific notation: shortest digits, mantissa with at least one decimal, `E` exponent.
  const [mantissa, exp] = n.toExponential().split('e');
  const m = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${m}E${Number(exp)}`;
}

/** The string form of a scalar as Elasticsearch would print it. */
export function scalarToJavaString(v: string | number | boolean, isFloat: boolean): string {
  return typeof v === 'number' ? javaNumberString(v, isFloat) : String(v);
}
