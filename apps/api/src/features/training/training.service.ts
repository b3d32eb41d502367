/**
 * The training catalogue and its sessions: everyone reads; HR writes; a bureau officer writes their
 * own bureau's 部門別研修. Courses no longer offered (`active: false`) are seen by those who manage them.
 */
import {
  fiscalYearOf,
  type MyTrainingProgress,
  type Training,
  type TrainingInput,
  type TrainingListQuery,
  type TrainingOptions,
  type TrainingPage,
  type TrainingRecommendationReason,
  type TrainingRecommendations,
  type TrainingSession,
  type TrainingSessionInput,
  type TrainingSessionListQuery,
  type TrainingSessionPage,
  type TrainingSessionUpdate,
  type TrainingUpdate,
} from '@portal/contracts';
import type { z } from 'zod';
import {
  authorize,
  canManageTraining,
  MANAGE_TRAINING,
  managedTrainingWhere,
  today,
  trainingTarget,
} from '../../access/access.ts';
import type { Actor, RequestMeta } from '../../access/actor.ts';
import type { Tx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { BadRequestError, ConflictError, type FieldError, NotFoundError } from '../../shared/errors.ts';
import { write } from '../../shared/write.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { assertPolicyLinks, loadPolicyCatalog } from '../policy/policy-links.ts';
import { tellApplications } from './applications/notices.ts';
import {
  gradeRef,
  isoDate,
  japanDay,
  progressOf,
  type TrainingContext,
  toSession,
  toTraining,
  unitRef,
} from './training.mapper.ts';
import type {
  SessionRow,
  SessionWhere,
  TrainingRepository,
  TrainingRow,
  TrainingWhere,
} from './training.repository.ts';

type TrainingData = z.output<typeof TrainingInput>;
type TrainingChange = z.output<typeof TrainingUpdate>;
type ListQuery = z.output<typeof TrainingListQuery>;
type SessionQuery = z.output<typeof TrainingSessionListQuery>;
type SessionData = z.output<typeof TrainingSessionInput>;
type SessionChange = z.output<typeof TrainingSessionUpdate>;

/** The 年度 a session belongs to: that of its first day in Japan. */
export const sessionFiscalYear = (startsAt: Date) => fiscalYearOf(japanDay(startsAt));

export function createTrainingService(deps: { repo: TrainingRepository }) {
  const { repo } = deps;
  const db = repo.db;

  /** What a reader may see of the catalogue: active courses, and inactive ones they manage. */
  function visibleWhere(actor: Actor, includeInactive: boolean): TrainingWhere {
    const managed = managedTrainingWhere(actor);
    if (includeInactive && managed) return { OR: [{ active: true }, managed] };
    return { active: true };
  }

  async function visibleTraining(
    actor: Actor,
    id: string,
    client: Tx | typeof db = db,
  ): Promise<TrainingRow> {
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
      repo.upcomingSessions(ids, now),
      repo.applicationsOf(actor.staffId, ids),
      repo.feedbackSummary(rows.filter((t) => canManageTraining(actor, t)).map((t) => t.id)),
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

  /** 400 naming each bad field: unknown grades, job families, bureau, policy links; the kind's rules. */
  async function validate(tx: Tx, input: TrainingData): Promise<void> {
    const errors: FieldError[] = [];
    const [grades, jobs, bureau] = await Promise.all([
      tx.grade.findMany({ where: { id: { in: input.targetGradeIds } }, select: { id: true } }),
      tx.jobFamily.findMany({ where: { id: { in: input.targetJobFamilyIds } }, select: { id: true } }),
      input.ownerBureauId
        ? tx.orgUnit.findUnique({ where: { id: input.ownerBureauId }, select: { kind: true } })
        : null,
    ]);
    const gradeIds = new Set(grades.map((g) => g.id));
    input.targetGradeIds.forEach((id, i) => {
      if (!gradeIds.has(id)) errors.push({ field: `body.targetGradeIds.${i}`, message: 'not a grade' });
    });
    const jobIds = new Set(jobs.map((j) => j.id));
    input.targetJobFamilyIds.forEach((id, i) => {
      if (!jobIds.has(id))
        errors.push({ field: `body.targetJobFamilyIds.${i}`, message: 'not a job family' });
    });
    if (input.kind === 'departmental') {
      if (!input.ownerBureauId) {
        errors.push({ field: 'body.ownerBureauId', message: 'a 部門別研修 needs its owning bureau or ward' });
      } else if (!bureau || (bureau.kind !== 'bureau' && bureau.kind !== 'ward')) {
        errors.push({ field: 'body.ownerBureauId', message: 'not a bureau or ward' });
      }
    } else if (input.ownerBureauId) {
      errors.push({ field: 'body.ownerBureauId', message: 'only a 部門別研修 has an owning bureau' });
    }
    if (input.mandatory && input.targetGradeIds.length === 0) {
      errors.push({ field: 'body.targetGradeIds', message: 'a mandatory course names the grades it is for' });
    }
    if (new Set(input.fiscalYears).size !== input.fiscalYears.length) {
      errors.push({ field: 'body.fiscalYears', message: 'each 年度 once' });
    }
    if (errors.length) throw new BadRequestError('Some fields are invalid.', errors);
    await assertPolicyLinks(tx, input, 'body.');
  }

  const columns = (input: TrainingData) => ({
    titleJa: input.title.ja,
    titleEn: input.title.en,
    descriptionJa: input.description.ja,
    descriptionEn: input.description.en,
    kind: input.kind,
    ownerBureauId: input.kind === 'departmental' ? input.ownerBureauId : null,
    targetGradeIds: input.targetGradeIds,
    targetJobFamilyIds: input.targetJobFamilyIds,
    hours: input.hours,
    staffImageIds: input.staffImageIds,
    initiativeIds: input.initiativeIds,
    fiscalYears: [...input.fiscalYears].sort((a, b) => a - b),
    mandatory: input.mandatory,
    active: input.active,
  });

  function assertMayWrite(actor: Actor, shape: { kind: string; ownerBureauId: string | null }) {
    authorize(actor, MANAGE_TRAINING, trainingTarget(shape), {
      message: 'Only HR, or the owning bureau for its 部門別研修, may do this.',
      code: 'not_training_manager',
    });
  }

  async function counts(sessionIds: string[], client: Tx | typeof db = db) {
    const rows = await repo.statusCounts(sessionIds, client);
    const by = new Map<string, Record<string, number>>();
    for (const r of rows) by.set(r.sessionId, { ...(by.get(r.sessionId) ?? {}), [r.status]: r.count });
    return by;
  }

  async function sessionOut(
    actor: Actor,
    s: SessionRow,
    client: Tx | typeof db = db,
  ): Promise<TrainingSession> {
    const c = await counts([s.id], client);
    const mine = await client.trainingApplication.findUnique({
      where: { sessionId_staffId: { sessionId: s.id, staffId: actor.staffId } },
      select: { id: true, status: true, attendance: true, completed: true, version: true },
    });
    return toSession(s, c.get(s.id) ?? {}, mine ? { ...mine, waitlistPosition: null } : null, today());
  }

  function sessionErrors(training: TrainingRow, startsAt: Date): FieldError[] {
    const fy = sessionFiscalYear(startsAt);
    return training.fiscalYears.includes(fy)
      ? []
      : [{ field: 'body.startsAt', message: `the course is not offered in 年度 ${fy}` }];
  }

  return {
    get: one,

    async options(actor: Actor): Promise<TrainingOptions> {
      authorize(actor, 'training:read:any');
      const current = fiscalYearOf(isoDate(today()));
      const [lookups, bureaus, years] = await Promise.all([
        repo.lookups(db),
        repo.bureaus(),
        repo.offeredFiscalYears(),
      ]);
      return {
        currentFiscalYear: current,
        fiscalYears: [...new Set([...years, current, current + 1])].sort((a, b) => a - b),
        grades: lookups.grades.map(gradeRef),
        jobFamilies: lookups.jobFamilies.map((j) => ({
          id: j.id,
          code: j.code,
          name: { ja: j.nameJa, en: j.nameEn },
        })),
        bureaus: bureaus.map(unitRef),
      };
    },

    async list(actor: Actor, query: ListQuery): Promise<TrainingPage> {
      authorize(actor, 'training:read:any');
      const filters: TrainingWhere[] = [visibleWhere(actor, query.includeInactive === true)];
      const kinds = query.kind === undefined ? [] : Array.isArray(query.kind) ? query.kind : [query.kind];
      if (kinds.length) filters.push({ kind: { in: kinds } });
      if (query.gradeId) {
        filters.push({
          OR: [{ targetGradeIds: { has: query.gradeId } }, { targetGradeIds: { isEmpty: true } }],
        });
      }
      if (query.initiativeId) filters.push({ initiativeIds: { has: query.initiativeId } });
      if (query.tag) {
        const catalog = await loadPolicyCatalog(db);
        const tagged = [...catalog.initiatives.values()]
          .filter((i) => i.tagCodes.includes(query.tag as string))
          .map((i) => i.id);
        filters.push({ initiativeIds: { hasSome: tagged } });
      }
      if (query.fiscalYear) filters.push({ fiscalYears: { has: query.fiscalYear } });
      if (query.mandatory !== undefined) filters.push({ mandatory: query.mandatory });
      if (query.q) {
        const q = query.q;
        filters.push({
          OR: [
            { titleJa: { contains: q, mode: 'insensitive' } },
            { titleEn: { contains: q, mode: 'insensitive' } },
            { descriptionJa: { contains: q, mode: 'insensitive' } },
            { descriptionEn: { contains: q, mode: 'insensitive' } },
            { code: { startsWith: q, mode: 'insensitive' } },
          ],
        });
      }
      const { items, total } = await repo.pageTrainings({ AND: filters }, query.page, query.pageSize);
      const ctx = await context(actor, items);
      return {
        items: items.map((t) => toTraining(t, ctx)),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    /**
     * "Recommended for me": courses of this 年度 for my grade (mandatory ones first), for my job
     * family, or linked to what my career plan aims at — that I have not completed and am not already in.
     */
    async recommended(actor: Actor): Promise<TrainingRecommendations> {
      authorize(actor, 'training:read:any');
      const now = new Date();
      const fiscalYear = fiscalYearOf(isoDate(today()));
      const [post, plan, taken] = await Promise.all([
        repo.currentPost(actor.staffId),
        repo.careerPlanLinks(actor.staffId, fiscalYear),
        repo.takenTrainingIds(actor.staffId, now),
      ]);
      const grade = post?.assignments[0]?.grade ?? null;
      const candidates = await repo.findTrainings(
        {
          active: true,
          fiscalYears: { has: fiscalYear },
          id: { notIn: [...taken] },
          OR: [
            ...(grade ? [{ targetGradeIds: { has: grade.id } }] : []),
            { targetGradeIds: { isEmpty: true } },
          ],
          // a course for some job families is recommended to them only (保健師専門研修 to 保健師)
          AND: [
            {
              OR: [
                ...(post ? [{ targetJobFamilyIds: { has: post.jobFamilyId } }] : []),
                { targetJobFamilyIds: { isEmpty: true } },
              ],
            },
          ],
        },
        200,
      );
      const planImages = new Set(plan?.staffImageIds ?? []);
      const planInitiatives = new Set(plan?.initiativeIds ?? []);
      const scored = candidates
        .map((t) => {
          const reasons: TrainingRecommendationReason[] = [];
          let score = 0;
          const forGrade = grade !== null && t.targetGradeIds.includes(grade.id);
          if (forGrade && t.mandatory) {
            reasons.push('mandatory');
            score += 12;
          } else if (forGrade) {
            reasons.push('grade');
            score += t.kind === 'institute_grade' ? 4 : 2;
          }
          const overlap =
            t.staffImageIds.filter((id) => planImages.has(id)).length +
            t.initiativeIds.filter((id) => planInitiatives.has(id)).length;
          if (overlap) {
            reasons.push('career_plan');
            score += 2 * overlap;
          }
          if (post && t.targetJobFamilyIds.includes(post.jobFamilyId)) {
            reasons.push('job_family');
            score += 2;
          }
          return { t, reasons, score };
        })
        // Grade-based courses of other grades never come here; open courses need a reason to be shown.
        .filter((c) => c.reasons.length > 0)
        .sort((a, b) => b.score - a.score || a.t.code.localeCompare(b.t.code))
        .slice(0, 8);
      const ctx = await context(
        actor,
        scored.map((c) => c.t),
      );
      return {
        fiscalYear,
        grade: grade
          ? { id: grade.id, code: grade.code, rank: grade.rank, name: { ja: grade.nameJa, en: grade.nameEn } }
          : null,
        items: scored.map((c) => ({ training: toTraining(c.t, ctx), reasons: c.reasons })),
      };
    },

    async create(
      actor: Actor,
      input: TrainingData,
      meta: RequestMeta,
      key: string | undefined,
    ): Promise<{ body: Training; replayed: boolean }> {
      assertMayWrite(actor, input);
      const result = await write(db, {
        actorId: actor.staffId,
        idempotency: { operation: 'training.create', key: key, body: input },
        run: async (tx) => {
          await validate(tx, input);
          const code =
            input.code ??
            `T${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`.toUpperCase();
          if (await tx.training.findUnique({ where: { code }, select: { id: true } })) {
            throw new BadRequestError('This code is taken.', [
              { field: 'body.code', message: 'already used' },
            ]);
          }
          const created = await tx.training.create({
            data: { code, ...columns(input) },
            select: { id: true },
          });
          await recordAudit(tx, {
            actorId: actor.staffId,
            action: 'training.create',
            entityType: 'training',
            entityId: created.id,
            after: { code, ...columns(input) },
            meta,
          });
          return { status: 201, body: { id: created.id } };
        },
      }).catch((e: unknown) => {
        if (isUniqueViolation(e)) {
          throw new BadRequestError('This code is taken.', [{ field: 'body.code', message: 'already used' }]);
        }
        throw e;
      });
      return { body: await one(actor, result.body.id), replayed: result.replayed };
    },

    async update(actor: Actor, id: string, input: TrainingChange, meta: RequestMeta): Promise<Training> {
      const existing = await visibleTraining(actor, id);
      assertMayWrite(actor, existing);
      assertMayWrite(actor, input);
      await db
        .$transaction(async (tx) => {
          await validate(tx, input);
          const code = input.code ?? existing.code;
          const n = await tx.training.updateMany({
            where: { id, version: input.version },
            data: { code, ...columns(input), version: { increment: 1 } },
          });
          if (n.count === 0)
            throw new ConflictError('The course was changed by someone else.', 'stale_version');
          await recordAudit(tx, {
            actorId: actor.staffId,
            action: 'training.update',
            entityType: 'training',
            entityId: id,
            before: existing,
            after: { code, ...columns(input), version: input.version + 1 },
            meta,
          });
        })
        .catch(async (e: unknown) => {
          if (e instanceof ConflictError) {
            throw new ConflictError(e.message, 'stale_version', await one(actor, id));
          }
          if (isUniqueViolation(e)) {
            throw new BadRequestError('This code is taken.', [
              { field: 'body.code', message: 'already used' },
            ]);
          }
          throw e;
        });
      return one(actor, id);
    },

    async listSessions(actor: Actor, trainingId: string, query: SessionQuery): Promise<TrainingSessionPage> {
      authorize(actor, 'training:read:any');
      await visibleTraining(actor, trainingId);
      const where: SessionWhere = {
        trainingId,
        ...(query.fiscalYear ? { fiscalYear: query.fiscalYear } : {}),
      };
      const { items, total } = await repo.pageSessions(where, query.page, query.pageSize);
      const ids = items.map((s) => s.id);
      const [c, mine] = await Promise.all([counts(ids), repo.myApplications(actor.staffId, ids)]);
      const positions = await repo.waitlistPositions(
        mine.filter((m) => m.status === 'waitlisted').map((m) => m.id),
        db,
      );
      const mineBy = new Map(mine.map((m) => [m.sessionId, m]));
      const day = today();
      return {
        items: items.map((s) => {
          const m = mineBy.get(s.id);
          return toSession(
            s,
            c.get(s.id) ?? {},
            m
              ? {
                  id: m.id,
                  status: m.status,
                  waitlistPosition: positions.get(m.id) ?? null,
                  attendance: m.attendance,
                  completed: m.completed,
                  version: m.version,
                }
              : null,
            day,
          );
        }),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    async createSession(
      actor: Actor,
      trainingId: string,
      input: SessionData,
      meta: RequestMeta,
      key: string | undefined,
    ): Promise<{ body: TrainingSession; replayed: boolean }> {
      const training = await visibleTraining(actor, trainingId);
      assertMayWrite(actor, training);
      const startsAt = new Date(input.startsAt);
      const errors = sessionErrors(training, startsAt);
      if (errors.length) throw new BadRequestError('The session does not fit the course.', errors);
      return write(db, {
        actorId: actor.staffId,
        idempotency: { operation: `training.session.create:${trainingId}`, key: key, body: input },
        run: async (tx) => {
          const data = {
            trainingId,
            fiscalYear: sessionFiscalYear(startsAt),
            startsAt,
            endsAt: new Date(input.endsAt),
            venue: input.venue,
            online: input.online,
            capacity: input.capacity,
            applicationDeadline: new Date(`${input.applicationDeadline}T00:00:00Z`),
          };
          const created = await tx.trainingSession.create({ data, select: { id: true } });
          await recordAudit(tx, {
            actorId: actor.staffId,
            action: 'training_session.create',
            entityType: 'training_session',
            entityId: created.id,
            after: data,
            meta,
          });
          const row = await repo.findSession(created.id, tx);
          if (!row) throw new NotFoundError();
          return { status: 201, body: await sessionOut(actor, row, tx) };
        },
      });
    },

    /**
     * Edits a session (versioned). Capacity may not drop below the seats already taken; raising it
     * moves the waiting list up at once.
     */
    async updateSession(
      actor: Actor,
      sessionId: string,
      input: SessionChange,
      meta: RequestMeta,
    ): Promise<TrainingSession> {
      const found = await repo.findSession(sessionId, db);
      if (!found || (!found.training.active && !canManageTraining(actor, found.training))) {
        throw new NotFoundError('No such session.', 'session_not_found');
      }
      assertMayWrite(actor, found.training);
      const startsAt = new Date(input.startsAt);
      const errors = sessionErrors(found.training, startsAt);
      if (input.capacity < found.acceptedCount) {
        errors.push({ field: 'body.capacity', message: `${found.acceptedCount} seats are already taken` });
      }
      if (errors.length) throw new BadRequestError('The session cannot be changed so.', errors);
      const { training: _t, ...before } = found;
      await db
        .$transaction(async (tx) => {
          const n = await tx.$executeRaw`
            UPDATE training_session
               SET "startsAt" = ${startsAt}, "endsAt" = ${new Date(input.endsAt)}, venue = ${input.venue},
                   online = ${input.online}, capacity = ${input.capacity},
                   "applicationDeadline" = ${input.applicationDeadline}::date,
                   status = ${input.status}::"TrainingSessionStatus",
                   "fiscalYear" = ${sessionFiscalYear(startsAt)}, version = version + 1, "updatedAt" = now()
             WHERE id = ${sessionId}::uuid AND version = ${input.version} AND "acceptedCount" <= ${input.capacity}`;
          if (n === 0) throw new ConflictError('The session was changed by someone else.', 'stale_version');
          // The applications' 年度 follows the session's (their rollups follow through the trigger).
          await tx.trainingApplication.updateMany({
            where: { sessionId, NOT: { fiscalYear: sessionFiscalYear(startsAt) } },
            data: { fiscalYear: sessionFiscalYear(startsAt) },
          });
          const promoted =
            input.status === 'scheduled' && input.capacity > found.capacity
              ? await repo.promoteWaitlisted(tx, sessionId, actor.staffId)
              : [];
          await recordAudit(tx, {
            actorId: actor.staffId,
            action: 'training_session.update',
            entityType: 'training_session',
            entityId: sessionId,
            before,
            after: { ...input, promoted },
            meta,
          });
          await tellApplications(tx, 'training.application.promoted', promoted, actor.staffId);
        })
        .catch(async (e: unknown) => {
          if (e instanceof ConflictError) {
            const current = await repo.findSession(sessionId, db);
            throw new ConflictError(
              e.message,
              'stale_version',
              current ? await sessionOut(actor, current) : undefined,
            );
          }
          throw e;
        });
      const row = await repo.findSession(sessionId, db);
      if (!row) throw new NotFoundError('No such session.', 'session_not_found');
      return sessionOut(actor, row);
    },
  };
}

export type TrainingService = ReturnType<typeof createTrainingService>;
