// A user's `--mapping` / `--schema` file → a schema layer, with errors that point into the file.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describeFsError } from '../events/inputs.js';
import { jsonErrorPosition } from '../../text/json-position.js';

export { jsonErrorPosition };
import { looksLikeMapping, parseSchemaDocument, SchemaShapeError, type SchemaDocument } from '../../schema/index.js';

/** A schema file could not be used. `line`/`column` (1-based) are set for JSON syntax errors. */
export class SchemaFileError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'SchemaFileError';
  }
}

export interface LoadedSchemaFile extends SchemaDocument {
  readonly file: string;
}

/**
 * Read and parse a schema file: an Elasticsearch mapping (any of the three envelopes), a flat
 * `{"field": "type"}` map, or a conformance `*.fields.json`. The layer is named `mapping:<file name>` or
 * `schema:<file name>`. Throws SchemaFileError: `file:line:col: invalid JSON: …` for syntax errors,
 * `file: not a mapping …` for a wrong shape, `file: no such file` (or another read problem) when the file cannot be read.
 */
export function loadSchemaFile(file: string): LoadedSchemaFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new SchemaFileError(`${file}: ${describeFsError(e).message}`, file);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const { line, column } = jsonErrorPosition((e as Error).message, text);
    const reason = (e as Error).message.replace(/ in JSON at position \d+.*$/s, '').replace(/ \(line \d+ column \d+\)$/, '');
    throw new SchemaFileError(`${file}:${line}:${column}: invalid JSON: ${reason}`, file, line, column);
  }
  const name = basename(file);
  try {
    const parsed = parseSchemaDocument(doc, looksLikeMapping(doc) ? `mapping:${name}` : `schema:${name}`);
    return { ...parsed, file };
  } catch (e) {
    if (e instanceof SchemaShapeError) throw new SchemaFileError(`${file}: ${e.message}${e.pointer ? ` (at ${e.pointer})` : ''}`, file);
    throw e;
  }
}

