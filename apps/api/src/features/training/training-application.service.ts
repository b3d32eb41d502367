/**
 * A person's way through a course: apply (with a reason) → the supervisor approves or declines → HR
 * (or the owning bureau, for its 部門別研修) accepts — up to capacity, beyond it onto the waiting list
 * in order — or rejects. Withdrawal before the deadline frees the seat and moves the first on the
 * waiting list up in the same transaction. HR records attendance and completion; the person answers
 * a short survey and, some weeks later, reports what they put into practice, which the supervisor
 * confirms.
 */
import type {
  TrainingApplication,
  TrainingApplicationListQuery,
  TrainingApplicationPage,
  TrainingApplicationStatus,
  TrainingApplyRequest,
  TrainingAssignmentRequest,
  TrainingAssignmentResult,
  TrainingAttendanceRequest,
  TrainingDecisionRequest,
  TrainingFeedbackRequest,
  TrainingPracticeConfirmRequest,
  TrainingPracticeReportRequest,
  TrainingSessionRoster,
  TrainingWithdrawRequest,
} from '@portal/contracts';
import type { z } from 'zod';
import {
  authorize,
  canManageTraining,
  hasSupervisor,
  inForce,
  isSupervisorOf,
  MANAGE_TRAINING,
  managedTrainingWhere,
  supervisedStaffWhere,
  today,
  trainingApplicationWhere,
  trainingTarget,
} from '../../access/access.ts';
import type { Actor, RequestMeta } from '../../access/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { BadRequestError, ConflictError, type FieldError, NotFoundError } from '../../shared/errors.ts';
import { idempotent } from '../../shared/idempotency.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { japanDay, toApplication, toSession } from './training.mapper.ts';
import type { ApplicationChange, ApplicationOrder, ApplicationWhere } from './training.repository.ts';
import { ACTIVE_STATUSES, type ApplicationRow, type TrainingRepository } from './training.repository.ts';

type ListQuery = z.output<typeof TrainingApplicationListQuery>;
type Decide = z.output<typeof TrainingDecisionRequest>;
type Withdraw = z.output<typeof TrainingWithdrawRequest>;
type Attendance = z.output<typeof TrainingAttendanceRequest>;
type Feedback = z.output<typeof TrainingFeedbackRequest>;
type Confirm = z.output<typeof TrainingPracticeConfirmRequest>;

const ROSTER_ORDER: TrainingApplicationStatus[] = [
  'accepted',
  'waitlisted',
  'approved',
  'applied',
  'rejected',
  'declined',
  'withdrawn',
];

export function createTrainingApplicationService(deps: { repo: TrainingRepository }) {
  const { repo } = deps;
  const db: Db = repo.db;

  const notFound = () => new NotFoundError('No such application.', 'application_not_found');

  /** Maps rows to the contract with the reader's view: names, places on waiting lists, what they may do. */
  async function present(
    actor: Actor,
    rows: ApplicationRow[],
    client: Db | Tx = db,
  ): Promise<TrainingApplication[]> {
    const ids = rows.flatMap((a) => [
      a.supervisorId,
      a.hrDecidedById,
      a.practiceReport?.confirmedById ?? null,
    ]);
    const [people, positions, supervised] = await Promise.all([
      repo.people(
        ids.filter((id): id is string => id !== null),
        client,
      ),
      repo.waitlistPositions(
        rows.filter((a) => a.status === 'waitlisted').map((a) => a.id),
        client,
      ),
      repo.supervisedIds(
        supervisedStaffWhere(actor),
        rows.map((a) => a.staffId),
        client,
      ),
    ]);
    const ctx = {
      readerId: actor.staffId,
      people: new Map(people.map((p) => [p.id, p])),
      positions,
      supervised,
      manages: (a: ApplicationRow) => canManageTraining(actor, a.session.training),
      today: today(),
    };
    return rows.map((a) => toApplication(a, ctx));
  }

  async function presentOne(actor: Actor, id: string, client: Db | Tx = db): Promise<TrainingApplication> {
    const row = await repo.findApplication(id, client);
    if (!row) throw notFound();
    const [out] = await present(actor, [row], client);
    if (!out) throw notFound();
    return out;
  }

  /** The application, if the actor may see it (their own, their staff's, or to a course they manage); 404 otherwise. */
  async function visibleApplication(actor: Actor, id: string, client: Db | Tx = db) {
    const found = await client.trainingApplication.findFirst({
      where: { AND: [{ id }, trainingApplicationWhere(actor)] },
      select: {
        id: true,
        staffId: true,
        sessionId: true,
        status: true,
        version: true,
        attendance: true,
        completed: true,
        session: {
          select: {
            applicationDeadline: true,
            capacity: true,
            status: true,
            training: { select: { kind: true, ownerBureauId: true } },
          },
        },
        feedback: { select: { applicationId: true } },
        practiceReport: { select: { confirmedAt: true } },
      },
    });
    if (!found) throw notFound();
    return found;
  }

  async function conflict(actor: Actor, id: string, message: string, code: string): Promise<never> {
    throw new ConflictError(message, code, await presentOne(actor, id));
  }

  /**
   * What the participant sends once after a course — the survey, the 職場での実践 report: only they,
   * only once it is open, only once (409 with the application); a retry with the same
   * Idempotency-Key answers as the first did.
   */
  async function afterCourse(
    actor: Actor,
    id: string,
    meta: RequestMeta,
    key: string | undefined,
    spec: {
      scope: 'feedback' | 'practice_report';
      body: unknown;
      participantOnly: string;
      open: (app: Awaited<ReturnType<typeof visibleApplication>>) => boolean;
      notOpen: [message: string, code: string];
      duplicate: [message: string, code: string];
      create: (tx: Tx) => Promise<unknown>;
    },
  ): Promise<TrainingApplication> {
    const app = await visibleApplication(actor, id);
    authorize(
      actor,
      'training:apply:self',
      { person: app.staffId },
      {
        message: spec.participantOnly,
        code: 'not_applicant',
      },
    );
    if (!spec.open(app)) await conflict(actor, id, ...spec.notOpen);
    await idempotent(
      db,
      {
        actorId: actor.staffId,
        scope: `training.application.${spec.scope}:${id}`,
        key,
        body: spec.body,
      },
      async (tx) => {
        await spec.create(tx);
        await recordAudit(tx, {
          actorId: actor.staffId,
          action: `training_application.${spec.scope}`,
          entityType: 'training_application',
          entityId: id,
          after: spec.body,
          meta,
        });
        return { status: 201, body: { id } };
      },
    ).catch(async (e: unknown) => {
      if (isUniqueViolation(e)) await conflict(actor, id, ...spec.duplicate);
      throw e;
    });
    return presentOne(actor, id);
  }

  /** A session the actor may see (its course active, or managed by them); 404 otherwise. */
  async function visibleSession(actor: Actor, sessionId: string, client: Db | Tx = db) {
    const s = await repo.findSession(sessionId, client);
    if (!s || (!s.training.active && !canManageTraining(actor, s.training))) {
      throw new NotFoundError('No such session.', 'session_not_found');
    }
    return s;
  }

  async function managedSession(actor: Actor, sessionId: string) {
    const s = await visibleSession(actor, sessionId);
    authorize(actor, MANAGE_TRAINING, trainingTarget(s.training), {
      message: 'Only HR, or the owning bureau, handles this session.',
      code: 'not_training_manager',
    });
    return s;
  }

  async function roster(actor: Actor, sessionId: string): Promise<TrainingSessionRoster> {
    const s = await managedSession(actor, sessionId);
    const rows = await repo.sessionApplications(sessionId, db);
    const items = await present(actor, rows);
    const counts = Object.fromEntries(ROSTER_ORDER.map((st) => [st, 0])) as Record<
      TrainingApplicationStatus,
      number
    >;
    for (const a of items) counts[a.status] += 1;
    const rank = (a: TrainingApplication) => ROSTER_ORDER.indexOf(a.status);
    items.sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) ||
        a.staff.employeeNumber.localeCompare(b.staff.employeeNumber),
    );
    const { training, ...session } = s;
    return {
      training: {
        id: training.id,
        code: training.code,
        title: { ja: training.titleJa, en: training.titleEn },
        kind: training.kind,
        hours: training.hours,
      },
      session: toSession(session, counts, null, today()),
      counts,
      items,
    };
  }

  return {
    roster,

    async apply(
      actor: Actor,
      sessionId: string,
      input: TrainingApplyRequest,
      meta: RequestMeta,
      key: string | undefined,
    ): Promise<{ body: TrainingApplication; replayed: boolean }> {
      const s = await visibleSession(actor, sessionId);
      authorize(actor, 'training:apply:self');
      const result = await idempotent(
        db,
        {
          actorId: actor.staffId,
          scope: `training.application.create:${sessionId}`,
          key,
          body: input,
        },
        async (tx) => {
          if (s.status !== 'scheduled' || s.applicationDeadline < today()) {
            throw new ConflictError('Applications to this session are closed.', 'application_closed');
          }
          const existing = await tx.trainingApplication.findUnique({
            where: { sessionId_staffId: { sessionId, staffId: actor.staffId } },
            select: { id: true, status: true },
          });
          if (existing && existing.status !== 'withdrawn') {
            throw new ConflictError('You have already applied to this session.', 'duplicate_application', {
              id: existing.id,
              status: existing.status,
            });
          }
          // Nobody above to approve (a bureau's head, say): the application goes straight to HR.
          const supervised = await hasSupervisor(tx, actor.staffId);
          const data = {
            reason: input.reason,
            status: supervised ? ('applied' as const) : ('approved' as const),
            assigned: false,
            fiscalYear: s.fiscalYear,
            supervisorId: null,
            supervisorDecidedAt: null,
            supervisorReason: null,
            hrDecidedById: null,
            hrDecidedAt: null,
            hrReason: null,
            waitlistedAt: null,
            attendance: null,
            completed: false,
            completedOn: null,
          };
          const app = existing
            ? await tx.trainingApplication.update({
                where: { id: existing.id },
                data: { ...data, version: { increment: 1 } },
                select: { id: true },
              })
            : await tx.trainingApplication.create({
                data: { ...data, sessionId, staffId: actor.staffId },
                select: { id: true },
              });
          await recordAudit(tx, {
            actorId: actor.staffId,
            action: 'training_application.apply',
            entityType: 'training_application',
            entityId: app.id,
            after: { sessionId, ...data },
            meta,
          });
          return { status: 201, body: await presentOne(actor, app.id, tx) };
        },
      ).catch((e: unknown) => {
        if (isUniqueViolation(e)) {
          throw new ConflictError('You have already applied to this session.', 'duplicate_application');
        }
        throw e;
      });
      return { body: result.body, replayed: result.replayed };
    },

    async list(actor: Actor, query: ListQuery): Promise<TrainingApplicationPage> {
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
      const { items, total } = await repo.pageApplications(
        { AND: filters },
        orderBy,
        query.page,
        query.pageSize,
      );
      return { items: await present(actor, items), page: query.page, pageSize: query.pageSize, total };
    },

    async get(actor: Actor, id: string): Promise<TrainingApplication> {
      authorize(actor, 'training:read:any');
      await visibleApplication(actor, id);
      return presentOne(actor, id);
    },

    /**
     * approve / decline: the applicant's supervisor, while the application waits for them.
     * accept / reject: HR or the owning bureau, once approved. Accepting takes a seat with a
     * conditional update; a full session puts the application on the waiting list instead.
     */
    async decide(actor: Actor, id: string, input: Decide, meta: RequestMeta): Promise<TrainingApplication> {
      const app = await visibleApplication(actor, id);
      const supervisorStep = input.decision === 'approve' || input.decision === 'decline';
      if (supervisorStep) {
        authorize(actor, 'training:approve:team');
        authorize(
          actor,
          'training:approve:team',
          { supervised: await isSupervisorOf(db, actor, app.staffId) },
          { message: 'Only the applicant’s supervisor approves or declines.', code: 'not_supervisor' },
        );
      } else {
        authorize(actor, MANAGE_TRAINING, trainingTarget(app.session.training), {
          message: 'Only HR, or the owning bureau, accepts or rejects.',
          code: 'not_training_manager',
        });
      }
      if (input.version !== undefined && input.version !== app.version) {
        await conflict(actor, id, 'The application was changed by someone else.', 'stale_version');
      }
      const allowed: Record<Decide['decision'], TrainingApplicationStatus[]> = {
        approve: ['applied'],
        decline: ['applied'],
        accept: ['approved', 'waitlisted'],
        reject: ['approved', 'waitlisted', 'accepted'],
      };
      if (!allowed[input.decision].includes(app.status)) {
        const code = app.status === 'applied' && !supervisorStep ? 'awaiting_supervisor' : 'invalid_state';
        await conflict(
          actor,
          id,
          `An application that is ${app.status} cannot be given "${input.decision}".`,
          code,
        );
      }
      if (
        (input.decision === 'approve' || input.decision === 'accept') &&
        app.session.status !== 'scheduled'
      ) {
        await conflict(actor, id, 'The session is no longer scheduled.', 'session_not_scheduled');
      }
      const now = new Date();
      const reason = input.reason || null;
      let outcome: TrainingApplicationStatus = app.status;
      const done = await db
        .$transaction(async (tx): Promise<'ok' | 'full'> => {
          const guard = { id, status: app.status, version: app.version };
          let data: ApplicationChange;
          let promoted: string[] = [];
          if (supervisorStep) {
            outcome = input.decision === 'approve' ? 'approved' : 'declined';
            data = {
              status: outcome,
              supervisorId: actor.staffId,
              supervisorDecidedAt: now,
              supervisorReason: reason,
            };
          } else if (input.decision === 'accept') {
            const seat = await repo.takeSeat(tx, app.sessionId);
            if (!seat && app.status === 'waitlisted') return 'full' as const;
            outcome = seat ? 'accepted' : 'waitlisted';
            data = {
              status: outcome,
              hrDecidedById: actor.staffId,
              hrDecidedAt: now,
              hrReason: reason,
              waitlistedAt: seat ? null : now,
            };
          } else {
            outcome = 'rejected';
            data = {
              status: outcome,
              hrDecidedById: actor.staffId,
              hrDecidedAt: now,
              hrReason: reason,
              waitlistedAt: null,
            };
          }
          const n = await tx.trainingApplication.updateMany({
            where: guard,
            data: { ...data, version: { increment: 1 } },
          });
          // thrown, not returned: the seat taken above must go back with the rest
          if (n.count === 0) throw new Stale();
          if (input.decision === 'reject' && app.status === 'accepted') {
            await repo.freeSeat(tx, app.sessionId);
            promoted = await repo.promoteWaitlisted(tx, app.sessionId, actor.staffId);
          }
          await recordAudit(tx, {
            actorId: actor.staffId,
            action: `training_application.${input.decision}`,
            entityType: 'training_application',
            entityId: id,
            before: { status: app.status },
            after: { status: outcome, reason, promoted },
            meta,
          });
          return 'ok' as const;
        })
        .catch(async (e: unknown) => {
          if (e instanceof Stale)
            await conflict(actor, id, 'The application was changed by someone else.', 'stale_version');
          throw e;
        });
      if (done === 'full')
        await conflict(
          actor,
          id,
          'The session is full; the application stays on the waiting list.',
          'session_full',
        );
      return presentOne(actor, id);
    },

    /** The applicant withdraws before the deadline; an accepted seat goes to the first on the waiting list. */
    async withdraw(
      actor: Actor,
      id: string,
      input: Withdraw,
      meta: RequestMeta,
    ): Promise<TrainingApplication> {
      const app = await visibleApplication(actor, id);
      authorize(
        actor,
        'training:apply:self',
        { person: app.staffId },
        {
          message: 'Only the applicant may withdraw.',
          code: 'not_applicant',
        },
      );
      if (input?.version !== undefined && input.version !== app.version) {
        await conflict(actor, id, 'The application was changed by someone else.', 'stale_version');
      }
      if (!(ACTIVE_STATUSES as readonly string[]).includes(app.status)) {
        await conflict(
          actor,
          id,
          `An application that is ${app.status} cannot be withdrawn.`,
          'invalid_state',
        );
      }
      if (app.session.applicationDeadline < today()) {
        await conflict(actor, id, 'The deadline has passed: ask HR to cancel your place.', 'deadline_passed');
      }
      await db
        .$transaction(async (tx) => {
          const n = await tx.trainingApplication.updateMany({
            where: { id, status: app.status, version: app.version },
            data: { status: 'withdrawn', waitlistedAt: null, version: { increment: 1 } },
          });
          if (n.count === 0) throw new Stale();
          let promoted: string[] = [];
          if (app.status === 'accepted') {
            await repo.freeSeat(tx, app.sessionId);
            promoted = await repo.promoteWaitlisted(tx, app.sessionId, null);
          }
          await recordAudit(tx, {
            actorId: actor.staffId,
            action: 'training_application.withdraw',
            entityType: 'training_application',
            entityId: id,
            before: { status: app.status },
            after: { status: 'withdrawn', promoted },
            meta,
          });
        })
        .catch(async (e: unknown) => {
          if (e instanceof Stale)
            await conflict(actor, id, 'The application was changed by someone else.', 'stale_version');
          throw e;
        });
      return presentOne(actor, id);
    },

    /** HR records attendance and completion for many people at once (accepted applications only). */
    async recordAttendance(
      actor: Actor,
      sessionId: string,
      input: Attendance,
      meta: RequestMeta,
    ): Promise<TrainingSessionRoster> {
      const s = await managedSession(actor, sessionId);
      if (s.startsAt > new Date()) {
        throw new ConflictError('The session has not started yet.', 'session_not_started');
      }
      const ids = input.rows.map((r) => r.applicationId);
      const found = await db.trainingApplication.findMany({
        where: { id: { in: ids }, sessionId },
        select: { id: true, status: true, version: true, attendance: true, completed: true },
      });
      const byId = new Map(found.map((a) => [a.id, a]));
      const errors: FieldError[] = [];
      const seen = new Set<string>();
      input.rows.forEach((r, i) => {
        const a = byId.get(r.applicationId);
        if (!a)
          errors.push({
            field: `body.rows.${i}.applicationId`,
            message: 'not an application to this session',
          });
        else if (a.status !== 'accepted') {
          errors.push({
            field: `body.rows.${i}.applicationId`,
            message: `the application is ${a.status}, not accepted`,
          });
        }
        if (seen.has(r.applicationId))
          errors.push({ field: `body.rows.${i}.applicationId`, message: 'listed twice' });
        seen.add(r.applicationId);
        if (r.completed && r.attendance === 'absent') {
          errors.push({ field: `body.rows.${i}.completed`, message: 'an absent person cannot complete' });
        }
      });
      if (errors.length) throw new BadRequestError('Some rows are invalid.', errors);
      const completedOn = new Date(`${japanDay(s.endsAt)}T00:00:00Z`);
      await db
        .$transaction(
          async (tx) => {
            const n = await repo.recordAttendance(tx, sessionId, input.rows, completedOn);
            // all rows or none: a stale one undoes the rest
            if (n !== input.rows.length) throw new Stale();
            await recordAudit(tx, {
              actorId: actor.staffId,
              action: 'training_session.attendance',
              entityType: 'training_session',
              entityId: sessionId,
              before: input.rows.map((r) => ({ id: r.applicationId, ...pick(byId.get(r.applicationId)) })),
              after: input.rows,
              meta,
            });
          },
          { timeout: 60_000 },
        )
        .catch(async (e: unknown) => {
          if (e instanceof Stale) {
            throw new ConflictError(
              'Someone else changed the roster; nothing was saved.',
              'stale_version',
              await roster(actor, sessionId),
            );
          }
          throw e;
        });
      return roster(actor, sessionId);
    },

    /**
     * Bulk enrolment of everyone of some grades (mandatory 階層別研修): accepted up to capacity, the
     * rest on the waiting list in employee-number order. People already applied to the session, or
     * who have completed the course, are skipped.
     */
    async assign(
      actor: Actor,
      trainingId: string,
      input: TrainingAssignmentRequest,
      meta: RequestMeta,
      key: string | undefined,
    ): Promise<{ body: TrainingAssignmentResult; replayed: boolean }> {
      const training = await db.training.findUnique({
        where: { id: trainingId },
        select: { id: true, kind: true, ownerBureauId: true, active: true },
      });
      if (!training || (!training.active && !canManageTraining(actor, training))) {
        throw new NotFoundError('No such course.', 'training_not_found');
      }
      authorize(actor, MANAGE_TRAINING, trainingTarget(training), {
        message: 'Only HR, or the owning bureau, enrols people.',
        code: 'not_training_manager',
      });
      const [session, grades] = await Promise.all([
        db.trainingSession.findUnique({
          where: { id: input.sessionId },
          select: { id: true, trainingId: true, status: true, fiscalYear: true },
        }),
        db.grade.findMany({ where: { id: { in: input.gradeIds } }, select: { id: true } }),
      ]);
      const errors: FieldError[] = [];
      if (!session || session.trainingId !== trainingId) {
        errors.push({ field: 'body.sessionId', message: 'not a session of this course' });
      }
      const known = new Set(grades.map((g) => g.id));
      input.gradeIds.forEach((id, i) => {
        if (!known.has(id)) errors.push({ field: `body.gradeIds.${i}`, message: 'not a grade' });
      });
      if (errors.length || !session) throw new BadRequestError('Some fields are invalid.', errors);
      if (session.status !== 'scheduled') {
        throw new ConflictError('The session is not scheduled.', 'session_not_scheduled');
      }
      return idempotent(
        db,
        { actorId: actor.staffId, scope: `training.assignment.create:${trainingId}`, key, body: input },
        async (tx) => {
          const people = await tx.staff.findMany({
            where: {
              disabledAt: null,
              assignments: { some: { ...inForce(), gradeId: { in: input.gradeIds } } },
            },
            select: { id: true, employeeNumber: true },
            orderBy: { employeeNumber: 'asc' },
          });
          const taken = await tx.trainingApplication.findMany({
            where: {
              staffId: { in: people.map((p) => p.id) },
              OR: [{ sessionId: session.id }, { completed: true, session: { trainingId } }],
            },
            select: { staffId: true },
          });
          const skip = new Set(taken.map((t) => t.staffId));
          const enrol = people.filter((p) => !skip.has(p.id));
          const seats = await repo.takeSeats(tx, session.id, enrol.length);
          const now = Date.now();
          await tx.trainingApplication.createMany({
            data: enrol.map((p, i) => ({
              sessionId: session.id,
              staffId: p.id,
              fiscalYear: session.fiscalYear,
              assigned: true,
              status: i < seats ? ('accepted' as const) : ('waitlisted' as const),
              hrDecidedById: actor.staffId,
              hrDecidedAt: new Date(now),
              // a distinct instant each, so the waiting list keeps the employee-number order
              waitlistedAt: i < seats ? null : new Date(now + i),
            })),
          });
          const body = {
            matched: people.length,
            accepted: seats,
            waitlisted: enrol.length - seats,
            skipped: skip.size,
          };
          await recordAudit(tx, {
            actorId: actor.staffId,
            action: 'training.assign',
            entityType: 'training_session',
            entityId: session.id,
            after: { ...input, ...body },
            meta,
          });
          return { status: 200, body };
        },
      );
    },

    feedback(
      actor: Actor,
      id: string,
      input: Feedback,
      meta: RequestMeta,
      key?: string,
    ): Promise<TrainingApplication> {
      return afterCourse(actor, id, meta, key, {
        scope: 'feedback',
        body: input,
        participantOnly: 'Only the participant answers the survey.',
        open: (app) => app.completed || app.attendance === 'present' || app.attendance === 'partial',
        notOpen: ['The survey opens once your attendance is recorded.', 'not_attended'],
        duplicate: ['You have already answered the survey.', 'duplicate_feedback'],
        create: (tx) => tx.trainingFeedback.create({ data: { applicationId: id, ...input } }),
      });
    },

    practiceReport(
      actor: Actor,
      id: string,
      input: TrainingPracticeReportRequest,
      meta: RequestMeta,
      key?: string,
    ): Promise<TrainingApplication> {
      return afterCourse(actor, id, meta, key, {
        scope: 'practice_report',
        body: input,
        participantOnly: 'Only the participant reports.',
        open: (app) => app.completed,
        notOpen: ['Report once the course is completed.', 'not_completed'],
        duplicate: ['You have already reported.', 'duplicate_report'],
        create: (tx) => tx.practiceReport.create({ data: { applicationId: id, body: input.body } }),
      });
    },

    /** The supervisor confirms the 職場での実践 report: the link from the course back to OJT. */
    async confirmPractice(
      actor: Actor,
      id: string,
      input: Confirm,
      meta: RequestMeta,
    ): Promise<TrainingApplication> {
      const app = await visibleApplication(actor, id);
      authorize(actor, 'training:approve:team');
      authorize(
        actor,
        'training:approve:team',
        { supervised: await isSupervisorOf(db, actor, app.staffId) },
        { message: 'Only the person’s supervisor confirms the report.', code: 'not_supervisor' },
      );
      if (!app.practiceReport) await conflict(actor, id, 'There is no report to confirm yet.', 'no_report');
      const n = await db.$transaction(async (tx) => {
        const updated = await tx.practiceReport.updateMany({
          where: { applicationId: id, confirmedAt: null },
          data: {
            confirmedAt: new Date(),
            confirmedById: actor.staffId,
            supervisorComment: input.comment || null,
          },
        });
        if (updated.count) {
          await recordAudit(tx, {
            actorId: actor.staffId,
            action: 'training_application.confirm_practice',
            entityType: 'training_application',
            entityId: id,
            after: input,
            meta,
          });
        }
        return updated.count;
      });
      if (n === 0) await conflict(actor, id, 'The report is already confirmed.', 'already_confirmed');
      return presentOne(actor, id);
    },
  };
}

/** A guarded update found the row changed: thrown to roll the whole transaction back. */
class Stale extends Error {}

function pick(a: { attendance: unknown; completed: unknown; version: unknown } | undefined) {
  return a ? { attendance: a.attendance, completed: a.completed, version: a.version } : {};
}

export type TrainingApplicationService = ReturnType<typeof createTrainingApplicationService>;
