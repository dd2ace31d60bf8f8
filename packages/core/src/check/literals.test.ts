import { describe, expect, it } from 'vitest';
import { sourceOffset } from './literals.js';
import { checkMock, codesOf } from '../../testing/check-mock.js';

describe('sourceOffset (decoded offset → offset in the literal as written)', () => {
  it.each([
    ['"abc"', 1, 2],
    ['"a\\\\b"', 1, 2],
    ['"a\\\\b"', 2, 4], // the escape \\ is one decoded character
    ['"\\u{20AC}x"', 1, 9],
    ['"\\u{1F600}x"', 2, 10], // an astral escape decodes to two UTF-16 units
    ['"""a\\b"""', 2, 5], // raw: no escapes
    ['"abc"', 99, 4],
  ] as const)('%s at %i → %i', (text, decoded, expected) => {
    expect(sourceOffset(text, decoded)).toBe(expected);
  });
});

describe('CIDR blocks of cidrMatch', () => {
  it.each([
    ['"10.0.0.0/8"', []],
    ['"::1"', []],
    ['"fe80::/10"', []],
    ['"10.0.0.0/8", "192.168.0.0/33"', ['error eql/invalid-cidr']],
    ['"10.0.0"', ['error eql/invalid-cidr']],
    ['"::ffff:10.0.0.0/104"', ['error eql/invalid-cidr']],
  ] as const)('%s', (blocks, expected) => {
    expect(codesOf(checkMock(`any where cidrMatch(ipField, ${blocks})`))).toEqual(expected);
  });

  it('quotes the Elasticsearch reason', () => {
    expect(checkMock('any where cidrMatch(ipField, "10.0.0.0/40")')[0].message).toBe(
      'not a valid CIDR block: Illegal prefix length [40] in [10.0.0.0/40]. Must be 0-32 for IPv4 ranges, 0-128 for IPv6 ranges',
    );
  });
});
