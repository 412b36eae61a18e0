import { HTTPError, type KyInstance } from 'ky';
import { z } from 'zod';
import { type Customer, CustomerSchema } from '../domain/customer';
import { type HistoryEntry, HistoryEntrySchema } from '../domain/history';
import {
  type Mutation,
  type MutationResult,
  type PullPage,
  PullPageSchema,
  PushAnswerSchema,
} from '../domain/sync-mutations';

export type { PullPage };

import { type Task, TaskSchema } from '../domain/task';

/*
 * The extension's side of the sync wire format (lib/domain/sync-mutations.ts,
 * server/sync/pull.ts). Every answer is checked before it is trusted: a proxy, a wrong server
 * URL or a broken server must not write garbage into the agent's store.
 */

/** Sends mutations in order; the answer has one result per mutation, in the same order. */
export async function pushMutations(
  http: KyInstance,
  mutations: readonly Mutation[],
): Promise<MutationResult[]> {
  const answer = PushAnswerSchema.parse(
    await http.post('v1/sync/push', { json: { mutations } }).json(),
  );
  const byId = new Map(answer.results.map((result) => [result.id, result]));
  return mutations.map((mutation) => {
    const result = byId.get(mutation.id);
    if (!result) throw new Error(`The server did not answer for mutation ${mutation.id}.`);
    return result;
  });
}

export interface PullQuery {
  cursor?: string;
  limit: number;
  customerIds: readonly string[];
  /** Single tasks kept current (opened from a server search). */
  taskIds: readonly string[];
}

/** One page of the agent's working set after `cursor`. */
export async function pullPage(http: KyInstance, query: PullQuery): Promise<PullPage> {
  const searchParams = new URLSearchParams({ limit: String(query.limit), scope: 'working-set' });
  if (query.cursor) searchParams.set('cursor', query.cursor);
  if (query.customerIds.length > 0) searchParams.set('customers', query.customerIds.join(','));
  if (query.taskIds.length > 0) searchParams.set('tasks', query.taskIds.join(','));
  return PullPageSchema.parse(await http.get('v1/sync/pull', { searchParams }).json());
}

const TaskPageSchema = z.object({
  items: z.array(TaskSchema),
  nextCursor: z.string().nullable(),
});
export type TaskPage = z.infer<typeof TaskPageSchema>;

/** A page of tasks from the task list endpoint (newest number first). */
export async function fetchTaskPage(
  http: KyInstance,
  filter: Record<string, string>,
  cursor?: string,
  limit = 200,
): Promise<TaskPage> {
  const searchParams = new URLSearchParams({ ...filter, limit: String(limit) });
  if (cursor) searchParams.set('cursor', cursor);
  return TaskPageSchema.parse(await http.get('v1/tasks', { searchParams }).json());
}

/** What the server holds at `path`, or null when it answers 404 (it never had it). */
async function fetchOrNull(http: KyInstance, path: string): Promise<unknown> {
  try {
    return await http.get(path).json();
  } catch (error) {
    if (error instanceof HTTPError && error.response.status === 404) return null;
    throw error;
  }
}

/** The server's copy of a task, or null when the server has none (it was never created). */
export async function fetchTask(http: KyInstance, id: string): Promise<Task | null> {
  const data = await fetchOrNull(http, `v1/tasks/${encodeURIComponent(id)}`);
  return data === null ? null : TaskSchema.parse(data);
}

const HistoryPageSchema = z.object({ items: z.array(HistoryEntrySchema) });

/** A task's whole history on the server, oldest first. */
export async function fetchTaskHistory(http: KyInstance, taskId: string): Promise<HistoryEntry[]> {
  const path = `v1/tasks/${encodeURIComponent(taskId)}/history`;
  return HistoryPageSchema.parse(await http.get(path).json()).items;
}

/** The server's copy of a customer, or null when the server has none. */
export async function fetchCustomer(http: KyInstance, id: string): Promise<Customer | null> {
  const data = await fetchOrNull(http, `v1/customers/${encodeURIComponent(id)}`);
  return data === null ? null : CustomerSchema.parse(data);
}
