// Values seen in sample or loaded events, per field, for value completion (the language service offers them on the
// right side of a comparison). Pure: the faces read the events and feed them here.

export type SampleValuesOf = (field: string) => readonly string[];

export interface SampleValueLimits {
  /** Events read at most. */
  readonly maxEvents: number;
  /** Distinct values kept per field. */
  readonly maxValuesPerField: number;
  /** Longer strings are not offered (command lines, scripts). */
  readonly maxValueLength: number;
  /** Values listed per field. */
  readonly listed: number;
}

export const DEFAULT_SAMPLE_VALUE_LIMITS: SampleValueLimits = { maxEvents: 5000, maxValuesPerField: 500, maxValueLength: 200, listed: 50 };

/** Counts the string values of `event` under their dotted field names (nested objects, dotted keys and arrays alike). */
export function countValues(event: unknown, counts: Map<string, Map<string, number>>, limits: SampleValueLimits, prefix = ''): void {
  if (Array.isArray(event)) {
    for (const e of event) countValues(e, counts, limits, prefix);
    return;
  }
  if (event !== null && typeof event === 'object') {
    for (const [k, v] of Object.entries(event)) countValues(v, counts, limits, prefix ? `${prefix}.${k}` : k);
    return;
  }
  if (typeof event !== 'string' || !prefix || event.length > limits.maxValueLength) return;
  let values = counts.get(prefix);
  if (!values) counts.set(prefix, (values = new Map()));
  const n = values.get(event);
  if (n !== undefined) values.set(event, n + 1);
  else if (values.size < limits.maxValuesPerField) values.set(event, 1);
}

/** Field → its values, most frequent first (ties in order of first appearance). */
export function valuesOf(counts: Map<string, Map<string, number>>, limits: SampleValueLimits): SampleValuesOf {
  const lists = new Map<string, readonly string[]>();
  for (const [field, values] of counts) {
    lists.set(
      field,
      [...values]
        .sort((a, b) => b[1] - a[1])
        .slice(0, limits.listed)
        .map(([v]) => v),
    );
  }
  return (field: string) => lists.get(field.replace(/^\?/, '')) ?? [];
}
