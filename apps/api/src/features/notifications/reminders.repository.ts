/** What the time-based reminders look for: each one query, whatever the number of people. */
import type { Db, Tx } from '../../db/client.ts';
import { Prisma } from '../../generated/prisma/client.ts';

type Client = Db | Tx;

/** Accepted places in scheduled sessions that start between `from` and `to`. */
export function placesStartingBetween(client: Client, from: Date, to: Date) {
  return client.trainingApplication.findMany({
    where: {
      status: 'accepted',
      session: { status: 'scheduled', startsAt: { gte: from, lte: to } },
    },
    select: {
      id: true,
      staffId: true,
      session: {
        select: {
          startsAt: true,
          venue: true,
          online: true,
          training: { select: { titleJa: true, titleEn: true } },
        },
      },
    },
  });
}

export type SessionLoad = {
  id: string;
  capacity: number;
  active: number;
  titleJa: string;
  titleEn: string;
  ownerBureauId: string | null;
  startsAt: Date;
};

/** A session's load: its seats and its live applications (the ones that still ask for a seat). */
const SESSION_LOAD = Prisma.sql`
    SELECT s.id, s.capacity, s."startsAt", t."titleJa", t."titleEn", t."ownerBureauId",
           (SELECT count(*)::int FROM training_application a
             WHERE a."sessionId" = s.id AND a.status IN ('applied', 'approved', 'accepted', 'waitlisted')) AS active
      FROM training_session s JOIN training t ON t.id = s."trainingId"`;

/** Scheduled sessions whose application deadline falls between the two days, with their live applications. */
export function sessionsClosingBetween(client: Client, from: Date, to: Date): Promise<SessionLoad[]> {
  return client.$queryRaw<SessionLoad[]>`${SESSION_LOAD}
     WHERE s.status = 'scheduled' AND s."applicationDeadline" BETWEEN ${from}::date AND ${to}::date`;
}

/** Those of the given scheduled sessions that have more live applications than seats. */
export function sessionsOverCapacity(client: Client, sessionIds: readonly string[]): Promise<SessionLoad[]> {
  return client.$queryRaw<SessionLoad[]>`SELECT * FROM (${SESSION_LOAD}
     WHERE s.status = 'scheduled' AND s.id = ANY(${[...sessionIds]}::uuid[])) l
     WHERE l.active > l.capacity`;
}

/** KPIs of published periods covering the 年度 that have no actual for it yet, by owning bureau. */
export function kpisWithoutActual(client: Client, fiscalYear: number) {
  return client.$queryRaw<{ ownerBureauId: string | null; count: number }[]>`
    SELECT k."ownerBureauId", count(*)::int AS count
      FROM kpi k JOIN plan_item i ON i.id = k."itemId" JOIN plan_period p ON p.id = i."periodId"
     WHERE p.status = 'published' AND ${fiscalYear} BETWEEN p."startFiscalYear" AND p."endFiscalYear"
       AND k.source = 'entered'
       AND NOT EXISTS (SELECT 1 FROM kpi_actual a WHERE a."kpiId" = k.id AND a."fiscalYear" = ${fiscalYear})
     GROUP BY k."ownerBureauId"`;
}

/**
 * People with a 年間OJT計画 for the 年度 whose last OJT (or the start of the 年度, when none) lies
 * further back than the plan's interval (365 days / planned sessions).
 */
export function ojtOverdue(client: Client, fiscalYear: number, fyStart: Date, day: Date) {
  return client.$queryRaw<{ staffId: string; last: Date; name: string; nameEn: string }[]>(Prisma.sql`
    SELECT p."staffId", st."nameJa" AS name, st."nameEn",
           GREATEST(max(o."occurredOn"), ${fyStart}::date) AS last
      FROM ojt_plan p
      JOIN staff st ON st.id = p."staffId" AND st."disabledAt" IS NULL
      LEFT JOIN ojt_session o ON o."traineeId" = p."staffId" AND o."occurredOn" <= ${day}::date
     WHERE p."fiscalYear" = ${fiscalYear} AND p."plannedSessions" > 0
     GROUP BY p."staffId", p."plannedSessions", st."nameJa", st."nameEn"
    HAVING GREATEST(max(o."occurredOn"), ${fyStart}::date) + ceil(365.0 / p."plannedSessions")::int < ${day}::date`);
}
