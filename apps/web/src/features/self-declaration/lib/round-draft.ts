import { fiscalYearOf, type SelfDeclarationRound, type SelfDeclarationRoundInput } from '@portal/contracts';
import {
  type FieldDraft,
  fieldDraftsOf,
  type PostDraft,
  postDraftsOf,
} from '../components/round-items-editor.tsx';

/** A 自己申告 round as its editor holds it (numbers as typed). */
export type Draft = {
  fiscalYear: string;
  titleJa: string;
  titleEn: string;
  guidance: string;
  opensOn: string;
  closesOn: string;
  bureauIds: string[];
  gradeIds: string[];
  careerFields: FieldDraft[];
  publicPosts: PostDraft[];
};

const cityDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' });
/** Today in the city (the API decides a round's phase by it). */
export const today = () => cityDay.format(new Date());
export const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));
export const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The editor's draft of a round, or of a new one for this 年度 opening and closing today. */
export function draftOf(round: SelfDeclarationRound | undefined): Draft {
  if (!round) {
    const fy = fiscalYearOf(today());
    return {
      fiscalYear: String(fy),
      titleJa: `${fy}年度 自己申告`,
      titleEn: `Self-declaration FY${fy}`,
      guidance: '',
      opensOn: today(),
      closesOn: today(),
      bureauIds: [],
      gradeIds: [],
      careerFields: [],
      publicPosts: [],
    };
  }
  return {
    fiscalYear: String(round.fiscalYear),
    titleJa: round.title.ja,
    titleEn: round.title.en,
    guidance: round.guidance,
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    bureauIds: round.bureaus.map((b) => b.id),
    gradeIds: round.grades.map((g) => g.id),
    careerFields: fieldDraftsOf(round),
    publicPosts: postDraftsOf(round),
  };
}

/** What is sent: the fields and posts keep their ids, so the interest people declared in them stays. */
export function inputOf(d: Draft): SelfDeclarationRoundInput {
  return {
    fiscalYear: Number(d.fiscalYear),
    title: { ja: d.titleJa, en: d.titleEn },
    guidance: d.guidance,
    opensOn: d.opensOn,
    closesOn: d.closesOn,
    bureauIds: d.bureauIds,
    gradeIds: d.gradeIds,
    careerFields: d.careerFields.map((f) => ({
      ...(f.id ? { id: f.id } : {}),
      name: { ja: f.nameJa.trim(), en: f.nameEn.trim() },
      description: f.description,
    })),
    publicPosts: d.publicPosts.map((p) => ({
      ...(p.id ? { id: p.id } : {}),
      title: { ja: p.titleJa.trim(), en: p.titleEn.trim() },
      orgUnitId: p.orgUnitId || null,
      description: p.description,
      openings: Number(p.openings),
    })),
  };
}
