/** The checks of one roster row against the database: the codes it names, and where it places the person. */
import type { RosterRowError } from '@portal/contracts/roster/roster.schemas';
import type { ParsedRosterRow } from './roster.parser.ts';
import type { ExistingStaff, OpenAssignment } from './roster.repository.ts';
import type { PlannedUnit } from './roster.units.ts';

type Data = ParsedRosterRow['data'];

/** The row's grade and job family codes unknown, its login ID another employee's (`holder`). */
export function codeErrors(
  row: number,
  data: Data,
  found: { gradeId: string | undefined; jobFamilyId: string | undefined; holder: string | undefined },
): RosterRowError[] {
  const { gradeId, jobFamilyId, holder } = found;
  const rowErrors: RosterRowError[] = [];
  if (!gradeId)
    rowErrors.push({
      row,
      field: 'grade_code',
      code: 'unknown_grade',
      params: { value: data.gradeCode },
      message: `No grade has the code ${data.gradeCode}.`,
    });
  if (!jobFamilyId) {
    rowErrors.push({
      row,
      field: 'job_family_code',
      code: 'unknown_job_family',
      params: { value: data.jobFamilyCode },
      message: `No job family has the code ${data.jobFamilyCode}.`,
    });
  }
  if (holder !== undefined && holder !== data.employeeNumber) {
    rowErrors.push({
      row,
      field: 'login_id',
      code: 'login_taken',
      params: { value: data.loginId, employeeNumber: holder },
      message: `Login ID ${data.loginId} belongs to employee ${holder}.`,
    });
  }
  return rowErrors;
}

/**
 * The row's placement: not before the person's current post (unless it is that post), and no retired
 * grade or job family given anew (kept where the person already holds it).
 */
export function placementErrors(
  row: number,
  data: Data,
  context: {
    existing: ExistingStaff | undefined;
    current: OpenAssignment | undefined;
    unit: PlannedUnit | undefined;
    gradeId: string | undefined;
    retiredGrades: Set<string>;
    retiredJobFamilies: Set<string>;
  },
): RosterRowError[] {
  const { existing, current, unit, gradeId, retiredGrades, retiredJobFamilies } = context;
  const rowErrors: RosterRowError[] = [];
  if (
    current &&
    unit &&
    gradeId &&
    data.startsOn < current.startsOn &&
    !samePost(current, unit.id, gradeId, data)
  ) {
    rowErrors.push({
      row,
      field: 'starts_on',
      code: 'post_before_current',
      params: { date: current.startsOn },
      message: `The current post started on ${current.startsOn}; a new post cannot start before it.`,
    });
  }
  if (retiredGrades.has(data.gradeCode) && current?.gradeCode !== data.gradeCode) {
    rowErrors.push({
      row,
      field: 'grade_code',
      code: 'retired_grade',
      params: { value: data.gradeCode },
      message: `The grade ${data.gradeCode} is retired: it stays on history but no one is placed in it anew.`,
    });
  }
  if (retiredJobFamilies.has(data.jobFamilyCode) && existing?.jobFamilyCode !== data.jobFamilyCode) {
    rowErrors.push({
      row,
      field: 'job_family_code',
      code: 'retired_job_family',
      params: { value: data.jobFamilyCode },
      message: `The job family ${data.jobFamilyCode} is retired: it stays on history but is not given anew.`,
    });
  }
  return rowErrors;
}

/** Whether the current post is the one the row names (unit, grade, post and head alike). */
export function samePost(
  current: { orgUnitId: string; gradeId: string; postJa: string | null; isHead: boolean },
  orgUnitId: string,
  gradeId: string,
  data: { post: string | null; isHead: boolean },
): boolean {
  return (
    current.orgUnitId === orgUnitId &&
    current.gradeId === gradeId &&
    (current.postJa ?? null) === data.post &&
    current.isHead === data.isHead
  );
}
