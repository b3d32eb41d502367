/**
 * What the benchmarks share: timed set-up steps, the org tree they generate in SQL, and p50/p95 of
 * warm GETs through app.inject.
 */
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';

/** Runs a set-up step and prints how long it took. */
export async function step<T>(label: string, fn: () => Promise<T>, width = 52): Promise<T> {
  const start = performance.now();
  const r = await fn();
  console.info(`${label.padEnd(width)} ${((performance.now() - start) / 1000).toFixed(1).padStart(7)} s`);
  return r;
}

/** The p-th percentile (nearest rank). */
export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
}

/**
 * GETs `target` `warmup` times, then `requests` times timed; prints p50/p95 (and the size of the
 * answer) and returns the last body. A status other than 200 stops the benchmark.
 */
export async function measureGet(
  app: FastifyInstance,
  options: {
    label: string;
    target: string;
    cookie: string;
    requests: number;
    warmup?: number;
    width?: number;
  },
): Promise<string> {
  const { target, cookie, requests } = options;
  for (let i = 0; i < (options.warmup ?? 10); i++) await app.inject({ url: target, headers: { cookie } });
  const times: number[] = [];
  let body = '';
  for (let i = 0; i < requests; i++) {
    const start = performance.now();
    const res = await app.inject({ url: target, headers: { cookie } });
    times.push(performance.now() - start);
    if (res.statusCode !== 200) throw new Error(`${target}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    body = res.body;
  }
  console.info(
    `${options.label.padEnd(options.width ?? 56)} p50 ${pct(times, 50).toFixed(1).padStart(6)} ms   p95 ${pct(times, 95).toFixed(1).padStart(6)} ms   (${requests} warm, ${(body.length / 1024).toFixed(0)} KB)`,
  );
  return body;
}

/** 15 bureaus + 5 wards → 3 部 each → 4 課 each → 3 係 each (~1,000 units), codes `B01`, `B01-1`, … */
export async function seedOrgTree(sql: (text: string) => Promise<unknown>): Promise<void> {
  await sql(`INSERT INTO "org_unit" ("id","code","kind","nameJa","nameEn","path","bureauId","position","updatedAt")
    SELECT id, 'B' || lpad(n::text, 2, '0'), CASE WHEN n > 15 THEN 'ward' ELSE 'bureau' END::"OrgUnitKind",
           CASE WHEN n > 15 THEN '区' ELSE '局' END || n, 'Bureau ' || n, '/' || id || '/', id, n, now()
    FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, 20) n) b`);
  for (const [kind, per, parentKind] of [
    ['department', 3, "('bureau','ward')"],
    ['division', 4, "('department')"],
    ['section', 3, "('division')"],
  ] as const) {
    await sql(`WITH c AS MATERIALIZED (
        SELECT gen_random_uuid() AS id, k, p."id" AS "parentId", p."code", p."nameJa", p."nameEn", p."path", p."bureauId"
        FROM "org_unit" p CROSS JOIN generate_series(1, ${per}) k WHERE p."kind"::text IN ${parentKind})
      INSERT INTO "org_unit" ("id","code","kind","nameJa","nameEn","parentId","path","bureauId","position","updatedAt")
      SELECT c.id, c."code" || '-' || c.k, '${kind}', c."nameJa" || '-' || c.k, c."nameEn" || '-' || c.k, c."parentId",
             c."path" || c.id || '/', c."bureauId", c.k, now()
      FROM c`);
  }
}
