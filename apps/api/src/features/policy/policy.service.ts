import type { LocalizedText, PolicyTree, PriorityTag, PriorityTagCode } from '@portal/contracts';
import { NotFoundError } from '../../shared/errors.ts';
import type { PolicyRepository } from './policy.repository.ts';

const text = (ja: string, en: string): LocalizedText => ({ ja, en });
const texts = (ja: string[], en: string[]): LocalizedText[] => ja.map((j, i) => ({ ja: j, en: en[i] ?? '' }));

function tagOf(p: { tagCode: string; tagLabelJa: string; tagLabelEn: string }): PriorityTag {
  return { code: p.tagCode as PriorityTagCode, label: text(p.tagLabelJa, p.tagLabelEn) };
}

export function createPolicyService(deps: { policies: PolicyRepository }) {
  return {
    /** The policy in force. Public to every signed-in person: it is the city's published policy. */
    async getPolicyTree(): Promise<PolicyTree> {
      const p = await deps.policies.findInForce();
      if (!p) throw new NotFoundError('No policy is in force.', 'policy_not_found');
      return {
        id: p.id,
        title: text(p.titleJa, p.titleEn),
        revision: text(p.revisionJa, p.revisionEn),
        revisedFiscalYear: p.revisedFiscalYear,
        summary: texts(p.summaryJa, p.summaryEn),
        period: {
          startFiscalYear: p.startFiscalYear,
          endFiscalYear: p.endFiscalYear,
          label: text(p.periodLabelJa, p.periodLabelEn),
        },
        planCycleNote: text(p.planCycleNoteJa, p.planCycleNoteEn),
        priorityIntro: text(p.priorityIntroJa, p.priorityIntroEn),
        staffImages: p.staffImages.map((s) => ({
          id: s.id,
          code: s.code,
          position: s.position,
          title: text(s.titleJa, s.titleEn),
          descriptions: texts(s.descriptionsJa, s.descriptionsEn),
        })),
        priorityPolicies: p.priorityPolicies.map((pp) => ({
          id: pp.id,
          position: pp.position,
          title: text(pp.titleJa, pp.titleEn),
          tag: tagOf(pp),
          focusItems: pp.focusItems.map((f) => ({
            id: f.id,
            position: f.position,
            text: text(f.textJa, f.textEn),
          })),
        })),
        policyAreas: p.policyAreas.map((a) => ({
          id: a.id,
          code: a.code,
          position: a.position,
          title: text(a.titleJa, a.titleEn),
          description: text(a.descriptionJa, a.descriptionEn),
          initiatives: a.initiatives.map((i) => ({
            id: i.id,
            code: i.code,
            position: i.position,
            marker: i.marker,
            title: text(i.titleJa, i.titleEn),
            exampleAction: text(i.exampleActionJa, i.exampleActionEn),
            tags: i.tags.map((t) => tagOf(t.priorityPolicy)),
          })),
        })),
        promotionBodies: p.promotionBodies.map((b) => ({
          id: b.id,
          code: b.code,
          position: b.position,
          name: text(b.nameJa, b.nameEn),
          roles: b.roles.map((r) => ({
            id: r.id,
            code: r.code,
            position: r.position,
            holder: text(r.holderJa, r.holderEn),
            title: text(r.titleJa, r.titleEn),
          })),
        })),
        actors: p.actors.map((a) => ({
          id: a.id,
          code: a.code,
          position: a.position,
          name: text(a.nameJa, a.nameEn),
          duties: texts(a.dutiesJa, a.dutiesEn),
        })),
        // drafts and periods under review are HR's until published (GET /api/plan-periods shows them to HR)
        planPeriods: p.planPeriods
          .filter((pp) => pp.status === 'published')
          .map((pp) => ({
            id: pp.id,
            ordinal: pp.ordinal,
            name: text(pp.nameJa, pp.nameEn),
            startFiscalYear: pp.startFiscalYear,
            endFiscalYear: pp.endFiscalYear,
            status: pp.status,
          })),
      };
    },
  };
}

export type PolicyService = ReturnType<typeof createPolicyService>;
