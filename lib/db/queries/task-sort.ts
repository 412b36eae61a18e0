import type { Task } from '../../domain/task';
import { agendaMs } from '../agenda-time';
import type { TaskWordsRow } from '../database';

export const TASK_SORTS = ['updated_desc', 'due_asc', 'created_desc'] as const;
/** Last changed first (the default), next due first, or newest first. */
export type TaskSort = (typeof TASK_SORTS)[number];

interface SortKey {
  ms: number;
  id: string;
}

/** Ties are broken by id, in the direction of the sort, exactly as the compound indexes do. */
function compareKeys(sort: TaskSort, a: SortKey, b: SortKey): number {
  const ascending = sort === 'due_asc';
  const order = a.ms === b.ms ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.ms < b.ms ? -1 : 1;
  return ascending ? order : -order;
}

function taskKey(sort: TaskSort, task: Task): SortKey {
  switch (sort) {
    case 'updated_desc':
      return { ms: Date.parse(task.updatedAt), id: task.id };
    case 'created_desc':
      return { ms: Date.parse(task.createdAt), id: task.id };
    case 'due_asc':
      return { ms: agendaMs(task), id: task.id };
  }
}

function rowKey(sort: 'created_desc' | 'due_asc', row: TaskWordsRow): SortKey {
  return { ms: sort === 'created_desc' ? row.createdMs : row.dueMs, id: row.taskId };
}

export function compareTasks(sort: TaskSort): (a: Task, b: Task) => number {
  return (a, b) => compareKeys(sort, taskKey(sort, a), taskKey(sort, b));
}

/** Search order for the sorts other than the rank (which is the order of its primary key). */
export function compareWordsRows(
  sort: 'created_desc' | 'due_asc',
): (a: TaskWordsRow, b: TaskWordsRow) => number {
  return (a, b) => compareKeys(sort, rowKey(sort, a), rowKey(sort, b));
}
