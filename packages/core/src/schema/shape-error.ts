/**
 * A schema document has the wrong shape (not a mapping, not a field map, a malformed field definition).
 * `pointer` is a JSON Pointer into the document (`''` for the whole document), so a file loader can say where.
 */
export class SchemaShapeError extends Error {
  constructor(
    message: string,
    readonly pointer: string,
  ) {
    super(message);
    this.name = 'SchemaShapeError';
  }
}
