/**
 * Test factories for the career feature: people of the demo organisation, sign-in for any of them
 * (once per file: sign-ins are throttled), and requests as them.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { signIn } from '../../../test/app.ts';
import type { Db } from '../../db/client.ts';
import { hashPassword } from '../auth/password.ts';

export async function idOf(db: Db, loginId: string): Promise<string> {
  return (await db.staff.findUniqueOrThrow({ where: { loginId }, select: { id: true } })).id;
}

/** The head of (or someone working in) a unit of the demo organisation, able to sign in. */
export async function signablePersonIn(db: Db, unitCode: string, head: boolean): Promise<string> {
  const found = await db.assignment.findFirstOrThrow({
    where: {
      orgUnit: { code: unitCode },
      isHead: head,
      endsOn: null,
      staff: { loginId: { startsWith: 's' } },
    },
    orderBy: { staff: { employeeNumber: 'asc' } },
    select: { staff: { select: { id: true, loginId: true, passwordHash: true } } },
  });
  if (!found.staff.passwordHash) {
    await db.staff.update({
      where: { id: found.staff.id },
      data: { passwordHash: await hashPassword('demo-password') },
    });
  }
  return found.staff.loginId;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** `as('demo-staff').put(url, body)`: requests as a signed-in person, each signed in once. */
export function actors(app: () => FastifyInstance) {
  const cookies = new Map<string, string>();
  const cookieOf = async (loginId: string) => {
    let cookie = cookies.get(loginId);
    if (!cookie) {
      cookie = await signIn(app(), loginId);
      cookies.set(loginId, cookie);
    }
    return cookie;
  };
  return (loginId: string) => {
    const send = async (
      method: Method,
      url: string,
      payload?: unknown,
      headers: Record<string, string> = {},
    ): Promise<LightMyRequestResponse> =>
      app().inject({
        method,
        url,
        headers: { cookie: await cookieOf(loginId), ...headers },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    return {
      get: (url: string) => send('GET', url),
      post: (url: string, payload?: unknown, headers?: Record<string, string>) =>
        send('POST', url, payload ?? {}, headers),
      put: (url: string, payload: unknown) => send('PUT', url, payload),
      delete: (url: string) => send('DELETE', url),
    };
  };
}
