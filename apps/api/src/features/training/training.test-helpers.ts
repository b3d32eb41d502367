/**
 * Test factories for training: people of the demo organisation, sign-in for any of them, and courses
 * and sessions made to measure through the real API.
 */
import {
  fiscalYearOf,
  type Training,
  type TrainingApplication,
  type TrainingSession,
} from '@portal/contracts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { signIn } from '../../../test/app.ts';
import { today } from '../../access/access.ts';
import type { Db } from '../../db/client.ts';
import { hashPassword } from '../auth/password.ts';

export const todayIso = () => today().toISOString().slice(0, 10);

/** An ISO date `n` days from today (Japan). */
export function dayFromToday(n: number): string {
  const d = today();
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export async function idOf(db: Db, loginId: string): Promise<string> {
  return (await db.staff.findUniqueOrThrow({ where: { loginId }, select: { id: true } })).id;
}

/** Members (or the head) of a unit of the demo organisation, by the unit's code, in employee-number order. */
export async function peopleIn(db: Db, unitCode: string, head: boolean): Promise<string[]> {
  const found = await db.assignment.findMany({
    where: {
      orgUnit: { code: unitCode },
      isHead: head,
      endsOn: null,
      staff: { loginId: { startsWith: 's' } },
    },
    orderBy: { staff: { employeeNumber: 'asc' } },
    select: { staffId: true },
  });
  return found.map((f) => f.staffId);
}

/** Gives a demo-organisation person the demo password; returns their login id. */
export async function enableSignIn(db: Db, staffId: string): Promise<string> {
  const s = await db.staff.update({
    where: { id: staffId },
    data: { passwordHash: await hashPassword('demo-password') },
    select: { loginId: true },
  });
  return s.loginId;
}

export type Call = {
  method?: 'GET' | 'POST' | 'PUT';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
};

/** `call(loginId, {…})`: the real app as a signed-in person (each login signs in once per file). */
export function caller(app: () => FastifyInstance) {
  const cookies = new Map<string, string>();
  const cookieOf = async (loginId: string) => {
    const cached = cookies.get(loginId);
    if (cached) return cached;
    const cookie = await signIn(app(), loginId);
    cookies.set(loginId, cookie);
    return cookie;
  };
  return async (loginId: string, c: Call): Promise<LightMyRequestResponse> =>
    app().inject({
      method: c.method ?? 'GET',
      url: c.url,
      headers: { ...c.headers, cookie: await cookieOf(loginId) },
      ...(c.payload === undefined ? {} : { payload: c.payload as object }),
    });
}

type CallFn = ReturnType<typeof caller>;

export function expectStatus(res: LightMyRequestResponse, status: number) {
  expect(res.statusCode, res.body).toBe(status);
}

/** A course made by HR for the current 年度 and the next. */
export async function makeCourse(call: CallFn, over: Record<string, unknown> = {}): Promise<Training> {
  const fy = fiscalYearOf(todayIso());
  const res = await call('demo-hr', {
    method: 'POST',
    url: '/api/trainings',
    payload: {
      title: { ja: 'テスト研修', en: 'Test course' },
      kind: 'institute_elective',
      hours: 3,
      fiscalYears: [fy, fy + 1],
      ...over,
    },
  });
  expectStatus(res, 201);
  return res.json<Training>();
}

/** A session of a course, by default a week ahead with the deadline in three days. */
export async function makeSession(
  call: CallFn,
  trainingId: string,
  over: { startsAt?: string; endsAt?: string; capacity?: number; applicationDeadline?: string } = {},
  as = 'demo-hr',
): Promise<TrainingSession> {
  const startDay = dayFromToday(7);
  const res = await call(as, {
    method: 'POST',
    url: `/api/trainings/${trainingId}/sessions`,
    payload: {
      startsAt: `${startDay}T09:30:00+09:00`,
      endsAt: `${startDay}T17:00:00+09:00`,
      venue: '研修所',
      capacity: 2,
      applicationDeadline: dayFromToday(3),
      ...over,
    },
  });
  expectStatus(res, 201);
  return res.json<TrainingSession>();
}

export async function apply(call: CallFn, loginId: string, sessionId: string): Promise<TrainingApplication> {
  const res = await call(loginId, {
    method: 'POST',
    url: `/api/training-sessions/${sessionId}/applications`,
    payload: { reason: '業務に役立てたいため' },
  });
  expectStatus(res, 201);
  return res.json<TrainingApplication>();
}

export async function decide(
  call: CallFn,
  loginId: string,
  applicationId: string,
  decision: 'approve' | 'decline' | 'accept' | 'reject',
  reason = '',
): Promise<LightMyRequestResponse> {
  return call(loginId, {
    method: 'POST',
    url: `/api/applications/${applicationId}/decision`,
    payload: { decision, reason },
  });
}
