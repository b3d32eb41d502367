/** 職員名簿の取込: the plan of an import — what a file would write, and how each of its rows comes out. */
import type {
  RosterChange,
  RosterRowChange,
  RosterRowError,
  RosterTotals,
} from '@portal/contracts/roster/roster.schemas';
import type { ParsedRoster } from './roster.parser.ts';
import {
  type AssignmentCorrection,
  type AssignmentEnd,
  type NewAssignment,
  type NewStaff,
  type NewUnit,
  type RosterRepository,
  type StaffUpdate,
  uuidv7,
} from './roster.repository.ts';
import { codeErrors, placementErrors, samePost } from './roster.row-checks.ts';
import { createUnitResolver } from './roster.units.ts';

export const SAMPLE_SIZE = 100;

/** Everything an import would write, and how each row comes out. */
export type RosterPlan = {
  totals: RosterTotals;
  errors: RosterRowError[];
  units: NewUnit[];
  staffToCreate: NewStaff[];
  staffToUpdate: StaffUpdate[];
  assignmentsToEnd: AssignmentEnd[];
  assignmentsToCorrect: AssignmentCorrection[];
  assignmentsToStart: NewAssignment[];
  sample: RosterRowChange[];
};

const dayBefore = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

const unique = <T>(values: Iterable<T>) => [...new Set(values)];

/**
 * Works out what a parsed file would change, from the rows the database holds for the file's keys:
 * five queries, whatever the size of the file. Rows that contradict the database become errors.
 */
export async function planRoster(repo: RosterRepository, parsed: ParsedRoster): Promise<RosterPlan> {
  const rows = parsed.rows;
  const [grades, jobFamilies, units, staff, loginHolders] = await Promise.all([
    repo.findGrades(unique(rows.map((r) => r.data.gradeCode))),
    repo.findJobFamilies(unique(rows.map((r) => r.data.jobFamilyCode))),
    repo.findUnits(unique(rows.flatMap((r) => r.data.units.map((u) => u.code)))),
    repo.findStaff(rows.map((r) => r.data.employeeNumber)),
    repo.findLoginHolders(rows.map((r) => r.data.loginId)),
  ]);
  const gradeIds = new Map(grades.map((g) => [g.code, g.id]));
  const jobFamilyIds = new Map(jobFamilies.map((j) => [j.code, j.id]));
  // Retired by HR: kept where a person already holds it, refused as anyone's new grade or job family
  const retiredGrades = new Set(grades.filter((g) => g.retiredAt !== null).map((g) => g.code));
  const retiredJobFamilies = new Set(jobFamilies.filter((j) => j.retiredAt !== null).map((j) => j.code));
  const staffByNumber = new Map(staff.map((s) => [s.employeeNumber, s]));
  const loginHolder = new Map(loginHolders.map((h) => [h.loginId, h.employeeNumber]));
  const open = new Map((await repo.findOpenAssignments(staff.map((s) => s.id))).map((a) => [a.staffId, a]));

  const { newUnits, resolve } = createUnitResolver(units);

  const errors: RosterRowError[] = [...parsed.errors];
  const plan: Omit<RosterPlan, 'totals' | 'errors'> = {
    units: newUnits,
    staffToCreate: [],
    staffToUpdate: [],
    assignmentsToEnd: [],
    assignmentsToCorrect: [],
    assignmentsToStart: [],
    sample: [],
  };
  let create = 0;
  let update = 0;
  let unchanged = 0;
  let invalid = parsed.invalidRows.size;

  for (const { row, data } of rows) {
    const rowErrors: RosterRowError[] = [];
    const gradeId = gradeIds.get(data.gradeCode);
    const jobFamilyId = jobFamilyIds.get(data.jobFamilyCode);
    const holder = loginHolder.get(data.loginId);
    rowErrors.push(...codeErrors(row, data, { gradeId, jobFamilyId, holder }));
    const unit = resolve(row, data, rowErrors);

    const existing = staffByNumber.get(data.employeeNumber);
    const current = existing ? open.get(existing.id) : undefined;
    rowErrors.push(
      ...placementErrors(row, data, { existing, current, unit, gradeId, retiredGrades, retiredJobFamilies }),
    );
    if (rowErrors.length > 0 || !unit || !gradeId || !jobFamilyId) {
      errors.push(...rowErrors);
      invalid++;
      continue;
    }

    const person = {
      nameJa: data.name,
      nameKana: data.nameKana,
      nameEn: data.nameEn,
      loginId: data.loginId,
      email: data.email,
      jobFamilyId,
      hireDate: data.hireDate,
    };
    const newPost = (staffId: string): NewAssignment => ({
      id: uuidv7(),
      staffId,
      orgUnitId: unit.id,
      gradeId,
      postJa: data.post,
      isHead: data.isHead,
      startsOn: data.startsOn,
    });

    if (!existing) {
      create++;
      const staffId = uuidv7();
      plan.staffToCreate.push({ id: staffId, employeeNumber: data.employeeNumber, ...person });
      plan.assignmentsToStart.push(newPost(staffId));
      if (plan.sample.length < SAMPLE_SIZE) {
        plan.sample.push({
          row,
          employeeNumber: data.employeeNumber,
          name: data.name,
          action: 'create',
          changes: [
            { field: 'unit_code', from: null, to: unit.code },
            { field: 'grade_code', from: null, to: data.gradeCode },
            ...(data.post ? [{ field: 'post', from: null, to: data.post }] : []),
          ],
        });
      }
      continue;
    }

    const changes: RosterChange[] = [];
    const diff = (field: string, from: string | null, to: string | null) => {
      if (from !== to) changes.push({ field, from, to });
    };
    diff('name', existing.nameJa, data.name);
    diff('name_kana', existing.nameKana, data.nameKana);
    diff('name_en', existing.nameEn, data.nameEn);
    diff('login_id', existing.loginId, data.loginId);
    diff('email', existing.email, data.email);
    diff('job_family_code', existing.jobFamilyCode, data.jobFamilyCode);
    diff('hire_date', existing.hireDate, data.hireDate);
    if (changes.length > 0) plan.staffToUpdate.push({ id: existing.id, ...person });

    if (!current) {
      diff('unit_code', null, unit.code);
      diff('grade_code', null, data.gradeCode);
      plan.assignmentsToStart.push(newPost(existing.id));
    } else if (!samePost(current, unit.id, gradeId, data)) {
      diff('unit_code', current.unitCode, unit.code);
      diff('grade_code', current.gradeCode, data.gradeCode);
      diff('post', current.postJa, data.post);
      diff('is_head', String(current.isHead), String(data.isHead));
      if (data.startsOn === current.startsOn) {
        plan.assignmentsToCorrect.push({
          id: current.id,
          orgUnitId: unit.id,
          gradeId,
          postJa: data.post,
          isHead: data.isHead,
        });
      } else {
        plan.assignmentsToEnd.push({ id: current.id, endsOn: dayBefore(data.startsOn) });
        plan.assignmentsToStart.push(newPost(existing.id));
      }
    }

    if (changes.length === 0) {
      unchanged++;
      continue;
    }
    update++;
    if (plan.sample.length < SAMPLE_SIZE) {
      plan.sample.push({
        row,
        employeeNumber: data.employeeNumber,
        name: data.name,
        action: 'update',
        changes,
      });
    }
  }

  errors.sort((a, b) => a.row - b.row);
  const totals: RosterTotals = {
    rows: parsed.rowCount,
    valid: parsed.rowCount - invalid,
    invalid,
    create,
    update,
    unchanged,
  };
  return { totals, errors, ...plan };
}
