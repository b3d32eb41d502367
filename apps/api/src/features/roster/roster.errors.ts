/** How a roster file is refused: a file refused whole (400), or bad rows (409), as problem-details field errors. */
import { ROSTER_MAX_ERRORS, type RosterRowError } from '@portal/contracts/roster/roster.schemas';
import { AppError, type FieldError } from '../../shared/errors.ts';
import { type ParsedRoster, parseRoster, type RosterFile, RosterFileError } from './roster.parser.ts';

/** The file parsed; refused whole (400) when it cannot be read as a roster. */
export async function readRoster(file: RosterFile): Promise<ParsedRoster> {
  try {
    return await parseRoster(file);
  } catch (error) {
    if (error instanceof RosterFileError) throw fileRefused(error);
    throw error;
  }
}

/** 409 with the bad rows as problem-details field errors (`row[12].grade_code`), the first 500. */
export function invalidFile(invalidRows: number, errors: RosterRowError[]): AppError {
  return new AppError(
    409,
    'roster_invalid_rows',
    `The file has ${invalidRows} invalid row(s); nothing was imported. Correct them and preview again.`,
    {
      errors: errors.slice(0, ROSTER_MAX_ERRORS).map(fieldError),
    },
  );
}

/**
 * 400 for a file refused as a whole, with its stable code: the header's problems as row errors
 * (`row[1].login_id`), otherwise one error on `body` carrying the code and its values (the row limit, …).
 */
function fileRefused(error: RosterFileError): AppError {
  const errors: FieldError[] =
    error.errors.length > 0
      ? error.errors.map(fieldError)
      : [{ field: 'body', message: error.message, code: error.code, params: error.params }];
  return new AppError(400, error.code, error.message, { errors });
}

/** A row error as a problem-details field error: `row[12].grade_code`, with its code and params. */
const fieldError = (e: RosterRowError): FieldError => ({
  field: `row[${e.row}].${e.field}`,
  message: e.message,
  code: e.code,
  params: e.params,
});
