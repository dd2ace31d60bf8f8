// Named layers over the bundled files, as index-map.json names them:
//   ecs-flat, endpoint, endpoint[<stream>,…], dr-endpoint-custom, non-ecs:<index key>, beats:<beat>,
//   integrations:<pkg>, integrations:<pkg>/<stream>, endgame.
// Each layer is built once per BundledSchemas object and then shared by every schema that uses it.
import type { BundledSchemas, FlatFileEntry, TypeMap } from './bundled.js';
import { makeField } from './field-info.js';
import type { AllowedValue, FieldInfo, SchemaLayer } from './types.js';

const caches = new WeakMap<BundledSchemas, Map<string, SchemaLayer | undefined>>();

/**
 * The layer called `name`, or undefined when the bundled files have no such layer (an unknown non-ecs key,
 * beat or layer kind). An integration package without a field list yields an empty layer that marks the
 * package's namespaces partial. Results are cached per `bundled` object.
 */
export function bundledLayer(bundled: BundledSchemas, name: string): SchemaLayer | undefined {
  let cache = caches.get(bundled);
  if (!cache) caches.set(bundled, (cache = new Map()));
  if (cache.has(name)) return cache.get(name);
  const layer = buildLayer(bundled, name);
  cache.set(name, layer);
  return layer;
}

function buildLayer(b: BundledSchemas, name: string): SchemaLayer | undefined {
  if (name === 'ecs-flat') return flatFileLayer(name, b.ecsFlat, allowedValues(b));
  if (name === 'endpoint') return flatFileLayer(name, b.endpoint);
  const streams = /^endpoint\[(.+)\]$/.exec(name);
  if (streams) {
    const wanted = new Set(streams[1].split(','));
    const entries = Object.entries(b.endpoint).filter(([, e]) => e.streams?.some((s) => wanted.has(s)) ?? true);
    return flatFileLayer(name, Object.fromEntries(entries));
  }
  if (name === 'dr-endpoint-custom') return typeMapLayer(name, b.drEndpointCustom);
  if (name === 'endgame') return typeMapLayer(name, b.endgame);
  if (name.startsWith('non-ecs:')) {
    const key = name.slice('non-ecs:'.length);
    return Object.hasOwn(b.nonEcs, key) ? typeMapLayer(name, b.nonEcs[key]) : undefined;
  }
  if (name.startsWith('beats:')) return beatLayer(b, name, name.slice('beats:'.length));
  if (name.startsWith('integrations:')) return integrationLayer(b, name, name.slice('integrations:'.length));
  return undefined;
}

function flatFileLayer(name: string, file: Readonly<Record<string, FlatFileEntry>>, allowed?: Map<string, AllowedValue[]>): SchemaLayer {
  const fields = new Map<string, FieldInfo>();
  for (const [path, e] of Object.entries(file)) {
    fields.set(
      path,
      makeField(path, e.type, name, {
        description: e.description,
        multiFieldOf: e.multi_field_of,
        arrayNormalized: e.normalize?.includes('array') ? true : undefined,
        allowedValues: allowed?.get(path),
      }),
    );
  }
  return { name, fields };
}

function typeMapLayer(name: string, map: TypeMap, extra?: Partial<SchemaLayer>): SchemaLayer {
  const fields = new Map<string, FieldInfo>();
  for (const [path, type] of Object.entries(map)) fields.set(path, makeField(path, type, name));
  return { name, fields, ...extra };
}

function beatLayer(b: BundledSchemas, name: string, beat: string): SchemaLayer | undefined {
  if (beat === '_source' || !Object.hasOwn(b.beats, beat)) return undefined;
  const fields = new Map<string, FieldInfo>();
  for (const [path, e] of Object.entries(b.beats[beat])) {
    // Beats' convention: a field without a declared type is a keyword. Alias targets are not in the file.
    if (typeof e !== 'string') fields.set(path, makeField(path, e.type || 'keyword', name));
  }
  return { name, fields };
}

function integrationLayer(b: BundledSchemas, name: string, spec: string): SchemaLayer {
  const [pkgName, stream] = splitOnce(spec, '/');
  const pkg = Object.hasOwn(b.integrations.packages, pkgName) ? b.integrations.packages[pkgName] : undefined;
  if (!pkg) {
    const namespaces = packageNamespaces(b, pkgName, []);
    return {
      name,
      fields: new Map(),
      partialNamespaces: namespaces,
      notes: [`no field list is bundled for integration '${pkgName}': unknown ${describe(namespaces)} fields are warnings`],
    };
  }
  const maps: TypeMap[] = [pkg.common];
  if (stream === undefined) maps.push(...Object.values(pkg.streams));
  else if (Object.hasOwn(pkg.streams, stream)) maps.push(pkg.streams[stream]);
  const merged: Record<string, string> = {};
  for (const m of maps) Object.assign(merged, m);
  const namespaces = packageNamespaces(b, pkgName, Object.keys(merged));
  const what = pkg.partial ? 'is partial' : `is from an old snapshot (package ${pkg.version ?? '?'})`;
  const notes = [`the bundled field list of integration '${pkgName}' ${what}: unknown ${describe(namespaces)} fields are warnings`];
  if (stream !== undefined && !Object.hasOwn(pkg.streams, stream)) notes.push(`integration '${pkgName}' has no data stream '${stream}' in the bundled list; used its common fields only`);
  return typeMapLayer(name, merged, { partialNamespaces: namespaces, notes });
}

// Packages whose fields live under a name other than the package's own (the integrations' fields.yml roots).
const NAMESPACE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  fortinet_fortigate: ['fortinet'],
  ti: ['ti_*'],
  apache_tomcat: ['apache_tomcat', 'tomcat'],
};

const ecsRoots = new WeakMap<BundledSchemas, Set<string>>();

/** The top-level names a package owns: its own name, known aliases, and its non-ECS roots. */
function packageNamespaces(b: BundledSchemas, pkg: string, paths: readonly string[]): string[] {
  let roots = ecsRoots.get(b);
  if (!roots) ecsRoots.set(b, (roots = new Set(Object.keys(b.ecsFlat).map(topOf))));
  const out = new Set<string>([pkg, ...(NAMESPACE_ALIASES[pkg] ?? [])]);
  for (const p of paths) {
    const top = topOf(p);
    if (!roots.has(top)) out.add(top);
  }
  return [...out].sort();
}

function allowedValues(b: BundledSchemas): Map<string, AllowedValue[]> {
  const out = new Map<string, AllowedValue[]>();
  for (const [path, values] of Object.entries(b.ecsAllowedValues)) {
    out.set(
      path,
      values.map((v) => (v.expected_event_types ? { name: v.name, expectedEventTypes: v.expected_event_types } : { name: v.name })),
    );
  }
  return out;
}

function topOf(path: string): string {
  const i = path.indexOf('.');
  return i < 0 ? path : path.slice(0, i);
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + sep.length)];
}

function describe(namespaces: readonly string[]): string {
  return namespaces.map((n) => `\`${n.endsWith('*') ? n : `${n}.*`}\``).join(', ');
}
