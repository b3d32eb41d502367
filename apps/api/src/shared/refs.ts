/** Units and grades as rows hold them → the contract's `OrgUnitRef` and `GradeRef`. */
import type { GradeRef, OrgUnitRef } from '@portal/contracts';

export type UnitLabel = { id: string; code: string; kind: string; nameJa: string; nameEn: string };
export type GradeLabel = { id: string; code: string; rank: number; nameJa: string; nameEn: string };

export const unitRef = (u: UnitLabel): OrgUnitRef => ({
  id: u.id,
  code: u.code,
  kind: u.kind as OrgUnitRef['kind'],
  name: { ja: u.nameJa, en: u.nameEn },
});

export const gradeRef = (g: GradeLabel): GradeRef => ({
  id: g.id,
  code: g.code,
  rank: g.rank,
  name: { ja: g.nameJa, en: g.nameEn },
});

/** A unit's columns of an outer join (all `null` when it found none) as an `OrgUnitRef` or `null`. */
export function unitRefOrNull(
  id: string | null,
  code: string | null,
  kind: string | null,
  nameJa: string | null,
  nameEn: string | null,
): OrgUnitRef | null {
  return id && code && kind ? unitRef({ id, code, kind, nameJa: nameJa ?? '', nameEn: nameEn ?? '' }) : null;
}
