/**
 * The two routes every kind of record starts with, declared once: `GET <path>` (a page of the records
 * the actor may see, filtered by the query) and `POST <path>` (create one, honouring `Idempotency-Key`:
 * a retry answers what the first request created, with `idempotent-replayed: true`, and creates
 * nothing). The feature gives the schemas from its contract and the two service calls.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor, RequestMeta } from '../access/actor.ts';
import { actorOf, requestMeta } from '../plugins/auth.ts';
import { idempotencyKeyOf } from './idempotency.ts';
import type { WriteResult } from './write.ts';

type App = Parameters<FastifyPluginAsyncZod>[0];

export const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().max(200).optional().describe('A retry with the same key creates nothing new'),
});

/** `POST` answer of a create: 201, and the replay header when it was a retry. */
export type CreateRun<B> = (
  actor: Actor,
  body: B,
  key: string | undefined,
  meta: RequestMeta,
) => Promise<WriteResult<unknown>>;

export function listAndCreateRoutes<
  Query extends z.ZodType,
  Page extends z.ZodType,
  Body extends z.ZodType,
  Created extends z.ZodType,
>(
  app: App,
  path: string,
  spec: {
    tags: string[];
    list: {
      summary: string;
      querystring: Query;
      response: Page;
      run: (actor: Actor, query: z.output<Query>) => Promise<z.input<Page>>;
    };
    create: { summary: string; body: Body; response: Created; run: CreateRun<z.output<Body>> };
  },
): void {
  const { tags, list, create } = spec;
  // the schemas as plain zod types: each feature's types are checked where it calls this
  const schemas: Record<'query' | 'page' | 'body' | 'created', z.ZodType> = {
    query: list.querystring,
    page: list.response,
    body: create.body,
    created: create.response,
  };
  app.get(
    path,
    {
      schema: {
        tags,
        summary: list.summary,
        querystring: schemas.query,
        response: { 200: schemas.page },
      },
    },
    async (request) => list.run(actorOf(request), request.query as z.output<Query>),
  );
  app.post(
    path,
    {
      schema: {
        tags,
        summary: create.summary,
        headers: IdempotencyHeaders,
        body: schemas.body,
        response: { 201: schemas.created },
      },
    },
    async (request, reply) => {
      const r = await create.run(
        actorOf(request),
        request.body as z.output<Body>,
        idempotencyKeyOf(request),
        requestMeta(request),
      );
      if (r.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(r.body);
    },
  );
}
