import { datasetSchemaFor, schemaForIndexes, type CheckOptions } from '@eqlkit/core';
import { loadBundledSchemas } from '@eqlkit/core/io';
import type { CorpusRule } from './shared.js';

/** The check options a corpus rule implies: the schema of its own index/integration lists, targets, overrides. */
export function ruleCheckOptions(rule: CorpusRule): Omit<CheckOptions, 'source'> {
  const bundled = loadBundledSchemas();
  const s = schemaForIndexes(bundled, rule.index ?? [], { integrations: rule.integration });
  return {
    schema: s.schema,
    targets: s.targets,
    patterns: s.patterns,
    datasetSchema: datasetSchemaFor(bundled, s.layers),
    eventCategoryField: rule.event_category_override,
    timestampField: rule.timestamp_override,
  };
}
