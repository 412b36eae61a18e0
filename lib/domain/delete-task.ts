import { ConfirmationRequiredError } from './confirmation-required-error';
import { historyEntry } from './history-entry';
import type { OperationContext, OperationResult } from './operation';
import type { Task } from './task';
import { TaskDeletedError } from './task-deleted-error';

export interface DeleteOptions {
  /** The agent saw the warning that a parent and its information will be deleted (R17). */
  confirmed?: boolean;
}

/**
 * Deletes a task as a tombstone (deletedAt set, new version) so the deletion syncs. A parent
 * with clones is deleted only once confirmed (R17), else ConfirmationRequiredError. Each clone
 * then loses its link but keeps the parent's number, and its history records the deletion (R18).
 * `children` may be any tasks: only the live clones of `task` are touched.
 */
export function deleteTask(
  task: Task,
  children: readonly Task[],
  ctx: OperationContext,
  options: DeleteOptions = {},
): OperationResult {
  if (task.deletedAt !== null) throw new TaskDeletedError(task.id);
  const clones = children.filter((child) => child.parentId === task.id && child.deletedAt === null);
  if (clones.length > 0 && options.confirmed !== true) {
    throw new ConfirmationRequiredError(task.id, clones.length);
  }
  const changed = { updatedAt: ctx.now, updatedBy: ctx.actorId };
  const tombstone: Task = { ...task, ...changed, deletedAt: ctx.now, version: task.version + 1 };
  const orphans = clones.map(
    (clone): Task => ({
      ...clone,
      ...changed,
      parentId: null,
      parentNumber: task.number ?? clone.parentNumber,
      version: clone.version + 1,
    }),
  );
  return {
    tasks: [tombstone, ...orphans],
    history: [
      historyEntry(ctx, task.id, { type: 'deleted' }),
      ...orphans.map((orphan) =>
        historyEntry(ctx, orphan.id, {
          type: 'parent_deleted',
          parentId: task.id,
          parentNumber: orphan.parentNumber,
        }),
      ),
    ],
  };
}
