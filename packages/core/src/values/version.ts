/**
 * Ordering of Elasticsearch `version` fields. ES sorts versions by an encoded byte string
 * (x-pack `VersionEncoder`); this module builds the same key, so every ordering quirk matches:
 *
 * - numeric parts compare numerically (`1.11.3 > 1.5.0`), any number of parts (`1.2`, `1.2.3.4`);
 * - a pre-release sorts before its release (`1.2.4-SNAPSHOT < 1.2.4`); pre-release identifiers
 *   compare numerically when all digits, else by ASCII, numeric before alphanumeric;
 * - unlike strict SemVer, build metadata is *not* ignored: `+build` is appended as ASCII, so
 *   `1.0.0 < 1.0.0+b1`, and the pre-release text is compared byte-wise as a whole, so
 *   `1.0.0-alpha-1 < 1.0.0-alpha.1`;
 * - fewer parts sort first among equal prefixes (`1.2 < 1.2.0 < 1.2.0.0`), and a pre-release of
 *   a shorter version sorts before the longer one (`1.2-rc < 1.2 < 1.2.1`);
 * - invalid strings (`bad`, `1.2.alpha.4`, `01.2`) keep their UTF-8 bytes and so sort after every
 *   valid version (valid keys start with byte 0x01); the empty string sorts right after the valid
 *   ones.
 */

const NUMERIC_MARKER = '\x01';
const PRERELEASE_SEPARATOR = '\x02';
const NO_PRERELEASE = '\x03';
const MAX_IDENTIFIERS = 32;

const MAIN = /^(0|[1-9]\d*)(\.(0|[1-9]\d*))*$/;
const PRERELEASE = /^-(0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(\.(0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*$/;
const BUILD = /^\+[0-9a-zA-Z-]+(\.[0-9a-zA-Z-]+)*$/;

interface Parts {
  main: string;
  pre: string | undefined;
  build: string | undefined;
}

/** Splits like ES: build from the first `+`, then pre-release from the first `-` (neither at index 0). */
function split(v: string): Parts {
  let main = v;
  let build: string | undefined;
  let pre: string | undefined;
  const plus = main.indexOf('+');
  if (plus > 0) {
    build = main.slice(plus);
    main = main.slice(0, plus);
  }
  const dash = main.indexOf('-');
  if (dash > 0) {
    pre = main.slice(dash);
    main = main.slice(0, dash);
  }
  return { main, pre, build };
}

function tooManyIdentifiers(part: string | undefined): boolean {
  if (part === undefined) return false;
  let n = 1;
  for (let i = 0; i < part.length; i++) if (part.charCodeAt(i) === 46 && ++n > MAX_IDENTIFIERS) return true;
  return false;
}

function isLegal(p: Parts): boolean {
  if (tooManyIdentifiers(p.main) || tooManyIdentifiers(p.pre) || tooManyIdentifiers(p.build)) return false;
  return MAIN.test(p.main) && (p.pre === undefined || PRERELEASE.test(p.pre)) && (p.build === undefined || BUILD.test(p.build));
}

/** True when ES would treat `v` as a valid (semantically ordered) version. */
export function isValidVersion(v: string): boolean {
  const p = split(v);
  return isLegal(p) && encodeLegal(p) !== undefined;
}

/** Each run of digits becomes 0x01, (0x80 | length), digits — so longer numbers sort higher. */
function encodeDigitGroups(s: string): string | undefined {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      let j = i;
      while (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
      if (j - i >= 128) return undefined; // ES rejects such a document outright
      out += NUMERIC_MARKER + String.fromCharCode(0x80 | (j - i)) + s.slice(i, j);
      i = j;
    } else {
      out += s[i++];
    }
  }
  return out;
}

/** UTF-8 bytes of `s`, one char (0–255) per byte. */
function utf8ByteString(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) out += ch;
    else if (cp < 0x800) out += String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out += String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out += String.fromCharCode(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

function encodeLegal(p: Parts): string | undefined {
  let key = encodeDigitGroups(p.main);
  if (key === undefined) return undefined;
  if (p.pre !== undefined) {
    key += PRERELEASE_SEPARATOR + '-';
    const ids = p.pre.slice(1).split('.');
    for (let i = 0; i < ids.length; i++) {
      if (i > 0) key += '.';
      if (/^\d+$/.test(ids[i])) {
        const enc = encodeDigitGroups(ids[i]);
        if (enc === undefined) return undefined;
        key += enc;
      } else {
        key += ids[i];
      }
    }
  } else {
    key += NO_PRERELEASE;
  }
  return p.build === undefined ? key : key + p.build;
}

/**
 * The ES sort key of a version string as a byte string (one char per byte, 0–255): compare two
 * keys with plain `<`/`>`/`===`. Never throws. (A digit run of 128+ characters makes ES reject the
 * document; here such a string is treated as an invalid version.)
 */
export function versionSortKey(v: string): string {
  const p = split(v);
  const key = isLegal(p) ? encodeLegal(p) : undefined;
  if (key !== undefined) return key;
  // Illegal: raw UTF-8 bytes; "" gets a marker so it still sorts after the valid versions.
  return v === '' ? NO_PRERELEASE : utf8ByteString(v);
}

/** ES `version` ordering: negative when a < b, 0 when equal, positive when a > b. Never throws. */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0;
  const ka = versionSortKey(a);
  const kb = versionSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
