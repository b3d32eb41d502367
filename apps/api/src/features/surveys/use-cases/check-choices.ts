import type { SurveyChoice } from '@portal/contracts';
import { BadRequestError, type FieldError } from '../../../shared/errors.ts';

/** 400 unless a choice question has choices (distinct values) and other kinds have none. */
export function checkChoices(input: { kind: string; choices: SurveyChoice[] }): void {
  const errors: FieldError[] = [];
  if (input.kind === 'single_choice') {
    if (input.choices.length < 2)
      errors.push({ field: 'body.choices', message: 'at least two choices', code: 'choices_required' });
    const values = input.choices.map((c) => c.value);
    if (new Set(values).size !== values.length)
      errors.push({ field: 'body.choices', message: 'values must differ', code: 'choices_duplicate' });
  } else if (input.choices.length) {
    errors.push({
      field: 'body.choices',
      message: 'only single-choice questions have choices',
      code: 'choices_not_allowed',
    });
  }
  if (errors.length) throw new BadRequestError('The question’s choices do not fit its kind.', errors);
}
