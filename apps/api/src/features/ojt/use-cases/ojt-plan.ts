/** A person's 年間OJT計画: anyone who may see the person reads it; their supervisor writes it (versioned). */
import type { OjtPlan, OjtPlanWrite } from '@portal/contracts';
import { assertStaffVisible, assertSupervisorOfAll } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import { guardUpdated, guardVersion, StaleVersionError, write } from '../../../shared/write.ts';
import { loadPolicyCatalog } from '../../policy/policy-links.ts';
import type { OjtContext } from '../ojt.context.ts';
import { assertKnownLinks, currentFiscalYear, type GoalJson, planContent } from '../ojt.shared.ts';

export async function getPlan(
  ctx: OjtContext,
  actor: Actor,
  staffId: string,
  fiscalYear?: number,
): Promise<OjtPlan> {
  await assertStaffVisible(ctx.db, actor, staffId);
  return ctx.planView(actor, staffId, fiscalYear ?? currentFiscalYear());
}

export async function putPlan(
  ctx: OjtContext,
  actor: Actor,
  staffId: string,
  fiscalYearInput: number | undefined,
  input: OjtPlanWrite,
  meta: RequestMeta,
): Promise<OjtPlan> {
  const { db, ojt, planView } = ctx;
  await assertSupervisorOfAll(db, actor, [staffId], 'ojt-plan:write:team');
  const fiscalYear = fiscalYearInput ?? currentFiscalYear();
  const catalog = await loadPolicyCatalog(db);
  assertKnownLinks(
    catalog,
    input.goals.map((g, i) => ({ links: g, prefix: `body.goals.${i}.` })),
  );
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
  return planView(actor, staffId, fiscalYear);
}
