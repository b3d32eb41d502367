/** The experience map: one person's years per 局・区, 分野 and grade; HR's search for narrow experience. */
import type { ExperienceMap, ExperienceSearchPage } from '@portal/contracts';
import { assertCareerRecordsVisible, authorize, today } from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import { pageWindow } from '../../../shared/page.ts';
import { gradeRef, unitRef, unitRefOrNull } from '../../../shared/refs.ts';
import type { SelfDeclarationContext } from '../self-declaration.context.ts';
import { personOfRow } from '../self-declaration.repository.ts';
import { day } from '../self-declaration.rules.ts';

export async function experienceMap(
  ctx: SelfDeclarationContext,
  actor: Actor,
  staffId: string,
): Promise<ExperienceMap> {
  const { db, repo } = ctx;
  await assertCareerRecordsVisible(db, actor, staffId);
  const rows = await repo.experience(db, staffId, today());
  const hire = rows[0]?.hireDate;
  const line = (r: (typeof rows)[number]) => ({
    years: r.years,
    from: day(r.fromOn),
    to: r.toOn ? day(r.toOn) : null,
  });
  const unit = (r: (typeof rows)[number]) =>
    unitRef({ id: r.id, code: r.code, kind: r.unitKind ?? 'bureau', nameJa: r.nameJa, nameEn: r.nameEn });
  return {
    staffId,
    serviceYears: hire
      ? Math.round(((today().getTime() - hire.getTime()) / 86_400_000 / 365.25) * 10) / 10
      : 0,
    bureaus: rows.filter((r) => r.kind === 'bureau').map((r) => ({ ...line(r), unit: unit(r) })),
    fields: rows.filter((r) => r.kind === 'field').map((r) => ({ ...line(r), unit: unit(r) })),
    grades: rows
      .filter((r) => r.kind === 'grade')
      .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
      .map((r) => ({
        ...line(r),
        grade: gradeRef({
          id: r.id,
          code: r.code,
          rank: r.rank ?? 0,
          nameJa: r.nameJa,
          nameEn: r.nameEn,
        }),
      })),
  };
}

export async function experienceSearch(
  ctx: SelfDeclarationContext,
  actor: Actor,
  q: { page: number; pageSize: number; years: number; bureausBelow: number; bureauId?: string },
): Promise<ExperienceSearchPage> {
  const { db, repo } = ctx;
  authorize(actor, 'experience:search:any');
  const { rows, total } = await repo.experienceSearch(db, q, today(), pageWindow(q.page, q.pageSize));
  return {
    items: rows.map((r) => ({
      ...personOfRow(r),
      bureau: unitRefOrNull(r.bureauId, r.bureauCode, r.bureauKind, r.bureauNameJa, r.bureauNameEn),
      serviceYears: r.serviceYears,
      bureausInSpan: r.bureausInSpan,
      yearsInCurrentBureau: r.yearsInCurrentBureau,
    })),
    page: q.page,
    pageSize: q.pageSize,
    total,
  };
}
