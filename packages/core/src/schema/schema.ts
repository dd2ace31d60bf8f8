// Layers → one queryable Schema.
// Input: layers, lowest precedence first. Output: a Schema whose `lookup` follows aliases, multi-fields,
// intermediate objects and flattened leaves.
// Invariants: a later layer wins a type conflict (the loser is kept in `overridden`); facts the winner lacks
// (description, array-ness) are kept from lower layers; with equal types, `source` is the highest layer that adds
// facts (else the first that declared the field); layers and their FieldInfo objects are never mutated.
// Example: layers [endpoint, ecs-flat, non-ecs:logs-endpoint.events.*] type `file.Ext.windows.zone_identifier`
// keyword, –, long → lookup gives `long` from the non-ecs layer, overridden [{source: 'endpoint', esType: 'keyword'}].
import { makeField, withFacts } from './field-info.js';
import { familyOf } from './families.js';
import { PathIndex, parentOf } from './path-index.js';
import { Suggester } from './suggest.js';
import { TemplateIndex } from './templates.js';
import type { FieldInfo, Resolution, Schema, SchemaLayer } from './types.js';

/** Options for `buildSchema`. */
export interface BuildSchemaOptions {
  /** Extra remarks to show the user (e.g. why a fallback was used). */
  readonly notes?: readonly string[];
  /** Mark the whole schema as a guess: unknown fields anywhere become warnings. */
  readonly partialEverywhere?: boolean;
  /** Extra top-level names where the schema is known to be incomplete. */
  readonly partialNamespaces?: readonly string[];
}

/** Merge `layers` (lowest precedence first) into a Schema. Pure; cost is linear in the number of fields. */
export function buildSchema(layers: readonly SchemaLayer[], options: BuildSchemaOptions = {}): Schema {
  const fields = new Map<string, FieldInfo>();
  for (const layer of layers) {
    for (const [path, info] of layer.fields) {
      const prev = fields.get(path);
      fields.set(path, prev ? mergeField(prev, info) : info);
    }
  }
  const namespaces = new Set<string>(options.partialNamespaces ?? []);
  const notes: string[] = [...(options.notes ?? [])];
  let everywhere = options.partialEverywhere ?? false;
  for (const layer of layers) {
    for (const ns of layer.partialNamespaces ?? []) namespaces.add(ns);
    if (layer.partial) everywhere = true;
    for (const note of layer.notes ?? []) if (!notes.includes(note)) notes.push(note);
  }
  return new LayeredSchema(
    layers.map((l) => l.name),
    fields,
    [...namespaces].sort(),
    everywhere,
    notes,
  );
}

// Keys every FieldInfo has; an entry with no other keys adds no facts.
const BASE_KEYS = 4;

function mergeField(prev: FieldInfo, next: FieldInfo): FieldInfo {
  if (prev.esType === next.esType) {
    // Same type and nothing new (e.g. a package's common fields repeated by each stream): keep the first.
    if (Object.keys(next).length <= BASE_KEYS) return prev;
    // Indices that format one date field differently (searched together): accept each index's format in turn.
    if (prev.format && next.format && prev.format !== next.format) {
      const formats = [...new Set([...prev.format.split('||'), ...next.format.split('||')])].join('||');
      return { ...prev, ...next, format: formats };
    }
    return { ...prev, ...next }; // both come from makeField/withFacts, so neither carries `key: undefined`
  }
  // A type conflict: the later layer wins; only type-independent facts survive from the loser.
  const overridden = [...(prev.overridden ?? []), { source: prev.source, esType: prev.esType }];
  return withFacts(next, {
    description: next.description ?? prev.description,
    arrayNormalized: next.arrayNormalized ?? prev.arrayNormalized,
    overridden,
  });
}

const MAX_CACHE = 50_000;

class LayeredSchema implements Schema {
  readonly size: number;
  readonly isComplete: boolean;
  private readonly index: PathIndex;
  private suggester: Suggester | undefined;
  private readonly cache = new Map<string, Resolution>();
  private exactFields: Map<string, FieldInfo[]> | undefined;
  private templateIndex: TemplateIndex | undefined;

  constructor(
    readonly layers: readonly string[],
    private readonly fields: ReadonlyMap<string, FieldInfo>,
    readonly partialNamespaces: readonly string[],
    readonly isPartialEverywhere: boolean,
    readonly notes: readonly string[],
  ) {
    this.size = fields.size;
    this.isComplete = !isPartialEverywhere && partialNamespaces.length === 0;
    this.index = new PathIndex([...fields.keys()]);
  }

  lookup(path: string): FieldInfo | undefined {
    const r = this.resolve(path);
    return r.kind === 'field' ? r.field : undefined;
  }

  resolve(path: string): Resolution {
    let r = this.cache.get(path);
    if (!r) {
      r = this.resolveUncached(path, 0);
      if (this.cache.size >= MAX_CACHE) this.cache.clear();
      this.cache.set(path, r);
    }
    return r;
  }

  isPartialAt(path: string): boolean {
    if (this.isPartialEverywhere) return true;
    const dot = path.indexOf('.');
    const top = dot < 0 ? path : path.slice(0, dot);
    return this.partialNamespaces.some((ns) => (ns.endsWith('*') ? top.startsWith(ns.slice(0, -1)) : ns === top));
  }

  containerOf(path: string): FieldInfo | undefined {
    for (let p = parentOf(path); p !== ''; p = parentOf(p)) {
      const f = this.fields.get(p);
      if (f) return f.family === 'object' || f.family === 'nested' || f.family === 'flattened' ? f : undefined;
    }
    return undefined;
  }

  suggest(path: string, n = 3): string[] {
    if (!this.suggester) this.suggester = new Suggester([...this.fields.keys()].filter((p) => !p.includes('*')));
    return this.suggester.suggest(path, n);
  }

  allPaths(): readonly string[] {
    return this.index.sorted();
  }

  withPrefix(prefix: string): Iterable<string> {
    return this.index.withPrefix(prefix);
  }

  children(prefix: string): string[] {
    return this.index.children(prefix.endsWith('.') ? prefix.slice(0, -1) : prefix);
  }

  private resolveUncached(path: string, depth: number): Resolution {
    const declared = this.fields.get(path);
    if (declared) return { kind: 'field', field: this.finish(this.followAlias(declared, depth)) };
    if (this.index.hasDescendants(path)) {
      return { kind: 'field', field: this.finish(makeField(path, 'object', 'implicit', { implicit: 'object' })) };
    }
    const template = this.templates().match(path);
    if (template) {
      // A wildcard path from a package's fields.yml (an ES dynamic template): objects accept any child.
      if (template.family === 'object') return { kind: 'dynamic', container: template };
      return { kind: 'field', field: this.finish(withFacts(template, { path, implicit: 'template', template: template.path })) };
    }
    const container = this.containerOf(path);
    if (container?.family === 'flattened') {
      // ES indexes every leaf of a flattened field as a keyword.
      const leaf = makeField(path, 'keyword', container.source, { implicit: 'flattened-leaf', flattenedIn: container.path });
      return { kind: 'field', field: this.finish(leaf) };
    }
    if (container && !this.index.hasDescendants(container.path) && container.dynamic !== false && container.dynamic !== 'strict') {
      return { kind: 'dynamic', container };
    }
    return { kind: 'unknown', partial: this.isPartialAt(path) };
  }

  /** An alias takes its target's type facts but keeps its own path, source and description. */
  private followAlias(info: FieldInfo, depth: number): FieldInfo {
    if (info.aliasOf === undefined || depth > 8) return info;
    const target = this.resolveUncached(info.aliasOf, depth + 1);
    if (target.kind !== 'field') return info;
    const t = target.field;
    return withFacts(t, {
      path: info.path,
      source: info.source,
      aliasOf: info.aliasOf,
      description: info.description ?? t.description,
    });
  }

  /** Adds the facts that depend on the whole schema: enclosing nested field, keyword sub-field of a text field. */
  private finish(info: FieldInfo): FieldInfo {
    let nestedIn: string | undefined;
    for (let p = parentOf(info.path); p !== ''; p = parentOf(p)) {
      if (this.fields.get(p)?.family === 'nested') {
        nestedIn = p;
        break;
      }
    }
    const exact = info.family === 'text' && info.exactField === undefined ? this.exactFieldsOf(info.path) : [];
    // Elasticsearch compares a text field through its one exact keyword multi-field, and through none when its
    // mapping has several. Only one source (one mapping) can say that: layers combined here (a bundled schema under
    // inferred events) may each bring one, and then the conventional `.keyword` is preferred.
    const own = exact.filter((f) => f.source === info.source);
    const exactCandidates = own.length > 1 ? own.map((f) => f.path) : undefined;
    const exactField = exactCandidates || exact.length === 0 ? undefined : (exact.find((f) => f.path.endsWith('.keyword')) ?? exact[0]).path;
    if (nestedIn === undefined && exactField === undefined && exactCandidates === undefined) return info;
    return withFacts(info, { nestedIn, exactField, exactCandidates });
  }

  private templates(): TemplateIndex {
    if (!this.templateIndex) this.templateIndex = new TemplateIndex([...this.fields.values()].filter((f) => f.path.includes('*')));
    return this.templateIndex;
  }

  /** The exact (non-normalized keyword) multi-fields of a text field, or its `.keyword` sub-property. */
  private exactFieldsOf(path: string): FieldInfo[] {
    if (!this.exactFields) {
      this.exactFields = new Map();
      for (const f of this.fields.values()) {
        // A normalized keyword is no exact copy (Elasticsearch does not compare through it either).
        if (f.multiFieldOf === undefined || familyOf(f.esType) !== 'keyword' || f.normalizer !== undefined) continue;
        const list = this.exactFields.get(f.multiFieldOf) ?? [];
        list.push(f);
        this.exactFields.set(f.multiFieldOf, list);
      }
    }
    const found = this.exactFields.get(path);
    if (found !== undefined) return found;
    // Some mappings declare the keyword copy as a sub-property rather than under `fields` (same data in EQL's eyes).
    const child = this.fields.get(`${path}.keyword`);
    return child && familyOf(child.esType) === 'keyword' && child.normalizer === undefined ? [child] : [];
  }

}
