/**
 * 自己申告: HR opens rounds (年度, window, population, キャリア選択 fields, 庁内公募 posts); each person
 * in a round's population writes their declaration and submits it within the window; their 所属長
 * records the 面談. The 配慮事項 are read and written apart: only the person, their 所属長 and HR
 * administrators get them; for anyone else they are absent, never refused (decision 048).
 */
import {
  type Considerations,
  type ExperienceMap,
  type ExperienceSearchPage,
  fiscalYearOf,
  type RoundPhase,
  type SelfDeclaration,
  type SelfDeclarationInterviewData,
  type SelfDeclarationListPage,
  type SelfDeclarationProgress,
  type SelfDeclarationRound,
  SelfDeclarationRoundInput,
  type SelfDeclarationRoundPage,
  type SelfDeclarationSaveData,
  type SelfDeclarationSubmit,
} from '@portal/contracts';
import {
  allows,
  assertCareerRecordsVisible,
  assertSelfDeclarationReader,
  authorize,
  today,
} from '../../access/access.ts';
import type { Actor, RequestMeta } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { BadRequestError, ConflictError, type FieldError, NotFoundError } from '../../shared/errors.ts';
import { gradeRef, unitRef, unitRefOrNull } from '../../shared/refs.ts';
import { guardUpdated, refuseStale, write } from '../../shared/write.ts';
import {
  type DeclarationContentColumns,
  type DeclarationRow,
  personOfRow,
  type RoundData,
  type RoundRow,
  type SelfDeclarationRepository,
} from './self-declaration.repository.ts';

type RoundInput = ReturnType<typeof SelfDeclarationRoundInput.parse>;
const day = (d: Date) => d.toISOString().slice(0, 10);
const iso = (d: Date) => d.toISOString();
/** Where a round's window stands on `on` (calendar dates in the city, inclusive). */
export function phaseOf(round: { opensOn: Date; closesOn: Date }, on = today()): RoundPhase {
  if (on < round.opensOn) return 'upcoming';
  if (on > round.closesOn) return 'closed';
  return 'open';
}

const NO_CONSIDERATIONS: Considerations = { health: '', care: '', family: '' };

export function createSelfDeclarationService(deps: { db: Db; repo: SelfDeclarationRepository }) {
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

  /** 400 naming each bad field; the data to store. */
  async function checkRound(input: RoundInput, roundId: string | null): Promise<RoundData> {
    const errors: FieldError[] = [];
    if (input.closesOn < input.opensOn) {
      errors.push({ field: 'body.closesOn', message: 'before the window opens', code: 'ends_before_begins' });
    }
    const unitIds = [...input.bureauIds, ...input.publicPosts.flatMap((p) => p.orgUnitId ?? [])];
    const [[units, grades], items] = await Promise.all([
      repo.labels(db, unitIds, input.gradeIds),
      roundId ? repo.roundItems(db, roundId) : { fieldIds: new Set<string>(), postIds: new Set<string>() },
    ]);
    const unitById = new Map(units.map((u) => [u.id, u]));
    input.bureauIds.forEach((id, i) => {
      const u = unitById.get(id);
      if (!u || (u.kind !== 'bureau' && u.kind !== 'ward')) {
        errors.push({ field: `body.bureauIds.${i}`, message: 'not a 局・区', code: 'invalid_value' });
      }
    });
    const gradeIds = new Set(grades.map((g) => g.id));
    input.gradeIds.forEach((id, i) => {
      if (!gradeIds.has(id))
        errors.push({ field: `body.gradeIds.${i}`, message: 'no such grade', code: 'invalid_value' });
    });
    input.careerFields.forEach((f, i) => {
      if (f.id && !items.fieldIds.has(f.id)) {
        errors.push({
          field: `body.careerFields.${i}.id`,
          message: 'not a field of this round',
          code: 'invalid_value',
        });
      }
    });
    input.publicPosts.forEach((p, i) => {
      if (p.id && !items.postIds.has(p.id)) {
        errors.push({
          field: `body.publicPosts.${i}.id`,
          message: 'not a post of this round',
          code: 'invalid_value',
        });
      }
      if (p.orgUnitId && !unitById.has(p.orgUnitId)) {
        errors.push({
          field: `body.publicPosts.${i}.orgUnitId`,
          message: 'no such unit',
          code: 'invalid_value',
        });
      }
    });
    if (errors.length) throw new BadRequestError('Some fields are invalid.', errors);
    return {
      fiscalYear: input.fiscalYear,
      titleJa: input.title.ja,
      titleEn: input.title.en,
      guidance: input.guidance,
      opensOn: new Date(`${input.opensOn}T00:00:00Z`),
      closesOn: new Date(`${input.closesOn}T00:00:00Z`),
      bureauIds: [...new Set(input.bureauIds)],
      gradeIds: [...new Set(input.gradeIds)],
      careerFields: input.careerFields.map((f) => ({
        id: f.id,
        nameJa: f.name.ja,
        nameEn: f.name.en,
        description: f.description,
      })),
      publicPosts: input.publicPosts.map((p) => ({
        id: p.id,
        titleJa: p.title.ja,
        titleEn: p.title.en,
        orgUnitId: p.orgUnitId,
        description: p.description,
        openings: p.openings,
      })),
    };
  }

  /** The audit's picture of a round (what HR wrote; no personal data in it). */
  const roundAudit = (d: RoundData) => ({
    ...d,
    opensOn: day(d.opensOn),
    closesOn: day(d.closesOn),
  });

  // --- declarations -----------------------------------------------------------------------------

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

  function assertWindowOpen(round: RoundRow) {
    const phase = phaseOf(round);
    if (phase !== 'open') {
      throw new ConflictError(
        phase === 'upcoming' ? 'The round has not opened yet.' : 'The round has closed.',
        'outside_window',
      );
    }
  }

  /** 400 naming ids that are not units, job families, or the round's fields and posts. */
  async function checkContent(round: RoundRow, body: SelfDeclarationSaveData) {
    const [[units], families] = await Promise.all([
      repo.labels(db, body.desiredUnitIds, []),
      repo.jobFamilies(db, body.desiredJobFamilyIds),
    ]);
    const unitIds = new Set(units.map((u) => u.id));
    const familyIds = new Set(families.map((f) => f.id));
    const fieldIds = new Set(round.careerFields.map((f) => f.id));
    const postIds = new Set(round.publicPosts.map((p) => p.id));
    const errors: FieldError[] = [];
    const check = (list: string[], known: Set<string>, field: string) =>
      list.forEach((id, i) => {
        if (!known.has(id))
          errors.push({
            field: `body.${field}.${i}`,
            message: 'not one of the choices',
            code: 'invalid_value',
          });
      });
    check(body.desiredUnitIds, unitIds, 'desiredUnitIds');
    check(body.desiredJobFamilyIds, familyIds, 'desiredJobFamilyIds');
    check(body.careerFieldIds, fieldIds, 'careerFieldIds');
    check(body.publicPostIds, postIds, 'publicPostIds');
    if (errors.length) throw new BadRequestError('Some fields are invalid.', errors);
  }

  /** The declaration for a 409's `current`, as the actor may see it. */
  async function current(actor: Actor, staffId: string, roundId: string) {
    const { who, round, row } = await declarationContext(actor, staffId, roundId);
    return toDeclaration(round, staffId, row, who, actor);
  }

  return {
    phaseOf,

    // --- rounds ---------------------------------------------------------------------------------
    async listRounds(
      actor: Actor,
      q: { page: number; pageSize: number; phase?: RoundPhase },
    ): Promise<SelfDeclarationRoundPage> {
      const now = today();
      const hr = allows(actor, 'self-declaration:manage:any');
      const byPhase =
        q.phase === 'upcoming'
          ? { opensOn: { gt: now } }
          : q.phase === 'open'
            ? { opensOn: { lte: now }, closesOn: { gte: now } }
            : q.phase === 'closed'
              ? { closesOn: { lt: now } }
              : {};
      const where = hr ? byPhase : { AND: [{ opensOn: { lte: now } }, byPhase] };
      const [rows, total] = await repo.rounds(db, where, (q.page - 1) * q.pageSize, q.pageSize);
      return {
        items: await Promise.all(rows.map(toRound)),
        page: q.page,
        pageSize: q.pageSize,
        total,
      };
    },

    async getRound(actor: Actor, id: string) {
      return toRound(await visibleRound(actor, id));
    },

    async createRound(actor: Actor, body: RoundInput, meta: RequestMeta, key: string | undefined) {
      authorize(actor, 'self-declaration:manage:any');
      const data = await checkRound(SelfDeclarationRoundInput.parse(body), null);
      const result = await write(db, {
        actorId: actor.staffId,
        meta,
        idempotency: { operation: 'self-declaration.round.create', key, body },
        run: async (tx) => {
          const id = await repo.createRound(tx, data, actor.staffId);
          return {
            status: 201,
            body: id,
            audit: {
              action: 'self_declaration_round.create',
              entityType: 'self_declaration_round',
              entityId: id,
              after: roundAudit(data),
            },
          };
        },
      });
      const row = await repo.round(db, result.body);
      if (!row)
        throw new NotFoundError('No such self-declaration round.', 'self_declaration_round_not_found');
      return toRound(row);
    },

    async updateRound(actor: Actor, id: string, body: RoundInput & { version: number }, meta: RequestMeta) {
      authorize(actor, 'self-declaration:manage:any');
      const before = await visibleRound(actor, id);
      const data = await checkRound(SelfDeclarationRoundInput.parse(body), id);
      await write(db, {
        actorId: actor.staffId,
        meta,
        what: 'self-declaration round',
        current: async () => toRound(await visibleRound(actor, id)),
        run: async (tx) => {
          guardUpdated(Number(await repo.updateRound(tx, id, body.version, data)));
          return {
            body: null,
            audit: {
              action: 'self_declaration_round.update',
              entityType: 'self_declaration_round',
              entityId: id,
              before: {
                version: before.version,
                fiscalYear: before.fiscalYear,
                titleJa: before.titleJa,
                opensOn: day(before.opensOn),
                closesOn: day(before.closesOn),
                bureauIds: before.bureauIds,
                gradeIds: before.gradeIds,
              },
              after: { version: body.version + 1, ...roundAudit(data) },
            },
          };
        },
      });
      return toRound(await visibleRound(actor, id));
    },

    // --- declarations ---------------------------------------------------------------------------
    async getDeclaration(actor: Actor, staffId: string, roundId: string) {
      const { who, round, row } = await declarationContext(actor, staffId, roundId);
      return toDeclaration(round, staffId, row, who, actor);
    },

    async saveDeclaration(
      actor: Actor,
      staffId: string,
      roundId: string,
      body: SelfDeclarationSaveData,
      meta: RequestMeta,
    ): Promise<SelfDeclaration> {
      const { round, row, post } = await declarationContext(actor, staffId, roundId);
      authorize(actor, 'self-declaration:write:self', { person: staffId });
      assertWindowOpen(round);
      if (row?.status === 'interviewed') {
        throw new ConflictError(
          'The 面談 is recorded; the declaration can no longer change.',
          'already_interviewed',
          await current(actor, staffId, roundId),
        );
      }
      await checkContent(round, body);
      const plan = await repo.careerPlan(db, staffId, round.fiscalYear);
      const content: DeclarationContentColumns = {
        reflection: body.reflection,
        desiredUnitIds: [...new Set(body.desiredUnitIds)],
        desiredJobFamilyIds: [...new Set(body.desiredJobFamilyIds)],
        desiredWork: body.desiredWork,
        careerFieldIds: [...new Set(body.careerFieldIds)],
        publicPostIds: [...new Set(body.publicPostIds)],
        careerVision: body.careerVision,
        careerPlanId: plan?.id ?? null,
      };
      // The audit records that the 配慮事項 changed, never what they say (decision 048).
      const considerationsAudit = body.considerations ? 'changed' : 'unchanged';
      await write(db, {
        actorId: actor.staffId,
        meta,
        what: 'self-declaration',
        current: () => current(actor, staffId, roundId),
        run: async (tx) => {
          let id = row?.id;
          if (!row) {
            if (body.version !== 0) refuseStale();
            id = (
              await repo.createDeclaration(tx, {
                ...content,
                roundId,
                staffId,
                bureauId: post?.bureauId ?? null,
              })
            ).id;
          } else {
            guardUpdated(Number(await repo.updateDeclaration(tx, row.id, body.version, content)));
          }
          if (!id) return refuseStale();
          if (body.considerations) await repo.upsertConsideration(tx, id, body.considerations);
          return {
            body: null,
            audit: {
              action: row ? 'self_declaration.update' : 'self_declaration.create',
              entityType: 'self_declaration',
              entityId: id,
              ...(row
                ? {
                    before: {
                      version: row.version,
                      status: row.status,
                      reflection: row.reflection,
                      desiredUnitIds: row.desiredUnitIds,
                      desiredJobFamilyIds: row.desiredJobFamilyIds,
                      desiredWork: row.desiredWork,
                      careerFieldIds: row.careerFieldIds,
                      publicPostIds: row.publicPostIds,
                      careerVision: row.careerVision,
                    },
                  }
                : {}),
              after: {
                roundId,
                version: row ? body.version + 1 : 1,
                status: 'draft',
                ...content,
                considerations: considerationsAudit,
              },
            },
          };
        },
      });
      return current(actor, staffId, roundId);
    },

    async submitDeclaration(
      actor: Actor,
      staffId: string,
      roundId: string,
      body: SelfDeclarationSubmit,
      meta: RequestMeta,
    ): Promise<SelfDeclaration> {
      const { round, row } = await declarationContext(actor, staffId, roundId);
      authorize(actor, 'self-declaration:write:self', { person: staffId });
      assertWindowOpen(round);
      if (!row)
        throw new NotFoundError('Save the declaration before submitting it.', 'self_declaration_not_found');
      if (row.status !== 'draft' && row.version === body.version) {
        throw new ConflictError(
          'The declaration is already submitted.',
          'already_submitted',
          await current(actor, staffId, roundId),
        );
      }
      await write(db, {
        actorId: actor.staffId,
        meta,
        what: 'self-declaration',
        current: () => current(actor, staffId, roundId),
        run: async (tx) => {
          guardUpdated(Number(await repo.submit(tx, row.id, body.version)));
          return {
            body: null,
            audit: {
              action: 'self_declaration.submit',
              entityType: 'self_declaration',
              entityId: row.id,
              before: { version: row.version, status: row.status },
              after: { version: row.version + 1, status: 'submitted' },
            },
          };
        },
      });
      return current(actor, staffId, roundId);
    },

    /**
     * The 所属長 records the 面談 and their opinion, on a submitted declaration (also after the window:
     * 面談 follow the submissions). The 面談 is a 1on1 of kind `self_declaration` — the one named, or
     * one recorded here — so it counts with the 1on1 records.
     */
    async recordInterview(
      actor: Actor,
      staffId: string,
      roundId: string,
      body: SelfDeclarationInterviewData,
      meta: RequestMeta,
    ): Promise<SelfDeclaration> {
      const { who, row } = await declarationContext(actor, staffId, roundId);
      authorize(
        actor,
        'self-declaration:interview:team',
        { supervised: who.directSupervisor },
        { code: 'not_direct_supervisor', message: 'Only the person’s 所属長 records the 面談.' },
      );
      if (!row || row.status === 'draft') {
        throw new ConflictError(
          'The declaration has not been submitted yet.',
          'not_submitted',
          await current(actor, staffId, roundId),
        );
      }
      const heldOn = new Date(`${body.heldOn}T00:00:00Z`);
      if (heldOn > today()) {
        throw new BadRequestError('The 面談 cannot be in the future.', [
          { field: 'body.heldOn', message: 'after today', code: 'date_in_future' },
        ]);
      }
      if (body.oneOnOneId) {
        const linked = await repo.interviewOneOnOne(db, body.oneOnOneId, staffId, actor.staffId);
        if (!linked || (linked.selfDeclaration && linked.selfDeclaration.id !== row.id)) {
          throw new BadRequestError('Not a 自己申告面談 of yours with this person.', [
            {
              field: 'body.oneOnOneId',
              message: 'not a 1on1 of kind self_declaration you held with this person',
              code: 'invalid_value',
            },
          ]);
        }
      }
      await write(db, {
        actorId: actor.staffId,
        meta,
        what: 'self-declaration',
        current: () => current(actor, staffId, roundId),
        run: async (tx) => {
          const oneOnOneId =
            body.oneOnOneId ??
            (await repo.createInterviewOneOnOne(tx, {
              staffId,
              authorId: actor.staffId,
              heldOn,
              fiscalYear: fiscalYearOf(body.heldOn),
              minutes: body.minutes,
            }));
          guardUpdated(
            Number(
              await repo.recordInterview(tx, row.id, body.version, {
                interviewedOn: heldOn,
                interviewerId: actor.staffId,
                supervisorOpinion: body.opinion,
                oneOnOneId,
              }),
            ),
          );
          return {
            body: null,
            audit: {
              action: 'self_declaration.interview',
              entityType: 'self_declaration',
              entityId: row.id,
              before: {
                version: row.version,
                status: row.status,
                interviewedOn: row.interviewedOn ? day(row.interviewedOn) : null,
                supervisorOpinion: row.supervisorOpinion,
                oneOnOneId: row.oneOnOneId,
              },
              after: {
                version: body.version + 1,
                status: 'interviewed',
                interviewedOn: body.heldOn,
                supervisorOpinion: body.opinion,
                oneOnOneId,
              },
            },
          };
        },
      });
      return current(actor, staffId, roundId);
    },

    // --- the round's people, progress ---------------------------------------------------------
    async listDeclarations(
      actor: Actor,
      roundId: string,
      q: { page: number; pageSize: number; status?: 'draft' | 'submitted' | 'interviewed' | 'none' },
    ): Promise<SelfDeclarationListPage> {
      const round = await visibleRound(actor, roundId);
      const scope = allows(actor, 'self-declaration:manage:any')
        ? ({ kind: 'all' } as const)
        : allows(actor, 'self-declaration:interview:team')
          ? ({ kind: 'direct', actorId: actor.staffId } as const)
          : ({ kind: 'self', actorId: actor.staffId } as const);
      const { rows, total } = await repo.list(db, round, scope, q, today(), {
        skip: (q.page - 1) * q.pageSize,
        take: q.pageSize,
      });
      return {
        items: rows.map((r) => ({
          ...personOfRow(r),
          status: r.status ?? 'none',
          submittedAt: r.submittedAt ? iso(r.submittedAt) : null,
          interviewedOn: r.interviewedOn ? day(r.interviewedOn) : null,
        })),
        page: q.page,
        pageSize: q.pageSize,
        total,
      };
    },

    async progress(actor: Actor, roundId: string): Promise<SelfDeclarationProgress> {
      const round = await visibleRound(actor, roundId);
      authorize(actor, 'self-declaration:manage:any');
      const rows = await repo.progress(db, round, today());
      const bureaus = rows.flatMap((r) => {
        const bureau = unitRefOrNull(r.bureauId, r.code, r.kind, r.nameJa, r.nameEn);
        return bureau
          ? [{ bureau, population: r.population, submitted: r.submitted, interviewed: r.interviewed }]
          : [];
      });
      const sum = (k: 'population' | 'submitted' | 'interviewed') => rows.reduce((n, r) => n + r[k], 0);
      return {
        roundId,
        total: {
          population: sum('population'),
          submitted: sum('submitted'),
          interviewed: sum('interviewed'),
        },
        bureaus,
      };
    },

    /** HR's export: the round's rows; the 配慮事項 only when asked for (and then audited). */
    async exportRows(actor: Actor, roundId: string, sensitive: boolean, format: string, meta: RequestMeta) {
      const round = await visibleRound(actor, roundId);
      authorize(actor, 'self-declaration:manage:any');
      const [rows, considerations] = await Promise.all([
        repo.exportRows(db, round, today()),
        sensitive ? repo.considerationsOf(db, roundId) : null,
      ]);
      const unitIds = rows.flatMap((r) => r.desiredUnitIds ?? []);
      const familyIds = rows.flatMap((r) => r.desiredJobFamilyIds ?? []);
      const [[units], families] = await Promise.all([
        repo.labels(db, unitIds, []),
        repo.jobFamilies(db, familyIds),
      ]);
      // Every export is in the audit log; a sensitive one says so (the rows, never their text).
      await write(db, {
        actorId: actor.staffId,
        meta,
        run: async () => ({
          body: null,
          audit: {
            action: sensitive ? 'self_declaration.export_sensitive' : 'self_declaration.export',
            entityType: 'self_declaration_round',
            entityId: roundId,
            after: { format, sensitive, rows: rows.length, withConsiderations: considerations?.length ?? 0 },
          },
        }),
      });
      return {
        round: await toRound(round),
        rows,
        units: new Map(units.map((u) => [u.id, u])),
        families: new Map(families.map((f) => [f.id, f])),
        considerations: considerations
          ? new Map(
              considerations.map((c) => [c.staffId, { health: c.health, care: c.care, family: c.family }]),
            )
          : null,
      };
    },

    // --- experience map -----------------------------------------------------------------------
    async experienceMap(actor: Actor, staffId: string): Promise<ExperienceMap> {
      await assertCareerRecordsVisible(db, actor, staffId);
      const rows = await repo.experience(db, staffId, today());
      const hire = rows[0]?.hireDate;
      const line = (r: (typeof rows)[number]) => ({
        years: r.years,
        from: day(r.fromOn),
        to: r.toOn ? day(r.toOn) : null,
      });
      const unit = (r: (typeof rows)[number]) =>
        unitRef({ id: r.id, code: r.code, kind: r.unitKind ?? 'bureau', nameJa: r.nameJa, nameEn: r.nameEn });
      return {
        staffId,
        serviceYears: hire
          ? Math.round(((today().getTime() - hire.getTime()) / 86_400_000 / 365.25) * 10) / 10
          : 0,
        bureaus: rows.filter((r) => r.kind === 'bureau').map((r) => ({ ...line(r), unit: unit(r) })),
        fields: rows.filter((r) => r.kind === 'field').map((r) => ({ ...line(r), unit: unit(r) })),
        grades: rows
          .filter((r) => r.kind === 'grade')
          .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
          .map((r) => ({
            ...line(r),
            grade: gradeRef({
              id: r.id,
              code: r.code,
              rank: r.rank ?? 0,
              nameJa: r.nameJa,
              nameEn: r.nameEn,
            }),
          })),
      };
    },

    async experienceSearch(
      actor: Actor,
      q: { page: number; pageSize: number; years: number; bureausBelow: number; bureauId?: string },
    ): Promise<ExperienceSearchPage> {
      authorize(actor, 'experience:search:any');
      const { rows, total } = await repo.experienceSearch(db, q, today(), {
        skip: (q.page - 1) * q.pageSize,
        take: q.pageSize,
      });
      return {
        items: rows.map((r) => ({
          ...personOfRow(r),
          bureau: unitRefOrNull(r.bureauId, r.bureauCode, r.bureauKind, r.bureauNameJa, r.bureauNameEn),
          serviceYears: r.serviceYears,
          bureausInSpan: r.bureausInSpan,
          yearsInCurrentBureau: r.yearsInCurrentBureau,
        })),
        page: q.page,
        pageSize: q.pageSize,
        total,
      };
    },
  };
}

export type SelfDeclarationService = ReturnType<typeof createSelfDeclarationService>;
