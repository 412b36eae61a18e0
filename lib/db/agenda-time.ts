import type { Task } from '../domain/task';

/**
 * When the task next needs the agent: the earlier of its due and scheduled times. Its own module,
 * so sorting a list does not bring the search words (and their phone parser) along.
 */
export function agendaMs(task: Pick<Task, 'dueAt' | 'scheduledAt'>): number {
  const times = [task.dueAt, task.scheduledAt].filter((time) => time !== null).map(Date.parse);
  return times.length > 0 ? Math.min(...times) : Number.POSITIVE_INFINITY;
}
