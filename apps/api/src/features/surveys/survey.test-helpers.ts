/** Factories for survey tests: questions, a round over some 局・区, people who answer it. */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect } from 'vitest';
import { signIn } from '../../../test/app.ts';
import { today } from '../../access/scope.ts';
import type { Db } from '../../db/client.ts';

/** Session cookies by app (each test file has its own) and login id. */
const sessions = new WeakMap<FastifyInstance, Map<string, string>>();

/** Requests as a login id (signed in once per test file). */
export function caller(app: () => FastifyInstance) {
  return async (loginId: string, options: InjectOptions) => {
    let cookies = sessions.get(app());
    if (!cookies) {
      cookies = new Map();
      sessions.set(app(), cookies);
    }
    let cookie = cookies.get(loginId);
    if (!cookie) {
      cookie = await signIn(app(), loginId);
      cookies.set(loginId, cookie);
    }
    return app().inject({ ...options, headers: { ...options.headers, cookie } });
  };
}

export const isoDay = (offsetDays = 0) => {
  const d = today();
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
};

/** People placed (in force today) in a 局・区, by code, in employee-number order; given the demo password. */
export async function peopleOf(
  db: Db,
  bureauCode: string,
  n: number,
): Promise<{ id: string; loginId: string }[]> {
  const bureau = await db.orgUnit.findUniqueOrThrow({ where: { code: bureauCode }, select: { id: true } });
  const people = await db.staff.findMany({
    where: {
      disabledAt: null,
      loginId: { not: { startsWith: 'demo-' } },
      assignments: { some: { endsOn: null, orgUnit: { bureauId: bureau.id } } },
    },
    select: { id: true, loginId: true },
    orderBy: { employeeNumber: 'asc' },
    take: n,
  });
  expect(people).toHaveLength(n);
  const { passwordHash } = await db.staff.findUniqueOrThrow({
    where: { loginId: 'demo-staff' },
    select: { passwordHash: true },
  });
  await db.staff.updateMany({ where: { id: { in: people.map((p) => p.id) } }, data: { passwordHash } });
  return people;
}

export type Bank = { agreement: string; scale: string; choice: string; text: string; staffImageId: string };

/** Four questions, one of each kind, the agreement and 0–10 ones linked to the policy's third 職員像. */
export async function makeBank(call: ReturnType<typeof caller>, db: Db, prefix: string): Promise<Bank> {
  const image = await db.staffImage.findFirstOrThrow({ where: { position: 3 }, select: { id: true } });
  const initiative = await db.initiative.findFirstOrThrow({ where: { code: '3-1' }, select: { id: true } });
  const make = async (code: string, body: Record<string, unknown>) => {
    const res = await call('demo-hr', {
      method: 'POST',
      url: '/api/survey-questions',
      payload: { code: `${prefix}-${code}`, textJa: `設問 ${code}`, textEn: `Question ${code}`, ...body },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  return {
    agreement: await make('a', {
      kind: 'agreement5',
      staffImageIds: [image.id],
      initiativeIds: [initiative.id],
    }),
    scale: await make('s', { kind: 'scale10', staffImageIds: [image.id] }),
    choice: await make('c', {
      kind: 'single_choice',
      choices: [
        { value: 'yes', ja: 'はい', en: 'Yes' },
        { value: 'no', ja: 'いいえ', en: 'No' },
      ],
    }),
    text: await make('t', { kind: 'free_text' }),
    staffImageId: image.id,
  };
}

/** An open round over the 局・区 given (by code), answering from yesterday to a week ahead. */
export async function openRound(
  call: ReturnType<typeof caller>,
  db: Db,
  bank: Bank,
  options: { bureaus: string[]; minGroupSize?: number; youngOnly?: boolean; previousId?: string | null },
) {
  const units = await db.orgUnit.findMany({ where: { code: { in: options.bureaus } }, select: { id: true } });
  const body = {
    titleJa: 'パルス調査',
    titleEn: 'Pulse survey',
    fiscalYear: 2026,
    opensOn: isoDay(-1),
    closesOn: isoDay(7),
    population: { bureauIds: units.map((u) => u.id), gradeIds: [], youngOnly: options.youngOnly ?? false },
    minGroupSize: options.minGroupSize ?? 5,
    questionIds: [bank.agreement, bank.scale, bank.choice, bank.text],
    previousId: options.previousId ?? null,
  };
  const created = await call('demo-hr', { method: 'POST', url: '/api/surveys', payload: body });
  expect(created.statusCode, created.body).toBe(201);
  const { id, version } = created.json<{ id: string; version: number }>();
  const opened = await call('demo-hr', {
    method: 'PUT',
    url: `/api/surveys/${id}`,
    payload: { ...body, version, status: 'open' },
  });
  expect(opened.statusCode, opened.body).toBe(200);
  return { id, body, version: opened.json<{ version: number }>().version };
}

export async function closeRound(
  call: ReturnType<typeof caller>,
  round: Awaited<ReturnType<typeof openRound>>,
) {
  const res = await call('demo-hr', {
    method: 'PUT',
    url: `/api/surveys/${round.id}`,
    payload: { ...round.body, version: round.version, status: 'closed' },
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** Each person saves a draft and submits it: agreement `score`, 0–10 `score * 2`, a choice and a comment. */
export async function answer(
  call: ReturnType<typeof caller>,
  surveyId: string,
  people: { loginId: string }[],
  bank: Bank,
  score = 4,
  comment = 'よい職場です',
) {
  for (const p of people) {
    const answers = {
      [bank.agreement]: score,
      [bank.scale]: score * 2,
      [bank.choice]: 'yes',
      [bank.text]: comment,
    };
    const saved = await call(p.loginId, {
      method: 'PUT',
      url: `/api/surveys/${surveyId}/my-response`,
      payload: { version: 0, answers },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const sent = await call(p.loginId, {
      method: 'POST',
      url: `/api/surveys/${surveyId}/my-response/submit`,
      payload: { version: saved.json<{ version: number }>().version },
    });
    expect(sent.statusCode, sent.body).toBe(200);
  }
}
