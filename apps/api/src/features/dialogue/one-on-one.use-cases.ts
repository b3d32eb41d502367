/**
 * 1on1 / 面談 use cases. A supervisor records (or schedules) a 1on1 with a person of theirs; the person,
 * their supervisors and HR read it; only the author ever reads the private notes, and only on a single
 * record they asked for — never in a list, never in the audit log in clear
 * (docs/decisions/045-one-on-one-private-notes.md). Each use case asks the access module first.
 * One file per use case under `use-cases/`; this binds them to one context for the routes.
 */
import type { Db } from '../../db/client.ts';
import { bindUseCases } from '../../shared/use-cases.ts';
import { createOneOnOneContext } from './one-on-one.context.ts';
import type { OneOnOneRepository } from './one-on-one.repository.ts';
import { getCadence, setCadence } from './use-cases/cadence.ts';
import { deleteOneOnOne } from './use-cases/delete-one-on-one.ts';
import { getOneOnOne } from './use-cases/get-one-on-one.ts';
import { listOneOnOnes } from './use-cases/list-one-on-ones.ts';
import { listOpenActions } from './use-cases/list-open-actions.ts';
import { recordOneOnOne } from './use-cases/record-one-on-one.ts';
import { acknowledgeOneOnOne, writeAgenda } from './use-cases/respond-to-one-on-one.ts';
import { teamDashboard } from './use-cases/team-dashboard.ts';
import { updateAction } from './use-cases/update-action.ts';
import { updateOneOnOne } from './use-cases/update-one-on-one.ts';

export function createOneOnOneUseCases(deps: { db: Db; oneOnOnes: OneOnOneRepository }) {
  const ctx = createOneOnOneContext(deps);
  return bindUseCases(ctx, {
    list: listOneOnOnes,
    get: getOneOnOne,
    create: recordOneOnOne,
    update: updateOneOnOne,
    remove: deleteOneOnOne,
    acknowledge: acknowledgeOneOnOne,
    writeAgenda,
    updateAction,
    openActions: listOpenActions,
    cadence: getCadence,
    setCadence,
    team: teamDashboard,
  });
}

export type OneOnOneUseCases = ReturnType<typeof createOneOnOneUseCases>;
