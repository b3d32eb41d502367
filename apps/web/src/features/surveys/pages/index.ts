/** The survey pages, loaded together on the first visit to /surveys. */
export { AnswerPage } from './answer-page.tsx';
export { QuestionBankPage } from './question-bank-page.tsx';
export { ResultsPage } from './results-page.tsx';
export { RoundEditorPage } from './round-editor-page.tsx';
export { SurveysPage } from './surveys-page.tsx';
