/**
 * キャリアプラン: one per person and 年度. The person writes it (every save is kept as a version; a
 * stale save is refused with the current plan), submits it to their supervisor, who comments or asks
 * for changes. A person's first read of the current 年度 carries their latest earlier plan forward as a
 * draft (docs/decisions/005-career-plan-carry-forward.md).
 */
import {
  type CareerPlan,
  type CareerPlanCommentData,
  CareerPlanContent,
  type CareerPlanSaveData,
  type CareerPlanSubmit,
  type CareerPlanVersionList,
  type CareerPlanView,
  fiscalYearOf,
} from '@portal/contracts';
import {
  allows,
  assertCareerRecordsVisible,
  assertSelfWrite,
  assertSupervisorOf,
  isSupervisorOf,
  today,
} from '../../access/access.ts';
import type { Actor, RequestMeta } from '../../access/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { InputJson } from '../../db/json.ts';
import { BadRequestError, ConflictError, type FieldError, NotFoundError } from '../../shared/errors.ts';
import { guardUpdated, refuseStale, write } from '../../shared/write.ts';
import { tellPerson, tellSupervisors } from '../notifications/tell.ts';
import { expandPolicyLinks, loadPolicyCatalog, type PolicyCatalog } from '../policy/policy-links.ts';
import type { CareerRepository, PlanRow } from './career.repository.ts';

const iso = (d: Date) => d.toISOString();
export const currentFiscalYear = () => fiscalYearOf(today().toISOString().slice(0, 10));
type Person = { id: string; nameJa: string; nameEn: string };
const personRef = (p: Person) => ({ id: p.id, name: p.nameJa, nameEn: p.nameEn });

/** The stored content of a plan row, read back through the contract (bad JSON becomes empty). */
function contentOf(row: Pick<PlanRow, keyof CareerPlanContent>): CareerPlanContent {
  const parsed = CareerPlanContent.safeParse({
    shortTermGoal: row.shortTermGoal,
    midTermGoal: row.midTermGoal,
    longTermGoal: row.longTermGoal,
    desiredExperiences: row.desiredExperiences,
    selfAssessments: row.selfAssessments,
    skillsToGain: row.skillsToGain,
    staffImageIds: row.staffImageIds,
    initiativeIds: row.initiativeIds,
  });
  if (parsed.success) return parsed.data;
  return CareerPlanContent.parse({
    shortTermGoal: row.shortTermGoal,
    midTermGoal: row.midTermGoal,
    longTermGoal: row.longTermGoal,
    skillsToGain: row.skillsToGain,
  });
}

/** The columns a content writes. */
function columnsOf(content: CareerPlanContent) {
  return {
    shortTermGoal: content.shortTermGoal,
    midTermGoal: content.midTermGoal,
    longTermGoal: content.longTermGoal,
    desiredExperiences: content.desiredExperiences as InputJson,
    selfAssessments: content.selfAssessments as InputJson,
    skillsToGain: content.skillsToGain,
    staffImageIds: content.staffImageIds,
    initiativeIds: content.initiativeIds,
  };
}

/** 400 naming each bad field: unknown policy links, self-assessments of an unknown or repeated 職員像. */
function checkContent(catalog: PolicyCatalog, content: CareerPlanContent) {
  const errors: FieldError[] = [];
  content.staffImageIds.forEach((id, i) => {
    if (!catalog.staffImages.has(id)) {
      errors.push({ field: `body.staffImageIds.${i}`, message: 'not a 目指す職員像 of the policy' });
    }
  });
  content.initiativeIds.forEach((id, i) => {
    if (!catalog.initiatives.has(id)) {
      errors.push({ field: `body.initiativeIds.${i}`, message: 'not an initiative of the policy' });
    }
  });
  const seen = new Set<string>();
  content.selfAssessments.forEach((a, i) => {
    if (!catalog.staffImages.has(a.staffImageId)) {
      errors.push({
        field: `body.selfAssessments.${i}.staffImageId`,
        message: 'not a 目指す職員像 of the policy',
      });
    } else if (seen.has(a.staffImageId)) {
      errors.push({ field: `body.selfAssessments.${i}.staffImageId`, message: 'assessed twice' });
    }
    seen.add(a.staffImageId);
  });
  if (errors.length) throw new BadRequestError('Some fields are invalid.', errors);
}

/** Thrown inside a transaction to roll it back; answered as a 409 once it has ended. */
class Refused extends Error {
  constructor(readonly reason: 'stale' | 'draft') {
    super(reason);
  }
}

export function createCareerPlanService(deps: { db: Db; repo: CareerRepository }) {
  const { db, repo } = deps;

  /**
   * The response plan; `client` is the transaction's when called inside one. `plans`, the person's plans
   * when the caller has them, names the plan this one was carried from without another read.
   */
  async function toPlan(
    client: Db | Tx,
    row: PlanRow,
    catalog?: PolicyCatalog,
    plans?: ReadonlyArray<{ id: string; fiscalYear: number }>,
  ): Promise<CareerPlan> {
    const known = plans?.find((p) => p.id === row.carriedFromId);
    const [cat, people, carried] = await Promise.all([
      catalog ?? loadPolicyCatalog(client),
      repo.people(client, [
        ...row.comments.map((c) => c.authorId),
        ...row.versions.flatMap((v) => v.savedById ?? []),
      ]),
      known ?? (row.carriedFromId ? repo.planRef(client, row.carriedFromId) : null),
    ]);
    const byId = new Map(people.map((p) => [p.id, p]));
    const ref = (id: string | null | undefined) => {
      const p = id ? byId.get(id) : undefined;
      return p ? personRef(p) : null;
    };
    const content = contentOf(row);
    return {
      ...content,
      id: row.id,
      staffId: row.staffId,
      fiscalYear: row.fiscalYear,
      status: row.status,
      links: expandPolicyLinks(cat, content),
      submittedAt: row.submittedAt ? iso(row.submittedAt) : null,
      carriedFrom: carried,
      comments: row.comments.map((c) => ({
        id: c.id,
        author: ref(c.authorId) ?? { id: c.authorId, name: '', nameEn: '' },
        body: c.body,
        requestsChanges: c.requestsChanges,
        createdAt: iso(c.createdAt),
      })),
      version: row.version,
      updatedAt: iso(row.updatedAt),
      updatedBy: ref(row.versions[0]?.savedById),
    };
  }

  /** The plan as it is now, for a 409's `current` (read outside the failed transaction). */
  async function currentPlan(staffId: string, fiscalYear: number): Promise<CareerPlan | null> {
    const row = await repo.plan(db, staffId, fiscalYear);
    return row ? toPlan(db, row) : null;
  }

  async function stale(staffId: string, fiscalYear: number): Promise<never> {
    throw new ConflictError(
      'The career plan was changed meanwhile; nothing was saved.',
      'stale_version',
      await currentPlan(staffId, fiscalYear),
    );
  }

  /** Keeps a version of the plan as it now stands. */
  async function keepVersion(tx: Tx, planId: string, actorId: string) {
    const row = await repo.planForVersion(tx, { id: planId });
    if (!row) throw new Error('unreachable: the plan was written in this transaction');
    await repo.createPlanVersion(tx, {
      planId,
      version: row.version,
      status: row.status,
      content: contentOf(row) as InputJson,
      savedById: actorId,
    });
    return row;
  }

  const writableYears = () => {
    const fy = currentFiscalYear();
    return [fy, fy + 1];
  };

  /** The person's first look at the current 年度: their latest earlier plan becomes this year's draft. */
  async function carryForward(actor: Actor, staffId: string, fiscalYear: number, meta: RequestMeta) {
    const previous = await repo.latestPlanBefore(db, staffId, fiscalYear);
    if (!previous) return null;
    try {
      await write(db, {
        actorId: actor.staffId,
        meta,
        run: async (tx) => {
          const created = await repo.createPlan(tx, {
            staffId,
            fiscalYear,
            status: 'draft',
            ...columnsOf(contentOf(previous)),
            carriedFromId: previous.id,
          });
          await keepVersion(tx, created.id, actor.staffId);
          return {
            body: null,
            audit: {
              action: 'career_plan.carry_forward',
              entityType: 'career_plan',
              entityId: created.id,
              after: { fiscalYear, carriedFromId: previous.id, carriedFromYear: previous.fiscalYear },
            },
          };
        },
      });
    } catch (e) {
      // Two first looks at once: the other one carried it forward.
      if (!isUniqueViolation(e)) throw e;
    }
    return repo.plan(db, staffId, fiscalYear);
  }

  async function view(actor: Actor, staffId: string, fiscalYear: number, row: PlanRow | null) {
    const [years, supervises] = await Promise.all([
      repo.planYears(staffId),
      actor.staffId === staffId ? false : isSupervisorOf(db, actor, staffId),
    ]);
    const self = actor.staffId === staffId && allows(actor, 'career:write:self');
    const result: CareerPlanView = {
      staffId,
      fiscalYear,
      plan: row ? await toPlan(db, row, undefined, years) : null,
      fiscalYears: years.map((y) => y.fiscalYear),
      can: {
        edit: self && writableYears().includes(fiscalYear),
        submit: self && row !== null && row.status !== 'submitted',
        comment: supervises && allows(actor, 'career:comment:team') && row !== null && row.status !== 'draft',
      },
    };
    return result;
  }

  async function requirePlan(client: Db | Tx, staffId: string, fiscalYear: number) {
    const row = await repo.plan(client, staffId, fiscalYear);
    if (!row) throw new NotFoundError('There is no career plan for this 年度 yet.', 'career_plan_not_found');
    return row;
  }

  return {
    async get(actor: Actor, staffId: string, fiscalYearInput: number | undefined, meta: RequestMeta) {
      await assertCareerRecordsVisible(db, actor, staffId);
      const fiscalYear = fiscalYearInput ?? currentFiscalYear();
      let row = await repo.plan(db, staffId, fiscalYear);
      if (
        !row &&
        actor.staffId === staffId &&
        allows(actor, 'career:write:self') &&
        fiscalYear === currentFiscalYear()
      ) {
        row = await carryForward(actor, staffId, fiscalYear, meta);
      }
      return view(actor, staffId, fiscalYear, row);
    },

    async save(
      actor: Actor,
      staffId: string,
      fiscalYearInput: number | undefined,
      body: CareerPlanSaveData,
      meta: RequestMeta,
    ): Promise<CareerPlanView> {
      await assertSelfWrite(db, actor, staffId, 'career:write:self');
      const fiscalYear = fiscalYearInput ?? currentFiscalYear();
      if (!writableYears().includes(fiscalYear)) {
        throw new BadRequestError('Only the plans of this and the next 年度 can be written.', [
          { field: 'query.fiscalYear', message: `one of ${writableYears().join(', ')}` },
        ]);
      }
      const { version, ...rest } = body;
      const content = CareerPlanContent.parse(rest);
      checkContent(await loadPolicyCatalog(db), content);

      try {
        await write(db, {
          actorId: actor.staffId,
          meta,
          what: 'career plan',
          current: () => currentPlan(staffId, fiscalYear),
          run: async (tx) => {
            const existing = await repo.planForVersion(tx, { staffId_fiscalYear: { staffId, fiscalYear } });
            if (!existing) {
              if (version !== 0) refuseStale();
              const created = await repo.createPlan(tx, {
                staffId,
                fiscalYear,
                status: 'draft',
                ...columnsOf(content),
              });
              await keepVersion(tx, created.id, actor.staffId);
              return {
                body: null,
                audit: {
                  action: 'career_plan.create',
                  entityType: 'career_plan',
                  entityId: created.id,
                  after: { fiscalYear, ...content },
                },
              };
            }
            guardUpdated(
              await repo.updatePlan(
                tx,
                { id: existing.id, version },
                { ...columnsOf(content), status: 'draft' },
              ),
            );
            await keepVersion(tx, existing.id, actor.staffId);
            return {
              body: null,
              audit: {
                action: 'career_plan.update',
                entityType: 'career_plan',
                entityId: existing.id,
                before: { version: existing.version, status: existing.status, ...contentOf(existing) },
                after: { version: existing.version + 1, status: 'draft', ...content },
              },
            };
          },
        });
      } catch (e) {
        // the plan was created by another request meanwhile: as stale as a version that moved on
        if (isUniqueViolation(e)) await stale(staffId, fiscalYear);
        throw e;
      }
      return view(actor, staffId, fiscalYear, await repo.plan(db, staffId, fiscalYear));
    },

    async submit(
      actor: Actor,
      staffId: string,
      fiscalYearInput: number | undefined,
      body: CareerPlanSubmit,
      meta: RequestMeta,
    ): Promise<CareerPlanView> {
      await assertSelfWrite(db, actor, staffId, 'career:write:self');
      const fiscalYear = fiscalYearInput ?? currentFiscalYear();
      const row = await requirePlan(db, staffId, fiscalYear);
      if (row.version !== body.version) await stale(staffId, fiscalYear);
      if (row.status === 'submitted') {
        throw new ConflictError('The plan is already submitted.', 'already_submitted', await toPlan(db, row));
      }
      if (!row.shortTermGoal && !row.midTermGoal && !row.longTermGoal) {
        throw new BadRequestError('Write at least one goal before submitting.', [
          { field: 'plan.shortTermGoal', message: 'write at least one goal' },
        ]);
      }
      await write(db, {
        actorId: actor.staffId,
        meta,
        what: 'career plan',
        current: () => currentPlan(staffId, fiscalYear),
        run: async (tx) => {
          guardUpdated(
            await repo.updatePlan(
              tx,
              { id: row.id, version: body.version, status: { not: 'submitted' } },
              { status: 'submitted', submittedAt: new Date() },
            ),
          );
          await keepVersion(tx, row.id, actor.staffId);
          await tellSupervisors(tx, staffId, {
            kind: 'career.plan.submitted',
            link: `/staff/${staffId}/career#plan`,
            params: { fiscalYear },
            by: actor.staffId,
          });
          return {
            body: null,
            audit: {
              action: 'career_plan.submit',
              entityType: 'career_plan',
              entityId: row.id,
              before: { version: row.version, status: row.status },
              after: { version: row.version + 1, status: 'submitted' },
            },
          };
        },
      });
      return view(actor, staffId, fiscalYear, await repo.plan(db, staffId, fiscalYear));
    },

    async comment(
      actor: Actor,
      staffId: string,
      fiscalYearInput: number | undefined,
      body: CareerPlanCommentData,
      meta: RequestMeta,
      idempotencyKey: string | undefined,
    ) {
      await assertSupervisorOf(db, actor, staffId, 'career:comment:team');
      const fiscalYear = fiscalYearInput ?? currentFiscalYear();
      const row = await requirePlan(db, staffId, fiscalYear);
      const status = body.requestsChanges ? 'changes_requested' : 'commented';
      try {
        const result = await write(db, {
          actorId: actor.staffId,
          meta,
          idempotency: {
            operation: `career.plan.comment:${staffId}:${fiscalYear}`,
            key: idempotencyKey,
            body: body,
          },
          run: async (tx) => {
            const count = await repo.updatePlan(
              tx,
              { id: row.id, version: body.version, status: { not: 'draft' } },
              { status },
            );
            if (count === 0) {
              throw new Refused(row.version === body.version && row.status === 'draft' ? 'draft' : 'stale');
            }
            const created = await repo.createPlanComment(tx, {
              planId: row.id,
              authorId: actor.staffId,
              body: body.body,
              requestsChanges: body.requestsChanges,
            });
            await keepVersion(tx, row.id, actor.staffId);
            await tellPerson(tx, staffId, {
              kind: body.requestsChanges ? 'career.plan.changes_requested' : 'career.plan.commented',
              link: '/career#plan',
              params: { fiscalYear },
              by: actor.staffId,
            });
            const updated = await repo.plan(tx, staffId, fiscalYear);
            if (!updated) throw new Refused('stale');
            return {
              status: 201,
              body: await toPlan(tx, updated),
              audit: {
                action: 'career_plan.comment',
                entityType: 'career_plan',
                entityId: row.id,
                before: { version: body.version, status: row.status },
                after: {
                  version: body.version + 1,
                  status,
                  commentId: created.id,
                  requestsChanges: body.requestsChanges,
                },
              },
            };
          },
        });
        return result.body;
      } catch (e) {
        if (!(e instanceof Refused)) throw e;
        if (e.reason === 'draft') {
          throw new ConflictError(
            'The plan has not been submitted yet.',
            'plan_not_submitted',
            await currentPlan(staffId, fiscalYear),
          );
        }
        return stale(staffId, fiscalYear);
      }
    },

    async versions(
      actor: Actor,
      staffId: string,
      fiscalYearInput: number | undefined,
    ): Promise<CareerPlanVersionList> {
      await assertCareerRecordsVisible(db, actor, staffId);
      const row = await requirePlan(db, staffId, fiscalYearInput ?? currentFiscalYear());
      const versions = await repo.planVersions(row.id);
      const people = new Map(
        (
          await repo.people(
            db,
            versions.flatMap((v) => v.savedById ?? []),
          )
        ).map((p) => [p.id, p]),
      );
      return {
        items: versions.map((v) => {
          const parsed = CareerPlanContent.safeParse(v.content);
          const savedBy = v.savedById ? people.get(v.savedById) : undefined;
          return {
            version: v.version,
            status: v.status,
            content: parsed.success ? parsed.data : CareerPlanContent.parse({}),
            savedBy: savedBy ? personRef(savedBy) : null,
            savedAt: iso(v.savedAt),
          };
        }),
      };
    },
  };
}

export type CareerPlanService = ReturnType<typeof createCareerPlanService>;
