// Every handler runs through here: a request that was cancelled answers `RequestCancelled`; one that throws answers
// with an error (and the error is logged) instead of taking the server down; notifications never throw.
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export type Log = (message: string) => void;

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'the request was cancelled');
}

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/** Wraps a request handler. */
export function request<P, R, X extends unknown[] = []>(log: Log, name: string, handler: (params: P, token: CancellationToken, ...extra: X) => R | Promise<R>) {
  return async (params: P, token: CancellationToken, ...extra: X): Promise<R> => {
    if (token?.isCancellationRequested) throw cancelled();
    let result: R;
    try {
      result = await handler(params, token, ...extra);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      log(`eql: ${name} failed: ${describe(e)}`);
      throw new ResponseError(ErrorCodes.InternalError, `eql: ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (token?.isCancellationRequested) throw cancelled();
    return result;
  };
}

/** Wraps a notification handler (or any callback whose failure must only be logged). */
export function notification<P>(log: Log, name: string, handler: (params: P) => void | Promise<void>) {
  return (params: P): void => {
    try {
      const r = handler(params);
      if (r instanceof Promise) r.catch((e: unknown) => log(`eql: ${name} failed: ${describe(e)}`));
    } catch (e) {
      log(`eql: ${name} failed: ${describe(e)}`);
    }
  };
}
