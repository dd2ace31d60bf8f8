/**
 * IP addresses as an Elasticsearch `ip` field holds them: every address is 16 bytes, IPv4 stored
 * IPv4-mapped (`::ffff:a.b.c.d`, Lucene's InetAddressPoint), so the two families share one order
 * (all IPv4 addresses sort inside `::ffff:0:0/96`) and `::ffff:10.0.0.1` *is* `10.0.0.1`.
 *
 * Parsing follows ES `InetAddresses.forString`: dotted-quad IPv4 without leading zeros, IPv6 with
 * 1–4 hex digits per group, at most one `::` standing for at least one group, an optional
 * trailing dotted quad. Zone ids (`fe80::1%eth0`) are rejected, as in ES 7.x/8.x (the newest ES
 * releases ignore the suffix instead).
 *
 * CIDR follows `InetAddresses.parseCidr` (error texts included): an IPv4 block is a range inside
 * the mapped space, so IPv6 addresses never match it; an IPv6 block is a 128-bit range, so
 * `::/0` (or `::fffe:0:0/95`) also matches IPv4 addresses; a block written as an IPv4-mapped
 * IPv6 address (`::ffff:10.0.0.0/104`) is an error, as ES calls its prefix length ambiguous.
 */

/**
 * An address as 8 UTF-16 code units (the 16 bytes, big-endian in pairs): compare keys with
 * plain `<`/`>`/`===` to get Elasticsearch's order; usable as a Map key.
 */
export type IpKey = string;

const MAPPED_PREFIX = '\0\0\0\0\0\uffff';

/** Dotted quad in s[start, end) → 4 octets, or undefined. No leading zeros (octal/decimal ambiguity). */
function parseV4(s: string, start: number, end: number): number[] | undefined {
  const out: number[] = [];
  let octet = 0;
  let digits = 0;
  for (let i = start; i <= end; i++) {
    const c = i === end ? 46 : s.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || octet > 255 || out.length === 4) return undefined;
      out.push(octet);
      octet = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && octet === 0) return undefined;
      octet = octet * 10 + (c - 48);
      if (++digits > 3) return undefined;
    } else {
      return undefined;
    }
  }
  return out.length === 4 ? out : undefined;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Eight 16-bit groups of an IPv6 literal (trailing dotted quad already rewritten to hex), or undefined. */
function parseV6(s: string): number[] | undefined {
  const len = s.length;
  if (len < 2) return undefined;
  if (s[0] === ':' && s[1] !== ':') return undefined;
  if (s[len - 1] === ':' && s[len - 2] !== ':') return undefined;
  const groups: number[] = [];
  let compressAt = -1;
  let groupStart = 0;
  let value = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c === 58) {
      if (groupStart === i) {
        // "::" — only one allowed (the leading "::" reaches here twice, at i = 0 and 1).
        if (compressAt >= 0 && i !== 1) return undefined;
        compressAt = groups.length;
      } else {
        if (groups.length === 8) return undefined;
        groups.push(value);
        value = 0;
      }
      groupStart = i + 1;
    } else {
      const h = hexValue(c);
      if (h < 0 || i - groupStart >= 4) return undefined; // 1-4 hex digits per group
      value = value * 16 + h;
    }
  }
  if (groupStart < len) {
    if (groups.length === 8) return undefined;
    groups.push(value);
  }
  if (compressAt >= 0) {
    if (groups.length >= 8) return undefined; // "::" must stand for at least one group
    groups.splice(compressAt, 0, ...new Array<number>(8 - groups.length).fill(0));
  } else if (groups.length !== 8) {
    return undefined;
  }
  return groups;
}

/** Parses an IPv4 or IPv6 literal to its key; `undefined` when invalid. Never throws. */
export function parseIp(text: string): IpKey | undefined {
  if (text.length === 0 || text.length > 45) return undefined;
  let lastColon = -1;
  let hasDot = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) hasDot = true;
    else if (c === 58) {
      if (hasDot) return undefined; // colons may not follow dots
      lastColon = i;
    }
  }
  if (lastColon < 0) {
    const o = hasDot ? parseV4(text, 0, text.length) : undefined;
    return o === undefined ? undefined : MAPPED_PREFIX + String.fromCharCode((o[0] << 8) | o[1], (o[2] << 8) | o[3]);
  }
  let v6 = text;
  if (hasDot) {
    const o = parseV4(text, lastColon + 1, text.length);
    if (o === undefined) return undefined;
    v6 = `${text.slice(0, lastColon + 1)}${((o[0] << 8) | o[1]).toString(16)}:${((o[2] << 8) | o[3]).toString(16)}`;
  }
  const groups = parseV6(v6);
  return groups === undefined ? undefined : String.fromCharCode(...groups);
}

/** True for keys in `::ffff:0:0/96`, i.e. addresses ES treats as IPv4. */
export function isIpv4Key(key: IpKey): boolean {
  return key.startsWith(MAPPED_PREFIX);
}

/**
 * Formats like ES (`NetworkAddress.format`): IPv4 (including IPv4-mapped) as a dotted quad,
 * IPv6 in RFC 5952 form (lower case, longest run of ≥2 zero groups compressed, leftmost on ties).
 */
export function formatIp(key: IpKey): string {
  if (isIpv4Key(key)) {
    const hi = key.charCodeAt(6);
    const lo = key.charCodeAt(7);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  const g: number[] = [];
  for (let i = 0; i < 8; i++) g.push(key.charCodeAt(i));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (from: number, to: number) => g.slice(from, to).map((x) => x.toString(16)).join(':');
  if (bestLen < 2) return hex(0, 8);
  return `${hex(0, bestStart)}::${hex(bestStart + bestLen, 8)}`;
}

/** Normalises an address literal to ES's canonical text; `undefined` when invalid. */
export function canonicalIp(text: string): string | undefined {
  const key = parseIp(text);
  return key === undefined ? undefined : formatIp(key);
}

/** An inclusive range of addresses (a CIDR block or a single address). */
export interface IpRange {
  readonly lower: IpKey;
  readonly upper: IpKey;
}

export type IpRangeResult = { ok: true; range: IpRange } | { ok: false; error: string };

function notIp(text: string): string {
  return `'${text}' is not an IP string literal.`;
}

/** Java `String.split("/")`: trailing empty strings are removed. */
function javaSplit(s: string, sep: string): string[] {
  const parts = s.split(sep);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Java `Integer.parseInt`, radix 10; undefined where Java throws. */
function javaParseInt(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const v = Number(s);
  return v >= -2147483648 && v <= 2147483647 ? v : undefined;
}

function maskRange(key: IpKey, prefixBits: number): IpRange {
  const lower: number[] = [];
  const upper: number[] = [];
  for (let i = 0; i < 8; i++) {
    const g = key.charCodeAt(i);
    const keep = Math.max(0, Math.min(16, prefixBits - i * 16));
    const hostMask = keep === 16 ? 0 : 0xffff >>> keep;
    lower.push(g & ~hostMask & 0xffff);
    upper.push(g | hostMask);
  }
  return { lower: String.fromCharCode(...lower), upper: String.fromCharCode(...upper) };
}

/**
 * Parses `address/prefix` like ES `InetAddresses.parseCidr`; on failure `error` carries ES's
 * message, suitable for a type-check diagnostic. Never throws.
 */
export function parseCidr(text: string): IpRangeResult {
  const fields = javaSplit(text, '/');
  if (fields.length !== 2) return { ok: false, error: `Expected [ip/prefix] but was [${text}]` };
  const [addressText, prefixText] = fields;
  const key = parseIp(addressText);
  if (key === undefined) return { ok: false, error: notIp(addressText) };
  const v4 = isIpv4Key(key);
  if (v4 && addressText.includes(':'))
    return {
      ok: false,
      error:
        `CIDR notation is not allowed with IPv6-mapped IPv4 address [${addressText} as it introduces ambiguity as to ` +
        'whether the prefix length should be interpreted as a v4 prefix length or a v6 prefix length',
    };
  const prefix = javaParseInt(prefixText);
  if (prefix === undefined) return { ok: false, error: `For input string: "${prefixText}"` };
  if (prefix < 0 || prefix > (v4 ? 32 : 128))
    return { ok: false, error: `Illegal prefix length [${prefix}] in [${text}]. Must be 0-32 for IPv4 ranges, 0-128 for IPv6 ranges` };
  return { ok: true, range: maskRange(key, v4 ? 96 + prefix : prefix) };
}

/**
 * A `cidrMatch` argument: a CIDR block, or (without `/`) a single address matched exactly, as ES
 * turns each argument into a term query on the ip field. Never throws.
 */
export function parseIpRange(text: string): IpRangeResult {
  if (text.includes('/')) return parseCidr(text);
  const key = parseIp(text);
  return key === undefined ? { ok: false, error: notIp(text) } : { ok: true, range: { lower: key, upper: key } };
}

/** True when the address key lies in the range. */
export function ipInRange(key: IpKey, range: IpRange): boolean {
  return key >= range.lower && key <= range.upper;
}

/**
 * `cidrMatch` for one address and one block (or address). `undefined` when the address or the
 * block is not valid (callers decide: ES reports invalid blocks at query time, and an `ip` field
 * never holds an invalid address). Never throws.
 */
export function cidrMatch(ip: string, cidr: string | IpRange): boolean | undefined {
  const key = parseIp(ip);
  if (key === undefined) return undefined;
  let range: IpRange;
  if (typeof cidr === 'string') {
    const r = parseIpRange(cidr);
    if (!r.ok) return undefined;
    range = r.range;
  } else {
    range = cidr;
  }
  return ipInRange(key, range);
}
