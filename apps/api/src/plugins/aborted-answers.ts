/**
 * A client that goes away before its answer is sent (a closed tab, a cancelled fetch) is not the
 * server's error. The compressor (`@fastify/compress`, through `pump`) reports it as an error
 * `premature close` on the request's logger; this pino hook writes it at `info` instead, so error-level
 * logs stay what someone must look at. Every other error is logged as it was.
 */

type LogMethod = (...args: unknown[]) => void;
type Logger = { info: LogMethod };

/** pino's level number for `error` */
const ERROR = 50;

export function isPrematureClose(value: unknown): boolean {
  if (!(value instanceof Error)) return false;
  const code = (value as Error & { code?: unknown }).code;
  return code === 'ERR_STREAM_PREMATURE_CLOSE' || value.message === 'premature close';
}

/** pino's `hooks.logMethod`: an aborted answer is logged at info, not error. */
export function logAbortedAnswersAsInfo(
  this: Logger,
  args: unknown[],
  method: LogMethod,
  level: number,
): void {
  if (level >= ERROR && isPrematureClose(args[0])) {
    this.info({ err: args[0] }, 'the client closed the connection before the answer was sent');
    return;
  }
  method.apply(this, args);
}
