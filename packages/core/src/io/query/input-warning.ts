import type { SessionWarning } from '../../session/types.js';
import type { InputError } from '../events/types.js';

/** An input problem as a structured session warning (code `input/<kind>`, located when it is about a record). */
export function inputWarning(e: InputError): SessionWarning {
  return { code: `input/${e.kind}`, message: e.message, file: e.file, ...(e.line > 0 ? { line: e.line } : {}) };
}
