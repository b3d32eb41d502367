import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { useGrades } from '../../identity/api/get-grades.ts';
import { useOrgUnits } from '../../identity/api/get-org-units.ts';

/** The population in words: everyone, or the chosen 局・区 and grades by name. */
export function useScopeWords() {
  const { t } = useTranslation();
  const l = useLocalized();
  const units = useOrgUnits();
  const grades = useGrades();
  return (bureauIds: string[], gradeIds: string[]) => {
    const unitName = (id: string) => {
      const u = units.data?.items.find((x) => x.id === id);
      return u ? l(u.name) : id;
    };
    const gradeName = (id: string) => {
      const g = grades.data?.items.find((x) => x.id === id);
      return g ? l(g.name) : id;
    };
    const sep = t('selfDeclaration.rounds.listSeparator');
    return {
      bureaus: bureauIds.length ? bureauIds.map(unitName).join(sep) : t('selfDeclaration.rounds.everyBureau'),
      grades: gradeIds.length ? gradeIds.map(gradeName).join(sep) : t('selfDeclaration.rounds.everyGrade'),
    };
  };
}
