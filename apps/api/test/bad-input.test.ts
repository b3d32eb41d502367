/**
 * Input that cannot be stored or is not a date is refused at the edge, as 400 naming the field,
 * whichever route it reaches — never a 500 from the database or from a date that is not one.
 */
import type { ProblemDetails } from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import { signIn, useTestApp } from './app.ts';

const ctx = useTestApp();

function expectField(
  res: { statusCode: number; headers: Record<string, unknown>; json: <T>() => T },
  field: string,
) {
  expect(res.statusCode).toBe(400);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.json<ProblemDetails>().errors?.map((e) => e.field)).toContain(field);
}

describe('text that cannot be stored', () => {
  it('refuses a NUL byte in the sign-in, which needs no session', async () => {
    const { app } = ctx();
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { loginId: 'a\u0000b', password: 'x' },
    });
    expectField(res, 'body.loginId');
  });

  it('refuses a lone surrogate in a body, a NUL in a query and in a path parameter, and in a key', async () => {
    const { app } = ctx();
    const cookie = await signIn(app, 'demo-hr');
    const body = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      // JSON's own escape: the parsed password holds an unpaired high surrogate.
      payload: '{"loginId":"demo-hr","password":"x\\ud800y"}',
      headers: { 'content-type': 'application/json' },
    });
    expectField(body, 'body.password');

    expectField(await app.inject({ url: '/api/trainings?q=a%00b', headers: { cookie } }), 'query.q');
    expectField(await app.inject({ url: '/api/trainings/a%00b/sessions', headers: { cookie } }), 'params.id');
    expectField(
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { loginId: 'demo-hr', password: 'x', 'k\u0000': 1 },
      }),
      'body.k\u0000',
    );
  });

  it('keeps text with paired surrogates (emoji) and other control characters', async () => {
    const { app } = ctx();
    const cookie = await signIn(app, 'demo-hr');
    const res = await app.inject({
      url: `/api/trainings?q=${encodeURIComponent('研修😀\t')}`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('dates that are not dates', () => {
  it('refuses an impossible date-time on a training session as 400 naming the field', async () => {
    const { app } = ctx();
    const cookie = await signIn(app, 'demo-hr');
    const list = await app.inject({ url: '/api/trainings?pageSize=1', headers: { cookie } });
    const training = list.json<{ items: { id: string }[] }>().items[0];
    if (!training) throw new Error('the demo data has no training');
    const res = await app.inject({
      method: 'POST',
      url: `/api/trainings/${training.id}/sessions`,
      headers: { cookie },
      payload: {
        startsAt: '2026-13-45T99:00',
        endsAt: '2026-13-45T99:00',
        capacity: 10,
        applicationDeadline: '2026-02-30',
      },
    });
    expectField(res, 'body.startsAt');
    const fields = res.json<ProblemDetails>().errors?.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.endsAt', 'body.applicationDeadline']));
  });

  it('refuses a year PostgreSQL cannot store in a query date-time', async () => {
    const { app } = ctx();
    const cookie = await signIn(app, 'demo-hr');
    const res = await app.inject({
      url: `/api/audit-log?from=${encodeURIComponent('0000-01-01T00:00:00Z')}`,
      headers: { cookie },
    });
    expectField(res, 'query.from');
  });
});
