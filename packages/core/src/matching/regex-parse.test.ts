import { describe, expect, it } from 'vitest';
import type { ClassItem, RegexNode } from './regex-ast.js';
import { parseLuceneRegex } from './regex-parse.js';

/** A compact, readable rendering of the tree, so tables can state the expected shape. */
function show(node: RegexNode): string {
  const item = (i: ClassItem): string =>
    i.kind === 'char' ? String.fromCodePoint(i.cp) : i.kind === 'range' ? `${String.fromCodePoint(i.from)}-${String.fromCodePoint(i.to)}` : `\\${i.name}`;
  switch (node.kind) {
    case 'literal':
      return JSON.stringify(node.text);
    case 'class':
      return `[${node.negated ? '^' : ''}${node.items.map(item).join(' ')}]`;
    case 'union':
      return `(| ${node.alternatives.map(show).join(' ')})`;
    case 'intersection':
      return `(& ${node.operands.map(show).join(' ')})`;
    case 'concat':
      return `(cat ${node.parts.map(show).join(' ')})`;
    case 'repeat':
      return `(rep${node.min},${node.max ?? ''} ${show(node.operand)})`;
    case 'complement':
      return `(~ ${show(node.operand)})`;
    case 'anyChar':
      return '.';
    case 'anyString':
      return '@';
    case 'emptyLanguage':
      return '#';
    case 'interval':
      return `<${node.min}-${node.max}/${node.digits}>`;
  }
}

describe('parseLuceneRegex: shapes', () => {
  it.each([
    ['', '""'],
    ['abc', '(cat "a" "b" "c")'],
    ['a|b|c', '(| "a" "b" "c")'],
    ['ab|cd', '(| (cat "a" "b") (cat "c" "d"))'],
    ['ab&cd|e', '(| (& (cat "a" "b") (cat "c" "d")) "e")'],
    ['a*?', '(rep0,1 (rep0, "a"))'], // stacked, not lazy
    ['a+', '(rep1, "a")'],
    ['a{2}{3}', '(rep3,3 (rep2,2 "a"))'],
    ['a{2,}', '(rep2, "a")'],
    ['a{2,5}', '(rep2,5 "a")'],
    ['a{3,2}', '(rep3,2 "a")'],
    ['~ab', '(cat (~ "a") "b")'],
    ['~~a*', '(rep0, (~ (~ "a")))'], // complement binds tighter than repetition
    ['[a-c]', '[a-c]'],
    ['[^a-c_]', '[^a-c _]'],
    ['[]a]', '[] a]'],
    ['[a\\]]', '[a ]]'],
    ['[\\d-z]', '[\\d - z]'],
    ['[a-\\d]', '[a-d]'], // Lucene reads a range end with a plain escape
    ['[\\\\-z]', '[\\ - z]'], // an escaped backslash is returned before Lucene looks for '-'
    ['[-a]', '[- a]'],
    ['[.*+?(]', '[. * + ? (]'],
    ['\\d\\W', '(cat [\\d] [\\W])'],
    ['"a.b\\"', '"a.b\\\\"'], // no escapes inside quotes
    ['()', '""'],
    ['(a)', '"a"'],
    ['.@#', '(cat . @ #)'],
    ['<1-100>', '<1-100/0>'],
    ['<01-10>', '<1-10/2>'],
    ['<10-1>', '<1-10/0>'],
    ['<+1-5>', '<1-5/0>'],
    // operators where an expression must start are plain characters
    ['*a', '(cat "*" "a")'],
    ['+', '"+"'],
    ['{1}', '(cat "{" "1" "}")'],
    ['a||b', '(| "a" (cat "|" "b"))'],
    ['(|a)', '(cat "|" "a")'],
    ['(a|))', '(| "a" ")")'],
    ['&a', '(cat "&" "a")'],
    ['a&&b', '(& "a" (cat "&" "b"))'],
    [']}>', '(cat "]" "}" ">")'],
    ['^a$', '(cat "^" "a" "$")'],
    ['\\.\\\\\\@\\1\\é', '(cat "." "\\\\" "@" "1" "é")'],
    ['😀+', '(rep1, "😀")'],
  ])('%j -> %s', (pattern, expected) => {
    const result = parseLuceneRegex(pattern);
    if (!result.ok) throw new Error(`unexpected error: ${result.message}`);
    expect(show(result.ast)).toBe(expected);
  });

  it('records spans as UTF-16 offsets', () => {
    const result = parseLuceneRegex('ab|c(d*)');
    if (!result.ok) throw new Error(result.message);
    expect(result.ast).toMatchObject({ kind: 'union', start: 0, end: 8 });
    if (result.ast.kind !== 'union') throw new Error('not a union');
    expect(result.ast.alternatives[1]).toMatchObject({ kind: 'concat', start: 3, end: 8 });
  });
});

describe('parseLuceneRegex: errors', () => {
  it.each([
    ['(', "missing ')' to close the group", 0, 1],
    ['(a', "missing ')' to close the group", 0, 1],
    ['a(b(c)', "missing ')' to close the group", 1, 2],
    ['a)', "unmatched ')'", 1, 2],
    ['[a', "missing ']' to close the character class", 0, 1],
    ['x[', "missing ']' to close the character class", 1, 2],
    ['[^', "missing ']' to close the character class", 0, 1],
    ['[]', "missing ']' to close the character class", 0, 1],
    ['[z-a]', "invalid character range 'z-a': 'z' comes after 'a'", 1, 4],
    ['[a-]', "invalid character range 'a-]'", 1, 4],
    ['[a-', 'unfinished character range', 2, 3],
    ['"abc', `missing '"' to close the quoted text`, 0, 1],
    ['a{', 'expected a number after {', 2, 2],
    ['a{,2}', 'expected a number after {', 2, 2],
    ['a{2', "expected '}' to close the repetition", 3, 3],
    ['a{2,x}', "expected '}' to close the repetition", 4, 4],
    ['a{99999999999}', 'repetition count is too large', 2, 13],
    ['a|', "nothing follows '|'", 1, 2],
    ['a&', "nothing follows '&'", 1, 2],
    ['~', "nothing follows '~'", 0, 1],
    ['a\\', 'a backslash at the end of the pattern has nothing to escape', 1, 2],
    ['\\n', "'\\n' is not a valid escape", 0, 2],
    ['a\\t', "'\\t' is not a valid escape", 1, 3],
    ['[\\b]', "'\\b' is not a valid escape", 1, 3],
    ['<foo>', "'<foo>' refers to a named automaton", 0, 5],
    ['<1-x>', "invalid numeric interval '<1-x>'", 0, 5],
    ['<-5>', "invalid numeric interval '<-5>'", 0, 4],
    ['<1-2-3>', "invalid numeric interval '<1-2-3>'", 0, 7],
    ['<1-99999999999>', "invalid numeric interval", 0, 15],
    ['<1-5', "missing '>' to close the numeric interval", 0, 1],
    ['('.repeat(600) + ')'.repeat(600), 'the pattern nests groups too deeply', 500, 501],
  ])('%j: %s', (pattern, message, offset, end) => {
    const result = parseLuceneRegex(pattern);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(message);
    expect([result.offset, result.end]).toEqual([offset, end]);
  });

  it('reads a Windows path with single backslashes as escapes, failing on letters Lucene reserves', () => {
    // `C:\Windows` in a regex is `C:` then the class `\W`, then `indows`: legal, but not what the author meant.
    const ok = parseLuceneRegex('C:\\Windows');
    expect(ok.ok).toBe(true);
    const bad = parseLuceneRegex('C:\\Program Files');
    expect(bad).toMatchObject({ ok: false, offset: 2, end: 4 });
  });
});
