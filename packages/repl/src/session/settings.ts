/**
 * The settings a session runs queries with: set from the command line and the project configuration at start, and
 * changed with `.set NAME VALUE` (and `.format`, `.indexes`). One table describes each setting once: its parser,
 * its help and its completion values, so `.set`, `.help set` and Tab completion cannot disagree.
 */

export const FORMATS = ['table', 'ndjson', 'es', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface Settings {
  format: Format;
  /** At most this many results (undefined: all). */
  size: number | undefined;
  resultPosition: 'head' | 'tail';
  maxSamplesPerKey: number;
  /** Table columns to show besides the timestamp/category/source ones; undefined: the fields the query mentions. */
  fields: string[] | undefined;
  timestampField: string | undefined;
  tiebreakerField: string | undefined;
  eventCategoryField: string | undefined;
  /** Rows per page in the terminal (undefined: the terminal's height). */
  pageSize: number | undefined;
  strict: boolean;
}

export function defaultSettings(): Settings {
  return {
    format: 'table',
    size: undefined,
    resultPosition: 'tail',
    maxSamplesPerKey: 1,
    fields: undefined,
    timestampField: undefined,
    tiebreakerField: undefined,
    eventCategoryField: undefined,
    pageSize: undefined,
    strict: false,
  };
}

/** A setting's value could not be read: the message says what is expected. */
export class SettingError extends Error {}

interface SettingSpec {
  readonly description: string;
  /** What `.set NAME` accepts, for help. */
  readonly value: string;
  /** Values offered by completion. */
  readonly values?: readonly string[];
  set(s: Settings, raw: string): void;
  show(s: Settings): string;
}

const count = (name: string, min: number) => (raw: string): number | undefined => {
  if (raw === 'all' || raw === 'none' || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new SettingError(`${name} needs a whole number${min ? ` of at least ${min}` : ''} (or \`all\`), not \`${raw}\``);
  return n;
};

const field = (raw: string): string | undefined => (raw === '' || raw === 'default' ? undefined : raw);

/** A field-name setting (`default` clears it, and `show` names what then applies). */
function fieldSetting(key: 'timestampField' | 'tiebreakerField' | 'eventCategoryField', description: string, fallback: string): SettingSpec {
  return {
    description,
    value: 'FIELD|default',
    set(s, raw) {
      s[key] = field(raw);
    },
    show: (s) => s[key] ?? fallback,
  };
}

export const SETTINGS: Readonly<Record<string, SettingSpec>> = {
  format: {
    description: 'how results are shown',
    value: FORMATS.join('|'),
    values: FORMATS,
    set(s, raw) {
      if (!(FORMATS as readonly string[]).includes(raw)) throw new SettingError(`format must be one of ${FORMATS.join(', ')}, not \`${raw}\``);
      s.format = raw as Format;
    },
    show: (s) => s.format,
  },
  size: {
    description: 'return at most N results (all: no limit)',
    value: 'N|all',
    values: ['all', '10', '100', '1000'],
    set(s, raw) {
      s.size = count('size', 0)(raw);
    },
    show: (s) => (s.size === undefined ? 'all' : String(s.size)),
  },
  'result-position': {
    description: 'with size: keep the first (head) or the last (tail, as Elasticsearch) results',
    value: 'head|tail',
    values: ['head', 'tail'],
    set(s, raw) {
      if (raw !== 'head' && raw !== 'tail') throw new SettingError(`result-position must be head or tail, not \`${raw}\``);
      s.resultPosition = raw;
    },
    show: (s) => s.resultPosition,
  },
  'max-samples-per-key': {
    description: 'samples per join key',
    value: 'N',
    set(s, raw) {
      s.maxSamplesPerKey = count('max-samples-per-key', 1)(raw) ?? 1;
    },
    show: (s) => String(s.maxSamplesPerKey),
  },
  fields: {
    description: 'table columns after the timestamp, category and source (comma-separated; default: the fields the query mentions)',
    value: 'FIELD,FIELD…|default',
    values: ['default'],
    set(s, raw) {
      const list = raw
        .split(/[\s,]+/)
        .map((f) => f.trim())
        .filter(Boolean);
      s.fields = list.length === 0 || (list.length === 1 && list[0] === 'default') ? undefined : list;
    },
    show: (s) => (s.fields ? s.fields.join(',') : 'default'),
  },
  'timestamp-field': fieldSetting('timestampField', 'the event time field (default @timestamp)', '@timestamp'),
  'tiebreaker-field': fieldSetting('tiebreakerField', 'orders events with equal timestamps', '(none)'),
  'event-category-field': fieldSetting('eventCategoryField', 'the field `<category> where` tests (default event.category)', 'event.category'),
  'page-size': {
    description: 'result rows per page in the terminal (auto: the terminal height)',
    value: 'N|auto',
    values: ['auto', '20', '50'],
    set(s, raw) {
      s.pageSize = raw === 'auto' ? undefined : count('page-size', 1)(raw);
    },
    show: (s) => (s.pageSize === undefined ? 'auto' : String(s.pageSize)),
  },
  strict: {
    description: 'extensions beyond Elasticsearch are errors, and a bad input record stops the run',
    value: 'on|off',
    values: ['on', 'off'],
    set(s, raw) {
      if (!['on', 'off', 'true', 'false'].includes(raw)) throw new SettingError(`strict must be on or off, not \`${raw}\``);
      s.strict = raw === 'on' || raw === 'true';
    },
    show: (s) => (s.strict ? 'on' : 'off'),
  },
};

/** Applies `.set NAME VALUE`; throws {@link SettingError} with a message for the user. */
export function applySetting(s: Settings, name: string, raw: string): void {
  const spec = SETTINGS[name] ?? SETTINGS[name.replace(/_/g, '-')];
  if (!spec) throw new SettingError(`no setting \`${name}\` (settings: ${Object.keys(SETTINGS).join(', ')})`);
  spec.set(s, raw.trim());
}
