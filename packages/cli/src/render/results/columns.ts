// The column choice is shared with the REPL, so it lives in core.
export { columnsFor, type Column } from '@eqlkit/core';
