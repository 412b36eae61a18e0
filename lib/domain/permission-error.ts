import type { TaskAction } from './permissions';

/** What a user may be refused: an action on tasks (or customers), or administering the setup. */
export type RefusedAction = TaskAction | 'administer';

/** The user may not do this; the server answers 403 with the reason. */
export class PermissionError extends Error {
  override readonly name = 'PermissionError';
  constructor(
    readonly action: RefusedAction,
    readonly reason: string,
  ) {
    super(reason);
  }
}
