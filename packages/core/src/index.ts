// The core's public API: what the faces (CLI, REPL, language server, extension), the tests and the benchmarks
// use, named one by one. Internals stay behind their folders' own modules. File and process I/O is
// `@eqlkit/core/io`.

// ---- the AST, diagnostics, text positions -------------------------------------------------------------------
export type {
  ArithmeticExpr,
  ArithmeticOp,
  BooleanLiteral,
  Category,
  ComparisonExpr,
  ComparisonOp,
  EventQuery,
  Expr,
  FieldRef,
  FieldSegment,
  FunctionCall,
  InExpr,
  Literal,
  LogicalExpr,
  MatchExpr,
  MatchOperator,
  MaxSpan,
  Node,
  NotExpr,
  NullLiteral,
  NumberLiteral,
  Pipe,
  Query,
  Runs,
  SampleQuery,
  SequenceQuery,
  Span,
  Stage,
  Statement,
  StringLiteral,
  TimeUnit,
  UnaryExpr,
} from './ast/nodes.js';
export { isCaseInsensitiveMatch } from './ast/nodes.js';
export { childrenOf, walk, nodeAt, stagesOf } from './ast/walk.js';
export { sexpr } from './ast/sexpr.js';
export type { Diagnostic, Severity, Suggestion, TextEdit } from './diagnostics/diagnostic.js';
export { hasErrors, sortDiagnostics } from './diagnostics/diagnostic.js';
export { LineIndex, type Position } from './text/line-index.js';
export { terminalSafe, jsonTerminalSafe, displayWidth, truncateToWidth, displayValues } from './text/terminal-safe.js';
export { closestMatches, osaDistance } from './text/edit-distance.js';

// ---- parsing, formatting, the grammar -----------------------------------------------------------------------
export { parse, type ParseOptions, type ParseResult } from './parse.js';
export { MAX_EXPRESSION_DEPTH, isStackOverflow, tooLargeDiagnostic } from './grammar/depth-limit.js';
export { grammarKeywords } from './grammar/load.js';
export { format, fieldText, literalText, type FormatOptions } from './format/format.js';
export type { Comment } from './grammar/comments.js';
export { encodeDoubleQuoted } from './grammar/strings.js';

// ---- rule files and the schema each query is checked against ------------------------------------------------
export {
  fileOffsetOf,
  queryFileKind,
  readDetectionRuleToml,
  readQueryFile,
  readRuleExport,
  replaceExportQuery,
  SchemaChooser,
  type InputProblem,
  type QueryFile,
  type QueryFileKind,
  type QueryOrigin,
  type QuerySchemas,
  type RuleQuery,
  type SchemaSelector,
} from './rules/index.js';

// ---- the function table ---------------------------------------------------------------------------------------
export { FUNCTIONS, lookupFunction, similarFunctions, arity, signatureText, type ArgType, type FunctionDef, type Param, type ReturnType, type Scalar } from './functions/index.js';

// ---- field schemas ----------------------------------------------------------------------------------------------
export {
  buildSchema,
  inferSchema,
  parseSchemaDocument,
  schemaForIndexes,
  BUNDLED_FILES,
  type AllowedValue,
  type BundledSchemas,
  type FieldConflict,
  type FieldInfo,
  type IndexSchemas,
  type InferenceOptions,
  type InferenceResult,
  type PatternResolution,
  type Resolution,
  type Schema,
  type SchemaDocument,
  type SchemaLayer,
  type SeparateTarget,
  type TypeFamily,
} from './schema/index.js';

// ---- values -----------------------------------------------------------------------------------------------------
export { formatIsoMillis } from './values/timestamps.js';

// ---- the type checker -------------------------------------------------------------------------------------------
export { check, checkText, checkCatalog, checkCodeHelp, datasetSchemaFor, describeType, type CheckCode, type CheckOptions, type CheckTextResult, type ValueType } from './check/index.js';

// ---- the evaluator and query sessions ---------------------------------------------------------------------------
export {
  compileStatement,
  compareHits,
  esEvent,
  esEventJson,
  esResponseJson,
  esSequenceJson,
  EvalInputError,
  QueryAbortedError,
  requirementFor,
  runQuery,
  toEsResponse,
  type AbortSignalLike,
  type CompiledQuery,
  type EsEvent,
  type EvalOptions,
  type Event,
  type Hit,
  type QueryResult,
  type Requirement,
  type RunOptions,
  type RunStats,
  type RunWarning,
  type SequenceResult,
} from './eval/index.js';
export { planCondition, type ConditionPlan, type Leaf as ConditionLeaf } from './eval/condition-plan.js';
export {
  memorySource,
  prepareQuery,
  runChecks,
  runSession,
  schemaFromLayers,
  stageCounts,
  type MemorySourceOptions,
  type Prepared,
  type PreparedQuery,
  type PrepareOptions,
  type RunCheckOptions,
  type SessionOptions,
  type SessionProgress,
  type SessionRun,
  type SessionSource,
  type SessionWarning,
  type StageCount,
} from './session/index.js';
export { columnsFor, fieldColumn, queryFields, type Column } from './present/columns.js';

// ---- the language service and the project configuration --------------------------------------------------------
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
export { parseProjectConfig, formatConfigProblem, PROJECT_CONFIG_FILE, type ProjectConfig, type ConfigProblem, type ParsedConfig } from './service/config.js';
export { countValues, valuesOf, DEFAULT_SAMPLE_VALUE_LIMITS, type SampleValueLimits, type SampleValuesOf } from './service/sample-values.js';
export { lex, type LexToken, type LexKind } from './service/lexer.js';
