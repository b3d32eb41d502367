/**
 * Test factories for OJT: people of the demo organisation by their place in it, sign-in for any of
 * them, and a clean slate of OJT records in the test file's own database.
 */
import type { FastifyInstance } from 'fastify';
import { signIn } from '../../../test/app.ts';
import type { Db } from '../../db/client.ts';
import { hashPassword } from '../auth/password.ts';

const PASSWORD = 'demo-password';

/** The person heading (`head`) or working in a unit of the demo organisation, by the unit's code. */
export async function personIn(db: Db, unitCode: string, head: boolean, skip = 0): Promise<string> {
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
  const id = found[skip]?.staffId;
  if (!id) throw new Error(`nobody ${head ? 'heads' : 'works in'} ${unitCode}`);
  return id;
}

export async function idOf(db: Db, loginId: string): Promise<string> {
  return (await db.staff.findUniqueOrThrow({ where: { loginId }, select: { id: true } })).id;
}

/** Gives a demo-organisation person the demo password, so tests can sign in as them. */
export async function enableSignIn(db: Db, staffId: string): Promise<string> {
  const s = await db.staff.update({
    where: { id: staffId },
    data: { passwordHash: await hashPassword(PASSWORD) },
    select: { loginId: true },
  });
  return s.loginId;
}

/** Signs each login in once per test file (sign-ins are throttled per address). */
export function sessions(app: () => FastifyInstance) {
  const cookies = new Map<string, string>();
  return async (loginId: string) => {
    const cached = cookies.get(loginId);
    if (cached) return cached;
    const cookie = await signIn(app(), loginId);
    cookies.set(loginId, cookie);
    return cookie;
  };
}

export type Inject = {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
};

/** `app.inject` as a signed-in person. */
export function as(app: () => FastifyInstance, cookieOf: (loginId: string) => Promise<string>) {
  return async (loginId: string, options: Inject) => {
    const cookie = await cookieOf(loginId);
    return app().inject({
      method: options.method ?? 'GET',
      url: options.url,
      headers: { ...options.headers, cookie },
      ...(options.payload === undefined ? {} : { payload: options.payload as object }),
    });
  };
}

/** OJT, career plans and self-development of the demo data: each test writes what it counts. */
export async function clearOjt(db: Db): Promise<void> {
  await db.ojtSession.deleteMany();
  await db.ojtPlan.deleteMany();
  await db.careerPlan.deleteMany();
  await db.selfDevelopmentRecord.deleteMany();
  await db.idempotencyRecord.deleteMany();
}
