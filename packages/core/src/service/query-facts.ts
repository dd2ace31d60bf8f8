/**
 * What the per-query features (hover, signature help, formatting, code actions, semantic tokens, symbols,
 * folding, selection) read about one analysed query. Every offset is a QUERY offset; the document layer maps
 * answers to document offsets. The document layer fills it from its cached parse and check, so no feature
 * parses or checks again.
 */
import type { Expr, Statement } from '../ast/nodes.js';
import type { ValueType } from '../check/value-types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Comment } from '../grammar/comments.js';
import type { Schema } from '../schema/types.js';

export interface QueryFacts {
  /** The query text (TOML escapes decoded). */
  readonly text: string;
  /** The AST: complete when the text parses, partial (recovered) or absent on broken text. */
  readonly ast: Statement | undefined;
  /** The query's comments (when the text parses). */
  readonly comments: readonly Comment[];
  /** Parse diagnostics followed by check diagnostics, as `eql check` reports them. */
  readonly diagnostics: readonly Diagnostic[];
  /** True when the grammar accepted the text and the parser reported no error (only then is formatting safe). */
  readonly parsedCleanly: boolean;
  /** The union schema of the indexes the query searches. */
  readonly schema?: Schema;
  /** The index patterns the query searches (a rule's `index`, or the settings' for `.eql`), for hover. */
  readonly indexes?: readonly string[];
  /** The schema of one index pattern alone (which of the rule's indexes define a field). */
  readonly schemaOfIndex?: (pattern: string) => Schema | undefined;
  /** The type the checker inferred for an expression of `ast`. */
  readonly typeOf?: (e: Expr) => ValueType | undefined;
}
