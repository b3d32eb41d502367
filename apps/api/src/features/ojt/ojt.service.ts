/**
 * OJT use cases. A supervisor logs sessions for their own staff (one, or several after a team session,
 * all or nothing) and keeps each person's 年間OJT計画; the trainee acknowledges and adds a 振り返り;
 * the team dashboard shows each person's OJT against the plan, their career plan and pending
 * self-development requests. The supervisor who logged a session may correct it, or delete it while the
 * trainee has not acknowledged it (docs/decisions/009-ojt-session-corrections.md). Each use case asks
 * the access module first.
 */
import {
  fiscalYearOf,
  fiscalYearRange,
  type OjtAcknowledge,
  type OjtPlan,
  type OjtPlanWrite,
  type OjtSession,
  type OjtSessionBatch,
  type OjtSessionBatchCreate,
  type OjtSessionCreate,
  type OjtSessionPage,
  type OjtSessionQuery,
  type OjtSessionUpdate,
  type PolicyLinks,
  type TeamDashboard,
  type TeamDashboardQuery,
} from '@portal/contracts';
import {
  allows,
  assertOjtSessionLogger,
  assertStaffVisible,
  assertSupervisorOfAll,
  authorize,
  isSupervisorOf,
  ojtSessionsEditable,
  ojtSessionWhere,
  today,
} from '../../access/access.ts';
import type { Actor, RequestMeta } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { JsonValue } from '../../db/json.ts';
import { BadRequestError, ConflictError, type FieldError, NotFoundError } from '../../shared/errors.ts';
import {
  guardUpdated,
  guardVersion,
  StaleVersionError,
  type WriteResult,
  write,
} from '../../shared/write.ts';
import { notify } from '../notifications/notify.ts';
import { namesOf } from '../notifications/recipients.repository.ts';
import { expandPolicyLinks, loadPolicyCatalog, type PolicyCatalog } from '../policy/policy-links.ts';
import type { OjtRepository, OjtSessionWhere, PlanRow, SessionRow } from './ojt.repository.ts';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const personOf = (p: { id: string; nameJa: string; nameEn: string }) => ({
  id: p.id,
  name: p.nameJa,
  nameEn: p.nameEn,
});

type GoalJson = { text: string; staffImageIds: string[]; initiativeIds: string[] };

function goalsOf(json: JsonValue): GoalJson[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((g) => {
    if (!g || typeof g !== 'object' || Array.isArray(g)) return [];
    const o = g as Record<string, unknown>;
    const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    return [
      {
        text: String(o.text ?? ''),
        staffImageIds: ids(o.staffImageIds),
        initiativeIds: ids(o.initiativeIds),
      },
    ];
  });
}

/** 400 naming each unknown link (`body.goals.0.initiativeIds.1`), against one read of the policy. */
function checkLinks(
  catalog: PolicyCatalog,
  links: { staffImageIds: readonly string[]; initiativeIds: readonly string[] },
  prefix: string,
  errors: FieldError[],
) {
  links.staffImageIds.forEach((id, i) => {
    if (!catalog.staffImages.has(id)) {
      errors.push({ field: `${prefix}staffImageIds.${i}`, message: 'not a 目指す職員像 of the policy' });
    }
  });
  links.initiativeIds.forEach((id, i) => {
    if (!catalog.initiatives.has(id)) {
      errors.push({ field: `${prefix}initiativeIds.${i}`, message: 'not an initiative of the policy' });
    }
  });
}

export function createOjtService(deps: { db: Db; ojt: OjtRepository }) {
  const { db, ojt } = deps;

  /** `editable`: the ids of the sessions the reader may correct (`ojtSessionsEditable`). */
  function toSession(
    s: SessionRow,
    catalog: PolicyCatalog,
    actor: Actor,
    editable: ReadonlySet<string>,
  ): OjtSession {
    const canEdit = editable.has(s.id);
    return {
      id: s.id,
      trainee: personOf(s.trainee),
      supervisor: personOf(s.supervisor),
      occurredOn: isoDate(s.occurredOn),
      fiscalYear: s.fiscalYear,
      minutes: s.minutes,
      method: s.method,
      topic: s.topic,
      notes: s.notes,
      staffImageIds: s.staffImageIds,
      initiativeIds: s.initiativeIds,
      policyLinks: expandPolicyLinks(catalog, s),
      batchId: s.batchId,
      acknowledgedAt: s.acknowledgedAt?.toISOString() ?? null,
      reflection: s.reflection,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
      canAcknowledge: s.traineeId === actor.staffId,
      canEdit,
      canDelete: canEdit && s.acknowledgedAt === null,
    };
  }

  /** The session's date: today when left out; never in the future, nor before the previous 年度. */
  function sessionDay(occurredOn: string | undefined, field = 'body.occurredOn'): string {
    const todayIso = isoDate(today());
    const day = occurredOn ?? todayIso;
    const earliest = fiscalYearRange(fiscalYearOf(todayIso) - 1).from;
    if (day > todayIso || day < earliest) {
      throw new BadRequestError('The date must be today or earlier, in this or the previous 年度.', [
        { field, message: `between ${earliest} and ${todayIso}` },
      ]);
    }
    return day;
  }

  /** Logs the same session for each trainee in one transaction: all of them or none. */
  async function log(
    actor: Actor,
    traineeIds: string[],
    input: Omit<OjtSessionCreate, 'traineeId'>,
    idem: { key: string | undefined; scope: string; body: unknown },
    meta: RequestMeta,
  ): Promise<WriteResult<SessionRow[]> & { catalog: PolicyCatalog }> {
    await assertSupervisorOfAll(db, actor, traineeIds, 'ojt:create:team');
    const day = sessionDay(input.occurredOn);
    const catalog = await loadPolicyCatalog(db);
    const errors: FieldError[] = [];
    checkLinks(catalog, input, 'body.', errors);
    if (errors.length) throw new BadRequestError('Some policy links are unknown.', errors);

    const result = await write<SessionRow[]>(db, {
      actorId: actor.staffId,
      meta,
      idempotency: { operation: idem.scope, key: idem.key, body: idem.body },
      run: async (tx) => {
        const batchId = traineeIds.length > 1 ? crypto.randomUUID() : null;
        const occurredOn = new Date(`${day}T00:00:00Z`);
        const rows = traineeIds.map((traineeId) => ({
          id: crypto.randomUUID(),
          traineeId,
          supervisorId: actor.staffId,
          occurredOn,
          fiscalYear: fiscalYearOf(day),
          minutes: input.minutes,
          method: input.method,
          topic: input.topic,
          notes: input.notes,
          staffImageIds: input.staffImageIds,
          initiativeIds: input.initiativeIds,
          batchId,
        }));
        const created = await ojt.createSessions(tx, rows);
        // each trainee is asked to acknowledge the session logged for them
        const logger = (await namesOf(tx, [actor.staffId])).get(actor.staffId);
        await notify(tx, [
          {
            to: traineeIds,
            kind: 'ojt.session.logged',
            link: '/ojt',
            params: { ...logger, date: day },
            by: actor.staffId,
          },
        ]);
        return {
          status: 201,
          body: created,
          audit: {
            action: batchId ? 'ojt.session.create_batch' : 'ojt.session.create',
            entityType: batchId ? 'ojt_batch' : 'ojt_session',
            entityId: batchId ?? rows[0]?.id ?? '',
            after: {
              sessionIds: rows.map((r) => r.id),
              traineeIds,
              occurredOn: day,
              minutes: input.minutes,
              method: input.method,
              topic: input.topic,
              staffImageIds: input.staffImageIds,
              initiativeIds: input.initiativeIds,
            },
          },
        };
      },
    });
    return { ...result, catalog };
  }

  /** The stored answer of a replay is JSON: dates came back as strings. */
  const revive = (s: SessionRow): SessionRow => ({
    ...s,
    occurredOn: new Date(s.occurredOn),
    createdAt: new Date(s.createdAt),
    updatedAt: new Date(s.updatedAt),
    acknowledgedAt: s.acknowledgedAt ? new Date(s.acknowledgedAt) : null,
  });

  async function planView(actor: Actor, staffId: string, fiscalYear: number): Promise<OjtPlan> {
    const [plan, year, person, catalog, canEdit] = await Promise.all([
      ojt.plan(db, staffId, fiscalYear),
      ojt.staffYear(staffId, fiscalYear, db),
      ojt.person(staffId, db),
      loadPolicyCatalog(db),
      allows(actor, 'ojt-plan:write:team') ? isSupervisorOf(db, actor, staffId) : Promise.resolve(false),
    ]);
    if (!person) throw new NotFoundError('No such staff member.', 'staff_not_found');
    const author = plan?.authorId ? await ojt.person(plan.authorId, db) : null;
    const empty: PolicyLinks = { staffImages: [], initiatives: [], tagCodes: [] };
    return {
      id: plan?.id ?? null,
      staff: personOf(person),
      fiscalYear,
      goals: plan
        ? goalsOf(plan.goals).map((g) => ({ ...g, policyLinks: expandPolicyLinks(catalog, g) }))
        : [],
      plannedSessions: plan?.plannedSessions ?? 0,
      plannedMinutes: plan?.plannedMinutes ?? 0,
      frequencyNote: plan?.frequencyNote ?? '',
      policyLinks: plan ? expandPolicyLinks(catalog, plan) : empty,
      author: author ? personOf(author) : null,
      version: plan?.version ?? 0,
      updatedAt: plan?.updatedAt.toISOString() ?? null,
      actual: {
        sessions: year?.sessions ?? 0,
        minutes: year?.minutes ?? 0,
        lastOn: year?.lastOn ? isoDate(year.lastOn) : null,
      },
      canEdit,
    };
  }

  const currentFiscalYear = () => fiscalYearOf(isoDate(today()));

  const planContent = (p: PlanRow) => ({
    goals: p.goals,
    plannedSessions: p.plannedSessions,
    plannedMinutes: p.plannedMinutes,
    frequencyNote: p.frequencyNote,
    version: p.version,
  });

  return {
    async listSessions(actor: Actor, query: OjtSessionQuery): Promise<OjtSessionPage> {
      if (query.from && query.to && query.from > query.to) {
        throw new BadRequestError('`from` must not be after `to`.', [
          { field: 'query.from', message: 'after query.to' },
        ]);
      }
      if (query.staffId) await assertStaffVisible(db, actor, query.staffId);
      const filters: OjtSessionWhere[] = [ojtSessionWhere(actor)];
      if (query.staffId) filters.push({ traineeId: query.staffId });
      if (query.supervisorId) {
        filters.push({ supervisorId: query.supervisorId === 'me' ? actor.staffId : query.supervisorId });
      }
      if (query.from || query.to) {
        filters.push({
          occurredOn: {
            ...(query.from ? { gte: new Date(`${query.from}T00:00:00Z`) } : {}),
            ...(query.to ? { lte: new Date(`${query.to}T00:00:00Z`) } : {}),
          },
        });
      }
      if (query.acknowledged !== undefined) {
        filters.push({ acknowledgedAt: query.acknowledged ? { not: null } : null });
      }
      const [{ items, total }, catalog] = await Promise.all([
        ojt.pageSessions({ AND: filters }, query.page, query.pageSize, db),
        loadPolicyCatalog(db),
      ]);
      const editable = await ojtSessionsEditable(db, actor, items);
      return {
        items: items.map((s) => toSession(s, catalog, actor, editable)),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    async createSession(
      actor: Actor,
      input: OjtSessionCreate,
      key: string | undefined,
      meta: RequestMeta,
    ): Promise<WriteResult<OjtSession>> {
      const { traineeId, ...fields } = input;
      const r = await log(
        actor,
        [traineeId],
        fields,
        { key, scope: 'ojt.session.create', body: input },
        meta,
      );
      const row = r.body[0];
      if (!row) throw new Error('no session was created');
      return {
        status: r.status,
        replayed: r.replayed,
        body: toSession(r.replayed ? revive(row) : row, r.catalog, actor, new Set([row.id])),
      };
    },

    async createBatch(
      actor: Actor,
      input: OjtSessionBatchCreate,
      key: string | undefined,
      meta: RequestMeta,
    ): Promise<WriteResult<OjtSessionBatch>> {
      const { traineeIds, ...fields } = input;
      const r = await log(
        actor,
        traineeIds,
        fields,
        { key, scope: 'ojt.session.create-batch', body: input },
        meta,
      );
      const logged = new Set(r.body.map((s) => s.id));
      const items = r.body.map((s) => toSession(r.replayed ? revive(s) : s, r.catalog, actor, logged));
      return {
        status: r.status,
        replayed: r.replayed,
        body: { batchId: items[0]?.batchId ?? items[0]?.id ?? '', items },
      };
    },

    async acknowledge(
      actor: Actor,
      id: string,
      input: OjtAcknowledge,
      meta: RequestMeta,
    ): Promise<OjtSession> {
      const found = await ojt.findSession({ AND: [{ id }, ojtSessionWhere(actor)] }, db);
      if (!found) throw new NotFoundError('No such OJT session.', 'ojt_session_not_found');
      authorize(
        actor,
        'ojt:acknowledge:self',
        { person: found.traineeId },
        {
          message: 'Only the trainee may acknowledge a session.',
          code: 'not_trainee',
        },
      );
      const { body: updated } = await write(db, {
        actorId: actor.staffId,
        meta,
        run: async (tx) => {
          const data = {
            acknowledgedAt: found.acknowledgedAt ?? new Date(),
            ...(input.reflection === undefined ? {} : { reflection: input.reflection || null }),
          };
          const row = await ojt.acknowledge(tx, id, data);
          return {
            body: row,
            audit: {
              action: 'ojt.session.acknowledge',
              entityType: 'ojt_session',
              entityId: id,
              before: { acknowledgedAt: found.acknowledgedAt, reflection: found.reflection },
              after: { acknowledgedAt: row.acknowledgedAt, reflection: row.reflection },
            },
          };
        },
      });
      return toSession(updated, await loadPolicyCatalog(db), actor, new Set());
    },

    /**
     * The logger corrects a session. Stale `updatedAt` → 409 `stale_version`; once acknowledged, a
     * change of trainee, date or minutes → 409 `ojt_acknowledged`; both with the current session. The
     * 年度 follows the date; the `ojt_staff_year` rollup follows by its trigger.
     */
    async updateSession(
      actor: Actor,
      id: string,
      input: OjtSessionUpdate,
      meta: RequestMeta,
    ): Promise<OjtSession> {
      const found = await ojt.findSession({ AND: [{ id }, ojtSessionWhere(actor)] }, db);
      if (!found) throw new NotFoundError('No such OJT session.', 'ojt_session_not_found');
      await assertOjtSessionLogger(db, actor, found);
      const traineeId = input.traineeId ?? found.traineeId;
      if (traineeId !== found.traineeId) {
        await assertSupervisorOfAll(db, actor, [traineeId], 'ojt:create:team');
      }
      const foundDay = isoDate(found.occurredOn);
      // an unchanged date stays valid even when it has left the window a new session may take
      const day = input.occurredOn === foundDay ? foundDay : sessionDay(input.occurredOn);
      const catalog = await loadPolicyCatalog(db);
      const errors: FieldError[] = [];
      checkLinks(catalog, input, 'body.', errors);
      if (errors.length) throw new BadRequestError('Some policy links are unknown.', errors);

      const current = async () => {
        const row = await ojt.sessionById(db, id);
        if (!row) throw new NotFoundError('No such OJT session.', 'ojt_session_not_found');
        return toSession(row, catalog, actor, await ojtSessionsEditable(db, actor, [row]));
      };
      if (new Date(input.updatedAt).getTime() !== found.updatedAt.getTime()) {
        throw new StaleVersionError('OJT session', await current());
      }
      const confirmedChanged =
        traineeId !== found.traineeId || day !== foundDay || input.minutes !== found.minutes;
      if (found.acknowledgedAt && confirmedChanged) {
        throw new ConflictError(
          'The trainee has acknowledged this session: its trainee, date and minutes stay as they are.',
          'ojt_acknowledged',
          toSession(found, catalog, actor, new Set([found.id])),
        );
      }

      const data = {
        traineeId,
        occurredOn: new Date(`${day}T00:00:00Z`),
        fiscalYear: fiscalYearOf(day),
        minutes: input.minutes,
        method: input.method,
        topic: input.topic,
        notes: input.notes,
        staffImageIds: [...new Set(input.staffImageIds)],
        initiativeIds: [...new Set(input.initiativeIds)],
        // always moves on, even within the millisecond the session was written in
        updatedAt: new Date(Math.max(Date.now(), found.updatedAt.getTime() + 1)),
      };
      const { updatedAt: _, ...after } = data;
      const { body: updated } = await write(db, {
        actorId: actor.staffId,
        meta,
        what: 'OJT session',
        current,
        run: async (tx) => {
          guardUpdated(await ojt.updateSession(tx, id, found.updatedAt, data));
          const row = await ojt.sessionById(tx, id);
          if (!row) throw new NotFoundError('No such OJT session.', 'ojt_session_not_found');
          return {
            body: row,
            audit: {
              action: 'ojt.session.update',
              entityType: 'ojt_session',
              entityId: id,
              before: {
                traineeId: found.traineeId,
                occurredOn: foundDay,
                fiscalYear: found.fiscalYear,
                minutes: found.minutes,
                method: found.method,
                topic: found.topic,
                notes: found.notes,
                staffImageIds: found.staffImageIds,
                initiativeIds: found.initiativeIds,
              },
              after: { ...after, occurredOn: day },
            },
          };
        },
      });
      return toSession(updated, catalog, actor, new Set([updated.id]));
    },

    /** The logger deletes a session the trainee has not acknowledged (else 409 `ojt_acknowledged`). */
    async deleteSession(actor: Actor, id: string, meta: RequestMeta): Promise<void> {
      const found = await ojt.findSession({ AND: [{ id }, ojtSessionWhere(actor)] }, db);
      if (!found) throw new NotFoundError('No such OJT session.', 'ojt_session_not_found');
      await assertOjtSessionLogger(db, actor, found);
      const acknowledged = async (row: SessionRow) => {
        throw new ConflictError(
          'The trainee has acknowledged this session: it can no longer be deleted.',
          'ojt_acknowledged',
          toSession(row, await loadPolicyCatalog(db), actor, new Set([row.id])),
        );
      };
      if (found.acknowledgedAt) return acknowledged(found);
      const { body: deleted } = await write(db, {
        actorId: actor.staffId,
        meta,
        run: async (tx) => {
          const { count } = await ojt.deleteUnacknowledged(tx, id);
          if (count === 0) return { body: false };
          return {
            body: true,
            audit: {
              action: 'ojt.session.delete',
              entityType: 'ojt_session',
              entityId: id,
              before: {
                traineeId: found.traineeId,
                occurredOn: isoDate(found.occurredOn),
                fiscalYear: found.fiscalYear,
                minutes: found.minutes,
                method: found.method,
                topic: found.topic,
                notes: found.notes,
                staffImageIds: found.staffImageIds,
                initiativeIds: found.initiativeIds,
                batchId: found.batchId,
              },
            },
          };
        },
      });
      if (deleted) return;
      // acknowledged (or deleted) in the meantime
      const now = await ojt.sessionById(db, id);
      if (!now) throw new NotFoundError('No such OJT session.', 'ojt_session_not_found');
      return acknowledged(now);
    },

    async getPlan(actor: Actor, staffId: string, fiscalYear?: number): Promise<OjtPlan> {
      await assertStaffVisible(db, actor, staffId);
      return planView(actor, staffId, fiscalYear ?? currentFiscalYear());
    },

    async putPlan(
      actor: Actor,
      staffId: string,
      fiscalYearInput: number | undefined,
      input: OjtPlanWrite,
      meta: RequestMeta,
    ): Promise<OjtPlan> {
      await assertSupervisorOfAll(db, actor, [staffId], 'ojt-plan:write:team');
      const fiscalYear = fiscalYearInput ?? currentFiscalYear();
      const catalog = await loadPolicyCatalog(db);
      const errors: FieldError[] = [];
      input.goals.forEach((g, i) => {
        checkLinks(catalog, g, `body.goals.${i}.`, errors);
      });
      if (errors.length) throw new BadRequestError('Some policy links are unknown.', errors);
      const goals: GoalJson[] = input.goals.map((g) => ({
        text: g.text,
        staffImageIds: [...new Set(g.staffImageIds)],
        initiativeIds: [...new Set(g.initiativeIds)],
      }));
      const data = {
        authorId: actor.staffId,
        goals,
        plannedSessions: input.plannedSessions,
        plannedMinutes: input.plannedMinutes,
        frequencyNote: input.frequencyNote,
        staffImageIds: [...new Set(goals.flatMap((g) => g.staffImageIds))],
        initiativeIds: [...new Set(goals.flatMap((g) => g.initiativeIds))],
      };

      await write(db, {
        actorId: actor.staffId,
        meta,
        what: 'OJT plan',
        current: () => planView(actor, staffId, fiscalYear),
        run: async (tx) => {
          const existing = await ojt.plan(tx, staffId, fiscalYear);
          if (!existing) {
            guardVersion(input.version, 0);
            const created = await ojt.createPlan(tx, { staffId, fiscalYear, ...data });
            return {
              body: null,
              audit: {
                action: 'ojt.plan.create',
                entityType: 'ojt_plan',
                entityId: created.id,
                after: { staffId, fiscalYear, ...planContent(created) },
              },
            };
          }
          guardUpdated(await ojt.updatePlan(tx, existing.id, input.version, data));
          return {
            body: null,
            audit: {
              action: 'ojt.plan.update',
              entityType: 'ojt_plan',
              entityId: existing.id,
              before: planContent(existing),
              after: { ...data, version: existing.version + 1 },
            },
          };
        },
      }).catch(async (error: unknown) => {
        // Two first saves at once: the unique (staffId, fiscalYear) lets one through.
        if (!isUniqueViolation(error)) throw error;
        throw new StaleVersionError('OJT plan', await planView(actor, staffId, fiscalYear));
      });
      const view = await planView(actor, staffId, fiscalYear);
      return view;
    },

    async teamDashboard(actor: Actor, query: TeamDashboardQuery): Promise<TeamDashboard> {
      authorize(actor, 'dashboard:read:team');
      const fiscalYear = query.fiscalYear ?? currentFiscalYear();
      const range = fiscalYearRange(fiscalYear);
      const todayIso = isoDate(today());
      // figures of a past 年度 are taken at its last day; of a coming one, at its first
      const asOf = [range.from, todayIso, range.to].sort()[1] ?? todayIso;
      const { items, totals } = await ojt.teamDashboard(db, {
        actorId: actor.staffId,
        teamPaths: actor.teamPaths,
        overrideStaffIds: actor.overrideStaffIds,
        fiscalYear,
        asOf,
        fyStart: range.from,
        query,
      });
      return {
        fiscalYear,
        asOf,
        totals: {
          members: totals.members,
          sessions: totals.sessions,
          minutes: totals.minutes,
          withPlan: totals.withPlan,
          overdue: totals.overdue,
          careerPlansSubmitted: totals.careerPlansSubmitted,
          selfDevelopmentPending: totals.selfDevelopmentPending,
          oneOnOneOverdue: totals.oneOnOneOverdue,
        },
        items: items.map((r) => ({
          staff: {
            id: r.id,
            name: r.nameJa,
            nameEn: r.nameEn,
            nameKana: r.nameKana,
            employeeNumber: r.employeeNumber,
          },
          unit:
            r.unitId && r.unitCode && r.unitKind
              ? {
                  id: r.unitId,
                  code: r.unitCode,
                  kind: r.unitKind,
                  name: { ja: r.unitNameJa ?? '', en: r.unitNameEn ?? '' },
                }
              : null,
          grade: r.gradeNameJa ? { ja: r.gradeNameJa, en: r.gradeNameEn ?? r.gradeNameJa } : null,
          ojt: {
            sessions: r.sessions,
            minutes: r.minutes,
            plannedSessions: r.plannedSessions,
            plannedMinutes: r.plannedMinutes,
            hasPlan: r.hasPlan,
            lastOn: r.lastOn,
            daysSinceLast: r.daysSinceLast,
            intervalDays: r.intervalDays,
            overdue: r.overdue,
            unacknowledged: r.unacknowledged,
          },
          careerPlan: { status: r.careerStatus ?? 'none', submittedAt: r.submittedAt },
          selfDevelopmentPending: r.selfDevPending,
          oneOnOne: {
            lastOn: r.oneOnOneLastOn,
            daysSinceLast: r.oneOnOneDaysSince,
            intervalDays: r.oneOnOneIntervalDays,
            overdue: r.oneOnOneOverdue,
          },
        })),
        page: query.page,
        pageSize: query.pageSize,
        total: totals.filtered,
      };
    },
  };
}

export type OjtService = ReturnType<typeof createOjtService>;
