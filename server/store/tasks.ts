import type { Kysely } from 'kysely';
import type { HistoryEntry } from '../../lib/domain/history';
import type { OperationResult } from '../../lib/domain/operation';
import type { Task } from '../../lib/domain/task';
import type { Database } from '../db/schema';
import type { ChangeScope, Writer } from './write-transaction';

export async function loadTask(
  db: Kysely<Database>,
  tenantId: string,
  id: string,
): Promise<Task | undefined> {
  const row = await db
    .selectFrom('tasks')
    .select('data')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.data;
}

/** Every task cloned from `parentId` (live or not): deleteTask picks the ones it touches. */
export async function loadChildren(
  db: Kysely<Database>,
  tenantId: string,
  parentId: string,
): Promise<Task[]> {
  const rows = await db
    .selectFrom('tasks')
    .select('data')
    .where('tenant_id', '=', tenantId)
    .where('parent_id', '=', parentId)
    .execute();
  return rows.map((row) => row.data);
}

export async function loadHistory(
  db: Kysely<Database>,
  tenantId: string,
  taskId: string,
): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('task_history')
    .select('entry')
    .where('tenant_id', '=', tenantId)
    .where('task_id', '=', taskId)
    .orderBy('at')
    .execute();
  return rows.map((row) => row.entry);
}

function scopeOf(task: Task): ChangeScope {
  return { assigneeId: task.assigneeId, customerId: task.customerId, touchedAt: task.updatedAt };
}

/**
 * Stores what a domain operation decided, in the writer's transaction: its tasks (a new task
 * gets the contact center's next number here) and its history entries, each recorded for pull.
 * Returns the tasks as stored.
 */
export async function storeOperation(writer: Writer, result: OperationResult): Promise<Task[]> {
  const stored: Task[] = [];
  const scopes = new Map<string, ChangeScope>();
  for (const given of result.tasks) {
    const task =
      given.number === null ? { ...given, number: await writer.nextTaskNumber() } : given;
    const columns = {
      number: task.number as number,
      kind: task.kind,
      status: task.status,
      assignee_id: task.assigneeId,
      customer_id: task.customerId,
      parent_id: task.parentId,
      transaction_id: task.transactionId,
      updated_at: task.updatedAt,
      deleted_at: task.deletedAt,
      data: JSON.stringify(task),
    };
    await writer.trx
      .insertInto('tasks')
      .values({ tenant_id: writer.tenantId, id: task.id, ...columns })
      .onConflict((conflict) => conflict.columns(['tenant_id', 'id']).doUpdateSet(columns))
      .execute();
    await writer.record('task', task.id, task, scopeOf(task));
    scopes.set(task.id, scopeOf(task));
    stored.push(task);
  }
  for (const entry of result.history) {
    await writer.trx
      .insertInto('task_history')
      .values({
        tenant_id: writer.tenantId,
        id: entry.id,
        task_id: entry.taskId,
        at: entry.at,
        entry: JSON.stringify(entry),
      })
      .execute();
    let scope = scopes.get(entry.taskId);
    if (!scope) {
      const task = await loadTask(writer.trx, writer.tenantId, entry.taskId);
      scope = task ? scopeOf(task) : { assigneeId: null, customerId: null, touchedAt: entry.at };
      scopes.set(entry.taskId, scope);
    }
    await writer.record('history', entry.id, entry, scope);
  }
  return stored;
}
