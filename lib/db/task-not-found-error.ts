import type { Id } from '../domain/ids';

/** The task is not in this browser's store (never synced here, or removed from the working set). */
export class TaskNotFoundError extends Error {
  override readonly name = 'TaskNotFoundError';
  constructor(readonly taskId: Id) {
    super('This task is not available here.');
  }
}
