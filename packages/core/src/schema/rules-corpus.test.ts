// Every field the shared production rules reference must resolve against the schema built from the rule's own
// `index` and `integration` lists. There is no parser yet, so fields are pulled out with a rough scanner:
// dotted identifiers outside strings and comments; `?field` (optional) references are allowed to be missing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../testing/shared-dir.js';
import { loadBundledSchemas } from '../io/schemas/index.js';
import { ruleValidatorKind } from './families.js';
import { schemaForIndexes } from './for-indexes.js';

interface Rule {
  rule_id: string;
  name: string;
  index: string[];
  integration?: string[];
  query: string;
}

/** The query with strings, raw strings and comments blanked out (same length, so offsets survive). */
function blankStringsAndComments(q: string): string {
  let out = '';
  let i = 0;
  while (i < q.length) {
    if (q.startsWith('"""', i)) {
      const end = q.indexOf('"""', i + 3);
      const stop = end < 0 ? q.length : end + 3;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (q[i] === '"') {
      let j = i + 1;
      while (j < q.length && q[j] !== '"') j += q[j] === '\\' ? 2 : 1;
      out += ' '.repeat(Math.min(j + 1, q.length) - i);
      i = j + 1;
    } else if (q[i] === '`') {
      // Backtick-quoted field names stay (the caller reads them), but their insides must not look like code.
      const end = q.indexOf('`', i + 1);
      const stop = end < 0 ? q.length : end + 1;
      out += q.slice(i, stop);
      i = stop;
    } else if (q.startsWith('//', i)) {
      const end = q.indexOf('\n', i);
      const stop = end < 0 ? q.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (q.startsWith('/*', i)) {
      const end = q.indexOf('*/', i + 2);
      const stop = end < 0 ? q.length : end + 2;
      out += ' '.repeat(stop - i);
      i = stop;
    } else {
      out += q[i];
      i++;
    }
  }
  return out;
}

/** Dotted field references, with whether each was written `?field`. */
export function fieldRefs(query: string): { path: string; optional: boolean }[] {
  const text = blankStringsAndComments(query);
  const refs: { path: string; optional: boolean }[] = [];
  // A path is segments joined by dots; a segment is a plain identifier or a backtick-quoted name.
  const seg = '(?:[A-Za-z_@][\\w@]*|`[^`]+`)';
  const pathRe = new RegExp(`(?<![\\w.@\`])(\\?)?(${seg}(?:\\.(?:${seg}|\\d+))*)(?!\\s*\\()`, 'g');
  for (const m of text.matchAll(pathRe)) {
    const path = m[2].replaceAll('`', '');
    if (m[2].includes('`') || path.includes('.')) refs.push({ path, optional: m[1] === '?' });
  }
  return refs;
}

describe('shared rule corpus', () => {
  const rules: Rule[] = readFileSync(sharedPath('rules/eql-rules.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Rule);
  const bundled = loadBundledSchemas();

  it('extracts fields the way a reader would', () => {
    expect(fieldRefs('process where process.name : "a.exe" and ?process.code_signature.trusted == true // x.y\n and stringContains(file.path, "b") by `k8s.user.extra/pod-name`, a.`0`.b')).toEqual([
      { path: 'process.name', optional: false },
      { path: 'process.code_signature.trusted', optional: true },
      { path: 'file.path', optional: false },
      { path: 'k8s.user.extra/pod-name', optional: false },
      { path: 'a.0.b', optional: false },
    ]);
  });

  it('resolves ≥ 99% of the non-optional field references (printing the misses)', () => {
    let total = 0;
    let resolved = 0;
    const unusable = new Set<string>();
    const misses = new Map<string, string[]>();
    const started = performance.now();
    for (const rule of rules) {
      const { schema } = schemaForIndexes(bundled, rule.index, { integrations: rule.integration });
      for (const ref of fieldRefs(rule.query)) {
        if (ref.optional) continue;
        total++;
        const r = schema.resolve(ref.path);
        if (r.kind === 'unknown') {
          const key = `${ref.path}${r.partial ? ' (partial namespace)' : ''}`;
          misses.set(key, [...(misses.get(key) ?? []), rule.name]);
          continue;
        }
        resolved++;
        if (r.kind === 'field' && ruleValidatorKind(r.field.family) === null) unusable.add(`${ref.path} (${r.field.esType})`);
      }
    }
    const ms = performance.now() - started;
    console.log(`rule corpus: ${rules.length} rules, ${resolved}/${total} non-optional field refs resolve, ${misses.size} distinct misses, ${unusable.size} resolve to a family the rule validator rejects (${[...unusable].join(', ')}); ${ms.toFixed(0)} ms`);
    for (const [field, names] of misses) console.log(`  miss: ${field} — ${names.length} rule(s), e.g. "${names[0]}"`);
    expect(total).toBeGreaterThan(5000);
    expect(resolved / total).toBeGreaterThanOrEqual(0.99);
  });

  it('resolves the non-optional fields of non-sequence endgame-* rules in the separate endgame target', () => {
    let total = 0;
    let resolved = 0;
    const misses = new Set<string>();
    for (const rule of rules) {
      if (!rule.index.includes('endgame-*') || /^\s*sequence\b/.test(rule.query)) continue;
      const { targets } = schemaForIndexes(bundled, rule.index, { integrations: rule.integration });
      const endgame = targets.find((t) => t.name === 'endgame');
      expect(endgame, rule.name).toBeDefined();
      for (const ref of fieldRefs(rule.query)) {
        if (ref.optional) continue;
        total++;
        if (endgame?.schema.resolve(ref.path).kind !== 'unknown') resolved++;
        else misses.add(ref.path);
      }
    }
    console.log(`endgame target: ${resolved}/${total} non-optional refs resolve; misses: ${[...misses].join(', ') || 'none'}`);
    expect(resolved / total).toBeGreaterThanOrEqual(0.99);
  });
});
