export * from './ast/nodes.js';
export { childrenOf, walk, nodeAt, stagesOf } from './ast/walk.js';
export type { Diagnostic, Severity, Suggestion, TextEdit } from './diagnostics/diagnostic.js';
export { hasErrors, sortDiagnostics } from './diagnostics/diagnostic.js';
export { LineIndex, type Position } from './text/line-index.js';
export { terminalSafe, jsonTerminalSafe, displayWidth, truncateToWidth, displayValues } from './text/terminal-safe.js';
export { parse, type ParseOptions, type ParseResult } from './parse.js';
export { grammarKeywords } from './grammar/load.js';
export { format, fieldText, literalText, type FormatOptions } from './format/format.js';
export type { Comment } from './grammar/comments.js';
export { encodeDoubleQuoted } from './grammar/strings.js';
export * from './rules/index.js';
export * from './functions/index.js';
export * from './schema/index.js';
export * from './values/index.js';
export { compileWildcard, compileLuceneRegex, foldCase, wildcardLiteralInfo } from './matching/index.js';
export { sexpr } from './ast/sexpr.js';
export { closestMatches, osaDistance } from './text/edit-distance.js';
export * from './check/index.js';
export * from './eval/index.js';
export * from './session/index.js';
export { createLanguageService } from './service/service.js';
export { EqlDocumentImpl } from './service/document.js';
export { embeddedQueries } from './service/embedded.js';
export type { AnalysedQuery, QuerySettings } from './service/analysis.js';
export type {
  CodeAction,
  CompletionItem,
  CompletionKind,
  CompletionList,
  DocumentKind,
  DocumentSettings,
  DocumentSymbol,
  EmbeddedQuery,
  EqlDocument,
  Hover,
  LanguageService,
  SemanticToken,
  SemanticTokenType,
  ServiceEnvironment,
  SignatureHelp,
  StageInfo,
} from './service/api.js';
export { columnsFor, fieldColumn, queryFields, type Column } from './present/columns.js';
export { planCondition, type ConditionPlan, type Leaf as ConditionLeaf } from './eval/condition-plan.js';
export { parseProjectConfig, formatConfigProblem, PROJECT_CONFIG_FILE, type ProjectConfig, type ConfigProblem, type ParsedConfig } from './service/config.js';
export { lex, type LexToken, type LexKind } from './service/lexer.js';
