import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { executeQuery, toEsResponse } from '@eqlkit/core/io';
import { parseSchemaDocument, type SchemaLayer } from '@eqlkit/core';
import { sharedDir, type ConformanceCase } from './shared.js';

interface Manifest {
  datasets: Record<string, { file: string; fields?: string }>;
  suites: Record<string, { settings: { timestamp_field: string; event_category_field: string; tiebreaker_field: string | null; id_field: string; size: number } }>;
}

const root = join(sharedDir, 'conformance');
let manifest: Manifest | undefined;
const getManifest = (): Manifest => (manifest ??= JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Manifest);

/** The schema layer of a dataset's field map (the same facts the CLI receives as `--mapping`). */
function layerFor(dataset: string): SchemaLayer | undefined {
  const fields = getManifest().datasets[dataset]?.fields;
  if (!fields) return undefined;
  return parseSchemaDocument(JSON.parse(readFileSync(join(root, fields), 'utf8')), `mapping:${dataset}`).layer;
}

export interface CaseOutcome {
  ids: number[];
  keys: string[];
  ok: boolean;
  error?: string;
}

/** Runs one conformance case in-process through the same path as `eql query --format es`, and compares. */
export async function runConformanceCase(c: ConformanceCase): Promise<CaseOutcome> {
  const s = getManifest().suites[c.suite].settings;
  const sets = Array.isArray(c.dataset) ? c.dataset : [c.dataset];
  const errors: string[] = [];
  const outcome = await executeQuery(c.query, sets.map((d) => join(root, getManifest().datasets[d].file)), {
    timestampField: s.timestamp_field,
    eventCategoryField: s.event_category_field,
    tiebreakerField: s.tiebreaker_field ?? undefined,
    size: c.size ?? s.size,
    maxSamplesPerKey: c.max_samples_per_key,
    layers: sets.map(layerFor).filter((l): l is SchemaLayer => l !== undefined),
    onInputError: (e) => errors.push(e.message),
  });
  if (!outcome.ok) return { ids: [], keys: [], ok: false, error: outcome.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; ') };
  const body = toEsResponse(outcome.result, outcome.tookMs) as { hits: { events?: { _source: Record<string, unknown> }[]; sequences?: { join_keys?: unknown[]; events: { _source: Record<string, unknown> }[] }[] } };
  const idOf = (e: { _source: Record<string, unknown> }) => (Object.keys(e._source).length ? Number(getPath(e._source, s.id_field)) : -1);
  const ids = body.hits.sequences ? body.hits.sequences.flatMap((q) => q.events.map(idOf)) : (body.hits.events ?? []).map(idOf);
  const keys = (body.hits.sequences ?? []).flatMap((q) => (q.join_keys ?? []).map((k) => (k === null ? 'null' : String(k))));
  const wants = c.expected_event_ids_any_of ?? [c.expected_event_ids ?? []];
  const okIds = wants.some((w) => JSON.stringify(w) === JSON.stringify(ids));
  const wantKeys = (c.join_keys ?? []).map((k) => (k === null ? 'null' : String(k)));
  const okKeys = wantKeys.length === 0 || JSON.stringify(wantKeys) === JSON.stringify(keys);
  return { ids, keys, ok: okIds && okKeys && errors.length === 0, ...(errors.length ? { error: errors.join('; ') } : {}) };
}

function getPath(src: Record<string, unknown>, path: string): unknown {
  if (path in src) return src[path];
  let v: unknown = src;
  for (const p of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}
