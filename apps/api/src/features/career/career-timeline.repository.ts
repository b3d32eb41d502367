/** The timeline's SQL: every dated thing of one person's history as one union, a page of it with its details. */
import type { Db, Tx } from '../../db/client.ts';
import { Prisma } from '../../generated/prisma/client.ts';

type Links = { staffImageIds: string[]; initiativeIds: string[] };
type UnitJson = {
  id: string;
  code: string;
  kind: 'bureau' | 'ward' | 'department' | 'division' | 'section';
  nameJa: string;
  nameEn: string;
};
/** One entry of the timeline with its details, as the timeline's statement reads them (JSON). */
export type TimelineEntry = { id: string; date: Date } & (
  | {
      kind: 'assignment';
      detail: {
        postJa: string | null;
        postEn: string | null;
        endsOn: string | null;
        grade: { id: string; code: string; rank: number; nameJa: string; nameEn: string };
        orgPath: UnitJson[];
      } | null;
    }
  | {
      kind: 'training';
      detail: (Links & { id: string; titleJa: string; titleEn: string; kind: string; hours: number }) | null;
    }
  | {
      kind: 'ojt';
      detail:
        | (Links & {
            topic: string;
            method: string;
            minutes: number;
            acknowledged: boolean;
            supervisor: { id: string; nameJa: string; nameEn: string };
          })
        | null;
    }
  | {
      kind: 'self_development' | 'qualification';
      detail:
        | (Links & {
            id: string;
            kind: 'qualification' | 'self_study' | 'correspondence' | 'other';
            title: string;
            provider: string | null;
            hours: number | null;
            completed: boolean;
          })
        | null;
    }
);

export type TimelineFilter = {
  staffId: string;
  kinds: string[] | undefined;
  staffImageId: string | undefined;
  /** Records linked to any of these initiatives (an initiative, or those that carry a tag) */
  initiativeIds: string[] | undefined;
  from: string | undefined;
  to: string | undefined;
};

/** Every dated thing of one person's history, as one SQL union (filtered, ordered, paged there). */
function timelineSql(f: TimelineFilter) {
  const where: Prisma.Sql[] = [];
  if (f.kinds?.length) where.push(Prisma.sql`kind = ANY(${f.kinds}::text[])`);
  if (f.staffImageId) where.push(Prisma.sql`${f.staffImageId}::uuid = ANY(si)`);
  if (f.initiativeIds) where.push(Prisma.sql`ini && ${f.initiativeIds}::uuid[]`);
  if (f.from) where.push(Prisma.sql`date >= ${f.from}::date`);
  if (f.to) where.push(Prisma.sql`date <= ${f.to}::date`);
  const filter = where.length ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty;
  return Prisma.sql`
    WITH items AS (
      SELECT 'assignment' AS kind, a.id, a."startsOn" AS date, '{}'::uuid[] AS si, '{}'::uuid[] AS ini
        FROM assignment a WHERE a."staffId" = ${f.staffId}::uuid
      UNION ALL
      SELECT 'training', ta.id,
             COALESCE(ta."completedOn", (ts."endsAt" AT TIME ZONE 'Asia/Tokyo')::date),
             t."staffImageIds", t."initiativeIds"
        FROM training_application ta
        JOIN training_session ts ON ts.id = ta."sessionId"
        JOIN training t ON t.id = ts."trainingId"
       WHERE ta."staffId" = ${f.staffId}::uuid AND ta.completed
      UNION ALL
      SELECT 'ojt', o.id, o."occurredOn", o."staffImageIds", o."initiativeIds"
        FROM ojt_session o WHERE o."traineeId" = ${f.staffId}::uuid
      UNION ALL
      SELECT CASE WHEN s.kind = 'qualification' THEN 'qualification' ELSE 'self_development' END, s.id,
             COALESCE(s."completedOn", s."startedOn", (s."createdAt" AT TIME ZONE 'Asia/Tokyo')::date),
             s."staffImageIds", s."initiativeIds"
        FROM self_development_record s WHERE s."staffId" = ${f.staffId}::uuid
    )
    SELECT kind, id, date FROM items ${filter}`;
}

/** The timeline, paged in one statement, on the client the caller passes. */
export const careerTimelineRepository = {
  /**
   * One page of the timeline with its total and each entry's details, in one statement: the union is
   * filtered, counted (a window over the filtered rows) and paged, and each entry of the page reads
   * its details as JSON (a post with its chain of units and grade; a course; an OJT session with its
   * supervisor; a self-development record). A page past the end counts again, alone.
   */
  async timeline(client: Db | Tx, f: TimelineFilter, page: number, pageSize: number) {
    const base = timelineSql(f);
    const rows = await client.$queryRaw<Array<TimelineEntry & { total: bigint }>>`
      WITH page AS (
        SELECT kind, id, date, count(*) OVER () AS total FROM (${base}) x
        ORDER BY date DESC, id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
      )
      SELECT p.kind, p.id, p.date, p.total, CASE p.kind
        WHEN 'assignment' THEN (
          SELECT jsonb_build_object(
            'postJa', a."postJa", 'postEn', a."postEn", 'endsOn', a."endsOn",
            'grade', jsonb_build_object('id', g.id, 'code', g.code, 'rank', g.rank,
                                        'nameJa', g."nameJa", 'nameEn', g."nameEn"),
            'orgPath', (
              SELECT COALESCE(jsonb_agg(jsonb_build_object('id', u.id, 'code', u.code, 'kind', u.kind,
                                                           'nameJa', u."nameJa", 'nameEn', u."nameEn")
                                        ORDER BY c.n), '[]'::jsonb)
                FROM unnest(string_to_array(btrim(ou.path, '/'), '/')) WITH ORDINALITY AS c(unit, n)
                JOIN org_unit u ON u.id::text = c.unit))
            FROM assignment a
            JOIN grade g ON g.id = a."gradeId"
            JOIN org_unit ou ON ou.id = a."orgUnitId"
           WHERE a.id = p.id)
        WHEN 'training' THEN (
          SELECT jsonb_build_object('id', t.id, 'titleJa', t."titleJa", 'titleEn', t."titleEn",
                                    'kind', t.kind, 'hours', t.hours,
                                    'staffImageIds', t."staffImageIds", 'initiativeIds', t."initiativeIds")
            FROM training_application ta
            JOIN training_session ts ON ts.id = ta."sessionId"
            JOIN training t ON t.id = ts."trainingId"
           WHERE ta.id = p.id)
        WHEN 'ojt' THEN (
          SELECT jsonb_build_object('topic', o.topic, 'method', o.method, 'minutes', o.minutes,
                                    'acknowledged', o."acknowledgedAt" IS NOT NULL,
                                    'staffImageIds', o."staffImageIds", 'initiativeIds', o."initiativeIds",
                                    'supervisor', jsonb_build_object('id', s.id, 'nameJa', s."nameJa",
                                                                     'nameEn', s."nameEn"))
            FROM ojt_session o JOIN staff s ON s.id = o."supervisorId"
           WHERE o.id = p.id)
        ELSE (
          SELECT jsonb_build_object('id', r.id, 'kind', r.kind, 'title', r.title, 'provider', r.provider,
                                    'hours', r.hours, 'completed', r."completedOn" IS NOT NULL,
                                    'staffImageIds', r."staffImageIds", 'initiativeIds', r."initiativeIds")
            FROM self_development_record r
           WHERE r.id = p.id)
        END AS detail
      FROM page p
      ORDER BY p.date DESC, p.id DESC`;
    const total =
      rows.length > 0
        ? Number(rows[0]?.total ?? 0)
        : page === 1
          ? 0
          : Number(
              (await client.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM (${base}) x`)[0]
                ?.total ?? 0,
            );
    return { rows: rows.map(({ total: _total, ...row }) => row), total };
  },
};
