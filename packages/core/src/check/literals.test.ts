import { describe, expect, it } from 'vitest';
import { sourceOffset } from './literals.js';
import { checkMock, codesOf, mockSchema } from '../../testing/check-mock.js';

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

describe('strings compared with a date field (the search fails on one the field format cannot read)', () => {
  it.each([
    ['any where dateField == "2020-02-02"', []],
    ['any where dateField >= "2020-02-02T10:11:12.123Z"', []],
    ['any where dateField == "20200241"', []], // epoch millis, the default format's second choice
    ['any where dateField > "now-1d/d"', []],
    ['any where dateField < "2020-01-01||+1M"', []],
    ['any where dateField == 1580601600000', []],
    ['any where dateField == "2020-02-41"', ['error eql/type-mismatch']],
    ['any where dateField == ""', ['error eql/type-mismatch']],
    ['any where dateField in ("2020-02-02", "yesterday")', ['error eql/type-mismatch']],
  ] as const)('%s', (query, expected) => {
    expect(codesOf(checkMock(query))).toEqual(expected);
  });

  it('reads the field format from the mapping, and names it', () => {
    const ds = checkMock('any where dmy == "01-02-2020" or dmy == "2020-02-01"', { schema: mockSchema([['dmy', 'date', { format: 'dd-MM-yyyy' }]]) });
    expect(codesOf(ds)).toEqual(['error eql/type-mismatch']);
    expect(ds[0].message).toMatch(/a date \(format `dd-MM-yyyy`\).*`"2020-02-01"`.*the search fails/);
  });
});
