import { describe, expect, it } from 'vitest';
import { displayValues, displayWidth, jsonTerminalSafe, terminalSafe, truncateToWidth } from './terminal-safe.js';

describe('terminalSafe', () => {
  it('escapes C0 controls, DEL and C1 controls', () => {
    expect(terminalSafe('a\x1b[2Jb')).toBe('a\\x1B[2Jb');
    expect(terminalSafe('cmd\rfake\x07\x00')).toBe('cmd\\rfake\\x07\\x00');
    expect(terminalSafe('x\ty\nz')).toBe('x\\ty\\nz');
    expect(terminalSafe('\x7f\x9b31m\x85')).toBe('\\x7F\\x9B31m\\x85');
  });
  it('escapes bidi overrides, isolates, invisible characters and lone surrogates', () => {
    expect(terminalSafe('evil\u202Eexe.txt')).toBe('evil\\u202Eexe.txt');
    expect(terminalSafe('\u2066a\u2069\u200b\ufeff\u2028')).toBe('\\u2066a\\u2069\\u200B\\uFEFF\\u2028');
    expect(terminalSafe('a\ud800b\udc00')).toBe('a\\uD800b\\uDC00');
  });
  it('leaves ordinary text alone, including backslashes, emoji and non-Latin scripts', () => {
    for (const s of ['C:\\Windows\\System32\\cmd.exe', '👩‍💻 données 漢字', 'مرحبا', '']) expect(terminalSafe(s)).toBe(s);
  });
});

describe('jsonTerminalSafe', () => {
  it('writes the unsafe characters as \\u escapes, keeping the JSON value', () => {
    const value = { name: 'a\x9b\u202Eb\x7f', n: 1 };
    const safe = jsonTerminalSafe(JSON.stringify(value));
    expect(safe).toBe('{"name":"a\\u009B\\u202Eb\\u007F","n":1}');
    expect(JSON.parse(safe)).toEqual(value);
    expect(/[\x00-\x1f\x7f-\x9f\u202e]/.test(safe)).toBe(false);
  });
});

describe('display width and truncation', () => {
  it('counts wide characters twice and combining marks not at all', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('漢字')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
  });
  it('cuts to the width with an ellipsis, whole characters only', () => {
    expect(truncateToWidth('abcdef', 6)).toBe('abcdef');
    expect(truncateToWidth('abcdefg', 6)).toBe('abcde…');
    expect(truncateToWidth('漢字漢字', 5)).toBe('漢字…');
    expect(truncateToWidth('👩‍💻👩‍💻👩‍💻', 4)).toBe('👩‍💻…');
    expect(truncateToWidth('abc', 0)).toBe('');
  });
  it('costs little on a very long value', () => {
    const long = 'x'.repeat(5_000_000);
    expect(truncateToWidth(long, 10)).toBe('xxxxxxxxx…');
    expect(displayWidth(long, 100)).toBeGreaterThan(100);
  });
});

describe('displayValues', () => {
  it('shows one value as itself and several as a JSON array', () => {
    expect(displayValues([])).toBe('');
    expect(displayValues(['a, b'])).toBe('a, b');
    expect(displayValues(['a', 'b'])).toBe('["a", "b"]');
    expect(displayValues([1, true])).toBe('[1, true]');
    expect(displayValues([{ a: 1 }])).toBe('{"a":1}');
  });
});
