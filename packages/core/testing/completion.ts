// Test support for the completion providers: complete a query with a cursor marker (`█`).
import { loadBundledSchemas } from '../src/io/schemas/load-bundled.js';
import type { CompletionList, DocumentSettings } from '../src/service/api.js';
import { createLanguageService } from '../src/service/service.js';

export const CURSOR = '█';
const service = createLanguageService({ bundled: loadBundledSchemas() });

/** Completion at the marker of a `.eql` query (indexes: the example rule's Defend streams unless given). */
export function completeMarked(marked: string, settings: DocumentSettings = { indexes: ['logs-endpoint.events.process-*', 'logs-endpoint.events.network-*'] }): CompletionList & { labels: string[]; typed: string } {
  const at = marked.indexOf(CURSOR);
  const text = marked.slice(0, at) + marked.slice(at + CURSOR.length);
  const list = service.open('file:///t.eql', text, 'eql', settings).completions(at);
  return { ...list, labels: list.items.map((i) => i.label), typed: text.slice(list.replace.start, list.replace.end) };
}
