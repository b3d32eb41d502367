/** The plan's small shapes and conversions, shared by its use cases. */
import { fiscalYearOf, type OrgUnitRef } from '@portal/contracts';
import { today } from '../../access/access.ts';
import type { InputJson } from '../../db/json.ts';
import type { PlanRepository } from './plan.repository.ts';

export type UnitRow = Awaited<ReturnType<PlanRepository['units']>>[number];
export const ref = (u: UnitRow): OrgUnitRef => ({
  id: u.id,
  code: u.code,
  kind: u.kind,
  name: { ja: u.nameJa, en: u.nameEn },
});
export const iso = (d: Date | null) => (d ? d.toISOString() : null);
export const currentFiscalYear = () => fiscalYearOf(today().toISOString().slice(0, 10));

export type Json = InputJson;
export type ActionJson = { textJa: string; textEn: string };
export type ScheduleJson = { fiscalYear: number; textJa: string; textEn: string };

export const asActions = (v: unknown): ActionJson[] => (Array.isArray(v) ? (v as ActionJson[]) : []);
export const asSchedule = (v: unknown): ScheduleJson[] => (Array.isArray(v) ? (v as ScheduleJson[]) : []);
