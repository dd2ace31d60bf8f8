// One index pattern → the layers that describe it.
// Order of attempts: the exact index-map key (detection-rules looks keys up by exact string, after removing a
// `cluster:` prefix); else the most specific index-map key whose glob covers the pattern (a concrete index such
// as `logs-endpoint.events.process-default`); else the data stream name `<type>-<package>.<stream>-<namespace>`
// against the bundled integration packages; else a `<beat>-` prefix; else ECS + endpoint custom fields, partial.
import type { BundledSchemas, IndexMapEntry } from './bundled.js';

/** How one index pattern was mapped to layers. */
export interface PatternResolution {
  /** The pattern as given. */
  readonly pattern: string;
  readonly how: 'exact' | 'glob' | 'data-stream' | 'beats' | 'fallback' | 'excluded';
  /** The index-map key used (`exact`, `glob`). */
  readonly key?: string;
  /** Layer names, lowest precedence first. */
  readonly layers: readonly string[];
  /** Independent validation targets (e.g. `endgame`), not unioned into the main schema. */
  readonly separateTargets: readonly string[];
  /** The Defend data streams the pattern covers, when it is an endpoint pattern. */
  readonly endpointStreams?: readonly string[];
  /** The layers are a guess: unknown fields anywhere are warnings. */
  readonly partial: boolean;
  readonly note?: string;
}

const ECS_BASE = ['ecs-flat', 'dr-endpoint-custom'] as const;
const BEATS = ['winlogbeat', 'auditbeat', 'filebeat', 'packetbeat'];

/** Resolve one index pattern (or concrete index name) against the bundled index map. Never throws. */
export function resolvePattern(bundled: BundledSchemas, pattern: string): PatternResolution {
  const raw = pattern.trim();
  if (raw === '' || raw.startsWith('-')) {
    return { pattern, how: 'excluded', layers: [], separateTargets: [], partial: false };
  }
  const name = raw.includes(':') ? raw.slice(raw.indexOf(':') + 1) : raw; // cross-cluster `cluster:index`
  const patterns = bundled.indexMap.patterns;
  if (Object.hasOwn(patterns, name)) return fromEntry(pattern, 'exact', name, patterns[name], false);
  const key = bestGlobKey(Object.keys(patterns), name);
  if (key !== undefined) {
    const entry = patterns[key];
    const specific = entry.integration_package !== undefined || entry.endpoint_streams !== undefined || entry.separate_targets !== undefined || isBeatsKey(key);
    return fromEntry(pattern, 'glob', key, entry, !specific);
  }
  return fromDataStream(bundled, pattern, name) ?? fromBeats(pattern, name) ?? fallback(pattern);
}

function fromEntry(pattern: string, how: 'exact' | 'glob', key: string, entry: IndexMapEntry, partial: boolean): PatternResolution {
  // A package with no field list still gets a layer: an empty one that marks its namespace partial.
  const missing = entry.missing !== undefined && entry.integration_package !== undefined ? [`integrations:${entry.integration_package}`] : [];
  const notes: string[] = [];
  if (how === 'glob') notes.push(`index '${pattern}' is not in the index map; used the schema of '${key}'`);
  if (partial) notes.push(`'${key}' is a broad pattern: unknown fields are warnings`);
  return {
    pattern,
    how,
    key,
    layers: [...missing, ...entry.schemas],
    separateTargets: entry.separate_targets ?? [],
    endpointStreams: entry.endpoint_streams,
    partial,
    note: notes.length ? notes.join('; ') : undefined,
  };
}

/** The index-map key whose glob covers `name` with the most literal characters. */
function bestGlobKey(keys: readonly string[], name: string): string | undefined {
  let best: string | undefined;
  let bestScore = -1;
  for (const key of keys) {
    if (!key.includes('*') || !globMatches(key, name)) continue;
    const score = key.replaceAll('*', '').length;
    if (score > bestScore) {
      best = key;
      bestScore = score;
    }
  }
  return best;
}

/** `*` in `glob` matches any run of characters (including a `*` in `text`); everything else is literal. */
export function globMatches(glob: string, text: string): boolean {
  const parts = glob.split('*');
  if (!text.startsWith(parts[0])) return false;
  let at = parts[0].length;
  for (let i = 1; i < parts.length - 1; i++) {
    const found = text.indexOf(parts[i], at);
    if (found < 0) return false;
    at = found + parts[i].length;
  }
  const last = parts[parts.length - 1];
  return parts.length === 1 ? text === glob : text.length - last.length >= at && text.endsWith(last);
}

function fromDataStream(bundled: BundledSchemas, pattern: string, name: string): PatternResolution | undefined {
  const m = /^\.?(?:logs|metrics|traces|synthetics|profiling)-([^-*]+)(\*?)/.exec(name);
  if (!m) return undefined;
  const dataset = m[1];
  const open = m[2] === '*' || name.endsWith(dataset); // the stream name may continue
  const dot = dataset.indexOf('.');
  const pkgName = dot < 0 ? dataset : dataset.slice(0, dot);
  const stream = dot < 0 ? '' : dataset.slice(dot + 1);
  const pkg = Object.hasOwn(bundled.integrations.packages, pkgName) ? bundled.integrations.packages[pkgName] : undefined;
  if (!pkg) {
    return {
      pattern,
      how: 'data-stream',
      layers: [`integrations:${pkgName}`, ...ECS_BASE],
      separateTargets: [],
      partial: true,
      note: `index '${pattern}' names integration '${pkgName}', which has no bundled field list: used ECS + endpoint custom fields; unknown fields are warnings`,
    };
  }
  const streams = Object.keys(pkg.streams).filter((s) => (open ? s.startsWith(stream) : s === stream));
  const layers = stream !== '' && streams.length > 0 ? streams.map((s) => `integrations:${pkgName}/${s}`) : [`integrations:${pkgName}`];
  return {
    pattern,
    how: 'data-stream',
    layers: [...layers, ...ECS_BASE],
    separateTargets: [],
    partial: false,
    note: `index '${pattern}' is not in the index map; read it as integration data stream ${layers.map((l) => `'${l.slice('integrations:'.length)}'`).join(', ')}`,
  };
}

function fromBeats(pattern: string, name: string): PatternResolution | undefined {
  const beat = BEATS.find((b) => name.startsWith(b));
  if (!beat) return undefined;
  return {
    pattern,
    how: 'beats',
    layers: [`beats:${beat}`, ...ECS_BASE],
    separateTargets: [],
    partial: false,
    note: `index '${pattern}' is not in the index map; used the ${beat} fields`,
  };
}

function fallback(pattern: string): PatternResolution {
  return {
    pattern,
    how: 'fallback',
    layers: [...ECS_BASE],
    separateTargets: [],
    partial: true,
    note: `index '${pattern}' is not in the index map: assumed ECS + Elastic Defend custom fields; unknown fields are warnings`,
  };
}

function isBeatsKey(key: string): boolean {
  return BEATS.some((b) => key === `${b}-*`);
}
