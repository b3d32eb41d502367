import type { SelfDeclaration, SelfDeclarationRound } from '@portal/contracts';
import { allows, assertSelfDeclarationReader, today } from '../../access/access.ts';
import type { Actor, RequestMeta } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { gradeRef, unitRef } from '../../shared/refs.ts';
import { type WriteSpec, write } from '../../shared/write.ts';
import type { DeclarationRow, RoundRow, SelfDeclarationRepository } from './self-declaration.repository.ts';
import { day, iso, NO_CONSIDERATIONS, phaseOf } from './self-declaration.rules.ts';

/** What every 自己申告 use case works with: the database, the repository, and the shared loading and presenting. */
export function createSelfDeclarationContext(deps: { db: Db; repo: SelfDeclarationRepository }) {
  const { db, repo } = deps;

  async function toRound(row: RoundRow): Promise<SelfDeclarationRound> {
    const [units, grades] = await repo.labels(
      db,
      [...row.bureauIds, ...row.publicPosts.flatMap((p) => p.orgUnitId ?? [])],
      row.gradeIds,
    );
    const unitById = new Map(units.map((u) => [u.id, u]));
    return {
      id: row.id,
      fiscalYear: row.fiscalYear,
      title: { ja: row.titleJa, en: row.titleEn || row.titleJa },
      guidance: row.guidance,
      opensOn: day(row.opensOn),
      closesOn: day(row.closesOn),
      phase: phaseOf(row),
      bureaus: row.bureauIds.flatMap((id) => {
        const u = unitById.get(id);
        return u ? [unitRef(u)] : [];
      }),
      grades: grades.sort((a, b) => a.rank - b.rank).map(gradeRef),
      careerFields: row.careerFields.map((f) => ({
        id: f.id,
        name: { ja: f.nameJa, en: f.nameEn || f.nameJa },
        description: f.description,
      })),
      publicPosts: row.publicPosts.map((p) => {
        const u = p.orgUnitId ? unitById.get(p.orgUnitId) : undefined;
        return {
          id: p.id,
          title: { ja: p.titleJa, en: p.titleEn || p.titleJa },
          orgUnit: u ? unitRef(u) : null,
          description: p.description,
          openings: p.openings,
        };
      }),
      version: row.version,
      updatedAt: iso(row.updatedAt),
    };
  }

  /** The round, if the actor may see it: HR every round, everyone else the ones that have opened. */
  async function visibleRound(actor: Actor, id: string): Promise<RoundRow> {
    const row = await repo.round(db, id);
    if (!row || (!allows(actor, 'self-declaration:manage:any') && phaseOf(row) === 'upcoming')) {
      throw new NotFoundError('No such self-declaration round.', 'self_declaration_round_not_found');
    }
    return row;
  }

  /**
   * The declaration as the actor may see it. `considerations` is set only when the actor may read
   * them; the key is then present, and otherwise absent.
   */
  async function toDeclaration(
    round: RoundRow,
    staffId: string,
    row: DeclarationRow | null,
    who: { self: boolean; directSupervisor: boolean; hr: boolean },
    actor: Actor,
  ): Promise<SelfDeclaration> {
    const mayReadConsiderations = who.self || who.directSupervisor || who.hr;
    const [people, [units], families, plan, consideration] = await Promise.all([
      repo.people(db, [staffId, ...(row?.interviewerId ? [row.interviewerId] : [])]),
      repo.labels(db, row?.desiredUnitIds ?? [], []),
      repo.jobFamilies(db, row?.desiredJobFamilyIds ?? []),
      row?.careerPlanId || !row ? repo.careerPlan(db, staffId, round.fiscalYear) : null,
      row && mayReadConsiderations ? repo.consideration(db, row.id) : null,
    ]);
    const person = people.find((p) => p.id === staffId);
    const interviewer = row?.interviewerId ? people.find((p) => p.id === row.interviewerId) : undefined;
    const unitById = new Map(units.map((u) => [u.id, u]));
    const familyById = new Map(families.map((f) => [f.id, f]));
    const open = phaseOf(round) === 'open';
    const status = row?.status ?? 'draft';
    const vision = plan ? [plan.midTermGoal, plan.longTermGoal].filter(Boolean).join('\n\n') : '';
    const result: SelfDeclaration = {
      id: row?.id ?? null,
      roundId: round.id,
      staff: {
        id: staffId,
        name: person?.nameJa ?? '',
        nameEn: person?.nameEn ?? '',
        employeeNumber: person?.employeeNumber ?? '',
      },
      status,
      reflection: row?.reflection ?? '',
      desiredUnitIds: row?.desiredUnitIds ?? [],
      desiredJobFamilyIds: row?.desiredJobFamilyIds ?? [],
      desiredWork: row?.desiredWork ?? '',
      careerFieldIds: row?.careerFieldIds ?? [],
      publicPostIds: row?.publicPostIds ?? [],
      // a new declaration starts from the career plan's vision
      careerVision: row ? row.careerVision : vision,
      desiredUnits: (row?.desiredUnitIds ?? []).flatMap((id) => {
        const u = unitById.get(id);
        return u ? [unitRef(u)] : [];
      }),
      desiredJobFamilies: (row?.desiredJobFamilyIds ?? []).flatMap((id) => {
        const f = familyById.get(id);
        return f ? [{ id: f.id, code: f.code, name: { ja: f.nameJa, en: f.nameEn } }] : [];
      }),
      careerPlan: plan ? { id: plan.id, fiscalYear: plan.fiscalYear } : null,
      submittedAt: row?.submittedAt ? iso(row.submittedAt) : null,
      interview: row?.interviewedOn
        ? {
            heldOn: day(row.interviewedOn),
            interviewer: interviewer
              ? { id: interviewer.id, name: interviewer.nameJa, nameEn: interviewer.nameEn }
              : null,
            opinion: row.supervisorOpinion,
            oneOnOneId: row.oneOnOneId,
          }
        : null,
      version: row?.version ?? 0,
      updatedAt: row ? iso(row.updatedAt) : null,
      can: {
        edit: who.self && open && status !== 'interviewed' && allows(actor, 'self-declaration:write:self'),
        submit: who.self && open && row !== null && status === 'draft',
        interview: who.directSupervisor && row !== null && status !== 'draft',
      },
    };
    if (mayReadConsiderations) {
      result.considerations = consideration
        ? { health: consideration.health, care: consideration.care, family: consideration.family }
        : { ...NO_CONSIDERATIONS };
    }
    return result;
  }

  /** The round, and the person in it (its population, or already declared); else 404. */
  async function declarationContext(actor: Actor, staffId: string, roundId: string) {
    const who = await assertSelfDeclarationReader(db, actor, staffId);
    const round = await visibleRound(actor, roundId);
    const [row, post] = await Promise.all([
      repo.declaration(db, roundId, staffId),
      repo.populationPost(db, round, staffId, today()),
    ]);
    if (!row && !post) {
      throw new NotFoundError('This round is not for this person.', 'self_declaration_not_found');
    }
    return { who, round, row, post };
  }

  /** The declaration for a 409's `current`, as the actor may see it. */
  async function current(actor: Actor, staffId: string, roundId: string) {
    const { who, round, row } = await declarationContext(actor, staffId, roundId);
    return toDeclaration(round, staffId, row, who, actor);
  }

  /**
   * A change to the person's declaration on the one write path, then the declaration as the actor now
   * sees it; a stale version is 409 with it.
   */
  async function writeDeclaration(
    actor: Actor,
    staffId: string,
    roundId: string,
    meta: RequestMeta,
    run: WriteSpec<null>['run'],
  ): Promise<SelfDeclaration> {
    await write(db, {
      actorId: actor.staffId,
      meta,
      what: 'self-declaration',
      current: () => current(actor, staffId, roundId),
      run,
    });
    return current(actor, staffId, roundId);
  }

  return { db, repo, toRound, visibleRound, toDeclaration, declarationContext, current, writeDeclaration };
}

export type SelfDeclarationContext = ReturnType<typeof createSelfDeclarationContext>;
