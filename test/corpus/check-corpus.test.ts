// Every shipped production rule in the shared corpus must type-check with zero errors against its own `index`
// (and `integration`) list: any error is a false positive of the checker or of schema resolution.
import { describe, expect, it } from 'vitest';
import { checkText, type Diagnostic } from '@eqlkit/core';
import { ruleCheckOptions } from '../support/check-rules.js';
import { ruleCorpus } from '../support/shared.js';

describe('type-checking the rule corpus', () => {
  it('finds no errors in any of the 824 production rules (warnings are printed)', () => {
    const rules = ruleCorpus();
    const errors: string[] = [];
    const warnings = new Map<string, number>();
    const started = performance.now();
    for (const rule of rules) {
      const diagnostics: readonly Diagnostic[] = checkText(rule.query, ruleCheckOptions(rule)).diagnostics;
      for (const d of diagnostics) {
        if (d.severity === 'error') errors.push(`${rule.name}: ${d.code} ${d.message}`);
        else warnings.set(d.code, (warnings.get(d.code) ?? 0) + 1);
      }
    }
    const ms = performance.now() - started;
    console.log(`checked ${rules.length} rules in ${ms.toFixed(0)} ms: ${errors.length} errors; warnings: ${[...warnings].map(([c, n]) => `${c} ×${n}`).join(', ') || 'none'}`);
    expect(rules.length).toBe(824);
    expect(errors).toEqual([]);
  });
});
