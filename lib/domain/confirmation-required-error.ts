import type { Id } from './ids';

/**
 * Deleting a task that has clones needs the agent's explicit go-ahead (R17). The UI catches this
 * to show its warning with the number of clones, then repeats the call with `confirmed: true`.
 */
export class ConfirmationRequiredError extends Error {
  override readonly name = 'ConfirmationRequiredError';
  constructor(
    readonly taskId: Id,
    readonly cloneCount: number,
  ) {
    super(
      `This task has ${cloneCount} ${cloneCount === 1 ? 'clone' : 'clones'}. Deleting it permanently deletes the task and its information; confirm to continue.`,
    );
  }
}
