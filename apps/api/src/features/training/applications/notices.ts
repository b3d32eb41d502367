/**
 * What an application's step tells whom, in the step's transaction (`notify`): the supervisor that an
 * application or a practice report waits for them, the course's managers (HR or the owning bureau) that
 * one waits for acceptance, the applicant what became of it. Texts name the person and the course only.
 */
import type { NotificationKind } from '@portal/contracts';
import type { Tx } from '../../../db/client.ts';
import { type Notice, notify } from '../../notifications/notify.ts';
import { courseManagers, supervisorsOf } from '../../notifications/recipients.repository.ts';
import { applicationRepository } from '../training-application.repository.ts';

export type ApplicationNotice = Extract<
  NotificationKind,
  `training.application.${string}` | 'training.practice_report.submitted' | 'training.after_course.due'
>;

const LINK: Record<'supervisor' | 'manager' | 'applicant', string> = {
  supervisor: '/training/approvals',
  manager: '/training/acceptance',
  applicant: '/training/applications',
};

function audience(kind: ApplicationNotice): keyof typeof LINK {
  if (kind === 'training.application.submitted' || kind === 'training.practice_report.submitted') {
    return 'supervisor';
  }
  return kind === 'training.application.awaiting_acceptance' ? 'manager' : 'applicant';
}

/** Tells the people `kind` concerns about each of these applications; `by` (the actor) is never told. */
export async function tellApplications(
  tx: Tx,
  kind: ApplicationNotice,
  applicationIds: readonly string[],
  by?: string,
): Promise<void> {
  if (!applicationIds.length) return;
  const apps = await applicationRepository.noticeRows(tx, applicationIds);
  const who = audience(kind);
  const supervisors =
    who === 'supervisor'
      ? await supervisorsOf(
          tx,
          apps.map((a) => a.staffId),
        )
      : new Map<string, string[]>();
  const managers = new Map<string | null, string[]>();
  if (who === 'manager') {
    for (const owner of new Set(apps.map((a) => a.session.training.ownerBureauId))) {
      managers.set(owner, await courseManagers(tx, owner));
    }
  }
  const notices: Notice[] = apps.map((a) => ({
    to:
      who === 'applicant'
        ? [a.staffId]
        : who === 'supervisor'
          ? (supervisors.get(a.staffId) ?? [])
          : (managers.get(a.session.training.ownerBureauId) ?? []),
    kind,
    link: LINK[who],
    params: {
      name: a.staff.nameJa,
      nameEn: a.staff.nameEn,
      title: a.session.training.titleJa,
      titleEn: a.session.training.titleEn,
      startsAt: a.session.startsAt.toISOString(),
    },
    by,
  }));
  await notify(tx, notices);
}
