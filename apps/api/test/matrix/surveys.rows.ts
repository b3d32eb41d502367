/**
 * Engagement surveys. Rounds over 青葉区 (demo-staff's and demo-supervisor's 局・区): a draft, an open one
 * and a closed one. Writes use stale versions or bad input, so nothing changes.
 */
import { all, type MatrixRows, type Who } from './types.ts';

const hrOnly = (hr: number, others = 403): Record<Who, number> => ({
  anon: 401,
  staff: others,
  supervisor: others,
  staffOther: others,
  bureau: others,
  hr,
  exec: others,
});
/** An open 青葉区 round: its people answer; the others who see it (results readers) are not in it */
const answering = (ok: number): Record<Who, number> => ({
  anon: 401,
  staff: ok,
  supervisor: ok,
  staffOther: 404,
  bureau: 403,
  hr: 403,
  exec: 403,
});
/** Results: HR and executives city-wide, the bureau officer their 局・区, a 所属長 their unit; staff 403 */
const readers: Record<Who, number> = {
  anon: 401,
  staff: 403,
  supervisor: 200,
  staffOther: 404,
  bureau: 200,
  hr: 200,
  exec: 200,
};

export const surveyRows: MatrixRows = {
  prepare: async (db) => {
    const aoba = await db.orgUnit.findUniqueOrThrow({ where: { code: 'aoba' }, select: { id: true } });
    const question = await db.surveyQuestion.create({
      data: {
        code: 'matrix-q',
        kind: 'agreement5',
        textJa: '誇りを持って働いている',
        textEn: 'I work with pride',
      },
      select: { id: true },
    });
    const questions = [
      {
        questionId: question.id,
        code: 'matrix-q',
        kind: 'agreement5',
        text: { ja: '誇りを持って働いている', en: 'I work with pride' },
        choices: [],
        staffImageIds: [],
        initiativeIds: [],
      },
    ];
    const round = (status: 'draft' | 'open' | 'closed', titleJa: string) =>
      db.survey.create({
        data: {
          titleJa,
          titleEn: titleJa,
          fiscalYear: 2026,
          status,
          opensOn: new Date('2020-04-01T00:00:00Z'),
          closesOn: new Date(status === 'closed' ? '2020-04-30T00:00:00Z' : '2199-03-31T00:00:00Z'),
          populationBureauIds: [aoba.id],
          questions,
        },
        select: { id: true },
      });
    const [draft, open, closed] = [
      await round('draft', '下書き'),
      await round('open', '実施中'),
      await round('closed', '終了'),
    ];
    // 青葉区's people on the day a round opening in 30 days would take them, counted apart from the route
    const opensOn = new Date(Date.now() + 30 * 86_400_000);
    const day = new Date(`${opensOn.toISOString().slice(0, 10)}T00:00:00Z`);
    const people = await db.staff.count({
      where: {
        disabledAt: null,
        assignments: {
          some: {
            orgUnit: { bureauId: aoba.id },
            startsOn: { lte: day },
            OR: [{ endsOn: null }, { endsOn: { gte: day } }],
          },
        },
      },
    });
    return {
      surveyPopulationBureau: aoba.id,
      surveyPopulationOpensOn: day.toISOString().slice(0, 10),
      surveyPopulationCount: `"count":${people},`,
      surveyQuestion: question.id,
      surveyDraft: draft.id,
      surveyOpen: open.id,
      surveyClosed: closed.id,
    };
  },
  rows: [
    {
      method: 'GET',
      route: '/api/surveys/population-count',
      url: (t) =>
        `/api/surveys/population-count?bureauIds=${t.surveyPopulationBureau}&opensOn=${t.surveyPopulationOpensOn}`,
      expect: hrOnly(200),
      returns: {
        hr: { in: ['surveyPopulationCount'] },
        staff: { out: ['surveyPopulationCount'] },
        bureau: { out: ['surveyPopulationCount'] },
        exec: { out: ['surveyPopulationCount'] },
      },
    },
    {
      method: 'GET',
      route: '/api/survey-questions',
      url: () => '/api/survey-questions',
      expect: hrOnly(200),
      returns: { hr: { in: ['surveyQuestion'] } },
    },
    {
      method: 'POST',
      route: '/api/survey-questions',
      url: () => '/api/survey-questions',
      body: { code: 'matrix-q', kind: 'agreement5', textJa: '重複' },
      expect: hrOnly(409),
    },
    {
      method: 'PUT',
      route: '/api/survey-questions/{id}',
      url: (t) => `/api/survey-questions/${t.surveyQuestion}`,
      body: { version: 999, kind: 'agreement5', textJa: 'x', active: true },
      expect: hrOnly(409),
    },
    {
      method: 'GET',
      route: '/api/surveys',
      url: () => '/api/surveys?pageSize=100',
      expect: all(200),
      returns: {
        staff: { in: ['surveyOpen'], out: ['surveyDraft'] },
        staffOther: { out: ['surveyOpen', 'surveyClosed', 'surveyDraft'] },
        bureau: { in: ['surveyClosed'], out: ['surveyDraft'] },
        hr: { in: ['surveyOpen', 'surveyClosed', 'surveyDraft'] },
        exec: { in: ['surveyClosed'], out: ['surveyDraft'] },
      },
    },
    {
      method: 'GET',
      route: '/api/surveys/{id}',
      url: (t) => `/api/surveys/${t.surveyOpen}`,
      expect: { ...all(200), staffOther: 404 },
    },
    {
      method: 'GET',
      route: '/api/surveys/{id}',
      url: (t) => `/api/surveys/${t.surveyDraft}`,
      expect: hrOnly(200, 404),
    },
    {
      method: 'POST',
      route: '/api/surveys',
      url: () => '/api/surveys',
      body: {
        titleJa: 'x',
        fiscalYear: 2026,
        opensOn: '2026-04-01',
        closesOn: '2026-04-30',
        questionIds: ['00000000-0000-4000-8000-000000000000'],
      },
      expect: hrOnly(400),
    },
    {
      method: 'PUT',
      route: '/api/surveys/{id}',
      url: (t) => `/api/surveys/${t.surveyDraft}`,
      body: (t: Record<string, string>) => ({
        version: 999,
        status: 'draft',
        titleJa: 'x',
        fiscalYear: 2026,
        opensOn: '2026-04-01',
        closesOn: '2026-04-30',
        questionIds: [t.surveyQuestion],
      }),
      expect: hrOnly(409),
    },
    {
      method: 'POST',
      route: '/api/surveys/{id}/reminders',
      url: (t) => `/api/surveys/${t.surveyClosed}/reminders`,
      expect: { ...hrOnly(409), staffOther: 404 },
    },
    {
      method: 'GET',
      route: '/api/surveys/{id}/my-response',
      url: (t) => `/api/surveys/${t.surveyOpen}/my-response`,
      expect: answering(200),
    },
    {
      method: 'PUT',
      route: '/api/surveys/{id}/my-response',
      url: (t) => `/api/surveys/${t.surveyOpen}/my-response`,
      body: { version: 999, answers: {} },
      expect: answering(409),
    },
    {
      method: 'POST',
      route: '/api/surveys/{id}/my-response/submit',
      url: (t) => `/api/surveys/${t.surveyOpen}/my-response/submit`,
      body: { version: 999 },
      expect: answering(409),
    },
    {
      method: 'GET',
      route: '/api/surveys/{id}/results',
      url: (t) => `/api/surveys/${t.surveyClosed}/results`,
      expect: readers,
    },
    {
      method: 'GET',
      route: '/api/surveys/{id}/results/export',
      url: (t) => `/api/surveys/${t.surveyClosed}/results/export?format=csv`,
      expect: readers,
    },
    {
      method: 'GET',
      route: '/api/surveys/{id}/response-rate',
      url: (t) => `/api/surveys/${t.surveyClosed}/response-rate`,
      expect: readers,
    },
  ],
};
