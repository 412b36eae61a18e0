import { ConfirmationRequiredError } from '../../lib/domain/confirmation-required-error';
import { PermissionError } from '../../lib/domain/permission-error';
import { SystemCodeError } from '../../lib/domain/system-code-error';
import { TaskDeletedError } from '../../lib/domain/task-deleted-error';
import { ValidationError } from '../../lib/domain/validation-error';
import { ProblemError } from './problem-error';

/**
 * The problem an expected error stands for: bad input (400, one message per field), a refused
 * permission or a system code (403 with the reason), a deleted task or a missing confirmation (409). Undefined
 * for anything unexpected, which the app logs and answers with a bare 500.
 */
export function expectedProblem(error: unknown): ProblemError | undefined {
  if (error instanceof ProblemError) return error;
  if (error instanceof ValidationError) {
    return new ProblemError(400, 'Some values are not valid.', { errors: error.issues });
  }
  if (error instanceof PermissionError) return new ProblemError(403, error.reason);
  if (error instanceof SystemCodeError) return new ProblemError(403, error.message);
  if (error instanceof TaskDeletedError) return new ProblemError(409, error.message);
  if (error instanceof ConfirmationRequiredError) {
    return new ProblemError(409, error.message, {
      confirmationRequired: true,
      cloneCount: error.cloneCount,
    });
  }
  return undefined;
}
