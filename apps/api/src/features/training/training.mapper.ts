/** Rows → the contract's shapes. Pure functions: every lookup they need is passed in. */
import {
  type MyTrainingProgress,
  type OrgUnitRef,
  type Training,
  type TrainingApplication,
  type TrainingApplicationStatus,
  type TrainingPersonRef,
  type TrainingSession,
  type TrainingSessionBrief,
  trainingTargetMisses,
} from '@portal/contracts';
import { today } from '../../access/access.ts';
import { gradeRef, unitRef } from '../../shared/refs.ts';
import { expandPolicyLinks, type PolicyCatalog } from '../policy/policy-links.ts';
import type { ApplicationRow, SessionRow, TrainingRow } from './training.repository.ts';

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
/** The calendar day in Japan of an instant, as `YYYY-MM-DD`. */
export const japanDay = (d: Date) => isoDate(today(d));

type UnitRow = { id: string; code: string; kind: OrgUnitRef['kind']; nameJa: string; nameEn: string };
type GradeRow = { id: string; code: string; rank: number; nameJa: string; nameEn: string };
type NamedRow = { id: string; code: string; nameJa: string; nameEn: string };
type PersonRow = { id: string; nameJa: string; nameEn: string };

export { gradeRef, unitRef };

const personRef = (p: PersonRow): TrainingPersonRef => ({ id: p.id, name: p.nameJa, nameEn: p.nameEn });

export type TrainingContext = {
  catalog: PolicyCatalog;
  grades: Map<string, GradeRow>;
  jobFamilies: Map<string, NamedRow>;
  units: Map<string, UnitRow>;
  upcoming: Map<string, SessionRow[]>;
  progress: Map<string, MyTrainingProgress>;
  feedback: Map<string, { count: number; satisfaction: number; usefulness: number }>;
  canManage: (t: TrainingRow) => boolean;
  today: Date;
};

export function sessionBrief(s: SessionRow): TrainingSessionBrief {
  return {
    id: s.id,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    applicationDeadline: isoDate(s.applicationDeadline),
    online: s.online,
    venue: s.venue,
    seatsLeft: Math.max(0, s.capacity - s.acceptedCount),
  };
}

export function toTraining(t: TrainingRow, ctx: TrainingContext): Training {
  const upcoming = ctx.upcoming.get(t.id) ?? [];
  const nextOpen = upcoming.find((s) => s.applicationDeadline >= ctx.today);
  const manage = ctx.canManage(t);
  return {
    id: t.id,
    code: t.code,
    title: { ja: t.titleJa, en: t.titleEn },
    description: { ja: t.descriptionJa, en: t.descriptionEn },
    kind: t.kind,
    ownerBureau: t.ownerBureauId ? unitOrNull(ctx.units.get(t.ownerBureauId)) : null,
    targetGrades: t.targetGradeIds
      .flatMap((id) => ctx.grades.get(id) ?? [])
      .sort((a, b) => a.rank - b.rank)
      .map(gradeRef),
    targetJobFamilies: t.targetJobFamilyIds
      .flatMap((id) => ctx.jobFamilies.get(id) ?? [])
      .map((j) => ({ id: j.id, code: j.code, name: { ja: j.nameJa, en: j.nameEn } })),
    hours: t.hours,
    links: expandPolicyLinks(ctx.catalog, t),
    fiscalYears: [...t.fiscalYears].sort((a, b) => a - b),
    mandatory: t.mandatory,
    active: t.active,
    version: t.version,
    canManage: manage,
    upcomingSessions: upcoming.length,
    nextOpenSession: nextOpen ? sessionBrief(nextOpen) : null,
    myProgress: ctx.progress.get(t.id) ?? 'none',
    feedback: manage ? (ctx.feedback.get(t.id) ?? null) : null,
  };
}

function unitOrNull(u: UnitRow | undefined): OrgUnitRef | null {
  return u ? unitRef(u) : null;
}

/** completed > enrolled > pending > none, over a person's applications to one course. */
export function progressOf(
  apps: { status: TrainingApplicationStatus; completed: boolean; session: { endsAt: Date } }[],
  now: Date,
): MyTrainingProgress {
  if (apps.some((a) => a.completed)) return 'completed';
  if (apps.some((a) => a.status === 'accepted' && a.session.endsAt > now)) return 'enrolled';
  if (apps.some((a) => ['applied', 'approved', 'waitlisted'].includes(a.status))) return 'pending';
  return 'none';
}

export function toSession(
  s: SessionRow,
  counts: Partial<Record<TrainingApplicationStatus, number>>,
  mine: TrainingSession['myApplication'],
  day: Date,
): TrainingSession {
  return {
    id: s.id,
    trainingId: s.trainingId,
    fiscalYear: s.fiscalYear,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    venue: s.venue,
    online: s.online,
    capacity: s.capacity,
    acceptedCount: s.acceptedCount,
    waitlistedCount: counts.waitlisted ?? 0,
    pendingCount: (counts.applied ?? 0) + (counts.approved ?? 0),
    applicationDeadline: isoDate(s.applicationDeadline),
    status: s.status,
    open: s.status === 'scheduled' && s.applicationDeadline >= day,
    version: s.version,
    myApplication: mine,
  };
}

export type ApplicationContext = {
  readerId: string;
  people: Map<string, PersonRow>;
  positions: Map<string, number>;
  /** Applicants the reader supervises */
  supervised: Set<string>;
  /** Whether the reader manages the course of this application */
  manages: (a: ApplicationRow) => boolean;
  today: Date;
};

const ACTIVE = new Set<TrainingApplicationStatus>(['applied', 'approved', 'accepted', 'waitlisted']);

export function toApplication(a: ApplicationRow, ctx: ApplicationContext): TrainingApplication {
  const post = a.staff.assignments[0];
  const person = (id: string | null) => {
    const p = id ? ctx.people.get(id) : undefined;
    return p ? personRef(p) : null;
  };
  const self = a.staffId === ctx.readerId;
  const supervises = ctx.supervised.has(a.staffId);
  const attended = a.attendance === 'present' || a.attendance === 'partial' || a.completed;
  const report = a.practiceReport;
  return {
    id: a.id,
    status: a.status,
    outsideTarget: trainingTargetMisses(
      { gradeIds: a.session.training.targetGradeIds, jobFamilyIds: a.session.training.targetJobFamilyIds },
      { gradeId: post?.grade.id ?? null, jobFamilyId: a.staff.jobFamilyId },
    ),
    assigned: a.assigned,
    fiscalYear: a.fiscalYear,
    reason: a.reason,
    training: {
      id: a.session.training.id,
      code: a.session.training.code,
      title: { ja: a.session.training.titleJa, en: a.session.training.titleEn },
      kind: a.session.training.kind,
      hours: a.session.training.hours,
    },
    session: {
      id: a.session.id,
      startsAt: a.session.startsAt.toISOString(),
      endsAt: a.session.endsAt.toISOString(),
      venue: a.session.venue,
      online: a.session.online,
      applicationDeadline: isoDate(a.session.applicationDeadline),
      status: a.session.status,
      capacity: a.session.capacity,
      seatsLeft: Math.max(0, a.session.capacity - a.session.acceptedCount),
    },
    staff: {
      id: a.staff.id,
      name: a.staff.nameJa,
      nameEn: a.staff.nameEn,
      employeeNumber: a.staff.employeeNumber,
      orgUnit: post ? unitRef(post.orgUnit) : null,
      grade: post ? gradeRef(post.grade) : null,
    },
    supervisorDecision: a.supervisorDecidedAt
      ? { by: person(a.supervisorId), at: a.supervisorDecidedAt.toISOString(), reason: a.supervisorReason }
      : null,
    hrDecision: a.hrDecidedAt
      ? { by: person(a.hrDecidedById), at: a.hrDecidedAt.toISOString(), reason: a.hrReason }
      : null,
    waitlistPosition: a.status === 'waitlisted' ? (ctx.positions.get(a.id) ?? null) : null,
    attendance: a.attendance,
    completed: a.completed,
    completedOn: a.completedOn ? isoDate(a.completedOn) : null,
    feedback: a.feedback
      ? {
          satisfaction: a.feedback.satisfaction,
          usefulness: a.feedback.usefulness,
          comment: a.feedback.comment,
          createdAt: a.feedback.createdAt.toISOString(),
        }
      : null,
    practiceReport: report
      ? {
          body: report.body,
          submittedAt: report.submittedAt.toISOString(),
          confirmedBy: person(report.confirmedById),
          confirmedAt: report.confirmedAt ? report.confirmedAt.toISOString() : null,
          supervisorComment: report.supervisorComment,
        }
      : null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
    actions: {
      withdraw: self && ACTIVE.has(a.status) && a.session.applicationDeadline >= ctx.today,
      supervise: supervises && a.status === 'applied',
      accept: ctx.manages(a) && (a.status === 'approved' || a.status === 'waitlisted'),
      feedback: self && attended && !a.feedback,
      practiceReport: self && a.completed && !report,
      confirmPractice: supervises && report !== null && report.confirmedAt === null,
    },
  };
}
