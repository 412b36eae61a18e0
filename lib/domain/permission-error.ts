import type { TaskAction } from './permissions';

/** The user may not do this; the server answers 403 with the reason. */
export class PermissionError extends Error {
  override readonly name = 'PermissionError';
  constructor(
    readonly action: TaskAction,
    readonly reason: string,
  ) {
    super(reason);
  }
}
