/**
 * Demo notifications: what the demo's own records would have told people — applications waiting for a
 * supervisor, OJT sessions waiting for the trainee's acknowledgement — so the bell has something to
 * show. Written through `notify` with a key per record (safe to run again) and never mailed.
 */
import { notify } from '../../features/notifications/notify.ts';
import { namesOf, supervisorsOf } from '../../features/notifications/recipients.repository.ts';
import type { Db } from '../client.ts';
import type { DemoSeeder } from './demo-activity.seed.ts';

export const demoNotificationsSeeder: DemoSeeder = {
  name: 'notifications',
  async seed(db: Db) {
    await db.$transaction(
      async (tx) => {
        const waiting = await tx.trainingApplication.findMany({
          where: { status: 'applied' },
          orderBy: { id: 'asc' },
          take: 40,
          select: {
            id: true,
            staffId: true,
            staff: { select: { nameJa: true, nameEn: true } },
            session: { select: { training: { select: { titleJa: true, titleEn: true } } } },
          },
        });
        const supervisors = await supervisorsOf(
          tx,
          waiting.map((a) => a.staffId),
        );
        await notify(
          tx,
          waiting.map((a) => ({
            to: supervisors.get(a.staffId) ?? [],
            kind: 'training.application.submitted' as const,
            link: '/training/approvals',
            params: {
              name: a.staff.nameJa,
              nameEn: a.staff.nameEn,
              title: a.session.training.titleJa,
              titleEn: a.session.training.titleEn,
            },
            dedupeKey: `demo:application:${a.id}`,
          })),
        );
        const unacknowledged = await tx.ojtSession.findMany({
          where: { acknowledgedAt: null },
          orderBy: { occurredOn: 'desc' },
          take: 40,
          select: { id: true, traineeId: true, supervisorId: true, occurredOn: true },
        });
        const names = await namesOf(
          tx,
          unacknowledged.map((s) => s.supervisorId),
        );
        await notify(
          tx,
          unacknowledged.map((s) => ({
            to: [s.traineeId],
            kind: 'ojt.session.logged' as const,
            link: '/ojt',
            params: { ...names.get(s.supervisorId), date: s.occurredOn.toISOString().slice(0, 10) },
            dedupeKey: `demo:ojt:${s.id}`,
          })),
        );
        // the demo's past is not mailed
        await tx.notification.updateMany({
          where: { dedupeKey: { startsWith: 'demo:' }, mailState: 'new' },
          data: { mailState: 'off' },
        });
      },
      { timeout: 60_000 },
    );
  },
};
