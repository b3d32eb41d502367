/**
 * The units a roster file names, top down on each row: matched by code with the database's, or created
 * under their parent (a new unit valid from the earliest post the file places in or under it). A unit
 * the database holds otherwise than the file says is an error on each row that names it.
 */
import type { RosterRowError } from '@portal/contracts/roster/roster.schemas';
import type { ParsedRosterRow } from './roster.parser.ts';
import { type ExistingUnit, type NewUnit, uuidv7 } from './roster.repository.ts';

export type PlannedUnit = ExistingUnit & { isNew?: boolean };

/** `units`: the database's units of the file's codes. */
export function createUnitResolver(units: ExistingUnit[]) {
  /** Units by code: the database's, and those this file creates. */
  const known = new Map<string, ExistingUnit & { isNew?: boolean }>(units.map((u) => [u.code, u]));
  const newUnits: NewUnit[] = [];
  const newUnitById = new Map<string, NewUnit>();
  /** A unit the database holds otherwise than the file says: reported again on each row naming it */
  const unitErrors = new Map<string, Pick<RosterRowError, 'code' | 'params' | 'message'>>();

  /** The row's unit (its lowest level), or undefined with the reason pushed onto `rowErrors`. */
  function resolve(
    row: number,
    data: ParsedRosterRow['data'],
    rowErrors: RosterRowError[],
  ): PlannedUnit | undefined {
    let unit: PlannedUnit | undefined;
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
    return unit;
  }

  return { newUnits, resolve };
}
