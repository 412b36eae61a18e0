import { editTask } from './edit-task';
import type { OperationContext, OperationResult } from './operation';
import type { Task } from './task';
import type { TaskStatus } from './task-kind';

/** Moves a task to another status; needs the change_status permission (see editPermissions). */
export function changeStatus(
  task: Task,
  status: TaskStatus,
  ctx: OperationContext,
): OperationResult {
  return editTask(task, { status }, ctx);
}
