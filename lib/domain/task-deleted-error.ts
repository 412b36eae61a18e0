import type { Id } from './ids';

/** A deleted task is a tombstone kept for sync: it can be read in history, never changed. */
export class TaskDeletedError extends Error {
  override readonly name = 'TaskDeletedError';
  constructor(readonly taskId: Id) {
    super('This task was deleted and can no longer be changed.');
  }
}
