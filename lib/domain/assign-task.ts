import { editTask } from './edit-task';
import type { Id } from './ids';
import type { OperationContext, OperationResult } from './operation';
import type { Task } from './task';

/** Gives a task to an agent, or to nobody (null); it then lists among their tasks (R22). */
export function assignTask(
  task: Task,
  assigneeId: Id | null,
  ctx: OperationContext,
): OperationResult {
  return editTask(task, { assigneeId }, ctx);
}
