// Completion measured by replaying how the shared production rules are typed: each rule becomes a detection-rule
// `.toml` document (its index, integrations and overrides included), and at each token start the document is cut
// right there (the query string still open, as while typing) and completion is asked at its end. The token typed
// next must be among the items.
//
// Which tokens count: names (fields, categories, functions, pipes, units, options), keywords and operators
// (`==`, `:`, `like~`, `in~`, …). Not counted: string and number literals (no completion can know them),
// punctuation (`(`, `[`, `,`, `|`, `.`), comments, and `?`, `=`, arithmetic operators. A dotted field counts once
// at its start (the whole path must be an item) and again at each segment after a `.` (the segment must be an item).
import { describe, expect, it } from 'vitest';
import { createLanguageService } from '../../packages/core/src/index.js';
import { loadBundledSchemas } from '../../packages/core/src/io/index.js';
import { lex, type LexToken } from '../../packages/core/src/service/lexer.js';
import { ruleCorpus, type CorpusRule } from '../support/shared.js';

const MAX_STARTS_PER_RULE = Number(process.env['EQLKIT_REPLAY_STARTS'] ?? 10);
const SKIPPED_OPERATORS = new Set(['?', '=', '~', '+', '-', '*', '/', '%']);

function tomlPrefix(rule: CorpusRule & { integration?: string[]; tiebreaker_field?: string }): { head: string; encode: (s: string) => string } {
  const lines = ['[metadata]'];
  if (rule.integration?.length) lines.push(`integration = ${JSON.stringify(rule.integration)}`);
  lines.push('', '[rule]', `name = ${JSON.stringify(rule.name)}`, `rule_id = ${JSON.stringify(rule.rule_id)}`, 'language = "eql"');
  if (rule.index?.length) lines.push(`index = ${JSON.stringify(rule.index)}`);
  if (rule.timestamp_override) lines.push(`timestamp_override = ${JSON.stringify(rule.timestamp_override)}`);
  if (rule.event_category_override) lines.push(`event_category_override = ${JSON.stringify(rule.event_category_override)}`);
  if (rule.tiebreaker_field) lines.push(`tiebreaker_field = ${JSON.stringify(rule.tiebreaker_field)}`);
  // Rules are written in `'''` strings; one holding `'''` (none today) would need the escaped form.
  if (rule.query.includes("'''")) {
    lines.push('query = """');
    return { head: lines.join('\n') + '\n', encode: (s) => s.replace(/\\/g, '\\\\').replace(/"""/g, '""\\"') };
  }
  lines.push("query = '''");
  return { head: lines.join('\n') + '\n', encode: (s) => s };
}

interface Start {
  readonly at: number;
  readonly expected: string;
  readonly afterDot: boolean;
}

/** The token starts of a query that count, with the item each one must offer. */
function tokenStarts(query: string): Start[] {
  const tokens = lex(query).filter((t) => t.kind !== 'comment');
  const out: Start[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev: LexToken | undefined = tokens[i - 1];
    if (t.kind === 'word' || t.kind === 'backtick') {
      const afterDot = prev?.text === '.' && prev.span.end === t.span.start;
      if (afterDot) out.push({ at: t.span.start, expected: t.kind === 'backtick' ? t.text : t.text, afterDot: true });
      else {
        // A whole dotted path from here (`process.parent.name`), or a single name.
        let j = i;
        while (tokens[j + 1]?.text === '.' && (tokens[j + 2]?.kind === 'word' || tokens[j + 2]?.kind === 'backtick') && tokens[j + 1].span.start === tokens[j].span.end && tokens[j + 2].span.start === tokens[j + 1].span.end) j += 2;
        out.push({ at: t.span.start, expected: query.slice(t.span.start, tokens[j].span.end), afterDot: false });
      }
    } else if (t.kind === 'keyword' || (t.kind === 'operator' && !SKIPPED_OPERATORS.has(t.text))) out.push({ at: t.span.start, expected: t.text, afterDot: false });
  }
  return out;
}

/** Up to `n` items spread evenly over the list (deterministic). */
function spread<T>(list: readonly T[], n: number): T[] {
  if (list.length <= n) return [...list];
  return Array.from({ length: n }, (_, k) => list[Math.floor((k * list.length) / n)]);
}

describe('completion replaying the production rules', () => {
  it('offers the token typed next at ≥ 90% of token starts and ≥ 95% of field segments after a dot', { timeout: 600_000 }, () => {
    const rules = ruleCorpus();
    expect(rules.length).toBeGreaterThan(100);
    const service = createLanguageService({ bundled: loadBundledSchemas() });
    let starts = 0;
    let hits = 0;
    let segments = 0;
    let segmentHits = 0;
    const misses = new Map<string, number>();
    for (const rule of rules) {
      const { head, encode } = tomlPrefix(rule);
      const all = tokenStarts(rule.query);
      const chosen = [...spread(all.filter((s) => !s.afterDot), MAX_STARTS_PER_RULE), ...spread(all.filter((s) => s.afterDot), MAX_STARTS_PER_RULE)];
      for (const s of chosen) {
        const text = head + encode(rule.query.slice(0, s.at));
        const list = service.open(`file:///rules/${rule.rule_id}.toml`, text, 'toml').completions(text.length);
        // Function names are case-insensitive in EQL (`cidrmatch` is `cidrMatch`): a function item matches in any case.
        const ok = list.items.some((item) => item.label === s.expected || (item.kind === 'function' && item.label.toLowerCase() === s.expected.toLowerCase()));
        starts++;
        if (ok) hits++;
        if (s.afterDot) {
          segments++;
          if (ok) segmentHits++;
        }
        if (!ok && process.env['EQLKIT_REPLAY_DEBUG'] && (s.expected === 'by' || s.expected === ':')) console.log(JSON.stringify(rule.query.slice(Math.max(0, s.at - 80), s.at + 10)), '→', JSON.stringify(s.expected), JSON.stringify(list.items.slice(0, 8).map((i) => i.label)));
        if (!ok) {
          const key = `${s.afterDot ? 'segment' : 'token'} ${s.expected.length > 40 ? s.expected.slice(0, 40) + '…' : s.expected}`;
          misses.set(key, (misses.get(key) ?? 0) + 1);
        }
      }
    }
    const rate = hits / starts;
    const segmentRate = segmentHits / segments;
    const worst = [...misses].sort((a, b) => b[1] - a[1]).slice(0, 15);
    console.log(`completion replay over ${rules.length} rules: ${(100 * rate).toFixed(1)}% of ${starts} token starts, ${(100 * segmentRate).toFixed(1)}% of ${segments} field segments after a dot`);
    console.log(`most missed: ${worst.map(([k, n]) => `${k} ×${n}`).join('; ')}`);
    expect(rate).toBeGreaterThanOrEqual(0.9);
    expect(segmentRate).toBeGreaterThanOrEqual(0.95);
  });
});
