/** Reading applications: the lists (mine, the supervisor's inbox, the acceptance inbox) and one application. */
import type { TrainingApplication, TrainingApplicationPage } from '@portal/contracts';
import {
  authorize,
  inForce,
  MANAGE_TRAINING,
  managedTrainingWhere,
  supervisedStaffWhere,
} from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import type { ApplicationOrder, ApplicationWhere } from '../training.repository.ts';
import type { ApplicationContext } from './context.ts';
import type { ListQuery } from './shared.ts';

export async function list(
  ctx: ApplicationContext,
  actor: Actor,
  query: ListQuery,
): Promise<TrainingApplicationPage> {
  const { repo, present } = ctx;
  authorize(actor, 'training:read:any');
  const filters: ApplicationWhere[] = [];
  let orderBy: ApplicationOrder[] = [{ session: { startsAt: 'desc' } }, { id: 'asc' }];
  if (query.inbox === 'supervisor' || query.inbox === 'practice') {
    authorize(actor, 'training:approve:team');
    const team = supervisedStaffWhere(actor);
    if (!team) return { items: [], page: query.page, pageSize: query.pageSize, total: 0 };
    filters.push({ staff: team });
    filters.push(
      query.inbox === 'supervisor'
        ? { status: 'applied' }
        : { practiceReport: { is: { confirmedAt: null } } },
    );
    orderBy = [{ createdAt: 'asc' }, { id: 'asc' }];
  } else if (query.inbox === 'acceptance') {
    authorize(actor, MANAGE_TRAINING);
    const managed = managedTrainingWhere(actor);
    if (!managed) return { items: [], page: query.page, pageSize: query.pageSize, total: 0 };
    filters.push({ status: 'approved', session: { training: managed } });
    orderBy = [{ session: { startsAt: 'asc' } }, { supervisorDecidedAt: 'asc' }, { id: 'asc' }];
  } else {
    filters.push({ staffId: actor.staffId });
  }
  if (query.status)
    filters.push({ status: { in: Array.isArray(query.status) ? query.status : [query.status] } });
  if (query.fiscalYear) filters.push({ fiscalYear: query.fiscalYear });
  if (query.trainingId) filters.push({ session: { trainingId: query.trainingId } });
  if (query.sessionId) filters.push({ sessionId: query.sessionId });
  if (query.bureauId)
    filters.push({
      staff: { assignments: { some: { ...inForce(), orgUnit: { bureauId: query.bureauId } } } },
    });
  const { items, total } = await repo.pageApplications(
    { AND: filters },
    orderBy,
    query.page,
    query.pageSize,
    ctx.db,
  );
  return { items: await present(actor, items), page: query.page, pageSize: query.pageSize, total };
}

export async function get(ctx: ApplicationContext, actor: Actor, id: string): Promise<TrainingApplication> {
  const { presentOne, visibleApplication } = ctx;
  authorize(actor, 'training:read:any');
  await visibleApplication(actor, id);
  return presentOne(actor, id);
}
