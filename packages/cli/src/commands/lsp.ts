import { UsageError, type Command } from '../command.js';

export const lspCommand: Command = {
  name: 'lsp',
  summary: 'run the EQL language server (for editors) over standard input and output',
  usage: '--stdio',
  details: [
    'Speaks the Language Server Protocol on stdin/stdout: diagnostics, completion, hover, signature help, formatting,',
    'quick fixes, semantic tokens, symbols, and the eql.dryRun command, for .eql files and detection-rule .toml files.',
    'Settings come from the client (section `eql`). Ends when the client sends `exit` or closes the connection.',
  ].join('\n'),
  options: {
    stdio: { type: 'boolean', description: 'talk over standard input and output (the only transport)' },
  },
  async run({ values }) {
    if (values['stdio'] !== true) throw new UsageError('eql lsp needs --stdio (the protocol runs over standard input and output)');
    // Loaded only for this command, so the other commands do not pay for the server's start-up.
    const { serveStdio } = await import('@eqlkit/lsp');
    serveStdio(import.meta.url);
    // The server ends the process itself (on `exit`, or when its client goes away).
    return new Promise<number>(() => {});
  },
};
