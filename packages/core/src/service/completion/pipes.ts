// Pipe names after `|`: the pipes Elasticsearch runs.
import { EXPECT } from '../grammar-expectations.js';
import { item, type Provider } from './item.js';

const PIPES: readonly { name: string; doc: string }[] = [
  { name: 'head', doc: '`| head N`: the first N results (by timestamp).' },
  { name: 'tail', doc: '`| tail N`: the last N results (by timestamp).' },
];

export const pipeItems: Provider = (_q, ctx) => {
  if (ctx.kind !== 'code' || !ctx.expected?.descriptions.has(EXPECT.pipe)) return [];
  return PIPES.map((p) => item('pipe', p.name, 0, { documentation: p.doc, insertText: `${p.name} \${1:10}`, snippet: true }));
};
