/**
 * 職員名簿の取込 (roster import): HR previews a personnel-system export, then applies the same file.
 *
 * The preview is not stored: its token is the file's SHA-256, and apply takes the file again with
 * that token, reads it again and works the plan out again against the database as it is then. So any
 * API instance can apply what another previewed, and nothing is kept between the two requests.
 * Apply is one transaction (a file is imported whole or not at all), serialised with other imports,
 * and writes nothing for rows that change nothing: importing a file twice changes nothing the second
 * time.
 */
import { createHash } from 'node:crypto';
import {
  ROSTER_MAX_ERRORS,
  type RosterApplyResult,
  type RosterAssignmentCounts,
  type RosterChange,
  type RosterNewUnit,
  type RosterPreview,
  type RosterRowChange,
  type RosterRowError,
  type RosterTotals,
} from '@portal/contracts/roster/roster.schemas';
import { authorize } from '../../access/access.ts';
import type { Actor, RequestMeta } from '../../access/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { AppError, ConflictError, type FieldError } from '../../shared/errors.ts';
import { write } from '../../shared/write.ts';
import { type ParsedRoster, parseRoster, type RosterFile, RosterFileError } from './roster.parser.ts';
import {
  type AssignmentCorrection,
  type AssignmentEnd,
  createRosterRepository,
  type ExistingUnit,
  type NewAssignment,
  type NewStaff,
  type NewUnit,
  type RosterRepository,
  type StaffUpdate,
  uuidv7,
} from './roster.repository.ts';

export type { RosterFile } from './roster.parser.ts';

const SAMPLE_SIZE = 100;

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

  /** Units by code: the database's, and those this file creates. */
  const known = new Map<string, ExistingUnit & { isNew?: boolean }>(units.map((u) => [u.code, u]));
  const newUnits: NewUnit[] = [];
  const newUnitById = new Map<string, NewUnit>();
  /** A unit the database holds otherwise than the file says: reported again on each row naming it */
  const unitErrors = new Map<string, Pick<RosterRowError, 'code' | 'params' | 'message'>>();

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
    if (!gradeId)
      rowErrors.push({
        row,
        field: 'grade_code',
        code: 'unknown_grade',
        params: { value: data.gradeCode },
        message: `No grade has the code ${data.gradeCode}.`,
      });
    const jobFamilyId = jobFamilyIds.get(data.jobFamilyCode);
    if (!jobFamilyId) {
      rowErrors.push({
        row,
        field: 'job_family_code',
        code: 'unknown_job_family',
        params: { value: data.jobFamilyCode },
        message: `No job family has the code ${data.jobFamilyCode}.`,
      });
    }
    const holder = loginHolder.get(data.loginId);
    if (holder !== undefined && holder !== data.employeeNumber) {
      rowErrors.push({
        row,
        field: 'login_id',
        code: 'login_taken',
        params: { value: data.loginId, employeeNumber: holder },
        message: `Login ID ${data.loginId} belongs to employee ${holder}.`,
      });
    }

    // The row's units, top down: matched by code, or created under their parent.
    let unit: (ExistingUnit & { isNew?: boolean }) | undefined;
    for (const ref of data.units) {
      const field = `${ref.level}_code`;
      const earlier = unitErrors.get(ref.code);
      if (earlier) {
        rowErrors.push({ row, field, ...earlier });
        unit = undefined;
        break;
      }
      const parent = unit;
      const found = known.get(ref.code);
      if (found) {
        if (found.kind !== ref.kind || found.parentCode !== ref.parentCode) {
          const error = {
            code: 'unit_mismatch',
            params: {
              code: ref.code,
              kind: ref.kind,
              parent: ref.parentCode ?? '',
              existingKind: found.kind,
              existingParent: found.parentCode ?? '',
            },
            message: `Unit ${ref.code} exists as a ${found.kind} under ${found.parentCode ?? 'nothing'}, not a ${ref.kind} under ${ref.parentCode ?? 'nothing'}; reorganisations are made in the organisation screens.`,
          };
          unitErrors.set(ref.code, error);
          rowErrors.push({ row, field, ...error });
          unit = undefined;
          break;
        }
        if (found.validTo !== null && found.validTo < data.startsOn) {
          rowErrors.push({
            row,
            field,
            code: 'unit_closed',
            params: { code: ref.code, date: found.validTo },
            message: `Unit ${ref.code} was closed on ${found.validTo}.`,
          });
          unit = undefined;
          break;
        }
        unit = found;
        continue;
      }
      const id = uuidv7();
      const created: NewUnit = {
        id,
        code: ref.code,
        kind: ref.kind,
        nameJa: ref.name,
        // Until HR translates it, the English UI shows the Japanese name.
        nameEn: ref.name,
        parentId: parent?.id ?? null,
        parentCode: ref.parentCode,
        path: `${parent?.path ?? '/'}${id}/`,
        bureauId: parent ? (parent.bureauId ?? parent.id) : id,
        validFrom: data.startsOn,
      };
      newUnits.push(created);
      newUnitById.set(id, created);
      unit = { ...created, validTo: null, isNew: true };
      known.set(ref.code, unit);
    }
    // A new unit is valid from the earliest post the file places in it (or under it).
    for (const ref of data.units) {
      const planned = newUnitById.get(known.get(ref.code)?.id ?? '');
      if (planned && data.startsOn < planned.validFrom) planned.validFrom = data.startsOn;
    }

    const existing = staffByNumber.get(data.employeeNumber);
    const current = existing ? open.get(existing.id) : undefined;
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

const NAMED_FIELDS = { grade_code: 'grades', job_family_code: 'jobFamilies', unit_code: 'units' } as const;

/** The preview's sample with what each grade, job family and unit code names (units new in the file too). */
async function namedSample(repo: RosterRepository, plan: RosterPlan): Promise<RosterRowChange[]> {
  const codes = { grades: new Set<string>(), jobFamilies: new Set<string>(), units: new Set<string>() };
  for (const row of plan.sample) {
    for (const c of row.changes) {
      const kind = NAMED_FIELDS[c.field as keyof typeof NAMED_FIELDS];
      if (!kind) continue;
      if (c.from) codes[kind].add(c.from);
      if (c.to) codes[kind].add(c.to);
    }
  }
  const names = await repo.namesByCode({
    grades: [...codes.grades],
    jobFamilies: [...codes.jobFamilies],
    units: [...codes.units],
  });
  for (const u of plan.units)
    if (!names.units.has(u.code)) names.units.set(u.code, { ja: u.nameJa, en: u.nameEn || u.nameJa });
  return plan.sample.map((row) => ({
    ...row,
    changes: row.changes.map((c) => {
      const kind = NAMED_FIELDS[c.field as keyof typeof NAMED_FIELDS];
      if (!kind) return c;
      return {
        ...c,
        fromName: c.from ? (names[kind].get(c.from) ?? null) : null,
        toName: c.to ? (names[kind].get(c.to) ?? null) : null,
      };
    }),
  }));
}

function samePost(
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

const assignmentCounts = (plan: RosterPlan): RosterAssignmentCounts => ({
  end: plan.assignmentsToEnd.length,
  start: plan.assignmentsToStart.length,
  correct: plan.assignmentsToCorrect.length,
});

const newUnitView = (plan: RosterPlan): RosterNewUnit[] =>
  plan.units
    .slice(0, SAMPLE_SIZE)
    .map((u) => ({ code: u.code, kind: u.kind, name: u.nameJa, parentCode: u.parentCode }));

export const rosterToken = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function read(file: RosterFile): Promise<ParsedRoster> {
  try {
    return await parseRoster(file);
  } catch (error) {
    if (error instanceof RosterFileError) throw fileRefused(error);
    throw error;
  }
}

export function createRosterService(deps: { db: Db }) {
  const { db } = deps;

  return {
    /** What the file would change, with every bad row and why. Writes nothing. */
    async previewRoster(actor: Actor | 'system', file: RosterFile): Promise<RosterPreview> {
      // the command line (`pnpm portal roster-import`) acts as the system
      if (actor !== 'system') authorize(actor, 'roster:import:any');
      const token = rosterToken(file.bytes);
      const parsed = await read(file);
      const repo = createRosterRepository(db);
      const plan = await planRoster(repo, parsed);
      return {
        token,
        fileName: file.name,
        format: parsed.format,
        encoding: parsed.encoding,
        totals: plan.totals,
        units: { create: plan.units.length },
        assignments: assignmentCounts(plan),
        errors: plan.errors.slice(0, ROSTER_MAX_ERRORS),
        errorCount: plan.errors.length,
        sample: await namedSample(repo, plan),
        newUnits: newUnitView(plan),
      };
    },

    /**
     * Applies the file previewed as `token`, whole or not at all. Refused (409) when the file is not
     * the one previewed or has a bad row, as the database stands when it is applied.
     */
    async applyRoster(
      actor: Actor | 'system',
      file: RosterFile,
      token: string,
      meta: RequestMeta | undefined,
    ): Promise<RosterApplyResult> {
      if (actor !== 'system') authorize(actor, 'roster:import:any');
      if (rosterToken(file.bytes) !== token.toLowerCase()) {
        throw new ConflictError(
          'This file is not the one that was previewed. Preview it again.',
          'roster_token_mismatch',
        );
      }
      const parsed = await read(file);
      if (parsed.invalidRows.size > 0) {
        // Every bad row, as the preview lists them, not only those the file shows by itself.
        const plan = await planRoster(createRosterRepository(db), parsed);
        throw invalidFile(plan.totals.invalid, plan.errors);
      }

      const written = await write(db, {
        actorId: actor === 'system' ? null : actor.staffId,
        meta,
        timeoutMs: 120_000,
        maxWaitMs: 10_000,
        run: async (tx: Tx) => {
          const repo = createRosterRepository(tx);
          await repo.lockImports();
          const plan = await planRoster(repo, parsed);
          if (plan.totals.invalid > 0) throw invalidFile(plan.totals.invalid, plan.errors);

          // Parents before children: `plan.units` lists each unit after its parent.
          const unitsCreated = await repo.insertUnits(plan.units);
          const staffCreated = await repo.insertStaff(plan.staffToCreate);
          const staffUpdated = await repo.updateStaff(plan.staffToUpdate);
          const ended = await repo.endAssignments(plan.assignmentsToEnd);
          const corrected = await repo.correctAssignments(plan.assignmentsToCorrect);
          const started = await repo.insertAssignments(plan.assignmentsToStart);

          const result: RosterApplyResult = {
            token,
            fileName: file.name,
            totals: plan.totals,
            units: { created: unitsCreated },
            staff: { created: staffCreated, updated: staffUpdated, unchanged: plan.totals.unchanged },
            assignments: { ended, started, corrected },
          };
          return {
            body: result,
            audit: {
              action: 'roster.import',
              entityType: 'roster',
              entityId: token,
              after: {
                ...(actor === 'system' ? { actor: 'system' } : {}),
                fileName: file.name,
                totals: result.totals,
                units: result.units,
                staff: result.staff,
                assignments: result.assignments,
              },
            },
          };
        },
      });
      return written.body;
    },
  };
}

/** 409 with the bad rows as problem-details field errors (`row[12].grade_code`), the first 500. */
function invalidFile(invalidRows: number, errors: RosterRowError[]): AppError {
  return new AppError(
    409,
    'roster_invalid_rows',
    `The file has ${invalidRows} invalid row(s); nothing was imported. Correct them and preview again.`,
    {
      errors: errors.slice(0, ROSTER_MAX_ERRORS).map(fieldError),
    },
  );
}

/**
 * 400 for a file refused as a whole, with its stable code: the header's problems as row errors
 * (`row[1].login_id`), otherwise one error on `body` carrying the code and its values (the row limit, …).
 */
function fileRefused(error: RosterFileError): AppError {
  const errors: FieldError[] =
    error.errors.length > 0
      ? error.errors.map(fieldError)
      : [{ field: 'body', message: error.message, code: error.code, params: error.params }];
  return new AppError(400, error.code, error.message, { errors });
}

/** A row error as a problem-details field error: `row[12].grade_code`, with its code and params. */
const fieldError = (e: RosterRowError): FieldError => ({
  field: `row[${e.row}].${e.field}`,
  message: e.message,
  code: e.code,
  params: e.params,
});

export type RosterService = ReturnType<typeof createRosterService>;
