import type { PolicyLinkIds, Training, TrainingInput, TrainingKind } from '@portal/contracts';

/** The course editor's form: the API's input as typed (hours as a string, the titles by language). */
export type Draft = {
  code: string;
  titleJa: string;
  titleEn: string;
  descriptionJa: string;
  descriptionEn: string;
  kind: TrainingKind;
  ownerBureauId: string;
  targetGradeIds: string[];
  targetJobFamilyIds: string[];
  hours: string;
  fiscalYears: number[];
  mandatory: boolean;
  active: boolean;
  links: PolicyLinkIds;
};

/** A course as the form shows it. */
export function fromTraining(t: Training): Draft {
  return {
    code: t.code,
    titleJa: t.title.ja,
    titleEn: t.title.en,
    descriptionJa: t.description.ja,
    descriptionEn: t.description.en,
    kind: t.kind,
    ownerBureauId: t.ownerBureau?.id ?? '',
    targetGradeIds: t.targetGrades.map((g) => g.id),
    targetJobFamilyIds: t.targetJobFamilies.map((j) => j.id),
    hours: String(t.hours),
    fiscalYears: t.fiscalYears,
    mandatory: t.mandatory,
    active: t.active,
    links: {
      staffImageIds: t.links.staffImages.map((s) => s.id),
      initiativeIds: t.links.initiatives.map((i) => i.id),
    },
  };
}

/** What the API is sent for a draft; the owning bureau only for a 部門別研修. */
export function toInput(d: Draft): TrainingInput {
  return {
    ...(d.code.trim() ? { code: d.code.trim() } : {}),
    title: { ja: d.titleJa, en: d.titleEn },
    description: { ja: d.descriptionJa, en: d.descriptionEn },
    kind: d.kind,
    ownerBureauId: d.kind === 'departmental' ? d.ownerBureauId || null : null,
    targetGradeIds: d.targetGradeIds,
    targetJobFamilyIds: d.targetJobFamilyIds,
    hours: Number(d.hours),
    fiscalYears: d.fiscalYears,
    mandatory: d.mandatory,
    active: d.active,
    staffImageIds: d.links.staffImageIds,
    initiativeIds: d.links.initiativeIds,
  };
}

/** A new course: HR starts from an elective of the institute, a bureau officer from their bureau's course. */
export function newDraft(hr: boolean, bureauId: string, fiscalYear: number): Draft {
  return {
    code: '',
    titleJa: '',
    titleEn: '',
    descriptionJa: '',
    descriptionEn: '',
    kind: hr ? 'institute_elective' : 'departmental',
    ownerBureauId: hr ? '' : bureauId,
    targetGradeIds: [],
    targetJobFamilyIds: [],
    hours: '3',
    fiscalYears: [fiscalYear],
    mandatory: false,
    active: true,
    links: { staffImageIds: [], initiativeIds: [] },
  };
}
