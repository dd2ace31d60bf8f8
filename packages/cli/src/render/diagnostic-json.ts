import type { Diagnostic, RuleQuery } from '@eqlkit/core';
import { locate } from './locate.js';

/** A diagnostic as JSON: the core fields plus 1-based line/column positions in the file users see. */
export function diagnosticJson(q: RuleQuery, fileText: string | undefined, d: Diagnostic): Record<string, unknown> {
  const loc = locate(q, fileText, d.span);
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    span: d.span,
    line: loc.line,
    column: loc.column,
    endLine: loc.endLine,
    endColumn: loc.endColumn,
    ...(d.suggestions ? { suggestions: d.suggestions } : {}),
  };
}
