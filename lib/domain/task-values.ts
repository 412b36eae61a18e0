import type { z } from 'zod';
import { type Task, TaskSchema } from './task';

/**
 * What a task says, as opposed to its bookkeeping (id, number, timestamps, authors, version,
 * tombstone, when the call was logged). The 'created' history entry records these, and every
 * later change to one of them is a history entry too, so replaying the history gives them back
 * (R25).
 */
export const TaskValuesSchema = TaskSchema.omit({
  id: true,
  number: true,
  createdAt: true,
  updatedAt: true,
  createdBy: true,
  updatedBy: true,
  version: true,
  deletedAt: true,
  loggedAt: true,
  loggedBy: true,
});
export type TaskValues = z.infer<typeof TaskValuesSchema>;
export type TaskValueKey = keyof TaskValues;

export const TASK_VALUE_KEYS = Object.keys(TaskValuesSchema.shape) as TaskValueKey[];

export function taskValues(task: Task): TaskValues {
  return structuredClone(
    Object.fromEntries(TASK_VALUE_KEYS.map((key) => [key, task[key]])) as TaskValues,
  );
}
