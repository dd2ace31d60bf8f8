export { FUNCTIONS, parseEqlNumber } from './definitions.js';
export { lookupFunction, similarFunctions, NON_ES_FUNCTIONS } from './registry.js';
export { arity, signatureText, type ArgType, type CallInfo, type FunctionDef, type Param, type ReturnType, type Scalar } from './types.js';
export { arithmetic, type NumberValue } from './arithmetic.js';
export { javaNumberString, scalarToJavaString } from './java-strings.js';
