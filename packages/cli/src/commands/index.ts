import type { Command } from '../command.js';
import { checkCommand } from './check.js';
import { fmtCommand } from './fmt.js';
import { lspCommand } from './lsp.js';
import { parseCommand } from './parse.js';
import { queryCommand } from './query.js';
import { replCommand } from './repl.js';

/** Every `eql` subcommand, in the order help lists them. */
export const commands: readonly Command[] = [queryCommand, parseCommand, checkCommand, fmtCommand, replCommand, lspCommand];
