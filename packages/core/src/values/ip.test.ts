import { describe, expect, it } from 'vitest';
import { canonicalIp, cidrMatch, formatIp, isIpv4Key, parseCidr, parseIp, parseIpRange } from './ip.js';

describe('parseIp / formatIp', () => {
  // input → canonical ES text, or undefined when invalid
  const cases: Array<[string, string | undefined]> = [
    ['10.0.0.1', '10.0.0.1'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['256.0.0.1', undefined],
    ['1.2.3', undefined],
    ['1.2.3.4.5', undefined],
    ['01.2.3.4', undefined], // leading zero
    ['1.2.3.04', undefined],
    ['1..3.4', undefined],
    ['1.2.3.4.', undefined],
    ['.1.2.3', undefined],
    ['1.2.3.-4', undefined],
    [' 1.2.3.4', undefined],
    ['1234', undefined],
    ['', undefined],
    ['::', '::'],
    ['::1', '::1'],
    ['1::', '1::'],
    ['2001:db8::1', '2001:db8::1'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], // leftmost of equal runs
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'], // longest run wins
    ['2001:db8:1:1:1:1:1:0', '2001:db8:1:1:1:1:1:0'], // a single zero group is not compressed
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
    ['0001:0002::', '1:2::'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
    ['::2:3:4:5:6:7:8', '0:2:3:4:5:6:7:8'],
    ['1:2:3:4:5:6:7:8::', undefined], // "::" must stand for at least one group
    ['::1:2:3:4:5:6:7:8', undefined],
    ['1:2:3:4:5:6:7', undefined],
    ['1:2:3:4:5:6:7:8:9', undefined],
    ['1::2::3', undefined],
    [':::', undefined],
    [':1::', undefined],
    ['1::2:', undefined],
    [':', undefined],
    ['12345::', undefined], // five hex digits
    ['g::1', undefined],
    ['fe80::1%eth0', undefined], // zone ids rejected
    ['fe80::1%', undefined],
    ['::ffff:1.2.3.4', '1.2.3.4'], // IPv4-mapped is IPv4
    ['::FFFF:1.2.3.4', '1.2.3.4'],
    ['::ffff:102:304', '1.2.3.4'],
    ['::1.2.3.4', '::102:304'], // IPv4-compatible stays IPv6
    ['1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:102:304'],
    ['1:2:3:4:5:6:7:1.2.3.4', undefined],
    ['::ffff:1.2.3.256', undefined],
    ['::ffff:1.2.3', undefined],
    ['1.2.3.4::', undefined], // colon after dots
  ];
  it.each(cases)('%j → %j', (text, canonical) => {
    expect(canonicalIp(text)).toBe(canonical);
    if (canonical !== undefined) expect(canonicalIp(canonical)).toBe(canonical);
  });

  it('IPv4 keys live in the mapped range and order by address', () => {
    const sorted = ['::', '::1', '::ffff:0:0', '0.0.0.1', '9.255.255.255', '10.0.0.0', '192.168.1.1', '255.255.255.255', '::1:0:0:0', '2001:db8::', 'ffff::'];
    const keys = sorted.map((s) => parseIp(s) as string);
    for (let i = 1; i < keys.length; i++) expect(keys[i - 1] < keys[i], `${sorted[i - 1]} < ${sorted[i]}`).toBe(true);
    expect(isIpv4Key(keys[3])).toBe(true);
    expect(isIpv4Key(keys[1])).toBe(false);
    expect(parseIp('::ffff:10.0.0.1')).toBe(parseIp('10.0.0.1'));
    expect(formatIp(parseIp('::ffff:0:0') as string)).toBe('0.0.0.0');
  });
});

describe('parseCidr (ES InetAddresses.parseCidr, messages included)', () => {
  const errors: Array<[string, string]> = [
    ['10.0.0.0', 'Expected [ip/prefix] but was [10.0.0.0]'],
    ['10.0.0.0/8/9', 'Expected [ip/prefix] but was [10.0.0.0/8/9]'],
    ['/', 'Expected [ip/prefix] but was [/]'],
    ['10.0.0.0/', 'Expected [ip/prefix] but was [10.0.0.0/]'],
    ['/8', "'' is not an IP string literal."],
    ['10.0.0/8', "'10.0.0' is not an IP string literal."],
    ['10.0.0.0/abc', 'For input string: "abc"'],
    ['10.0.0.0/8.5', 'For input string: "8.5"'],
    ['10.0.0.0/33', 'Illegal prefix length [33] in [10.0.0.0/33]. Must be 0-32 for IPv4 ranges, 0-128 for IPv6 ranges'],
    ['10.0.0.0/-1', 'Illegal prefix length [-1] in [10.0.0.0/-1]. Must be 0-32 for IPv4 ranges, 0-128 for IPv6 ranges'],
    ['::/129', 'Illegal prefix length [129] in [::/129]. Must be 0-32 for IPv4 ranges, 0-128 for IPv6 ranges'],
    [
      '::ffff:0:0/96',
      'CIDR notation is not allowed with IPv6-mapped IPv4 address [::ffff:0:0 as it introduces ambiguity as to whether the prefix length should be interpreted as a v4 prefix length or a v6 prefix length',
    ],
  ];
  it.each(errors)('%j is an error', (text, message) => {
    const r = parseCidr(text);
    expect(r).toEqual({ ok: false, error: message });
  });

  it('accepts Java integer spellings of the prefix', () => {
    expect(parseCidr('10.0.0.0/+8').ok).toBe(true);
    expect(parseCidr('10.0.0.0/008').ok).toBe(true);
    expect(parseCidr('10.0.0.0/8//').ok).toBe(true); // Java split drops trailing empty strings
  });

  it('parseIpRange takes a bare address as an exact match', () => {
    const r = parseIpRange('10.0.0.1');
    expect(r.ok && r.range.lower === r.range.upper).toBe(true);
    expect(parseIpRange('nope')).toEqual({ ok: false, error: "'nope' is not an IP string literal." });
  });
});

describe('cidrMatch', () => {
  const cases: Array<[string, string, boolean | undefined]> = [
    ['10.0.0.1', '10.0.0.0/8', true],
    ['10.255.255.255', '10.0.0.0/8', true],
    ['11.0.0.0', '10.0.0.0/8', false],
    ['9.255.255.255', '10.0.0.0/8', false],
    ['10.6.48.157', '10.6.48.157/32', true],
    ['10.6.48.158', '10.6.48.157/32', false],
    ['10.6.48.157', '10.6.48.157', true], // bare address: exact
    ['192.168.1.77', '192.168.1.0/24', true],
    ['192.168.1.77', '192.168.1.99/24', true], // host bits of the block are ignored
    ['1.2.3.4', '0.0.0.0/0', true],
    ['::1', '0.0.0.0/0', false], // an IPv4 block never matches IPv6
    ['1.2.3.4', '::/0', true], // IPv4 lives inside the IPv6 space
    ['1.2.3.4', '::fffe:0:0/95', true],
    ['1.2.3.4', '::/96', false],
    ['::ffff:10.1.2.3', '10.0.0.0/8', true], // mapped address = IPv4 address
    ['2001:db8::1', '2001:db8::/32', true],
    ['2001:db9::1', '2001:db8::/32', false],
    ['2001:db8::1', '2001:db8::1/128', true],
    ['fe80::1', 'fe80::/10', true],
    ['febf:ffff::', 'fe80::/10', true],
    ['fec0::', 'fe80::/10', false],
    ['not-an-ip', '10.0.0.0/8', undefined],
    ['10.0.0.1', '10.0.0.0/40', undefined],
    ['10.0.0.1', '::ffff:10.0.0.0/104', undefined],
  ];
  it.each(cases)('%s in %s → %s', (ip, cidr, expected) => {
    expect(cidrMatch(ip, cidr)).toBe(expected);
  });

  it('accepts a pre-parsed range', () => {
    const r = parseCidr('172.16.0.0/12');
    if (!r.ok) throw new Error(r.error);
    expect(cidrMatch('172.31.255.255', r.range)).toBe(true);
    expect(cidrMatch('172.32.0.0', r.range)).toBe(false);
  });
});
