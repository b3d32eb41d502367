/**
 * 一括指名 (bulk enrolment) in the notifications, mirroring a single enrolment: when HR accepts an
 * application the person is told "you have a place" or "you are on the waiting list", and nobody else
 * (supervisors are told only when their approval is wanted, and an enrolment asks none). A batch tells
 * each enrolled person the same, in one INSERT for the whole batch. Undoing the batch takes back the
 * notices of the enrolments it removed; a person who had already seen theirs (read it, or its mail went
 * out) is told the enrolment was withdrawn — nobody keeps a notice about a place that no longer exists.
 */
import type { Tx } from '../../db/client.ts';
import { removeByKeys } from './notification.repository.ts';
import { type Notice, notify } from './notify.ts';

const keyOf = (applicationId: string) => `enrolled:${applicationId}`;

type Enrolment = { id: string; staffId: string; status: string };
type Course = { trainingId: string; titleJa: string; titleEn: string; startsAt: Date };

/** Tells each person of a batch their place or their place on the waiting list. */
export async function tellEnrolled(
  tx: Tx,
  enrolments: readonly Enrolment[],
  course: Course,
  by: string,
): Promise<void> {
  const params = { title: course.titleJa, titleEn: course.titleEn, startsAt: course.startsAt.toISOString() };
  const notices: Notice[] = enrolments.map((e) => ({
    to: [e.staffId],
    kind: e.status === 'accepted' ? 'training.application.accepted' : 'training.application.waitlisted',
    link: '/training/applications',
    params,
    by,
    dedupeKey: keyOf(e.id),
  }));
  await notify(tx, notices);
}

/** After a batch's enrolments were removed: their notices go, and who had seen one is told. */
export async function tellEnrolmentsUndone(
  tx: Tx,
  removed: readonly { id: string; staffId: string }[],
  course: Course,
  by: string,
): Promise<void> {
  if (!removed.length) return;
  const taken = await removeByKeys(
    tx,
    removed.map((r) => ({ recipientId: r.staffId, dedupeKey: keyOf(r.id) })),
  );
  const seen = taken.filter((t) => t.seen).map((t) => t.recipientId);
  await notify(tx, [
    {
      to: seen,
      kind: 'training.assignment.undone',
      link: `/training/${course.trainingId}`,
      params: { title: course.titleJa, titleEn: course.titleEn, startsAt: course.startsAt.toISOString() },
      by,
    },
  ]);
}
