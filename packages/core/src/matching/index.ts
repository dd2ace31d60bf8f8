export { foldCase } from './case-fold.js';
export { compileWildcard, wildcardLiteralInfo, type ValueTest, type WildcardLiteralInfo } from './wildcard.js';
export { compileLuceneRegex, type LuceneRegex, type LuceneRegexOptions } from './lucene-regex.js';
export { parseLuceneRegex, type ParseResult } from './regex-parse.js';
export type { ClassItem, PredefinedClass, RegexNode, Span } from './regex-ast.js';
