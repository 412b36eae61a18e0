import type { KyInstance } from 'ky';
import { z } from 'zod';
import { applyPulledPage } from '../db/apply-pulled-changes';
import type { WrapupDb } from '../db/database';
import { type Task, TaskSchema } from '../domain/task';

/** How many of the server's matches one "Search the server too" brings. */
export const SERVER_SEARCH_LIMIT = 50;

const SearchAnswerSchema = z.object({ items: z.array(z.unknown()) });

/**
 * Tasks the server finds for `query` (PostgreSQL full-text over subject and notes), newest
 * number first. Each is checked against the task schema: one the extension cannot trust is left
 * out rather than shown.
 */
export async function searchServerTasks(
  http: KyInstance,
  query: string,
  limit = SERVER_SEARCH_LIMIT,
): Promise<Task[]> {
  const searchParams = new URLSearchParams({ q: query.trim().slice(0, 200), limit: String(limit) });
  const answer = SearchAnswerSchema.parse(await http.get('v1/tasks', { searchParams }).json());
  return answer.items.flatMap((item) => {
    const parsed = TaskSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Keeps a task found on the server in the local store, as a pulled change (waiting local changes
 * re-applied on top), so it opens like any other. Throws when the store refuses it.
 */
export async function storeFoundTask(
  db: WrapupDb,
  task: Task,
  replayAs: { actorId: string; now: string },
): Promise<void> {
  const { refused } = await applyPulledPage(db, [{ entity: 'task', data: task }], null, replayAs);
  if (refused > 0) throw new Error('The server’s copy of this task could not be stored.');
}
