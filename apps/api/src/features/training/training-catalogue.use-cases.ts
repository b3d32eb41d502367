/**
 * The training catalogue and its sessions: everyone reads; HR writes; a bureau officer writes their
 * own bureau's 部門別研修. Courses no longer offered (`active: false`) are seen by those who manage them.
 * One file per use case under `catalogue/`; this binds them to one context for the routes.
 */

import { bindUseCases } from '../../shared/use-cases.ts';
import { createCatalogueContext } from './catalogue/context.ts';
import { get, list, options } from './catalogue/read-catalogue.ts';
import { recommended } from './catalogue/recommend.ts';
import { createSession, listSessions, updateSession } from './catalogue/sessions.ts';
import { create, update } from './catalogue/write-course.ts';
import type { TrainingRepository } from './training.repository.ts';

export function createTrainingCatalogueUseCases(deps: { repo: TrainingRepository }) {
  const ctx = createCatalogueContext(deps);
  return bindUseCases(ctx, {
    get,
    options,
    list,
    recommended,
    create,
    update,
    listSessions,
    createSession,
    updateSession,
  });
}

export type TrainingCatalogueUseCases = ReturnType<typeof createTrainingCatalogueUseCases>;
