/**
 * 自己啓発 (施策 (1)⑤): the person records qualifications, self-study and correspondence courses, and may
 * ask for support (a course-fee subsidy, …) that their supervisor approves or declines with a reason.
 * One file per use case under `use-cases/`; this binds them to one context for the routes.
 */
import type { Db } from '../../db/client.ts';
import { bindUseCases } from '../../shared/use-cases.ts';
import type { CareerRepository } from './career.repository.ts';
import { createSelfDevelopmentContext } from './self-development.context.ts';
import { addSelfDevelopment } from './use-cases/add-self-development.ts';
import { decideSupport } from './use-cases/decide-support.ts';
import { deleteSelfDevelopment } from './use-cases/delete-self-development.ts';
import { listSelfDevelopment } from './use-cases/list-self-development.ts';
import { updateSelfDevelopment } from './use-cases/update-self-development.ts';

export function createSelfDevelopmentUseCases(deps: { db: Db; repo: CareerRepository }) {
  return bindUseCases(createSelfDevelopmentContext(deps), {
    list: listSelfDevelopment,
    create: addSelfDevelopment,
    update: updateSelfDevelopment,
    remove: deleteSelfDevelopment,
    decide: decideSupport,
  });
}

export type SelfDevelopmentUseCases = ReturnType<typeof createSelfDevelopmentUseCases>;
