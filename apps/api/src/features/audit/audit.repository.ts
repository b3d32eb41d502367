import { AUDIT_ACTIONS } from '@portal/contracts';
import type { Db, Tx } from '../../db/client.ts';
import { Prisma } from '../../generated/prisma/client.ts';

type Client = Db | Tx;

export type AuditFilter = {
  actorId?: string;
  /** A known action (exact), or a prefix of actions (`plan.` for every plan write) */
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  /** Entries older than this id */
  before?: bigint;
};

export type AuditRow = {
  id: bigint;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
  targetJa: string | null;
  targetEn: string | null;
  targetPath: string | null;
};

const KNOWN = new Set<string>(AUDIT_ACTIONS);

function whereOf(f: AuditFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (f.actorId) parts.push(Prisma.sql`a."actorId" = ${f.actorId}::uuid`);
  if (f.action) {
    parts.push(
      KNOWN.has(f.action)
        ? Prisma.sql`a.action = ${f.action}`
        : Prisma.sql`a.action LIKE ${`${f.action.replace(/[\\%_]/g, '\\$&')}%`}`,
    );
  }
  if (f.entityType) parts.push(Prisma.sql`a."entityType" = ${f.entityType}`);
  if (f.entityId) parts.push(Prisma.sql`a."entityId" = ${f.entityId}`);
  if (f.from) parts.push(Prisma.sql`a.at >= ${new Date(f.from)}`);
  if (f.to) parts.push(Prisma.sql`a.at <= ${new Date(f.to)}`);
  if (f.before !== undefined) parts.push(Prisma.sql`a.id < ${f.before}`);
  return Prisma.join(parts, ' AND ');
}

/**
 * Newest first: at most `take` entries matching the filter, each with its actor's name and its target's
 * name (ja/en) and page, resolved in this one statement. A target is looked up by the kind it names;
 * an id that is not a UUID (a roster upload's token) or a record since deleted has no name.
 */
export function auditEntries(db: Client, f: AuditFilter, take: number): Promise<AuditRow[]> {
  return db.$queryRaw<AuditRow[]>`
    WITH page AS (
      SELECT a.*,
             CASE WHEN a."entityId" ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                  THEN a."entityId"::uuid END AS tid
        FROM audit_log a
       WHERE ${whereOf(f)}
       ORDER BY a.id DESC
       LIMIT ${take}
    )
    SELECT p.id, p.at, p."actorId", actor."nameJa" AS "actorName", p.action, p."entityType", p."entityId",
           p.before, p.after, p.ip, p."requestId",
           t.ja AS "targetJa", t.en AS "targetEn", t.path AS "targetPath"
      FROM page p
      LEFT JOIN staff actor ON actor.id = p."actorId"
      LEFT JOIN LATERAL (
        SELECT s."nameJa" AS ja, s."nameEn" AS en, '/staff/' || s.id AS path
          FROM staff s
         WHERE p."entityType" IN ('staff', 'one_on_one_cadence', 'notification_settings') AND s.id = p.tid
        UNION ALL
        SELECT pp."nameJa", pp."nameEn", '/plan/periods/' || pp.id FROM plan_period pp
         WHERE p."entityType" = 'plan_period' AND pp.id = p.tid
        UNION ALL
        SELECT i."titleJa", i."titleEn", '/plan/periods/' || i."periodId" || '/items/' || i.id FROM plan_item i
         WHERE p."entityType" = 'plan_item' AND i.id = p.tid
        UNION ALL
        SELECT k."nameJa", k."nameEn", '/plan/periods/' || i."periodId" || '/items/' || i.id
          FROM kpi k JOIN plan_item i ON i.id = k."itemId"
         WHERE p."entityType" = 'kpi' AND k.id = p.tid
        UNION ALL
        SELECT s."nameJa" || '（' || c."fiscalYear" || '年度）', s."nameEn" || ' (FY' || c."fiscalYear" || ')',
               '/staff/' || s.id || '/career'
          FROM career_plan c JOIN staff s ON s.id = c."staffId"
         WHERE p."entityType" = 'career_plan' AND c.id = p.tid
        UNION ALL
        SELECT s."nameJa" || '：' || r.title, s."nameEn" || ': ' || r.title, '/staff/' || s.id || '/career'
          FROM self_development_record r JOIN staff s ON s.id = r."staffId"
         WHERE p."entityType" = 'self_development_record' AND r.id = p.tid
        UNION ALL
        SELECT s."nameJa" || '（' || o."fiscalYear" || '年度）', s."nameEn" || ' (FY' || o."fiscalYear" || ')',
               '/staff/' || s.id || '/ojt-plan'
          FROM ojt_plan o JOIN staff s ON s.id = o."staffId"
         WHERE p."entityType" = 'ojt_plan' AND o.id = p.tid
        UNION ALL
        SELECT s."nameJa" || '（' || to_char(o."occurredOn", 'YYYY-MM-DD') || '）',
               s."nameEn" || ' (' || to_char(o."occurredOn", 'YYYY-MM-DD') || ')', '/staff/' || s.id
          FROM ojt_session o JOIN staff s ON s.id = o."traineeId"
         WHERE p."entityType" = 'ojt_session' AND o.id = p.tid
        UNION ALL
        SELECT s."nameJa" || '（' || to_char(o."heldOn", 'YYYY-MM-DD') || '）',
               s."nameEn" || ' (' || to_char(o."heldOn", 'YYYY-MM-DD') || ')', '/one-on-ones/' || o.id
          FROM one_on_one o JOIN staff s ON s.id = o."staffId"
         WHERE p."entityType" = 'one_on_one' AND o.id = p.tid
        UNION ALL
        SELECT s."nameJa" || '（' || to_char(o."heldOn", 'YYYY-MM-DD') || '）',
               s."nameEn" || ' (' || to_char(o."heldOn", 'YYYY-MM-DD') || ')', '/one-on-ones/' || o.id
          FROM one_on_one_action x JOIN one_on_one o ON o.id = x."oneOnOneId" JOIN staff s ON s.id = o."staffId"
         WHERE p."entityType" = 'one_on_one_action' AND x.id = p.tid
        UNION ALL
        SELECT tr."titleJa", tr."titleEn", '/training/' || tr.id FROM training tr
         WHERE p."entityType" = 'training' AND tr.id = p.tid
        UNION ALL
        SELECT tr."titleJa" || '（' || to_char(ts."startsAt" AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') || '）',
               tr."titleEn" || ' (' || to_char(ts."startsAt" AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') || ')',
               '/training/sessions/' || ts.id
          FROM training_session ts JOIN training tr ON tr.id = ts."trainingId"
         WHERE p."entityType" = 'training_session' AND ts.id = p.tid
        UNION ALL
        SELECT s."nameJa" || '：' || tr."titleJa", s."nameEn" || ': ' || tr."titleEn",
               '/training/sessions/' || ts.id
          FROM training_application ap JOIN staff s ON s.id = ap."staffId"
          JOIN training_session ts ON ts.id = ap."sessionId" JOIN training tr ON tr.id = ts."trainingId"
         WHERE p."entityType" = 'training_application' AND ap.id = p.tid
        UNION ALL
        SELECT r."titleJa", r."titleEn", '/self-declaration-rounds' FROM self_declaration_round r
         WHERE p."entityType" = 'self_declaration_round' AND r.id = p.tid
        UNION ALL
        SELECT s."nameJa" || '：' || r."titleJa", s."nameEn" || ': ' || r."titleEn",
               '/team/self-declarations/' || r.id || '/' || s.id
          FROM self_declaration d JOIN staff s ON s.id = d."staffId" JOIN self_declaration_round r ON r.id = d."roundId"
         WHERE p."entityType" = 'self_declaration' AND d.id = p.tid
        UNION ALL
        SELECT sv."titleJa", sv."titleEn", '/surveys/' || sv.id || '/edit' FROM survey sv
         WHERE p."entityType" = 'survey' AND sv.id = p.tid
        UNION ALL
        SELECT q."textJa", q."textEn", '/surveys/questions' FROM survey_question q
         WHERE p."entityType" = 'survey_question' AND q.id = p.tid
        LIMIT 1
      ) t ON TRUE
     ORDER BY p.id DESC`;
}
