/** Colours for the REPL's text: ANSI when the stream is a terminal and NO_COLOR is unset, plain otherwise. */
import { Chalk, type ChalkInstance } from 'chalk';

export type Style = ChalkInstance;

export function styleFor(stream: { isTTY?: boolean }): Style {
  return new Chalk({ level: stream.isTTY && !process.env['NO_COLOR'] ? 1 : 0 });
}

export const plainStyle: Style = new Chalk({ level: 0 });
