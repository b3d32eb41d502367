import { fiscalYearOf, type Survey } from '@portal/contracts';

/** A survey round as its editor holds it. */
export type Draft = {
  titleJa: string;
  titleEn: string;
  descriptionJa: string;
  descriptionEn: string;
  fiscalYear: number;
  opensOn: string;
  closesOn: string;
  minGroupSize: number;
  bureauIds: string[];
  gradeIds: string[];
  youngOnly: boolean;
  questionIds: string[];
  previousId: string;
};

const todayIso = () => new Date().toISOString().slice(0, 10);
export const toggle = (list: string[], id: string) =>
  list.includes(id) ? list.filter((x) => x !== id) : [...list, id];

/** The editor's draft of a round, or of a new one for this 年度 opening and closing today. */
export function draftOf(s?: Survey): Draft {
  if (!s) {
    return {
      titleJa: '',
      titleEn: '',
      descriptionJa: '',
      descriptionEn: '',
      fiscalYear: fiscalYearOf(todayIso()),
      opensOn: todayIso(),
      closesOn: todayIso(),
      minGroupSize: 5,
      bureauIds: [],
      gradeIds: [],
      youngOnly: false,
      questionIds: [],
      previousId: '',
    };
  }
  return {
    titleJa: s.title.ja,
    titleEn: s.title.en,
    descriptionJa: s.description.ja,
    descriptionEn: s.description.en,
    fiscalYear: s.fiscalYear,
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    minGroupSize: s.minGroupSize,
    bureauIds: s.population.bureauIds,
    gradeIds: s.population.gradeIds,
    youngOnly: s.population.youngOnly,
    questionIds: s.questions.map((q) => q.questionId),
    previousId: s.previousId ?? '',
  };
}
