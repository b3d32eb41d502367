/**
 * A property-based fuzz test over every route of the OpenAPI document: generated bad bodies, queries
 * and path parameters (NUL bytes, unpaired surrogates, impossible dates, huge and negative numbers,
 * wrong types, unknown ids, long strings), sent as HR — who may reach the most — and as a member of
 * staff. Whatever arrives: never a 5xx, a 4xx is always problem+json, and a refused request writes
 * nothing. FUZZ_RUNS sets the cases per route and role (default 16: some 2,400 requests in all).
 */

import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, useTestApp } from './app.ts';

const ctx = useTestApp();
const RUNS = Number(process.env.FUZZ_RUNS ?? 16);

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  $ref?: string;
};
type Operation = {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
type Route = { method: string; path: string; operation: Operation };

/** Routes the fuzzer leaves alone: ending the session would turn every later case into a 401. */
const SKIP = new Set(['POST /api/auth/logout']);

/** Strings that have broken servers: what PostgreSQL cannot store, dates that are not, sizes, syntax. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '2026-13-45T99:00',
  '2026-02-30',
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59+14:00',
  '275760-09-13',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e400',
  '99999999999999999999999',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  "'; DROP TABLE staff; --",
  '%00',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '😀'.repeat(50),
  'あ'.repeat(5000),
  'x'.repeat(100_000),
  '__proto__',
  'constructor',
  'true',
  'null',
];

const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string().map((s) => `${s}\u0000`) },
);

const nastyNumber = fc.oneof(
  fc.constantFrom(0, -1, -0, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, Number.MAX_SAFE_INTEGER),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON at all: wrong types, nesting, prototype keys. */
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant({ __proto__: { admin: true } }),
  fc.constant({ constructor: { prototype: { admin: true } } }),
  nastyString,
  nastyNumber,
);

function resolve(schema: JsonSchema | undefined, doc: Record<string, unknown>): JsonSchema {
  if (!schema?.$ref) return schema ?? {};
  const target = schema.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
  return (target as JsonSchema | undefined) ?? {};
}

/** A plausible value for a schema (so that the request gets past the first field), or a bad one. */
function valueFor(schema: JsonSchema, doc: Record<string, unknown>, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  const bad = depth > 3 ? nastyString : fc.oneof(nastyString, nastyNumber, anyJson);
  const choices = s.anyOf ?? s.oneOf;
  if (choices?.length) {
    return fc.oneof(...choices.map((c) => valueFor(c, doc, depth + 1)), bad);
  }
  if (s.allOf?.length) return valueFor(s.allOf[0] ?? {}, doc, depth + 1);
  let good: fc.Arbitrary<unknown>;
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (s.enum?.length) good = fc.constantFrom(...s.enum);
  else if (s.const !== undefined) good = fc.constant(s.const);
  else if (type === 'string') {
    good =
      s.format === 'uuid'
        ? fc.uuid()
        : s.format === 'date'
          ? fc.constantFrom('2026-04-01', '2026-02-30', '1899-12-31', '2026-4-1')
          : s.format === 'date-time'
            ? fc.constantFrom('2026-04-01T09:00:00+09:00', '2026-13-45T99:00', '2026-04-01T09:00:00')
            : fc.string({ maxLength: Math.min(s.maxLength ?? 40, 60) });
  } else if (type === 'integer' || type === 'number') {
    good = fc.integer({ min: Math.max(s.minimum ?? -10, -1e6), max: Math.min(s.maximum ?? 1000, 1e6) });
  } else if (type === 'boolean') good = fc.boolean();
  else if (type === 'array') good = fc.array(valueFor(s.items ?? {}, doc, depth + 1), { maxLength: 4 });
  else if (type === 'object' || s.properties) good = objectFor(s, doc, depth + 1);
  else good = anyJson;
  return fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: bad });
}

function objectFor(schema: JsonSchema, doc: Record<string, unknown>, depth: number): fc.Arbitrary<unknown> {
  const properties = Object.entries(resolve(schema, doc).properties ?? {});
  if (depth > 4 || properties.length === 0) return fc.dictionary(nastyString, anyJson, { maxKeys: 3 });
  return fc
    .tuple(
      fc.record(Object.fromEntries(properties.map(([k, v]) => [k, valueFor(v, doc, depth)])), {
        requiredKeys: [],
      }),
      fc.dictionary(nastyString, anyJson, { maxKeys: 2 }),
    )
    .map(([known, unknownKeys]) => ({ ...unknownKeys, ...known }));
}

function routesOf(doc: Record<string, unknown>): Route[] {
  const paths = doc.paths as Record<string, Record<string, Operation>>;
  return Object.entries(paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, operation }))
      .filter((r) => !SKIP.has(`${r.method} ${r.path}`)),
  );
}

/** The query counting the rows a refused request must leave as they were (built once: no route adds a table). */
let rowCount: string | undefined;

/** Rows a refused request must leave as they were (the audit of refusals and rate limits aside). */
async function writtenRows(app: FastifyInstance): Promise<number> {
  if (!rowCount) {
    const tables = await app.db.$queryRaw<{ name: string }[]>`
      SELECT quote_ident(tablename) AS name FROM pg_tables
      WHERE schemaname = 'public' AND tablename NOT IN ('rate_limit_bucket', 'audit_log', '_prisma_migrations')`;
    const sum = tables.map((t) => `(SELECT count(*) FROM ${t.name})`).join(' + ');
    rowCount = `SELECT ${sum} AS n, (SELECT count(*) FROM audit_log
       WHERE action NOT IN ('access.denied', 'auth.login_failed', 'auth.login_locked')) AS audit`;
  }
  const [row] = await app.db.$queryRawUnsafe<{ n: bigint; audit: bigint }[]>(rowCount);
  return Number(row?.n ?? 0) + Number(row?.audit ?? 0);
}

/** Ids of real records, gathered from every list the reader can open: the fuzzer reaches the services with them. */
function idsIn(value: unknown, found: Set<string>): Set<string> {
  if (
    typeof value === 'string' &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)
  ) {
    found.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) idsIn(v, found);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) idsIn(v, found);
  }
  return found;
}

/**
 * The first `bytes` UTF-8 bytes as escapes (an unpaired surrogate becomes U+FFFD's, where
 * encodeURIComponent throws); only those are escaped, not all of a 100,000-character string.
 */
const percentEncoded = (s: string, bytes: number) =>
  [...Buffer.from(s, 'utf8').subarray(0, bytes)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

let doc: Record<string, unknown>;
let routes: Route[];
const realIds = new Set<string>();

beforeAll(async () => {
  const { app } = ctx();
  doc = (await app.inject({ url: '/api/openapi.json' })).json();
  routes = routesOf(doc);
  const cookie = await signIn(app, 'demo-hr');
  for (const r of routes.filter((r) => r.method === 'GET' && !r.path.includes('{'))) {
    const res = await app.inject({ url: r.path, headers: { cookie } });
    if (res.statusCode === 200 && String(res.headers['content-type']).includes('json'))
      idsIn(res.json(), realIds);
  }
});

describe('fuzzing every route of the OpenAPI document', () => {
  it('covers the routes of the document', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(realIds.size).toBeGreaterThan(10);
  });

  it('refuses a NUL byte in every text field of every route as 400 naming the field', async () => {
    const { app } = ctx();
    const cookie = await signIn(app, 'demo-hr');
    const id = [...realIds][0] ?? '00000000-0000-4000-8000-000000000000';
    let swept = 0;
    for (const route of routes) {
      const parameters = route.operation.parameters ?? [];
      const bodySchema = resolve(route.operation.requestBody?.content?.['application/json']?.schema, doc);
      const bodyTexts = Object.entries(bodySchema.properties ?? {})
        .filter(([, p]) => {
          const r = resolve(p, doc);
          return r.type === 'string' || (Array.isArray(r.type) && r.type.includes('string'));
        })
        .map(([name]) => name);
      const targets = [
        ...parameters.filter((p) => p.in === 'path').map((p) => ({ where: 'params', name: p.name })),
        ...parameters
          .filter((p) => p.in === 'query' && resolve(p.schema, doc).type === 'string')
          .map((p) => ({ where: 'query', name: p.name })),
        ...bodyTexts.map((name) => ({ where: 'body', name })),
      ];
      for (const target of targets) {
        let url = route.path;
        for (const p of parameters.filter((p) => p.in === 'path')) {
          url = url.replace(
            `{${p.name}}`,
            target.where === 'params' && target.name === p.name ? 'a%00b' : id,
          );
        }
        if (target.where === 'query') url += `?${target.name}=a%00b`;
        const body = target.where === 'body' ? { [target.name]: 'a\u0000b' } : undefined;
        const res = await app.inject({
          method: route.method as 'GET',
          url,
          headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
          ...(body ? { payload: JSON.stringify(body) } : {}),
        });
        const where = `${route.method} ${route.path} ${target.where}.${target.name} → ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect(res.statusCode, where).toBe(400);
        expect(res.headers['content-type'], where).toContain('application/problem+json');
        expect(JSON.stringify(res.json()), where).toContain(`${target.where}.${target.name}`);
        swept++;
      }
    }
    expect(swept).toBeGreaterThan(40);
  }, 120_000);

  // Staff first: HR's accepted writes reach real ids, and may disable or re-invite the demo member of
  // staff (then signing in as them fails); nothing staff may write reaches HR's account.
  for (const login of ['demo-staff', 'demo-hr']) {
    it(`never answers 5xx, answers 4xx as problem+json and writes nothing when it refuses (${login})`, async () => {
      const { app } = ctx();
      let cookie = await signIn(app, login);
      const ids = [...realIds];
      const pathParam = fc.oneof(
        { weight: 3, arbitrary: ids.length ? fc.constantFrom(...ids) : fc.uuid() },
        { weight: 1, arbitrary: fc.uuid() },
        { weight: 2, arbitrary: nastyString.map((s) => percentEncoded(s, 100) || '%20') },
        // Escapes that decode to NUL, to an encoded surrogate or to nothing valid at all
        {
          weight: 1,
          arbitrary: fc.constantFrom('%00', 'a%00b', '%ED%A0%80', '%E0%A4%A', '%FF', '%2e%2e', '%'),
        },
      );
      const seen: string[] = [];
      for (const route of routes) {
        const params = (route.operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        const queryNames = (route.operation.parameters ?? []).filter((p) => p.in === 'query');
        const bodySchema = route.operation.requestBody?.content?.['application/json']?.schema;
        const request = fc.record({
          params: fc.tuple(...params.map(() => pathParam)),
          query: fc.tuple(
            fc.record(Object.fromEntries(queryNames.map((q) => [q.name, valueFor(q.schema ?? {}, doc)])), {
              requiredKeys: [],
            }),
            fc.dictionary(fc.constantFrom('page', 'pageSize', 'q', 'x', 'from', 'to'), nastyString, {
              maxKeys: 2,
            }),
          ),
          body: bodySchema
            ? fc.oneof({ weight: 4, arbitrary: valueFor(bodySchema, doc) }, { weight: 1, arbitrary: anyJson })
            : fc.constant(undefined),
          idempotencyKey: fc.option(fc.constantFrom('fuzz-key', 'a'.repeat(300), '\t'), { nil: undefined }),
        });
        await fc.assert(
          fc.asyncProperty(
            request,
            async ({ params: values, query: [known, extra], body, idempotencyKey }) => {
              let url = route.path;
              params.forEach((name, i) => {
                url = url.replace(`{${name}}`, String(values[i]));
              });
              const search = new URLSearchParams();
              for (const [k, v] of Object.entries({ ...extra, ...known })) {
                for (const item of Array.isArray(v) ? v : [v]) {
                  search.append(k, typeof item === 'string' ? item : JSON.stringify(item));
                }
              }
              const qs = search.toString();
              const before = route.method === 'GET' ? 0 : await writtenRows(app);
              const res = await app.inject({
                method: route.method as 'GET',
                url: qs ? `${url}?${qs}` : url,
                headers: {
                  cookie,
                  ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
                  ...(body === undefined ? {} : { 'content-type': 'application/json' }),
                },
                ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
              });
              const where = `${route.method} ${url}${qs ? `?${qs.slice(0, 200)}` : ''} ${JSON.stringify(body)?.slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
              expect(res.statusCode, where).toBeLessThan(500);
              if (res.statusCode >= 400) {
                expect(res.headers['content-type'], where).toContain('application/problem+json');
                if (route.method !== 'GET') expect(await writtenRows(app), where).toBe(before);
              }
              if (res.statusCode === 401) cookie = await signIn(app, login);
            },
          ),
          { numRuns: RUNS, endOnFailure: true },
        );
        seen.push(`${route.method} ${route.path}`);
      }
      expect(seen.length).toBe(routes.length);
    }, 300_000);
  }
});
