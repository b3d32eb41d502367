/**
 * Engagement surveys: HR keeps the question bank and the rounds; everyone in a round's population
 * answers once, as a draft first; results go only to those the issue names, and never for a group of
 * fewer than the round's k respondents (decisions 050–052).
 */
import {
  MIN_GROUP_SIZE,
  type MyResponse,
  MyResponsePut,
  MyResponseSubmit,
  type MySurveyStatus,
  type Survey,
  SurveyAnswers,
  type SurveyChoice,
  SurveyCreate,
  type SurveyGroupBy,
  type SurveyQuery,
  type SurveyQuestion,
  SurveyQuestionCreate,
  type SurveyQuestionQuery,
  SurveyQuestionUpdate,
  type SurveyResultsQuery,
  type SurveyRoundQuestion,
  SurveyUpdate,
} from '@portal/contracts';
import type { Actor, RequestMeta } from '../../access/actor.ts';
import { allows, authorize } from '../../access/authorize.ts';
import { today } from '../../access/scope.ts';
import type { Db } from '../../db/client.ts';
import { BadRequestError, ConflictError, type FieldError, NotFoundError } from '../../shared/errors.ts';
import { guardUpdated, write } from '../../shared/write.ts';
import { assertPolicyLinks, expandPolicyLinks, loadPolicyCatalog } from '../policy/policy-links.ts';
import { coarsen } from './survey.attributes.ts';
import {
  createSurveyRepository,
  type Json,
  type QuestionRow,
  type SurveyRepository,
  type SurveyRow,
} from './survey.repository.ts';
import { accepting, populationDay, roundQuestions } from './survey.rules.ts';
import { announceOpening, remindNonRespondents } from './survey-reminders.ts';
import { createSurveyResults } from './survey-results.service.ts';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const NOT_IN_POPULATION = { code: 'not_in_population', message: 'This round is not for you.' };
const RESULT_PERMISSIONS = ['survey:results:any', 'survey:results:bureau', 'survey:results:team'] as const;

export function canViewResults(actor: Actor): boolean {
  return RESULT_PERMISSIONS.some((p) => actor.permissions.has(p));
}

function questionOut(
  row: QuestionRow,
  catalog: Awaited<ReturnType<typeof loadPolicyCatalog>>,
  usedBy: number,
): SurveyQuestion {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    text: { ja: row.textJa, en: row.textEn },
    choices: (row.choices as unknown as SurveyChoice[]) ?? [],
    links: expandPolicyLinks(catalog, row),
    active: row.active,
    usedBy,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function surveyOut(row: SurveyRow, myStatus: MySurveyStatus, actor: Actor): Survey {
  return {
    id: row.id,
    title: { ja: row.titleJa, en: row.titleEn },
    description: { ja: row.descriptionJa, en: row.descriptionEn },
    fiscalYear: row.fiscalYear,
    status: row.status,
    opensOn: iso(row.opensOn),
    closesOn: iso(row.closesOn),
    accepting: accepting(row),
    population: {
      bureauIds: row.populationBureauIds,
      gradeIds: row.populationGradeIds,
      youngOnly: row.populationYoungOnly,
    },
    minGroupSize: row.minGroupSize,
    questions: roundQuestions(row),
    previousId: row.previousId,
    myStatus,
    canViewResults: row.status !== 'draft' && canViewResults(actor),
    version: row.version,
  };
}

/** 400 unless a choice question has choices (distinct values) and other kinds have none. */
function checkChoices(input: { kind: string; choices: SurveyChoice[] }): void {
  const errors: FieldError[] = [];
  if (input.kind === 'single_choice') {
    if (input.choices.length < 2)
      errors.push({ field: 'body.choices', message: 'at least two choices', code: 'choices_required' });
    const values = input.choices.map((c) => c.value);
    if (new Set(values).size !== values.length)
      errors.push({ field: 'body.choices', message: 'values must differ', code: 'choices_duplicate' });
  } else if (input.choices.length) {
    errors.push({
      field: 'body.choices',
      message: 'only single-choice questions have choices',
      code: 'choices_not_allowed',
    });
  }
  if (errors.length) throw new BadRequestError('The question’s choices do not fit its kind.', errors);
}

/** 400 naming the answer unless each fits its question. */
function checkAnswers(questions: SurveyRoundQuestion[], answers: Record<string, number | string>): void {
  const byId = new Map(questions.map((q) => [q.questionId, q]));
  const errors: FieldError[] = [];
  for (const [id, value] of Object.entries(answers)) {
    const q = byId.get(id);
    const field = `body.answers.${id}`;
    if (!q) {
      errors.push({ field, message: 'not a question of this round', code: 'answer_unknown_question' });
      continue;
    }
    const ok =
      q.kind === 'agreement5'
        ? typeof value === 'number' && value >= 1 && value <= 5
        : q.kind === 'scale10'
          ? typeof value === 'number' && value >= 0 && value <= 10
          : q.kind === 'single_choice'
            ? typeof value === 'string' && q.choices.some((c) => c.value === value)
            : typeof value === 'string';
    if (!ok) errors.push({ field, message: `not an answer to a ${q.kind} question`, code: 'answer_invalid' });
  }
  if (errors.length) throw new BadRequestError('Some answers do not fit their questions.', errors);
}

/** Empty free-text answers are no answers. */
function cleanAnswers(answers: Record<string, number | string>): Record<string, number | string> {
  return Object.fromEntries(
    Object.entries(answers).filter(([, v]) => !(typeof v === 'string' && v.trim() === '')),
  );
}

export function createSurveyService(deps: { db: Db; repo?: SurveyRepository }) {
  const db = deps.db;
  const repo = deps.repo ?? createSurveyRepository();
  const results = createSurveyResults({ db, repo });

  /** A round the actor may see: HR every round; others open and closed rounds they are in, or may read results of. */
  async function visible(actor: Actor, id: string): Promise<SurveyRow & { eligible: boolean }> {
    const row = await repo.survey(db, id);
    if (!row) throw new NotFoundError('No such survey.', 'survey_not_found');
    const eligible = (await repo.eligibleSurveyIds(db, actor.staffId, [id], today())).has(id);
    if (allows(actor, 'survey:manage:any')) return { ...row, eligible };
    if (row.status === 'draft') throw new NotFoundError('No such survey.', 'survey_not_found');
    if (eligible || canViewResults(actor)) return { ...row, eligible };
    throw new NotFoundError('No such survey.', 'survey_not_found');
  }

  async function statusOf(actor: Actor, rows: SurveyRow[], eligible: Set<string>) {
    const states = await repo.myStates(
      db,
      actor.staffId,
      rows.map((r) => r.id),
    );
    return (r: SurveyRow): MySurveyStatus =>
      states.get(r.id) ?? (eligible.has(r.id) ? 'not_started' : 'not_eligible');
  }

  /** The bank questions of a round, in the order given, as the round will ask them (400 naming unknown ids). */
  async function snapshot(ids: string[]): Promise<SurveyRoundQuestion[]> {
    const rows = await repo.questionsByIds(db, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const errors: FieldError[] = [];
    ids.forEach((id, i) => {
      if (!byId.has(id))
        errors.push({
          field: `body.questionIds.${i}`,
          message: 'not a question of the bank',
          code: 'question_unknown',
        });
    });
    if (new Set(ids).size !== ids.length)
      errors.push({
        field: 'body.questionIds',
        message: 'a question is listed twice',
        code: 'question_duplicate',
      });
    if (errors.length) throw new BadRequestError('Some questions are not in the bank.', errors);
    return ids.map((id) => {
      const q = byId.get(id) as QuestionRow;
      return {
        questionId: q.id,
        code: q.code,
        kind: q.kind,
        text: { ja: q.textJa, en: q.textEn },
        choices: (q.choices as unknown as SurveyChoice[]) ?? [],
        staffImageIds: q.staffImageIds,
        initiativeIds: q.initiativeIds,
      };
    });
  }

  async function checkSurveyInput(
    input: {
      opensOn: string;
      closesOn: string;
      population: { bureauIds: string[]; gradeIds: string[] };
      previousId: string | null;
    },
    selfId?: string,
  ) {
    const errors: FieldError[] = [];
    if (input.closesOn < input.opensOn)
      errors.push({ field: 'body.closesOn', message: 'before the window opens', code: 'window_reversed' });
    const bureaus = new Set(await repo.bureauIdsIn(db, input.population.bureauIds));
    input.population.bureauIds.forEach((id, i) => {
      if (!bureaus.has(id))
        errors.push({
          field: `body.population.bureauIds.${i}`,
          message: 'not a 局・区',
          code: 'bureau_unknown',
        });
    });
    const grades = new Set(await repo.gradeIdsIn(db, input.population.gradeIds));
    input.population.gradeIds.forEach((id, i) => {
      if (!grades.has(id))
        errors.push({
          field: `body.population.gradeIds.${i}`,
          message: 'not a grade',
          code: 'grade_unknown',
        });
    });
    if (input.previousId) {
      const previous = input.previousId === selfId ? null : await repo.survey(db, input.previousId);
      if (!previous)
        errors.push({ field: 'body.previousId', message: 'not another survey', code: 'previous_unknown' });
    }
    if (errors.length) throw new BadRequestError('Some values of the round are wrong.', errors);
  }

  return {
    // --- the question bank -------------------------------------------------------------------------
    async listQuestions(actor: Actor, query: SurveyQuestionQuery) {
      authorize(actor, 'survey:manage:any');
      const { rows, total } = await repo.questionPage(
        db,
        { active: query.active === undefined ? undefined : query.active === 'true', q: query.q },
        { skip: (query.page - 1) * query.pageSize, take: query.pageSize },
      );
      const [catalog, usage] = await Promise.all([
        loadPolicyCatalog(db),
        repo.usage(
          db,
          rows.map((r) => r.id),
        ),
      ]);
      return {
        items: rows.map((r) => questionOut(r, catalog, usage.get(r.id) ?? 0)),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    async createQuestion(actor: Actor, body: unknown, key: string | undefined, meta: RequestMeta) {
      authorize(actor, 'survey:manage:any');
      const input = SurveyQuestionCreate.parse(body);
      checkChoices(input);
      await assertPolicyLinks(db, input, 'body.');
      if (await repo.questionByCode(db, input.code)) {
        throw new ConflictError('A question with this code exists.', 'question_code_taken');
      }
      const { code, ...rest } = input;
      const data = { ...rest, choices: rest.choices as unknown as Json };
      const result = await write(db, {
        actorId: actor.staffId,
        meta,
        idempotency: { operation: 'survey.question.create', key, body },
        run: async (tx) => {
          const created = await repo.createQuestion(tx, code, data);
          return {
            status: 201,
            body: { id: created.id },
            audit: {
              action: 'survey.question.create',
              entityType: 'survey_question',
              entityId: created.id,
              after: input,
            },
          };
        },
      });
      const row = await repo.question(db, result.body.id);
      if (!row) throw new NotFoundError('No such question.', 'question_not_found');
      return { status: result.status, body: questionOut(row, await loadPolicyCatalog(db), 0) };
    },

    async updateQuestion(actor: Actor, id: string, body: unknown, meta: RequestMeta) {
      authorize(actor, 'survey:manage:any');
      const before = await repo.question(db, id);
      if (!before) throw new NotFoundError('No such question.', 'question_not_found');
      const input = SurveyQuestionUpdate.parse(body);
      checkChoices(input);
      await assertPolicyLinks(db, input, 'body.');
      const usedBy = (await repo.usage(db, [id])).get(id) ?? 0;
      // Trends compare like with like: once a round has asked it, its kind and choices stay
      const sameChoices = JSON.stringify(before.choices) === JSON.stringify(input.choices);
      if (usedBy > 0 && (before.kind !== input.kind || !sameChoices)) {
        throw new BadRequestError('A question rounds have asked keeps its kind and choices.', [
          {
            field: before.kind !== input.kind ? 'body.kind' : 'body.choices',
            message: 'asked by a round',
            code: 'question_in_use',
          },
        ]);
      }
      const { version, ...rest } = input;
      await write(db, {
        actorId: actor.staffId,
        meta,
        what: 'question',
        current: async () => {
          const row = await repo.question(db, id);
          return row ? questionOut(row, await loadPolicyCatalog(db), usedBy) : undefined;
        },
        run: async (tx) => {
          guardUpdated(
            await repo.updateQuestion(tx, id, version, { ...rest, choices: rest.choices as unknown as Json }),
          );
          return {
            body: null,
            audit: {
              action: 'survey.question.update',
              entityType: 'survey_question',
              entityId: id,
              before,
              after: rest,
            },
          };
        },
      });
      const row = await repo.question(db, id);
      if (!row) throw new NotFoundError('No such question.', 'question_not_found');
      return questionOut(row, await loadPolicyCatalog(db), usedBy);
    },

    // --- rounds -------------------------------------------------------------------------------------
    async listSurveys(actor: Actor, query: SurveyQuery) {
      const page = { skip: (query.page - 1) * query.pageSize, take: query.pageSize };
      const status = query.status ? { status: query.status } : {};
      let where: Parameters<SurveyRepository['surveyPage']>[1];
      if (allows(actor, 'survey:manage:any')) where = status;
      else if (canViewResults(actor)) where = { status: { not: 'draft' }, ...status };
      else {
        // Staff: the rounds whose population holds them (rounds are few: a handful a year)
        const ids = await repo.surveyIds(db, { status: { not: 'draft' }, ...status });
        where = { id: { in: [...(await repo.eligibleSurveyIds(db, actor.staffId, ids, today()))] } };
      }
      const { rows, total } = await repo.surveyPage(db, where, page);
      const on = today();
      const eligible = await repo.eligibleSurveyIds(
        db,
        actor.staffId,
        rows.map((r) => r.id),
        on,
      );
      const status_ = await statusOf(actor, rows, eligible);
      return {
        items: rows.map((r) => surveyOut(r, status_(r), actor)),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    async getSurvey(actor: Actor, id: string) {
      const row = await visible(actor, id);
      const status = await statusOf(actor, [row], new Set(row.eligible ? [id] : []));
      return surveyOut(row, status(row), actor);
    },

    async createSurvey(actor: Actor, body: unknown, key: string | undefined, meta: RequestMeta) {
      authorize(actor, 'survey:manage:any');
      const input = SurveyCreate.parse(body);
      await checkSurveyInput(input);
      const questions = await snapshot(input.questionIds);
      const result = await write(db, {
        actorId: actor.staffId,
        meta,
        idempotency: { operation: 'survey.create', key, body },
        run: async (tx) => {
          const created = await repo.createSurvey(tx, {
            titleJa: input.titleJa,
            titleEn: input.titleEn,
            descriptionJa: input.descriptionJa,
            descriptionEn: input.descriptionEn,
            fiscalYear: input.fiscalYear,
            opensOn: day(input.opensOn),
            closesOn: day(input.closesOn),
            populationBureauIds: input.population.bureauIds,
            populationGradeIds: input.population.gradeIds,
            populationYoungOnly: input.population.youngOnly,
            minGroupSize: input.minGroupSize,
            questions: questions as unknown as Json,
            previousId: input.previousId,
          });
          return {
            status: 201,
            body: { id: created.id },
            audit: { action: 'survey.create', entityType: 'survey', entityId: created.id, after: input },
          };
        },
      });
      const row = await repo.survey(db, result.body.id);
      if (!row) throw new NotFoundError('No such survey.', 'survey_not_found');
      return { status: result.status, body: surveyOut(row, 'not_eligible', actor) };
    },

    async updateSurvey(actor: Actor, id: string, body: unknown, meta: RequestMeta) {
      authorize(actor, 'survey:manage:any');
      const before = await repo.survey(db, id);
      if (!before) throw new NotFoundError('No such survey.', 'survey_not_found');
      const input = SurveyUpdate.parse(body);
      await checkSurveyInput(input, id);
      const errors: FieldError[] = [];
      const order = { draft: 0, open: 1, closed: 2 } as const;
      if (order[input.status] < order[before.status]) {
        errors.push({
          field: 'body.status',
          message: `a ${before.status} round cannot go back`,
          code: 'status_backwards',
        });
      }
      if (before.status !== 'draft') {
        // What respondents answered under stays as it was: questions, population, opening day, comparison
        const locked: [string, boolean][] = [
          [
            'body.questionIds',
            JSON.stringify(input.questionIds) !==
              JSON.stringify(roundQuestions(before).map((q) => q.questionId)),
          ],
          ['body.opensOn', input.opensOn !== iso(before.opensOn)],
          [
            'body.population',
            JSON.stringify([
              input.population.bureauIds,
              input.population.gradeIds,
              input.population.youngOnly,
            ]) !==
              JSON.stringify([
                before.populationBureauIds,
                before.populationGradeIds,
                before.populationYoungOnly,
              ]),
          ],
          ['body.previousId', input.previousId !== before.previousId],
        ];
        for (const [field, changed] of locked)
          if (changed) errors.push({ field, message: 'fixed once the round is open', code: 'survey_locked' });
        if (input.minGroupSize < before.minGroupSize) {
          errors.push({
            field: 'body.minGroupSize',
            message: 'k may be raised, never lowered, once open',
            code: 'min_group_size_lowered',
          });
        }
      }
      if (input.minGroupSize < MIN_GROUP_SIZE) {
        errors.push({
          field: 'body.minGroupSize',
          message: `at least ${MIN_GROUP_SIZE}`,
          code: 'min_group_size_low',
        });
      }
      if (errors.length) throw new BadRequestError('The round cannot change that way.', errors);
      const questions =
        before.status === 'draft' ? await snapshot(input.questionIds) : roundQuestions(before);
      await write(db, {
        actorId: actor.staffId,
        meta,
        what: 'survey',
        current: async () => {
          const row = await repo.survey(db, id);
          return row ? surveyOut(row, 'not_eligible', actor) : undefined;
        },
        run: async (tx) => {
          guardUpdated(
            await repo.updateSurvey(tx, id, input.version, {
              titleJa: input.titleJa,
              titleEn: input.titleEn,
              descriptionJa: input.descriptionJa,
              descriptionEn: input.descriptionEn,
              fiscalYear: input.fiscalYear,
              opensOn: day(input.opensOn),
              closesOn: day(input.closesOn),
              populationBureauIds: input.population.bureauIds,
              populationGradeIds: input.population.gradeIds,
              populationYoungOnly: input.population.youngOnly,
              minGroupSize: input.minGroupSize,
              questions: questions as unknown as Json,
              previousId: input.previousId,
              status: input.status,
            }),
          );
          // Opened for answers today: everyone in it is told, in this transaction (a later first day:
          // the daily sweep tells them then)
          if (before.status === 'draft' && input.status === 'open') {
            const opened = await repo.survey(tx, id);
            if (opened && accepting(opened)) await announceOpening(tx, opened, today(), actor.staffId);
          }
          const { questions: _q, ...beforeShown } = before;
          return {
            body: null,
            audit: {
              action: 'survey.update',
              entityType: 'survey',
              entityId: id,
              before: beforeShown,
              after: input,
            },
          };
        },
      });
      const row = await repo.survey(db, id);
      if (!row) throw new NotFoundError('No such survey.', 'survey_not_found');
      return surveyOut(row, 'not_eligible', actor);
    },

    // --- results ------------------------------------------------------------------------------------
    async results(actor: Actor, id: string, query: SurveyResultsQuery) {
      const row = await visible(actor, id);
      return results.results(actor, row, query);
    },
    async responseRate(actor: Actor, id: string, query: SurveyResultsQuery) {
      const row = await visible(actor, id);
      return results.responseRate(actor, row, query);
    },

    /**
     * Reminds the people of an open round who have not answered, through the portal's notifications
     * (once a day per person). Nobody is told who they are: HR learns only how many were reminded.
     */
    async remind(actor: Actor, id: string, meta: RequestMeta) {
      const row = await visible(actor, id);
      authorize(actor, 'survey:manage:any');
      if (!accepting(row))
        throw new ConflictError('This round is not taking answers.', 'survey_not_accepting');
      const day = today();
      const result = await write(db, {
        actorId: actor.staffId,
        meta,
        run: async (tx) => {
          const reminded = await remindNonRespondents(tx, row, day, actor.staffId);
          return {
            body: { reminded },
            audit: {
              action: 'survey.remind',
              entityType: 'survey',
              entityId: id,
              after: { reminded },
            },
          };
        },
      });
      return result.body;
    },

    // --- answering ----------------------------------------------------------------------------------
    async myResponse(actor: Actor, id: string): Promise<MyResponse> {
      const row = await visible(actor, id);
      authorize(actor, 'survey:answer:self');
      if (await repo.hasAnswered(db, id, actor.staffId))
        return { surveyId: id, status: 'submitted', answers: {}, version: 0 };
      authorize(actor, 'survey:answer:self', { inPopulation: row.eligible }, NOT_IN_POPULATION);
      const draft = await repo.draft(db, id, actor.staffId);
      return draft
        ? {
            surveyId: id,
            status: 'draft',
            answers: SurveyAnswers.parse(draft.answers),
            version: draft.version,
          }
        : { surveyId: id, status: 'not_started', answers: {}, version: 0 };
    },

    async saveMyResponse(actor: Actor, id: string, body: unknown): Promise<MyResponse> {
      const row = await visible(actor, id);
      authorize(actor, 'survey:answer:self');
      const input = MyResponsePut.parse(body);
      await assertCanAnswer(row, actor);
      const answers = cleanAnswers(input.answers);
      checkAnswers(roundQuestions(row), answers);
      // A draft is the person's own unsent work: not audited, never kept after submit (decision 050)
      const result = await write(db, {
        actorId: actor.staffId,
        what: 'draft',
        current: async () => this.myResponse(actor, id),
        run: async (tx) => {
          if (input.version === 0) {
            if (await repo.draft(tx, id, actor.staffId))
              throw new ConflictError('A draft exists. Reload it.', 'stale_version');
            const created = await repo.createDraft(tx, id, actor.staffId, answers as Json);
            return { body: created.version };
          }
          guardUpdated(await repo.updateDraft(tx, id, actor.staffId, input.version, answers as Json));
          return { body: input.version + 1 };
        },
      });
      return { surveyId: id, status: 'draft', answers, version: result.body };
    },

    async submit(actor: Actor, id: string, body: unknown): Promise<MyResponse> {
      const row = await visible(actor, id);
      authorize(actor, 'survey:answer:self');
      const input = MyResponseSubmit.parse(body ?? {});
      await assertCanAnswer(row, actor);
      const draft = await repo.draft(db, id, actor.staffId);
      if ((draft?.version ?? 0) !== input.version) {
        throw new ConflictError(
          'The draft was changed elsewhere. Reload it.',
          'stale_version',
          await this.myResponse(actor, id),
        );
      }
      const answers = cleanAnswers(SurveyAnswers.parse(draft?.answers ?? {}));
      if (!Object.keys(answers).length) {
        throw new BadRequestError('Answer at least one question.', [
          { field: 'body', message: 'no answers', code: 'answers_required' },
        ]);
      }
      checkAnswers(roundQuestions(row), answers);
      const attrs = await repo.attributes(db, row, actor.staffId, populationDay(row));
      authorize(actor, 'survey:answer:self', { inPopulation: attrs !== null }, NOT_IN_POPULATION);
      if (!attrs) throw new Error('unreachable: authorize refuses a person outside the population');
      const stored = coarsen(attrs, row.minGroupSize);
      // No idempotency record (it would keep the answer under the person's id) and no audit entry (it
      // would be a timed list of who answered): the participation key makes a retry a 409 instead.
      await write(db, {
        actorId: actor.staffId,
        run: async (tx) => {
          if (!(await repo.markAnswered(tx, id, actor.staffId))) {
            throw new ConflictError('You have already answered this round.', 'already_submitted');
          }
          await repo.deleteDraft(tx, id, actor.staffId);
          await repo.storeResponse(tx, id, stored, answers as Json);
          return { body: null };
        },
      });
      return { surveyId: id, status: 'submitted', answers: {}, version: 0 };
    },
  };

  async function assertCanAnswer(row: SurveyRow & { eligible: boolean }, actor: Actor) {
    if (await repo.hasAnswered(db, row.id, actor.staffId)) {
      throw new ConflictError('You have already answered this round.', 'already_submitted');
    }
    authorize(actor, 'survey:answer:self', { inPopulation: row.eligible }, NOT_IN_POPULATION);
    if (!accepting(row)) throw new ConflictError('This round is not taking answers.', 'survey_not_accepting');
  }
}

export type SurveyService = ReturnType<typeof createSurveyService>;
export type { SurveyGroupBy };
