// Placeholder dispatcher; replaced by the command registry.
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  io.stderr.write(`eql: unknown command ${argv[0] ?? ''}\n`);
  return 2;
}
