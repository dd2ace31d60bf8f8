import { describe, expect, it } from 'vitest';
import { sexpr } from './ast/sexpr.js';
import { parse } from './parse.js';

/** Every construct of the grammar, and the AST it must give (as an s-expression). */
const constructs: [string, string][] = [
  // event queries and categories
  ['process where true', '(event process true)'],
  ['any where false', '(event any false)'],
  ['"my-category" where true', '(event "my-category" true)'],
  ['"""6cat""" where true', '(event "6cat" true)'],
  // boolean logic and precedence
  ['a where x and y or z', '(event a (or (and x y) z))'],
  ['a where x or y and z', '(event a (or x (and y z)))'],
  ['a where not x and y', '(event a (and (not x) y))'],
  ['a where not not x', '(event a (not (not x)))'],
  ['a where not x == 1', '(event a (not (== x 1)))'],
  ['a where (x or y) and z', '(event a (and (or x y) z))'],
  ['a where x and y and z', '(event a (and (and x y) z))'],
  // comparisons
  ['a where x == 1', '(event a (== x 1))'],
  ['a where x != "b"', '(event a (!= x "b"))'],
  ['a where x < 1 and x <= 2 and x > 3 and x >= 4', '(event a (and (and (and (< x 1) (<= x 2)) (> x 3)) (>= x 4)))'],
  ['a where 0 <= exit_code', '(event a (<= 0 exit_code))'],
  ['a where null == (x > -1)', '(event a (== null (> x (- 1))))'],
  // arithmetic
  ['a where x + 1 * 2 == 3', '(event a (== (+ x (* 1 2)) 3))'],
  ['a where x - 1 - 2 == 0', '(event a (== (- (- x 1) 2) 0))'],
  ['a where x / 2 % 3 == 1', '(event a (== (% (/ x 2) 3) 1))'],
  ['a where -x == +1', '(event a (== (- x) (+ 1)))'],
  ['a where (x + 1) * 2 == 4', '(event a (== (* (+ x 1) 2) 4))'],
  // pattern operators
  ['a where x : "a*"', '(event a (: x "a*"))'],
  ['a where x : ("a*", "b?")', '(event a (: x "a*" "b?"))'],
  ['a where x like "a*"', '(event a (like x "a*"))'],
  ['a where x like~ ("a", "b")', '(event a (like~ x "a" "b"))'],
  ['a where x regex """a.*\\d"""', '(event a (regex x r"a.*\\\\d"))'],
  ['a where x regex~ "[a-z]+"', '(event a (regex~ x "[a-z]+"))'],
  ['a where x : 1', '(event a (: x 1))'],
  // membership
  ['a where x in (1, 2, 3)', '(event a (in x 1 2 3))'],
  ['a where x not in ("a", "b")', '(event a (not-in x "a" "b"))'],
  ['a where x in~ ("A")', '(event a (in~ x "A"))'],
  ['a where x not in~ ("A", "b")', '(event a (not-in~ x "A" "b"))'],
  ['a where x in (1 + 2, y)', '(event a (in x (+ 1 2) y))'],
  ['a where x + y in (1)', '(event a (+ x (in y 1)))'],
  // functions
  ['a where length(x) > 0', '(event a (> (length x) 0))'],
  ['a where startsWith~(x, "A")', '(event a (startsWith~ x "A"))'],
  ['a where CONCAT(x, "") == "a"', '(event a (== (CONCAT x "") "a"))'],
  ['a where between(x, "a", "b", true) : "c"', '(event a (: (between x "a" "b" true) "c"))'],
  ['a where f()', '(event a (f))'],
  // fields
  ['a where process.parent.name == "x"', '(event a (== process.parent.name "x"))'],
  ['a where ?optional_field == null', '(event a (== ?optional_field null))'],
  ['a where @timestamp > 0', '(event a (> @timestamp 0))'],
  ['a where `my-field` == 1', '(event a (== my-field 1))'],
  ['a where a.`b``c`.d == 1', '(event a (== a.b`c.d 1))'],
  ['a where `a.b` == 1', '(event a (== a.b 1))'],
  ['a where AND == 1', '(event a (== AND 1))'],
  ['a where `sequence` == 1', '(event a (== sequence 1))'],
  // literals
  ['a where x == "tab\\there"', '(event a (== x "tab\\there"))'],
  ['a where x == "q\\"uote\\\\back"', '(event a (== x "q\\"uote\\\\back"))'],
  ['a where x == "\\u{1F600}\\u{41}"', '(event a (== x "😀A"))'],
  ['a where x == "it\\\'s"', '(event a (== x "it\'s"))'],
  ['a where x == """raw \\ "quoted" """', '(event a (== x r"raw \\\\ \\"quoted\\" "))'],
  ['a where x == """a""""', '(event a (== x r"a\\""))'],
  ['a where x == 1.5 or x == .5 or x == 1e3 or x == 2.', '(event a (or (or (or (== x 1.5f) (== x .5f)) (== x 1e3f)) (== x 2.f)))'],
  ['a where x == 9223372036854775807', '(event a (== x 9223372036854775807))'],
  // beyond the long range: a floating-point number, as Elasticsearch's parser reads it
  ['a where x > 100000000000000000000000000000000', '(event a (> x 100000000000000000000000000000000f))'],
  ['a where x == -9223372036854775808', '(event a (== x (- 9223372036854775808f)))'],
  ['sequence by (pid) [a where true] [b where true]', '(sequence [by pid] [(event a true)] [(event b true)])'],
  ['a where x == null and y == true and z == false', '(event a (and (and (== x null) (== y true)) (== z false)))'],
  // comments
  ['a where /* c */ x == 1 // end', '(event a (== x 1))'],
  ['a where /* outer /* nested */ still */ x', '(event a x)'],
  // sequences
  ['sequence [a where true] [b where true]', '(sequence [(event a true)] [(event b true)])'],
  ['sequence by h [a where true] [b where true]', '(sequence [by h] [(event a true)] [(event b true)])'],
  ['sequence by h with maxspan=1m [a where true] [b where true]', '(sequence [by h] [maxspan 60000ms] [(event a true)] [(event b true)])'],
  ['sequence with maxspan=500ms [a where true] [b where true]', '(sequence [maxspan 500ms] [(event a true)] [(event b true)])'],
  ['sequence with maxspan=2d [a where true] [b where true]', '(sequence [maxspan 172800000ms] [(event a true)] [(event b true)])'],
  ['sequence [a where true] by x, y [b where true] by z, w', '(sequence [(event a true) by x y] [(event b true) by z w])'],
  ['sequence [a where true] with runs=3', '(sequence [(event a true) runs 3])'],
  ['sequence by k [a where true] by x with runs=2 [b where true] by x', '(sequence [by k] [(event a true) by x runs 2] [(event b true) by x])'],
  ['sequence with maxspan=1s [a where true] ![b where true] [c where true]', '(sequence [maxspan 1000ms] [(event a true)] ![(event b true)] [(event c true)])'],
  ['sequence [a where true] [b where true] until [c where true]', '(sequence [(event a true)] [(event b true)] (until [(event c true)]))'],
  ['sequence by ?x [a where true] [b where true]', '(sequence [by ?x] [(event a true)] [(event b true)])'],
  // samples
  ['sample by h [a where true] [b where true]', '(sample [by h] [(event a true)] [(event b true)])'],
  ['sample [a where true] by x [b where true] by y', '(sample [(event a true) by x] [(event b true) by y])'],
  // pipes
  ['a where true | head 5', '(pipes (event a true) (| head 5))'],
  ['a where true | head 5 | tail 2', '(pipes (event a true) (| head 5) (| tail 2))'],
  // Elasticsearch folds a constant integer expression (LogicalPlanTests testFoldedHeadTailValidValue)
  ['a where true | head 2147483648-1', '(pipes (event a true) (| head (- 2147483648 1)))'],
  ['a where true | tail (5 * 2) % 3', '(pipes (event a true) (| tail (% (* 5 2) 3)))'],
  ['a where true | unique x, y', '(pipes (event a true) (| unique x y))'],
  ['a where true | count', '(pipes (event a true) (| count))'],
  ['a where true | filter x == 1 | sort y', '(pipes (event a true) (| filter (== x 1)) (| sort y))'],
];

describe('parse: every construct', () => {
  it.each(constructs)('%s', (query, expected) => {
    const result = parse(query);
    expect(result.diagnostics).toEqual([]);
    expect(result.ast && sexpr(result.ast)).toBe(expected);
  });
});

/**
 * Every rejected form: the code and the span (marked with ⟨ ⟩ in the query). The message must say what to write.
 */
const rejections: [string, string, RegExp][] = [
  ["a where x == ⟨'single'⟩", 'eql/single-quoted-string', /double quotes/],
  ['a where x == ⟨?"raw"⟩', 'eql/endgame-string', /"""/],
  ["a where x == ⟨?'raw'⟩", 'eql/endgame-string', /"""/],
  ['a where x ⟨=⟩ 1', 'eql/assign-equality', /`==`/],
  ['a where ⟨x < y < z⟩', 'eql/chained-comparison', /and/],
  ['⟨join⟩ [a where true] [b where true]', 'eql/join-unsupported', /sequence/],
  ['a where ⟨descendant of [b where true]⟩', 'eql/lineage-unsupported', /sequence by/],
  ['a where ⟨child of [b where true]⟩', 'eql/lineage-unsupported', /not supported/],
  ['a where ⟨event of [b where true]⟩', 'eql/lineage-unsupported', /not supported/],
  ['a where true | ⟨hed⟩ 1', 'eql/unknown-pipe', /did you mean `head`/],
  ['a where true | ⟨bogus⟩', 'eql/unknown-pipe', /head.*tail/],
  ['a where true | ⟨head⟩', 'eql/pipe-argument', /non-negative integer/],
  ['a where true | head ⟨-1⟩', 'eql/pipe-argument', /non-negative integer/],
  ['a where true | tail ⟨1.5⟩', 'eql/pipe-argument', /non-negative integer/],
  ['a where true | head ⟨2 - 3⟩', 'eql/pipe-argument', /non-negative integer/],
  ['a where true | head ⟨x + 1⟩', 'eql/pipe-argument', /non-negative integer/],
  ['a where true | tail ⟨2 * 1.5⟩', 'eql/pipe-argument', /non-negative integer/],
  ['sequence with maxspan=⟨1.5⟩h [a where true] [b where true]', 'eql/maxspan-decimal', /whole number/],
  ['sequence with maxspan=1 ⟨w⟩ [a where true] [b where true]', 'eql/maxspan-unit', /ms, s, m, h, d/],
  ['sequence with maxspan=⟨30⟩ [a where true] [b where true]', 'eql/maxspan-no-unit', /30s/],
  ['sequence with maxspan=⟨0⟩s [a where true] [b where true]', 'eql/maxspan-positive', /greater than zero/],
  ['sequence with maxspan=1m ⟨by h⟩ [a where true] [b where true]', 'eql/by-after-with', /before/],
  ['sequence [a where true] with ⟨fork⟩=1 [b where true]', 'eql/stage-option', /runs/],
  ['sequence [a where true] with runs=⟨0⟩', 'eql/runs-range', /1 to 100/],
  ['sequence [a where true] with runs=⟨101⟩', 'eql/runs-range', /1 to 100/],
  ['⟨sequence [a where true]⟩', 'eql/sequence-too-short', /at least 2/],
  ['sequence [a where true] by x [b where true] by ⟨x, y⟩', 'eql/join-key-count', /expected 1.*found 2/],
  ['sequence [a where true] by x ⟨[b where true]⟩', 'eql/join-key-count', /expected 1.*found 0/],
  ['sequence [a where true] ⟨![b where true]⟩ [c where true]', 'eql/missing-needs-maxspan', /maxspan/],
  ['⟨sequence with maxspan=1s ![a where true] ![b where true]⟩', 'eql/missing-needs-positive', /not a missing-event/],
  ['sequence [a where true] [b where true] until [c where true] ⟨with runs=2⟩', 'eql/until-runs', /cannot repeat/],
  ['sample by x [a where true] ⟨![b where true]⟩', 'eql/sample-missing', /sequence/],
  ['a where x == ⟨1e400⟩', 'eql/number-too-large', /too large/],
  [`a where x == ⟨${'9'.repeat(400)}⟩`, 'eql/number-too-large', /too large/],
  ['a where x[⟨0⟩] == 1', 'eql/array-index', /Array indexes are not supported/],
  ['registry where a[⟨0⟩]', 'eql/array-index', /not supported/],
  ['registry where a[⟨0⟩][1].b', 'eql/array-index', /`a.b`/],
  ['any where x.y[⟨100⟩].z == 0', 'eql/array-index', /`x.y.z`/],
  ['registry where length(l) > 0 and l[⟨0⟩] == "EN-us"', 'eql/array-index', /not supported/],
  ['sequence by ⟨unique_pid * 2⟩ [a where true] [b where true]', 'eql/join-key-expression', /only fields/],
  ['sequence [a where true] by ⟨length(p)⟩ [b where true] by q', 'eql/join-key-expression', /Unsupported join key/],
  ['sample by ⟨"x"⟩ [a where true] [b where true]', 'eql/join-key-expression', /not a field/],
  ['a where x == "⟨\\W⟩indows"', 'eql/invalid-escape', /backslash/],
  ['a where x == "⟨\\u{1}⟩"', 'eql/invalid-unicode-escape', /2 to 8 hex/],
  ['a where x == "⟨\\u{110000}⟩"', 'eql/invalid-unicode-escape', /hex/],
  ['a where ⟨``⟩ == 1', 'eql/empty-field-name', /empty/],
  // plain syntax errors, each with a located, plain-words message
  ['process ⟨x⟩ == 1', 'eql/syntax', /expected `where` after the event category `process`, found `x`/],
  ['process where⟨⟩ ', 'eql/syntax', /expected a condition after `where`, found the end of the query/],
  ['a where x == ⟨)⟩', 'eql/syntax', /expected a value .*found `\)`/],
  ['a where x ⟨"b"⟩', 'eql/syntax', /found a string/],
  ['a where x == ⟨"abc⟩', 'eql/unterminated-string', /not closed/],
  ['sequence [a where true] ⟨!⟩ [b where true]', 'eql/syntax', /`!\[`/],
  ['a where x in ⟨"a"⟩', 'eql/syntax', /expected `\(`/],
  ['a where x : ⟨y⟩', 'eql/syntax', /expected .*string/],
  ['⟨where⟩ x', 'eql/syntax', /expected/],
];

describe('parse: every rejection has a located, plain-language message', () => {
  it.each(rejections)('%s → %s', (marked, code, message) => {
    const start = marked.indexOf('⟨');
    const end = marked.indexOf('⟩') - 1;
    const query = marked.replace('⟨', '').replace('⟩', '');
    const result = parse(query);
    const d = result.diagnostics.find((x) => x.code === code);
    expect(d, JSON.stringify(result.diagnostics)).toBeDefined();
    expect(d!.severity).toBe('error');
    expect(d!.span).toEqual({ start, end });
    expect(d!.message).toMatch(message);
    expect(d!.message).not.toMatch(/Line \d+, col|Expected/); // never Ohm's raw expectation text
  });
});

describe('parse: robustness', () => {
  it('never throws and keeps spans inside the text', () => {
    for (const q of ['', ' ', '"', '"""', '/*', '`', '[', '![', 'sequence', 'a where (((((', '\u0000', 'a where x == "\\', 'a where x == """abc']) {
      const r = parse(q);
      for (const d of r.diagnostics) {
        expect(d.span.start).toBeGreaterThanOrEqual(0);
        expect(d.span.end).toBeLessThanOrEqual(q.length);
        expect(d.span.start).toBeLessThanOrEqual(d.span.end);
      }
      expect(r.ast === undefined || r.diagnostics.length >= 0).toBe(true);
    }
  });

  it('gives spans to every node', () => {
    const q = 'sequence by h with maxspan=1m [a where x : "y" and f~(z, 1)] by k [b where not q in (1)] | head 1';
    const r = parse(q);
    const stmt = r.ast!;
    expect(q.slice(stmt.span.start, stmt.span.end)).toBe(q);
    const seq = stmt.query;
    if (seq.kind !== 'sequence') throw new Error('not a sequence');
    expect(q.slice(seq.stages[0].span.start, seq.stages[0].span.end)).toBe('[a where x : "y" and f~(z, 1)] by k');
    expect(q.slice(seq.maxspan!.span.start, seq.maxspan!.span.end)).toBe('1m');
  });

  it('collects comments only when asked', () => {
    const q = '// head\nprocess where /* mid */ true';
    expect(parse(q).comments).toEqual([]);
    expect(parse(q, { comments: true }).comments.map((c) => c.text)).toEqual(['// head', '/* mid */']);
  });
});
