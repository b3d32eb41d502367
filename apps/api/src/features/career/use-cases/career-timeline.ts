/**
 * The person's history, newest first, filtered and paged: assignments, completed training, OJT received,
 * self-development and qualifications, each with its policy links.
 */
import {
  fiscalYearOf,
  fiscalYearRange,
  type TimelineItem,
  type TimelinePage,
  type TimelineQuery,
} from '@portal/contracts';
import { assertCareerRecordsVisible } from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import { gradeRef, unitRef } from '../../../shared/refs.ts';
import { expandPolicyLinks, loadPolicyCatalog } from '../../policy/policy-links.ts';
import type { CareerHistoryContext } from '../career-history.context.ts';
import { isoDate, personRef } from '../career-plan.shared.ts';

export async function careerTimeline(
  ctx: CareerHistoryContext,
  actor: Actor,
  staffId: string,
  query: TimelineQuery,
): Promise<TimelinePage> {
  const { db, repo } = ctx;
  await assertCareerRecordsVisible(db, actor, staffId);
  const catalog = await loadPolicyCatalog(db);
  let initiativeIds: string[] | undefined;
  if (query.initiativeId) initiativeIds = [query.initiativeId];
  if (query.tag) {
    const tagged = [...catalog.initiatives.values()]
      .filter((i) => i.tagCodes.includes(query.tag ?? ''))
      .map((i) => i.id);
    initiativeIds = initiativeIds ? initiativeIds.filter((id) => tagged.includes(id)) : tagged;
  }
  const range = query.fiscalYear ? fiscalYearRange(query.fiscalYear) : undefined;
  const { rows, total } = await repo.timeline(
    db,
    {
      staffId,
      kinds: query.kind,
      staffImageId: query.staffImageId,
      initiativeIds,
      from: range?.from,
      to: range?.to,
    },
    query.page,
    query.pageSize,
  );

  const noLinks = { staffImageIds: [], initiativeIds: [] };
  const items = rows.flatMap((r): TimelineItem[] => {
    const date = isoDate(r.date);
    const base = { id: r.id, date, fiscalYear: fiscalYearOf(date) };
    if (r.kind === 'assignment') {
      const a = r.detail;
      if (!a) return [];
      return [
        {
          ...base,
          kind: 'assignment',
          links: expandPolicyLinks(catalog, noLinks),
          orgPath: a.orgPath.map(unitRef),
          grade: gradeRef(a.grade),
          post: a.postJa ? { ja: a.postJa, en: a.postEn ?? a.postJa } : null,
          endsOn: a.endsOn ? a.endsOn.slice(0, 10) : null,
        },
      ];
    }
    if (r.kind === 'training') {
      const t = r.detail;
      if (!t) return [];
      return [
        {
          ...base,
          kind: 'training',
          links: expandPolicyLinks(catalog, t),
          trainingId: t.id,
          title: { ja: t.titleJa, en: t.titleEn },
          trainingKind: t.kind,
          hours: t.hours,
        },
      ];
    }
    if (r.kind === 'ojt') {
      const s = r.detail;
      if (!s) return [];
      return [
        {
          ...base,
          kind: 'ojt',
          links: expandPolicyLinks(catalog, s),
          topic: s.topic,
          method: s.method,
          minutes: s.minutes,
          supervisor: personRef(s.supervisor),
          acknowledged: s.acknowledged,
        },
      ];
    }
    const rec = r.detail;
    if (!rec) return [];
    return [
      {
        ...base,
        kind: rec.kind === 'qualification' ? 'qualification' : 'self_development',
        links: expandPolicyLinks(catalog, rec),
        recordId: rec.id,
        title: rec.title,
        selfDevelopmentKind: rec.kind,
        provider: rec.provider,
        hours: rec.hours,
        completed: rec.completed,
      },
    ];
  });
  return { items, page: query.page, pageSize: query.pageSize, total };
}
