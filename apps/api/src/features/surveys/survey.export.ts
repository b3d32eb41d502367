/**
 * A round's results as CSV or Excel: the same figures the API shows, after the k-threshold rules
 * (a hidden group is a row that says so, with no figure). Free-text answers are never exported.
 */
import type { SurveyGroupResult, SurveyResults } from '@portal/contracts';
import { type SheetTable, toCsv, toXlsx } from '../dashboards/dashboard.export.ts';

type Lang = 'ja' | 'en';
const L = (lang: Lang, ja: string, en: string) => (lang === 'ja' ? ja : en);

function hiddenNote(lang: Lang, g: SurveyGroupResult): string {
  return g.reason === 'complement'
    ? L(lang, '非表示（他の区分から逆算されるため）', 'Hidden (would reveal a small group)')
    : L(lang, '非表示（回答者が基準人数未満）', 'Hidden (fewer respondents than the threshold)');
}

export function resultTables(r: SurveyResults, lang: Lang): SheetTable[] {
  const groups = [r.overall, ...r.groups];
  const images = r.overall.staffImages ?? r.groups.find((g) => g.staffImages)?.staffImages ?? [];
  const scored = r.questions.filter((q) => q.kind === 'agreement5' || q.kind === 'scale10');
  const scoreTable: SheetTable = {
    title: L(lang, '職員像別スコア', 'Scores by staff image'),
    columns: [
      L(lang, '区分', 'Group'),
      L(lang, '回答者数', 'Respondents'),
      ...images.map((s) => s.title[lang]),
      L(lang, '備考', 'Note'),
    ],
    rows: groups.map((g) =>
      g.suppressed
        ? [g.label[lang], null, ...images.map(() => null), hiddenNote(lang, g)]
        : [
            g.label[lang],
            g.respondents ?? null,
            ...images.map((s) => g.staffImages?.find((x) => x.id === s.id)?.score ?? null),
            '',
          ],
    ),
  };
  const questionTable: SheetTable = {
    title: L(lang, '設問別の平均', 'Mean per question'),
    columns: [
      L(lang, '区分', 'Group'),
      ...scored.map((q) => `${q.code} ${q.text[lang] || q.text.ja}`),
      L(lang, '備考', 'Note'),
    ],
    rows: groups.map((g) =>
      g.suppressed
        ? [g.label[lang], ...scored.map(() => null), hiddenNote(lang, g)]
        : [
            g.label[lang],
            ...scored.map((q) => g.questions?.find((x) => x.questionId === q.questionId)?.mean ?? null),
            '',
          ],
    ),
  };
  return [scoreTable, questionTable];
}

export async function exportResults(r: SurveyResults, format: 'csv' | 'xlsx', lang: Lang) {
  const tables = resultTables(r, lang);
  if (format === 'csv')
    return { type: 'text/csv; charset=utf-8', ext: 'csv', body: toCsv(tables[0] as SheetTable) };
  return {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: 'xlsx',
    body: await toXlsx(
      tables,
      `${r.title[lang] || r.title.ja} — ${L(lang, `基準人数 ${r.minGroupSize}人`, `threshold ${r.minGroupSize}`)}`,
    ),
  };
}
