// A tolerant reader of detection-rule `.toml` documents: finds the `[rule]` table's keys that matter to EQL (the
// query with its exact location, the index list, the overrides) and `[metadata] integration`, on any text — a
// rule half typed, an unclosed string, broken TOML elsewhere in the file. Not a TOML validator.
import { decodeTomlString, type DecodedString } from './toml-strings.js';

export interface TomlRuleFacts {
  /** A `[rule]` table exists. */
  readonly isRule: boolean;
  readonly query?: DecodedString;
  readonly ruleId?: string;
  readonly name?: string;
  readonly language?: string;
  readonly index?: readonly string[];
  readonly integration?: readonly string[];
  readonly timestampOverride?: string;
  readonly eventCategoryOverride?: string;
  readonly tiebreakerField?: string;
}

type Value = { readonly kind: 'string'; readonly decoded: DecodedString } | { readonly kind: 'strings'; readonly values: string[] } | { readonly kind: 'other' };

const HEADER_LINE = /^[ \t]*\[\[?[ \t]*(?:[A-Za-z0-9_-]+|"[^"\r\n]*"|'[^'\r\n]*')(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|"[^"\r\n]*"|'[^'\r\n]*'))*[ \t]*\]\]?[ \t]*(?:#.*)?$/;

/** True when the line starting at `lineStart` is a table header (it ends an unclosed multi-line string). */
function isHeaderLine(text: string, lineStart: number): boolean {
  if (text[lineStart] !== '[' && text[lineStart] !== ' ' && text[lineStart] !== '\t') return false;
  const eol = lineEndAt(text, lineStart);
  return HEADER_LINE.test(text.slice(lineStart, eol));
}

function lineEndAt(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text[i] === '\n' || text[i] === '\r') return i;
  return text.length;
}

/** `a . "b c"` → `a.b c` */
function normalizeKey(raw: string): string {
  const parts: string[] = [];
  const re = /[ \t]*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))[ \t]*(?:\.|$)/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < raw.length && (m = re.exec(raw))) parts.push(m[1] ?? m[2] ?? m[3]);
  return parts.join('.');
}

/** Reads the rule facts of a document. Never throws. */
export function readTomlRule(text: string): TomlRuleFacts {
  const facts: { -readonly [K in keyof TomlRuleFacts]: TomlRuleFacts[K] } = { isRule: false };
  let table = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      i = lineEndAt(text, i);
      continue;
    }
    const eol = lineEndAt(text, i);
    if (c === '[') {
      const line = text.slice(i, eol);
      const m = /^\[\[?([^\]]*)\]/.exec(line);
      table = m ? normalizeKey(m[1]) : '';
      if (table === 'rule') facts.isRule = true;
      i = eol;
      continue;
    }
    const eq = text.indexOf('=', i);
    if (eq < 0 || eq > eol) {
      i = eol;
      continue;
    }
    const key = normalizeKey(text.slice(i, eq));
    let j = eq + 1;
    while (text[j] === ' ' || text[j] === '\t') j++;
    const [value, end] = readValue(text, j);
    i = Math.max(end, j + 1);
    const full = table ? `${table}.${key}` : key;
    record(facts, full, value);
    if (full.startsWith('rule.')) facts.isRule = true;
  }
  return facts;
}

function record(facts: { -readonly [K in keyof TomlRuleFacts]: TomlRuleFacts[K] }, key: string, value: Value): void {
  const str = value.kind === 'string' ? value.decoded.value : undefined;
  const list = value.kind === 'strings' ? value.values : str !== undefined ? [str] : undefined;
  switch (key) {
    case 'rule.query':
      if (value.kind === 'string') facts.query = value.decoded;
      break;
    case 'rule.rule_id':
      facts.ruleId = str;
      break;
    case 'rule.name':
      facts.name = str;
      break;
    case 'rule.language':
      facts.language = str;
      break;
    case 'rule.index':
      facts.index = value.kind === 'strings' ? value.values : undefined;
      break;
    case 'rule.timestamp_override':
      facts.timestampOverride = str;
      break;
    case 'rule.event_category_override':
      facts.eventCategoryOverride = str;
      break;
    case 'rule.tiebreaker_field':
      facts.tiebreakerField = str;
      break;
    case 'metadata.integration':
      facts.integration = list;
      break;
  }
}

/** Reads the value at `at`; returns it and where it ends. */
function readValue(text: string, at: number): [Value, number] {
  const c = text[at];
  if (c === '"' || c === "'") {
    const decoded = decodeTomlString(text, at, (lineStart) => isHeaderLine(text, lineStart))!;
    return [{ kind: 'string', decoded }, decoded.end];
  }
  if (c === '[' || c === '{') return readCompound(text, at);
  return [{ kind: 'other' }, lineEndAt(text, at)];
}

/** An array (its string elements, when all are strings) or an inline table; tolerant of a missing close. */
function readCompound(text: string, at: number): [Value, number] {
  const values: string[] = [];
  let allStrings = text[at] === '[';
  let depth = 0;
  let i = at;
  while (i < text.length) {
    const c = text[i];
    if (c === '[' || c === '{') {
      depth++;
      if (depth > 1) allStrings = false;
      i++;
    } else if (c === ']' || c === '}') {
      depth--;
      i++;
      if (depth === 0) return [allStrings ? { kind: 'strings', values } : { kind: 'other' }, i];
    } else if (c === '"' || c === "'") {
      const d = decodeTomlString(text, i, (ls) => isHeaderLine(text, ls))!;
      if (!d.closed) return [{ kind: 'other' }, d.end];
      if (depth === 1) values.push(d.value);
      i = Math.max(d.end, i + 1);
    } else if (c === '#') i = lineEndAt(text, i);
    else if (c === '\n' || c === '\r') {
      // An array may span lines, but a table header means it was never closed.
      const next = c === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
      if (isHeaderLine(text, next)) return [{ kind: 'other' }, next];
      i = next;
    } else {
      if (!/[\s,]/.test(c)) allStrings = false;
      i++;
    }
  }
  return [{ kind: 'other' }, text.length];
}
