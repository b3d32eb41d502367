/**
 * Results and response rates of a round, for those the issue names and in their reach: HR and
 * executives city-wide, bureau officers their own 局・区, a 所属長 the units they head. Every figure
 * passes the k-threshold rules of `suppression.ts` (decision 052).
 */
import type {
  SurveyGroupBy,
  SurveyGroupResult,
  SurveyQuestionResult,
  SurveyRateGroup,
  SurveyResponseRate,
  SurveyResults,
  SurveyResultsQuery,
  SurveyRoundQuestion,
  SurveyScore,
} from '@portal/contracts';
import type { Actor } from '../../access/actor.ts';
import { allows, authorize } from '../../access/authorize.ts';
import { today } from '../../access/scope.ts';
import type { Db } from '../../db/client.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { loadPolicyCatalog, type PolicyCatalog } from '../policy/policy-links.ts';
import { type Hidden, redactNames, suppressGroups, suppressInTree, suppressScope } from './suppression.ts';
import {
  createSurveyRepository,
  type ResponseScope,
  type SurveyRepository,
  type SurveyRow,
} from './survey.repository.ts';
import { finished, populationDay, roundQuestions } from './survey.rules.ts';

type Label = { ja: string; en: string };
const NOT_GIVEN: Label = { ja: '区分なし（人数が少ないため）', en: 'Not given (too few people)' };

/** Labels and order of the bands (decision 051). */
export const BAND_LABELS: Record<'grade' | 'age' | 'young', [string, Label][]> = {
  grade: [
    ['staff', { ja: '主事・主任級', en: 'Staff grades' }],
    ['chief', { ja: '係長級', en: 'Section-chief grade' }],
    ['manager', { ja: '課長補佐・課長級', en: 'Division-director grades' }],
    ['senior', { ja: '部長級以上', en: 'Department director and above' }],
  ],
  age: [
    ['lt3', { ja: '勤続3年未満', en: 'Under 3 years of service' }],
    ['3to9', { ja: '勤続3〜9年', en: '3–9 years of service' }],
    ['10to19', { ja: '勤続10〜19年', en: '10–19 years of service' }],
    ['20to29', { ja: '勤続20〜29年', en: '20–29 years of service' }],
    ['30plus', { ja: '勤続30年以上', en: '30 years of service or more' }],
  ],
  young: [
    ['true', { ja: '若手職員', en: 'Young staff' }],
    ['false', { ja: '若手職員以外', en: 'Other staff' }],
  ],
};

type Scope = {
  scope: ResponseScope;
  unit: { id: string; name: Label; parentId: string | null; kind: string } | null;
};

/** Score 0–100 of a mean answer: agreement 1→0 … 5→100; 0–10 × 10. */
function scoreOf(kind: string, mean: number | null): number | null {
  if (mean === null) return null;
  if (kind === 'agreement5') return Math.round(((mean - 1) / 4) * 1000) / 10;
  if (kind === 'scale10') return Math.round(mean * 100) / 10;
  return null;
}
const avg = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null;

/** Figures of one shown group from its answer counts (also the survey KPIs of the 推進計画). */
export function groupFigures(
  questions: SurveyRoundQuestion[],
  counts: Map<string, Map<string, number>>,
  catalog: PolicyCatalog,
  priorities: { tagCode: string; titleJa: string; titleEn: string; id: string }[],
  withComments: boolean,
): Pick<SurveyGroupResult, 'questions' | 'staffImages' | 'priorityPolicies'> {
  const results: SurveyQuestionResult[] = [];
  const scores = new Map<string, number | null>();
  for (const q of questions) {
    const values = counts.get(q.questionId) ?? new Map<string, number>();
    const answered = [...values.values()].reduce((a, b) => a + b, 0);
    if (q.kind === 'free_text') {
      const comments = withComments
        ? [...values]
            .flatMap(([v, n]) => Array<string>(n).fill(redactNames(v)))
            .sort((a, b) => a.localeCompare(b))
        : undefined;
      results.push({
        questionId: q.questionId,
        mean: null,
        score: null,
        answered,
        distribution: [],
        ...(comments ? { comments } : {}),
      });
      continue;
    }
    const domain =
      q.kind === 'agreement5'
        ? ['1', '2', '3', '4', '5']
        : q.kind === 'scale10'
          ? Array.from({ length: 11 }, (_, i) => String(i))
          : q.choices.map((c) => c.value);
    const distribution = domain.map((value) => ({ value, count: values.get(value) ?? 0 }));
    let mean: number | null = null;
    if ((q.kind === 'agreement5' || q.kind === 'scale10') && answered > 0) {
      mean =
        Math.round((distribution.reduce((s, d) => s + Number(d.value) * d.count, 0) / answered) * 100) / 100;
    }
    const score = scoreOf(q.kind, mean);
    scores.set(q.questionId, score);
    results.push({ questionId: q.questionId, mean, score, answered, distribution });
  }
  const scored = (pick: (q: SurveyRoundQuestion) => boolean) =>
    avg(
      questions.filter(pick).flatMap((q) => {
        const s = scores.get(q.questionId);
        return s === null || s === undefined ? [] : [s];
      }),
    );
  const staffImages: SurveyScore[] = [...catalog.staffImages.values()].map((s) => ({
    id: s.id,
    code: s.code,
    title: s.title,
    score: scored((q) => q.staffImageIds.includes(s.id)),
  }));
  const priorityPolicies: SurveyScore[] = priorities.map((p) => ({
    id: p.id,
    code: p.tagCode,
    title: { ja: p.titleJa, en: p.titleEn },
    score: scored((q) =>
      q.initiativeIds.some((i) => catalog.initiatives.get(i)?.tagCodes.includes(p.tagCode)),
    ),
  }));
  return { questions: results, staffImages, priorityPolicies };
}

export function createSurveyResults(deps: { db: Db; repo?: SurveyRepository }) {
  const db = deps.db;
  const repo = deps.repo ?? createSurveyRepository();

  /** The scope of a request: what the actor reaches, narrowed to `orgUnitId` (out of reach: 404). */
  async function scopeOf(actor: Actor, orgUnitId: string | undefined): Promise<Scope> {
    authorize(actor, ['survey:results:any', 'survey:results:bureau', 'survey:results:team']);
    const any = allows(actor, 'survey:results:any');
    const bureau = allows(actor, 'survey:results:bureau') && actor.bureauIds.length > 0;
    if (!orgUnitId) {
      if (any) return { scope: { kind: 'city' }, unit: null };
      if (bureau) return { scope: { kind: 'bureaus', bureauIds: actor.bureauIds }, unit: null };
      // A 所属長 without a unit named: the (first) unit they head
      const head = actor.teamPaths[0]?.split('/').filter(Boolean).at(-1);
      if (!head) throw new NotFoundError('No such unit.', 'org_unit_not_found');
      return scopeOf(actor, head);
    }
    const unit = await repo.orgUnit(db, orgUnitId);
    if (!unit) throw new NotFoundError('No such unit.', 'org_unit_not_found');
    const inBureau = bureau && unit.bureauId !== null && actor.bureauIds.includes(unit.bureauId);
    const heads = allows(actor, 'survey:results:team') && actor.teamPaths.includes(unit.path);
    if (!any && !inBureau && !heads) throw new NotFoundError('No such unit.', 'org_unit_not_found');
    const isBureau = unit.kind === 'bureau' || unit.kind === 'ward';
    return {
      scope: { kind: 'unit', unitId: unit.id, path: unit.path, isBureau },
      unit: {
        id: unit.id,
        name: { ja: unit.nameJa, en: unit.nameEn },
        parentId: unit.parentId,
        kind: unit.kind,
      },
    };
  }

  async function labelsOf(
    groupBy: SurveyGroupBy | null,
    keys: (string | null)[],
  ): Promise<{ label: Map<string | null, Label>; order: (string | null)[] }> {
    const label = new Map<string | null, Label>([[null, NOT_GIVEN]]);
    if (groupBy === 'bureau') {
      const units = await repo.bureaus(
        db,
        keys.filter((k): k is string => k !== null),
      );
      units.sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
      for (const u of units) label.set(u.id, { ja: u.nameJa, en: u.nameEn });
      return { label, order: [...units.map((u) => u.id), null] };
    }
    if (groupBy) {
      for (const [k, l] of BAND_LABELS[groupBy]) label.set(k, l);
      return { label, order: [...BAND_LABELS[groupBy].map(([k]) => k), null] };
    }
    label.set('all', { ja: '全体', en: 'All' });
    return { label, order: ['all'] };
  }

  /** Results of one round in one scope (no grouping for the comparison with the previous round). */
  async function compute(row: SurveyRow, sc: Scope, groupBy: SurveyGroupBy | null, k: number) {
    const questions = roundQuestions(row);
    const [groupCounts, answerRows, catalog, priorities] = await Promise.all([
      repo.respondents(db, row.id, sc.scope, groupBy),
      repo.answerCounts(db, row.id, sc.scope, groupBy),
      loadPolicyCatalog(db),
      repo.priorityPolicies(db),
    ]);
    const total = groupCounts.reduce((a, g) => a + g.n, 0);
    let scopeHidden: Hidden | null;
    if (sc.unit) {
      // A unit: checked at every level up to the city, and against its siblings at each (decision 052)
      const [direct, parents] = await Promise.all([repo.respondentsByUnit(db, row.id), repo.unitParents(db)]);
      scopeHidden = total < k ? 'below_k' : suppressInTree(parents, direct, sc.unit.id, k);
    } else {
      const parent =
        sc.scope.kind === 'bureaus'
          ? ((await repo.respondents(db, row.id, { kind: 'city' }, null))[0]?.n ?? 0)
          : null;
      scopeHidden = suppressScope(total, parent, k);
    }
    // Per group: question → value → count
    const byGroup = new Map<string | null, Map<string, Map<string, number>>>();
    const overallCounts = new Map<string, Map<string, number>>();
    for (const r of answerRows) {
      const g = byGroup.get(r.key) ?? new Map<string, Map<string, number>>();
      byGroup.set(r.key, g);
      for (const target of [g, overallCounts]) {
        const q = target.get(r.questionId) ?? new Map<string, number>();
        target.set(r.questionId, q);
        q.set(r.value, (q.get(r.value) ?? 0) + r.n);
      }
    }
    const hiddenOverall = (reason: Hidden): SurveyGroupResult => ({
      key: 'all',
      label: { ja: '全体', en: 'All' },
      suppressed: true,
      reason,
    });
    const overall: SurveyGroupResult = scopeHidden
      ? hiddenOverall(scopeHidden)
      : {
          key: 'all',
          label: { ja: '全体', en: 'All' },
          suppressed: false,
          respondents: total,
          ...groupFigures(questions, overallCounts, catalog, priorities, true),
        };
    let groups: SurveyGroupResult[] = [];
    if (groupBy) {
      const sizes = new Map(groupCounts.map((g) => [g.key ?? '\u0000', g.n]));
      const hidden = suppressGroups(sizes, k);
      const { label, order } = await labelsOf(
        groupBy,
        groupCounts.map((g) => g.key),
      );
      const present = new Set(groupCounts.map((g) => g.key));
      groups = order
        .filter((key) => present.has(key))
        .map((key): SurveyGroupResult => {
          const id = key ?? '\u0000';
          const why = scopeHidden ? 'complement' : hidden.get(id);
          const base = { key: key ?? 'none', label: label.get(key) ?? NOT_GIVEN };
          if (scopeHidden || why)
            return {
              ...base,
              suppressed: true,
              reason: scopeHidden === 'below_k' ? 'below_k' : (why ?? 'complement'),
            };
          return {
            ...base,
            suppressed: false,
            respondents: sizes.get(id) ?? 0,
            ...groupFigures(questions, byGroup.get(key) ?? new Map(), catalog, priorities, false),
          };
        });
    }
    return { overall, groups, questions };
  }

  return {
    async results(actor: Actor, row: SurveyRow, query: SurveyResultsQuery): Promise<SurveyResults> {
      const sc = await scopeOf(actor, query.orgUnitId);
      const groupBy = query.groupBy ?? null;
      const base = {
        surveyId: row.id,
        title: { ja: row.titleJa, en: row.titleEn },
        minGroupSize: row.minGroupSize,
        orgUnit: sc.unit ? { id: sc.unit.id, name: sc.unit.name } : null,
        groupBy,
        questions: roundQuestions(row),
      };
      // Figures of an open round would move answer by answer: differences would tell answers apart
      if (!finished(row)) {
        return {
          ...base,
          available: false,
          overall: { key: 'all', label: { ja: '全体', en: 'All' }, suppressed: true },
          groups: [],
          previous: null,
        };
      }
      const current = await compute(row, sc, groupBy, row.minGroupSize);
      let previous: SurveyResults['previous'] = null;
      if (row.previousId) {
        const prev = await repo.survey(db, row.previousId);
        if (prev && finished(prev)) {
          const k = Math.max(prev.minGroupSize, row.minGroupSize);
          const p = await compute(prev, sc, null, k);
          previous = { surveyId: prev.id, title: { ja: prev.titleJa, en: prev.titleEn }, overall: p.overall };
        }
      }
      return { ...base, available: true, overall: current.overall, groups: current.groups, previous };
    },

    async responseRate(actor: Actor, row: SurveyRow, query: SurveyResultsQuery): Promise<SurveyResponseRate> {
      const sc = await scopeOf(actor, query.orgUnitId);
      const groupBy = query.groupBy ?? null;
      const k = row.minGroupSize;
      const on = populationDay(row, today());
      const rows = await repo.rates(db, row, sc.scope, groupBy, on);
      const eligible = rows.reduce((a, r) => a + r.eligible, 0);
      const answered = rows.reduce((a, r) => a + r.answered, 0);
      let scopeHidden: Hidden | null = suppressScope(eligible, null, k);
      if (sc.unit && !scopeHidden) {
        // People asked, checked as the results are: every level up, and against the siblings at each
        const [direct, parents] = await Promise.all([
          repo.populationByUnit(db, row, on),
          repo.unitParents(db),
        ]);
        scopeHidden = suppressInTree(parents, direct, sc.unit.id, k);
      }
      const rate = (a: number, e: number) => (e ? Math.round((a / e) * 1000) / 10 : null);
      const overall: SurveyRateGroup = scopeHidden
        ? { key: 'all', label: { ja: '全体', en: 'All' }, suppressed: true, reason: scopeHidden }
        : {
            key: 'all',
            label: { ja: '全体', en: 'All' },
            suppressed: false,
            eligible,
            answered,
            rate: rate(answered, eligible),
          };
      let groups: SurveyRateGroup[] = [];
      if (groupBy) {
        const sizes = new Map(rows.map((r) => [r.key ?? '\u0000', r.eligible]));
        const hidden = suppressGroups(sizes, k);
        const { label, order } = await labelsOf(
          groupBy,
          rows.map((r) => r.key),
        );
        const byKey = new Map(rows.map((r) => [r.key, r]));
        groups = order
          .filter((key) => byKey.has(key))
          .map((key): SurveyRateGroup => {
            const r = byKey.get(key) as (typeof rows)[number];
            const why = hidden.get(key ?? '\u0000');
            const base = { key: key ?? 'none', label: label.get(key) ?? NOT_GIVEN };
            if (scopeHidden || why) return { ...base, suppressed: true, reason: scopeHidden ?? why };
            return {
              ...base,
              suppressed: false,
              eligible: r.eligible,
              answered: r.answered,
              rate: rate(r.answered, r.eligible),
            };
          });
      }
      return {
        surveyId: row.id,
        minGroupSize: k,
        orgUnit: sc.unit ? { id: sc.unit.id, name: sc.unit.name } : null,
        groupBy,
        overall,
        groups,
      };
    },
  };
}

export type SurveyResultsService = ReturnType<typeof createSurveyResults>;
