/** What the catalogue's use cases share: the repository, reading a course or session in scope, and presenting it. */
import {
  fiscalYearOf,
  type MyTrainingProgress,
  type Training,
  type TrainingSession,
} from '@portal/contracts';
import {
  authorize,
  canManageTraining,
  MANAGE_TRAINING,
  managedTrainingWhere,
  today,
  trainingTarget,
} from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { BadRequestError, type FieldError, NotFoundError } from '../../../shared/errors.ts';
import { loadPolicyCatalog } from '../../policy/policy-links.ts';
import { japanDay, progressOf, type TrainingContext, toSession, toTraining } from '../training.mapper.ts';
import type { SessionRow, TrainingRepository, TrainingRow, TrainingWhere } from '../training.repository.ts';

/** The 年度 a session belongs to: that of its first day in Japan. */
export const sessionFiscalYear = (startsAt: Date) => fiscalYearOf(japanDay(startsAt));

export function createCatalogueContext(deps: { repo: TrainingRepository }) {
  const { repo } = deps;
  const db: Db = repo.db;

  /** What a reader may see of the catalogue: active courses, and inactive ones they manage. */
  function visibleWhere(actor: Actor, includeInactive: boolean): TrainingWhere {
    const managed = managedTrainingWhere(actor);
    if (includeInactive && managed) return { OR: [{ active: true }, managed] };
    return { active: true };
  }

  async function visibleTraining(actor: Actor, id: string, client: Db | Tx = db): Promise<TrainingRow> {
    const t = await repo.findTraining(id, client);
    if (!t || (!t.active && !canManageTraining(actor, t))) {
      throw new NotFoundError('No such course.', 'training_not_found');
    }
    return t;
  }

  /** Everything the rows of a page need, in a fixed number of queries. */
  async function context(actor: Actor, rows: TrainingRow[]): Promise<TrainingContext> {
    const ids = rows.map((t) => t.id);
    const now = new Date();
    const [catalog, lookups, units, upcoming, mine, feedback] = await Promise.all([
      loadPolicyCatalog(db),
      repo.lookups(db),
      repo.units(
        rows.flatMap((t) => (t.ownerBureauId ? [t.ownerBureauId] : [])),
        db,
      ),
      repo.upcomingSessions(ids, now, db),
      repo.applicationsOf(actor.staffId, ids, db),
      repo.feedbackSummary(
        rows.filter((t) => canManageTraining(actor, t)).map((t) => t.id),
        db,
      ),
    ]);
    const upcomingBy = new Map<string, SessionRow[]>();
    for (const s of upcoming) upcomingBy.set(s.trainingId, [...(upcomingBy.get(s.trainingId) ?? []), s]);
    const mineBy = new Map<string, typeof mine>();
    for (const a of mine) mineBy.set(a.session.trainingId, [...(mineBy.get(a.session.trainingId) ?? []), a]);
    const progress = new Map<string, MyTrainingProgress>();
    for (const [id, apps] of mineBy) progress.set(id, progressOf(apps, now));
    return {
      catalog,
      grades: new Map(lookups.grades.map((g) => [g.id, g])),
      jobFamilies: new Map(lookups.jobFamilies.map((j) => [j.id, j])),
      units: new Map(units.map((u) => [u.id, u])),
      upcoming: upcomingBy,
      progress,
      feedback: new Map(
        feedback.map((f) => [
          f.trainingId,
          {
            count: f.count,
            satisfaction: Math.round(f.satisfaction * 10) / 10,
            usefulness: Math.round(f.usefulness * 10) / 10,
          },
        ]),
      ),
      canManage: (t) => canManageTraining(actor, t),
      today: today(),
    };
  }

  async function one(actor: Actor, id: string): Promise<Training> {
    const t = await visibleTraining(actor, id);
    return toTraining(t, await context(actor, [t]));
  }

  const codeTaken = () =>
    new BadRequestError('This code is taken.', [{ field: 'body.code', message: 'already used' }]);

  function assertMayWrite(actor: Actor, shape: { kind: string; ownerBureauId: string | null }) {
    authorize(actor, MANAGE_TRAINING, trainingTarget(shape), {
      message: 'Only HR, or the owning bureau for its 部門別研修, may do this.',
      code: 'not_training_manager',
    });
  }

  async function counts(sessionIds: string[], client: Db | Tx = db) {
    const rows = await repo.statusCounts(sessionIds, client);
    const by = new Map<string, Record<string, number>>();
    for (const r of rows) by.set(r.sessionId, { ...(by.get(r.sessionId) ?? {}), [r.status]: r.count });
    return by;
  }

  async function sessionOut(actor: Actor, s: SessionRow, client: Db | Tx = db): Promise<TrainingSession> {
    const c = await counts([s.id], client);
    const mine = await repo.applicationTo(s.id, actor.staffId, client);
    return toSession(s, c.get(s.id) ?? {}, mine ? { ...mine, waitlistPosition: null } : null, today());
  }

  function sessionErrors(training: TrainingRow, startsAt: Date): FieldError[] {
    const fy = sessionFiscalYear(startsAt);
    return training.fiscalYears.includes(fy)
      ? []
      : [{ field: 'body.startsAt', message: `the course is not offered in 年度 ${fy}` }];
  }

  return {
    db,
    repo,
    visibleWhere,
    visibleTraining,
    context,
    one,
    codeTaken,
    assertMayWrite,
    counts,
    sessionOut,
    sessionErrors,
  };
}

export type CatalogueContext = ReturnType<typeof createCatalogueContext>;
