/** Every feature's matrix rows, in the order they run. */
import { careerRows } from './career.rows.ts';
import { dialogueRows } from './dialogue.rows.ts';
import { identityRows } from './identity.rows.ts';
import { notificationRows } from './notification.rows.ts';
import { ojtRows } from './ojt.rows.ts';
import { orgRows } from './org.rows.ts';
import { planRows } from './plan.rows.ts';
import { selfDeclarationRows } from './self-declaration.rows.ts';
import { surveyRows } from './surveys.rows.ts';
import { trainingRows } from './training.rows.ts';
import type { MatrixRows } from './types.ts';

export const featureRows: MatrixRows[] = [
  identityRows,
  orgRows,
  careerRows,
  ojtRows,
  planRows,
  trainingRows,
  notificationRows,
  dialogueRows,
  selfDeclarationRows,
  surveyRows,
];
