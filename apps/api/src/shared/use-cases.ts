/**
 * A feature's use cases bound to its context for the routes: each use case is a function of its own
 * file that takes the context first (`listX(ctx, actor, …)`); bound, it is called without it
 * (`useCases.list(actor, …)`), with the same arguments and answer.
 */

/** A use case without its context. */
type Bound<C, F> = F extends (ctx: C, ...args: infer A) => infer R ? (...args: A) => R : never;

/** The use cases, each bound to `ctx`, under the names the routes call them by. */
export function bindUseCases<C, T extends Record<string, (ctx: C, ...args: never[]) => unknown>>(
  ctx: C,
  useCases: T,
): { [K in keyof T]: Bound<C, T[K]> } {
  const bound: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [name, useCase] of Object.entries(useCases)) {
    bound[name] = (...args) => (useCase as (ctx: C, ...args: unknown[]) => unknown)(ctx, ...args);
  }
  return bound as { [K in keyof T]: Bound<C, T[K]> };
}
