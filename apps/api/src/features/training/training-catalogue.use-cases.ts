/**
 * The training catalogue and its sessions: everyone reads; HR writes; a bureau officer writes their
 * own bureau's 部門別研修. Courses no longer offered (`active: false`) are seen by those who manage them.
 * One file per use case under `catalogue/`; this binds them to one context for the routes.
 */
import { type CatalogueContext, createCatalogueContext } from './catalogue/context.ts';
import { get, list, options } from './catalogue/read-catalogue.ts';
import { recommended } from './catalogue/recommend.ts';
import { createSession, listSessions, updateSession } from './catalogue/sessions.ts';
import { create, update } from './catalogue/write-course.ts';
import type { TrainingRepository } from './training.repository.ts';

/** The arguments of a use case after its context. */
type Args<F> = F extends (ctx: CatalogueContext, ...args: infer A) => unknown ? A : never;

export function createTrainingCatalogueUseCases(deps: { repo: TrainingRepository }) {
  const ctx = createCatalogueContext(deps);
  return {
    get: (...args: Args<typeof get>) => get(ctx, ...args),
    options: (...args: Args<typeof options>) => options(ctx, ...args),
    list: (...args: Args<typeof list>) => list(ctx, ...args),
    recommended: (...args: Args<typeof recommended>) => recommended(ctx, ...args),
    create: (...args: Args<typeof create>) => create(ctx, ...args),
    update: (...args: Args<typeof update>) => update(ctx, ...args),
    listSessions: (...args: Args<typeof listSessions>) => listSessions(ctx, ...args),
    createSession: (...args: Args<typeof createSession>) => createSession(ctx, ...args),
    updateSession: (...args: Args<typeof updateSession>) => updateSession(ctx, ...args),
  };
}

export type TrainingCatalogueUseCases = ReturnType<typeof createTrainingCatalogueUseCases>;
