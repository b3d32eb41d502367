/**
 * What every career plan use case works with: the database, the repository, and the shared reading,
 * presenting and version keeping of a plan.
 */
import type { CareerPlan, CareerPlanView } from '@portal/contracts';
import { allows, isSupervisorOf } from '../../access/access.ts';
import type { Actor } from '../../access/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { InputJson } from '../../db/json.ts';
import { ConflictError, NotFoundError } from '../../shared/errors.ts';
import { expandPolicyLinks, loadPolicyCatalog, type PolicyCatalog } from '../policy/policy-links.ts';
import type { CareerRepository, PlanRow } from './career.repository.ts';
import { contentOf, currentFiscalYear, iso, personRef } from './career-plan.shared.ts';

export function createCareerPlanContext(deps: { db: Db; repo: CareerRepository }) {
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

  async function view(actor: Actor, staffId: string, fiscalYear: number, row: PlanRow | null) {
    const [years, supervises] = await Promise.all([
      repo.planYears(db, staffId),
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

  return { db, repo, toPlan, currentPlan, stale, keepVersion, writableYears, view, requirePlan };
}

export type CareerPlanContext = ReturnType<typeof createCareerPlanContext>;
