/** What every OJT use case works with: the repository, the database, and loading and presenting sessions and plans. */
import type { OjtPlan, OjtSession, PolicyLinks } from '@portal/contracts';
import { allows, assertOjtSessionLogger, isSupervisorOf, ojtSessionWhere } from '../../access/access.ts';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { expandPolicyLinks, loadPolicyCatalog, type PolicyCatalog } from '../policy/policy-links.ts';
import type { OjtRepository, SessionRow } from './ojt.repository.ts';
import { goalsOf, isoDate, personOf, sessionContent, sessionNotFound } from './ojt.shared.ts';

export function createOjtContext(deps: { db: Db; ojt: OjtRepository }) {
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
      ...sessionContent(s),
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

  /** The session if the actor may see it; else 404. */
  async function sessionInScope(actor: Actor, id: string): Promise<SessionRow> {
    const found = await ojt.findSession({ AND: [{ id }, ojtSessionWhere(actor)] }, db);
    if (!found) throw sessionNotFound();
    return found;
  }

  /** The session if the actor may see it (else 404) and is the one who may change it (else 403). */
  async function sessionOfLogger(actor: Actor, id: string): Promise<SessionRow> {
    const found = await sessionInScope(actor, id);
    await assertOjtSessionLogger(db, actor, found);
    return found;
  }

  /** A person's 年間OJT計画 for a 年度 (empty when none was written) with the actuals of the rollup. */
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

  return { db, ojt, toSession, sessionInScope, sessionOfLogger, planView };
}

export type OjtContext = ReturnType<typeof createOjtContext>;
