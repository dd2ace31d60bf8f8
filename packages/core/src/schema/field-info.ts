// One way to make a FieldInfo, so `family` always agrees with `esType` and absent facts stay absent
// (no `key: undefined`, which would make merged entries lose facts from lower layers).
import { familyOf } from './families.js';
import type { FieldInfo } from './types.js';

/** Facts a source may give besides path, type and layer. */
export type FieldFacts = Omit<FieldInfo, 'path' | 'esType' | 'family' | 'source'>;

/** A FieldInfo with `family` derived from `esType`; undefined facts are dropped. */
export function makeField(path: string, esType: string, source: string, facts?: FieldFacts): FieldInfo {
  const info: Record<string, unknown> = { path, esType, family: familyOf(esType), source };
  if (facts) {
    for (const [k, v] of Object.entries(facts)) if (v !== undefined) info[k] = v;
  }
  return info as unknown as FieldInfo; // built key by key above; every required key is set
}

/** `base` with `changes` applied; undefined values in `changes` are ignored, and `family` follows `esType`. */
export function withFacts(base: FieldInfo, changes: Partial<FieldInfo>): FieldInfo {
  const info: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(changes)) if (v !== undefined) info[k] = v;
  info.family = familyOf(info.esType as string);
  return info as unknown as FieldInfo; // spread of a FieldInfo plus FieldInfo-typed changes
}
