import type { Task } from '../../domain/task';
import { agendaMs } from '../agenda-time';
import type { TaskWordsRow } from '../database';

export const TASK_SORTS = ['updated_desc', 'due_asc', 'created_desc'] as const;
/** Last changed first (the default), next due first, or newest first. */
export type TaskSort = (typeof TASK_SORTS)[number];

/** A search's order when the agent picked none: the rank's, last changed first. */
export const DEFAULT_SEARCH_SORT: TaskSort = 'updated_desc';

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

/**
 * The order of search results, for tasks from elsewhere to join them: the rank's for
 * `updated_desc` (last changed first, ties by id ascending, as searchRank spells it), else the
 * sort's own.
 */
export function compareSearchResults(sort: TaskSort): (a: Task, b: Task) => number {
  if (sort !== 'updated_desc') return compareTasks(sort);
  return (a, b) => {
    const newerFirst = Date.parse(b.updatedAt) - Date.parse(a.updatedAt);
    return newerFirst !== 0 ? newerFirst : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** Search order for the sorts other than the rank (which is the order of its primary key). */
export function compareWordsRows(
  sort: 'created_desc' | 'due_asc',
): (a: TaskWordsRow, b: TaskWordsRow) => number {
  return (a, b) => compareKeys(sort, rowKey(sort, a), rowKey(sort, b));
}
