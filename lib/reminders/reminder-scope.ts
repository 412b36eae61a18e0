import type { Id } from '../domain/ids';
import type { Task } from '../domain/task';

/**
 * Whose reminders this browser shows. The local store also holds colleagues' tasks (the working
 * set), and their calls are theirs to make: the assignee is reminded, or, for an unassigned task,
 * whoever created it.
 */
export interface ReminderScope {
  agentId: Id;
}

/** A reminder that can still matter: the task is live, still to be done, and the agent's own. */
export function isRemindable(task: Task, scope: ReminderScope): boolean {
  if (task.remindAt === null || task.deletedAt !== null) return false;
  if (task.status === 'completed' || task.status === 'cancelled') return false;
  return (task.assigneeId ?? task.createdBy) === scope.agentId;
}
