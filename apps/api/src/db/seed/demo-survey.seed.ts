/**
 * Demo engagement surveys: a bank of questions tied to the four 職員像, the spring round (closed, about
 * three quarters of the staff answered, so results show by 局・区) and the autumn round, open now, that
 * the demo accounts have not answered yet. Answers are stored as the app stores them: without the
 * person, with the coarsened report attributes only (decision 050).
 */
import { fiscalYearLabelJa, fiscalYearOf } from '@portal/contracts';
import { today } from '../../access/scope.ts';
import { coarsen } from '../../features/surveys/survey.attributes.ts';
import { createSurveyRepository, type Json } from '../../features/surveys/survey.repository.ts';
import type { Db } from '../client.ts';
import type { DemoSeeder } from './demo-activity.seed.ts';

type Q = {
  code: string;
  kind: 'agreement5' | 'scale10' | 'single_choice' | 'free_text';
  ja: string;
  en: string;
  image?: number;
  initiative?: string;
  choices?: { value: string; ja: string; en: string }[];
};

const QUESTIONS: Q[] = [
  {
    code: 'eng-pride',
    kind: 'agreement5',
    ja: '仙台市の職員として誇りを持って仕事に取り組んでいる',
    en: 'I take pride in my work as a Sendai City employee',
    image: 1,
  },
  {
    code: 'eng-compliance',
    kind: 'agreement5',
    ja: '職場には法令やルールを大切にする雰囲気がある',
    en: 'My workplace values laws and rules',
    image: 1,
    initiative: '3-1',
  },
  {
    code: 'eng-challenge',
    kind: 'agreement5',
    ja: '前例にとらわれず新しいやり方を試すことが歓迎されている',
    en: 'Trying new ways, not bound by precedent, is welcome here',
    image: 2,
    initiative: '3-1',
  },
  {
    code: 'eng-collab',
    kind: 'agreement5',
    ja: '他の部署や市民・地域の団体と協力して仕事を進められている',
    en: 'I work well with other sections, citizens and local groups',
    image: 3,
  },
  {
    code: 'eng-respect',
    kind: 'agreement5',
    ja: '年齢や職位に関係なく、意見を言い合える',
    en: 'We can speak our minds regardless of age or rank',
    image: 4,
    initiative: '3-1',
  },
  {
    code: 'eng-growth',
    kind: 'agreement5',
    ja: '職場で自分の成長を支援されていると感じる',
    en: 'I feel my growth is supported at work',
    image: 4,
    initiative: '1-2',
  },
  {
    code: 'eng-enps',
    kind: 'scale10',
    ja: '今の職場を親しい人に勧めたいと思う度合い（0〜10）',
    en: 'How likely are you to recommend your workplace to a friend (0–10)?',
  },
  {
    code: 'eng-workload',
    kind: 'single_choice',
    ja: '今の働き方に最も近いもの',
    en: 'What best describes your workload?',
    initiative: '3-2',
    choices: [
      { value: 'light', ja: '余裕がある', en: 'Light' },
      { value: 'right', ja: 'ちょうどよい', en: 'About right' },
      { value: 'busy', ja: '忙しい', en: 'Busy' },
      { value: 'heavy', ja: '非常に忙しい', en: 'Very busy' },
    ],
  },
  {
    code: 'eng-comment',
    kind: 'free_text',
    ja: '職場をよりよくするためのご意見をお聞かせください',
    en: 'What would make your workplace better?',
  },
];

const COMMENTS = [
  '若手の意見を聞いてもらえる場がもっとあるとよい。',
  '佐藤係長がいつも相談に乗ってくれて助かっている。',
  '他局との情報共有の仕組みがほしい。',
  '繁忙期の応援体制を整えてほしい。',
  '研修で学んだことを職場で試せる雰囲気がある。',
];

/** A deterministic pseudo-random sequence (mulberry32), so the demo is the same on every start. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));

export const demoSurveySeeder: DemoSeeder = {
  name: 'surveys',
  async seed(db: Db) {
    if (await db.surveyQuestion.findUnique({ where: { code: 'eng-pride' } })) return;
    const repo = createSurveyRepository();
    const images = await db.staffImage.findMany({
      where: { policy: { inForce: true } },
      select: { id: true, position: true },
    });
    const initiatives = await db.initiative.findMany({
      where: { area: { policy: { inForce: true } } },
      select: { id: true, code: true },
    });
    const imageAt = (p?: number) => images.filter((i) => i.position === p).map((i) => i.id);
    const initiativeOf = (c?: string) => initiatives.filter((i) => i.code === c).map((i) => i.id);
    const snapshot = [];
    for (const q of QUESTIONS) {
      const row = await db.surveyQuestion.create({
        data: {
          code: q.code,
          kind: q.kind,
          textJa: q.ja,
          textEn: q.en,
          choices: (q.choices ?? []) as Json,
          staffImageIds: imageAt(q.image),
          initiativeIds: initiativeOf(q.initiative),
        },
        select: { id: true, staffImageIds: true, initiativeIds: true },
      });
      snapshot.push({
        questionId: row.id,
        code: q.code,
        kind: q.kind,
        text: { ja: q.ja, en: q.en },
        choices: q.choices ?? [],
        staffImageIds: row.staffImageIds,
        initiativeIds: row.initiativeIds,
      });
    }
    const now = today();
    const fy = fiscalYearOf(now.toISOString().slice(0, 10));
    const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
    // The spring round: in the first weeks of the 年度 (the demo's posts start with it), before today
    const fyStart = new Date(Date.UTC(fy, 3, 1));
    const springCloses = new Date(Math.min(addDays(fyStart, 44).getTime(), addDays(now, -4).getTime()));
    const populationOn = new Date(Math.max(springCloses.getTime(), fyStart.getTime()));
    const previous = await db.survey.create({
      data: {
        titleJa: `${fiscalYearLabelJa(fy)} 春のパルス調査`,
        titleEn: `FY${fy} spring pulse survey`,
        descriptionJa:
          '目指す職員像に照らした職場の実感を伺います。回答は誰のものか分からない形で保存されます。',
        descriptionEn:
          'How your workplace feels against the staff images. Answers are stored so that nobody can tell whose they are.',
        fiscalYear: fy,
        status: 'closed',
        opensOn: addDays(springCloses, -14),
        closesOn: springCloses,
        questions: snapshot as unknown as Json,
      },
    });
    const opens = new Date(now);
    opens.setUTCDate(opens.getUTCDate() - 3);
    const closes = new Date(now);
    closes.setUTCDate(closes.getUTCDate() + 14);
    await db.survey.create({
      data: {
        titleJa: `${fiscalYearLabelJa(fy)} 秋のパルス調査`,
        titleEn: `FY${fy} autumn pulse survey`,
        descriptionJa: '5分ほどで答えられます。途中で保存して、期間内に続きから回答できます。',
        descriptionEn: 'About five minutes. Save and come back any time within the window.',
        fiscalYear: fy,
        status: 'open',
        opensOn: opens,
        closesOn: closes,
        previousId: previous.id,
        questions: snapshot as unknown as Json,
      },
    });

    // The spring round's answers: about three in four, the demo accounts left out
    const people = await db.staff.findMany({
      where: { disabledAt: null, loginId: { not: { startsWith: 'demo-' } } },
      select: {
        id: true,
        assignments: {
          where: { endsOn: null },
          select: { orgUnit: { select: { bureauId: true } } },
          take: 1,
        },
      },
      orderBy: { employeeNumber: 'asc' },
    });
    const rnd = random(2026);
    const bureauMood = new Map<string, number>();
    const rows: { attrs: ReturnType<typeof coarsen>; answers: Record<string, number | string> }[] = [];
    const answered: string[] = [];
    for (const p of people) {
      if (rnd() > 0.75) continue;
      const attrs = await repo.attributes(db, previous, p.id, populationOn);
      if (!attrs) continue;
      const bureau = p.assignments[0]?.orgUnit.bureauId ?? '';
      if (!bureauMood.has(bureau)) bureauMood.set(bureau, (rnd() - 0.5) * 1.4);
      const mood = bureauMood.get(bureau) ?? 0;
      const answers: Record<string, number | string> = {};
      for (const [i, q] of snapshot.entries()) {
        const lean = mood + (i % 3) * 0.15 - 0.2;
        if (q.kind === 'agreement5') answers[q.questionId] = clamp(3.4 + lean + (rnd() - 0.5) * 2.4, 1, 5);
        else if (q.kind === 'scale10')
          answers[q.questionId] = clamp(6.3 + lean * 2 + (rnd() - 0.5) * 5, 0, 10);
        else if (q.kind === 'single_choice')
          answers[q.questionId] = ['light', 'right', 'busy', 'heavy'][
            clamp(rnd() * 3.6 - mood, 0, 3)
          ] as string;
        else if (rnd() < 0.2) answers[q.questionId] = COMMENTS[Math.floor(rnd() * COMMENTS.length)] as string;
      }
      rows.push({ attrs: coarsen(attrs, previous.minGroupSize), answers });
      answered.push(p.id);
    }
    // Stored in a shuffled order, apart from who answered
    rows.sort(() => rnd() - 0.5);
    await db.$transaction(async (tx) => {
      await tx.surveyParticipation.createMany({
        data: answered.map((staffId) => ({ surveyId: previous.id, staffId })),
      });
      await tx.surveyResponse.createMany({
        data: rows.map((r) => ({ surveyId: previous.id, ...r.attrs, answers: r.answers as Json })),
      });
    });
  },
};
