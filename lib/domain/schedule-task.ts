import { editTask } from './edit-task';
import type { Timestamp } from './ids';
import type { OperationContext, OperationResult } from './operation';
import type { Task } from './task';
import type { TaskRulesOptions } from './task-rules-options';

export interface Schedule {
  scheduledAt: Timestamp | null;
  /** Minutes before the scheduled time; null means the contact center's default. */
  reminderLeadMinutes: number | null;
}

/** Schedules (or, with null, unschedules) a call and the reminder before it (R11). */
export function scheduleTask(
  task: Task,
  schedule: Schedule,
  ctx: OperationContext,
  options: TaskRulesOptions = {},
): OperationResult {
  return editTask(task, schedule, ctx, options);
}
