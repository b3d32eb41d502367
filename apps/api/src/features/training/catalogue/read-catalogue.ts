/** Reading the catalogue: the form's options, a page of courses, one course. */
import {
  fiscalYearOf,
  type Training,
  type TrainingListQuery,
  type TrainingOptions,
  type TrainingPage,
} from '@portal/contracts';
import type { z } from 'zod';
import { authorize, today } from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import { loadPolicyCatalog } from '../../policy/policy-links.ts';
import { gradeRef, isoDate, toTraining, unitRef } from '../training.mapper.ts';
import type { TrainingWhere } from '../training.repository.ts';
import type { CatalogueContext } from './context.ts';

type ListQuery = z.output<typeof TrainingListQuery>;

export function get(ctx: CatalogueContext, actor: Actor, id: string): Promise<Training> {
  return ctx.one(actor, id);
}

export async function options(ctx: CatalogueContext, actor: Actor): Promise<TrainingOptions> {
  const { db, repo } = ctx;
  authorize(actor, 'training:read:any');
  const current = fiscalYearOf(isoDate(today()));
  const [lookups, bureaus, years] = await Promise.all([
    repo.lookups(db),
    repo.bureaus(db),
    repo.offeredFiscalYears(db),
  ]);
  return {
    currentFiscalYear: current,
    fiscalYears: [...new Set([...years, current, current + 1])].sort((a, b) => a - b),
    // What the editor offers for new targets: retired ones stay on the courses that have them
    grades: lookups.grades.filter((g) => !g.retiredAt).map(gradeRef),
    jobFamilies: lookups.jobFamilies
      .filter((j) => !j.retiredAt)
      .map((j) => ({ id: j.id, code: j.code, name: { ja: j.nameJa, en: j.nameEn } })),
    bureaus: bureaus.map(unitRef),
  };
}

export async function list(ctx: CatalogueContext, actor: Actor, query: ListQuery): Promise<TrainingPage> {
  const { db, repo, visibleWhere, context } = ctx;
  authorize(actor, 'training:read:any');
  const filters: TrainingWhere[] = [visibleWhere(actor, query.includeInactive === true)];
  const kinds = query.kind === undefined ? [] : Array.isArray(query.kind) ? query.kind : [query.kind];
  if (kinds.length) filters.push({ kind: { in: kinds } });
  if (query.gradeId) {
    filters.push({
      OR: [{ targetGradeIds: { has: query.gradeId } }, { targetGradeIds: { isEmpty: true } }],
    });
  }
  if (query.initiativeId) filters.push({ initiativeIds: { has: query.initiativeId } });
  if (query.tag) {
    const catalog = await loadPolicyCatalog(db);
    const tagged = [...catalog.initiatives.values()]
      .filter((i) => i.tagCodes.includes(query.tag as string))
      .map((i) => i.id);
    filters.push({ initiativeIds: { hasSome: tagged } });
  }
  if (query.fiscalYear) filters.push({ fiscalYears: { has: query.fiscalYear } });
  if (query.mandatory !== undefined) filters.push({ mandatory: query.mandatory });
  if (query.q) {
    const q = query.q;
    filters.push({
      OR: [
        { titleJa: { contains: q, mode: 'insensitive' } },
        { titleEn: { contains: q, mode: 'insensitive' } },
        { descriptionJa: { contains: q, mode: 'insensitive' } },
        { descriptionEn: { contains: q, mode: 'insensitive' } },
        { code: { startsWith: q, mode: 'insensitive' } },
      ],
    });
  }
  const { items, total } = await repo.pageTrainings({ AND: filters }, query.page, query.pageSize, db);
  const shown = await context(actor, items);
  return {
    items: items.map((t) => toTraining(t, shown)),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}
