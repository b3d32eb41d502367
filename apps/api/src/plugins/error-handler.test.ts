import type { ProblemDetails } from '@portal/contracts';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConflictError, NotFoundError, TooManyRequestsError } from '../shared/errors.ts';
import { errorHandler, notFoundProblem } from './error-handler.ts';

async function appWithRoutes() {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(errorHandler);
  app.setNotFoundHandler(notFoundProblem);
  app.post(
    '/items',
    {
      schema: {
        querystring: z.object({ limit: z.coerce.number().int().max(100).optional() }),
        body: z.object({ title: z.string().min(1).max(10), minutes: z.number().int().positive() }),
      },
    },
    async () => ({ ok: true }),
  );
  app.get('/missing', async () => {
    throw new NotFoundError();
  });
  app.get('/stale', async () => {
    throw new ConflictError('The record changed.', 'stale_version', { id: 'a', version: 3 });
  });
  app.get('/slow-down', async () => {
    throw new TooManyRequestsError(30);
  });
  app.get('/boom', async () => {
    throw new Error('database password is hunter2');
  });
  return app;
}

describe('problem details', () => {
  it('gives each bad field a code and the values its message names, for the web app to translate', async () => {
    const app = await appWithRoutes();
    const res = await app.inject({ method: 'POST', url: '/items', payload: { title: '', minutes: 0 } });
    const errors = res.json<ProblemDetails>().errors ?? [];
    expect(errors.find((e) => e.field === 'body.title')).toMatchObject({
      code: 'too_small',
      params: { minimum: 1, origin: 'string' },
    });
    expect(errors.find((e) => e.field === 'body.minutes')).toMatchObject({
      code: 'too_small',
      params: { minimum: 0, origin: 'number', inclusive: 'no' },
    });
    const long = await app.inject({
      method: 'POST',
      url: '/items',
      payload: { title: 'x'.repeat(11), minutes: 1 },
    });
    expect(long.json<ProblemDetails>().errors?.[0]).toMatchObject({
      code: 'too_big',
      params: { maximum: 10, origin: 'string' },
    });
  });

  it('names the code a refinement gives in its params', async () => {
    const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(errorHandler);
    app.post(
      '/span',
      {
        schema: {
          body: z.object({ from: z.number(), to: z.number() }).superRefine((d, ctx) => {
            if (d.to < d.from)
              ctx.addIssue({
                code: 'custom',
                path: ['to'],
                message: 'before from',
                params: { code: 'ends_before_start' },
              });
          }),
        },
      },
      async () => ({ ok: true }),
    );
    const res = await app.inject({ method: 'POST', url: '/span', payload: { from: 2, to: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json<ProblemDetails>().errors).toEqual([
      { field: 'body.to', message: 'before from', code: 'ends_before_start' },
    ]);
  });

  it('names every bad field of a request, with status 400', async () => {
    const app = await appWithRoutes();
    const res = await app.inject({
      method: 'POST',
      url: '/items?limit=500',
      payload: { title: 'ok', minutes: 5 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json<ProblemDetails>();
    expect(problem.code).toBe('validation');
    expect(problem.errors?.map((e) => e.field)).toEqual(['query.limit']);

    const body = await app.inject({ method: 'POST', url: '/items', payload: { title: '', minutes: -1 } });
    expect(
      body
        .json<ProblemDetails>()
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['body.minutes', 'body.title']);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const app = await appWithRoutes();
    const res = await app.inject({
      method: 'POST',
      url: '/items',
      headers: { 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ProblemDetails>()).toMatchObject({ status: 400, code: 'bad_request' });
  });

  it('maps typed errors to their status, code and extras', async () => {
    const app = await appWithRoutes();
    expect((await app.inject('/missing')).json<ProblemDetails>()).toMatchObject({
      status: 404,
      code: 'not_found',
    });
    const stale = await app.inject('/stale');
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_version', current: { id: 'a', version: 3 } });
    const slow = await app.inject('/slow-down');
    expect(slow.statusCode).toBe(429);
    expect(slow.headers['retry-after']).toBe('30');
    const unknown = await app.inject('/no-such-route');
    expect(unknown.json<ProblemDetails>()).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('hides unknown errors behind a generic 500 with the request id', async () => {
    const app = await appWithRoutes();
    const res = await app.inject('/boom');
    expect(res.statusCode).toBe(500);
    const problem = res.json<ProblemDetails>();
    expect(problem.code).toBe('internal');
    expect(problem.requestId).toBe(res.json().requestId);
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toContain('at ');
  });
});
