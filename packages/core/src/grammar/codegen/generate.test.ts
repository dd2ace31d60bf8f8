import * as ohm from 'ohm-js';
import { describe, expect, it } from 'vitest';
import { dumpTree, type TreeNode } from '../../../../../test/support/cst-dump.js';
import { createParser } from '../generated/eql-parser.js';
import { eqlGrammar } from '../load.js';
import { CstNode } from '../fast/cst-node.js';
import { generateParser } from './generate.js';

/** Loads a generated parser without writing it to disk. */
function load(grammar: ohm.Grammar): (text: string) => CstNode | null {
  const factory = new Function(`${generateParser(grammar).factory}\nreturn createParser;`)() as typeof createParser;
  const parser = factory(CstNode);
  return (text) => parser.match(text);
}

/** Same match, and then the same CST (every lazy node expanded), as Ohm. */
function expectSameAsOhm(grammar: ohm.Grammar, match: (text: string) => CstNode | null, text: string): boolean {
  const expected = grammar.match(text);
  const root = match(text);
  expect(root !== null, `match of ${JSON.stringify(text)}`).toBe(expected.succeeded());
  if (root) expect(dumpTree(root), JSON.stringify(text)).toStrictEqual(dumpTree(grammar.createSemantics()(expected) as unknown as TreeNode));
  return root !== null;
}

// Constructs our grammar does not use (or uses in one way only), each next to a twist of itself.
const toy = ohm.grammar(String.raw`
  Toy {
    Start = Stmt* end
    Stmt
      = Call ";"                                  -- call
      | #(name "=") Value ";"                     -- assign
      | "list" ListOf<Value, ","> ";"             -- list
      | "pairs" Pair<Value, Wrap<number>>+ ";"    -- pairs
      | "peek" &Value Value ";"                   -- peek
      | "sym" (symPair | symSplit) ";"            -- sym
      | tag ";"                                   -- tag
    Call = name "(" listOf<arg, ","> ")"
    Pair<a, b> = "<" a b ">"
    Wrap<x> = "[" x "]"
    Value = number | str | name | "(" Value ")"   -- paren
    number = digit+ ("." digit+)?
    str = "\"" (~"\"" any)* "\"" | "'" ("\u{0}".."\u{26}" | "\u{28}".."\u{10FFFF}")* "'"
    name = ~kw letter alnum*
    kw = ("list" | "pairs" | "peek" | "sym" | "let") ~alnum
    arg = &digit digit alnum*                     -- num
        | letter alnum*                           -- word
    tag = "<" (alnum &alnum)* alnum ">"
    symPair = "p" ("\u{10000}".."\u{10FFFF}" | "\u{D800}".."\u{DBFF}" | "a".."z")+
    symSplit = "s" ("\u{D800}".."\u{DBFF}" | "\u{10000}".."\u{10FFFF}" | "\u{DC00}".."\u{DFFF}" | "a".."z")+
    space += lineComment
    lineComment = "#" (~"\n" any)*
  }
`);

const toyInputs = [
  '',
  'f(a,b1,2);',
  'f( a, b );',
  'f(a , b);',
  'x= 1;',
  'x =1;',
  'list 1, "two" , (three);',
  'list ;',
  'pairs <1 [2]> < x [3.5] >;',
  'pairs;',
  'peek 1;',
  'peek (x);',
  "x='a\u{1F600}b';",
  'sym p\u{1F600}a;',
  'sym s\u{1F600}a;',
  'sym s\ud800;',
  'sym p\udc00;',
  '<ab1>;',
  '<a>;',
  '<>;',
  'f(a); # comment\n x= "s"; # end',
  'let = 1;',
  'lets= 1;',
  'f(1a);',
];

describe('generateParser on a toy grammar', () => {
  const match = load(toy);

  it.each(toyInputs)('builds the same CST as Ohm for %j', (text) => {
    expectSameAsOhm(toy, match, text);
  });

  it('agrees with Ohm on 3,000 random statement lists, half of them damaged', () => {
    const pieces = ['f', 'x', '1', '2.5', '(', ')', ',', ';', '=', ' ', '"', "'", '<', '>', '[', ']', 'list', 'peek', 'p', 's', '#', '\n', '\u{1F600}', '\ud800', '\udc00'];
    let seed = 12345;
    const pick = <T>(xs: readonly T[]): T => xs[((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >>> 8) % xs.length];
    const valid = toyInputs.filter((t) => toy.match(t).succeeded());
    let matched = 0;
    for (let i = 0; i < 3000; i++) {
      let text = [pick(valid), pick(valid), pick(toyInputs)].join(pick([' ', '', '\n']));
      if (pick([true, false])) {
        const at = pick([...Array(text.length + 1).keys()]);
        text = pick([true, false]) ? text.slice(0, at) + pick(pieces) + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      }
      if (expectSameAsOhm(toy, match, text)) matched++;
    }
    expect(matched).toBeGreaterThan(1000);
    expect(matched).toBeLessThan(2900);
  });

  it('is deterministic', () => {
    expect(generateParser(toy).module).toBe(generateParser(toy).module);
  });
});

describe('generateParser refuses what it cannot do faithfully', () => {
  it('rejects left recursion, which only a memo table can grow', () => {
    const g = ohm.grammar('L { Exp = Exp "+" num -- plus\n | num\n num = digit+ }');
    expect(() => generateParser(g)).toThrow(/left recursion Exp → Exp_plus → Exp/);
  });

  it('rejects applySyntactic', () => {
    const g = ohm.grammar('A { start = applySyntactic<Word> \n Word = "x" }');
    expect(() => generateParser(g, 'Start')).toThrow();
    const h = ohm.grammar('A { Start = w \n w = applySyntactic<Word> \n Word = "x" }');
    expect(() => generateParser(h)).toThrow(/applySyntactic/);
  });
});

describe('the generated EQL parser needs no memo table', () => {
  /** How many times one match reads the input, successful or not: the work of backtracking shows up here. */
  function reads(text: string): number {
    let count = 0;
    class CountingText extends String {
      override charCodeAt(i: number): number {
        count++;
        return super.charCodeAt(i);
      }
      override codePointAt(i: number): number | undefined {
        count++;
        return super.codePointAt(i);
      }
      override startsWith(s: string, i?: number): boolean {
        count++;
        return super.startsWith(s, i);
      }
    }
    createParser(CstNode).match(new CountingText(text) as unknown as string);
    return count;
  }

  // Nested forms, matching or failing deep inside: exponential without memoization if two alternatives re-parsed
  // the same nested expression, linear otherwise.
  const nestings: [string, (n: number) => string][] = [
    ['unclosed parentheses', (n) => `a where ${'('.repeat(n)}x`],
    ['closed parentheses', (n) => `a where ${'('.repeat(n)}x${')'.repeat(n)}`],
    ['unclosed calls', (n) => `a where ${'f('.repeat(n)}x`],
    ['closed calls', (n) => `a where ${'f('.repeat(n)}x${')'.repeat(n)}`],
    ['in lists', (n) => `a where ${'x in ('.repeat(n)}1${')'.repeat(n)}`],
    ['lineage-like nesting', (n) => `a where ${'p of [e where '.repeat(n)}x`],
    ['negations', (n) => `a where ${'not '.repeat(n)}x ==`],
    ['signs and operators', (n) => `a where ${'-x * '.repeat(n)} : (`],
    ['comparisons in a subquery', (n) => `sequence [a where ${'x == (y == '.repeat(n)}1${')'.repeat(n)}] [b where true]`],
  ];

  it.each(nestings)('does linear work on %s', (_, make) => {
    // Four times the depth, at most four times the reads (plus the fixed part's share).
    expect(reads(make(80)) / reads(make(20))).toBeLessThan(4);
  });

  it('parses what Ohm parses on these forms, and only that', () => {
    const parser = createParser(CstNode);
    for (const [, make] of nestings) expectSameAsOhm(eqlGrammar, (text) => parser.match(text), make(12));
  });
});
