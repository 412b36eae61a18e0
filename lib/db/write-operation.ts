import { Dexie, type Table } from 'dexie';
import type { Customer } from '../domain/customer';
import type { HistoryEntry } from '../domain/history';
import type { Task } from '../domain/task';
import {
  customerWithCanonicalTimestamps,
  historyWithCanonicalTimestamp,
  taskWithCanonicalTimestamps,
} from './canonical-timestamps';
import type { WrapupDb } from './database';
import { customerWordsRow } from './task-words-row';

/** Everything one change stores: an operation's result, or what a sync pull brought. */
export interface StoreChanges {
  tasks?: readonly Task[];
  history?: readonly HistoryEntry[];
  customers?: readonly Customer[];
}

/** The customer text a task is found by; when it changes, the customer's tasks are re-indexed. */
function customerSearchText(customer: Customer | undefined): string {
  if (!customer) return '';
  return JSON.stringify([customer.name, customer.company, customer.phones, customer.deletedAt]);
}

async function queueTasksOfCustomers(db: WrapupDb, customers: readonly Customer[]) {
  const before = await db.customers.bulkGet(customers.map((customer) => customer.id));
  const changed = customers.filter(
    (customer, index) => customerSearchText(customer) !== customerSearchText(before[index]),
  );
  if (changed.length === 0) return;
  const taskIds = await db.tasks
    .where('[customerId+createdAt]')
    .inAnyRange(
      changed.map(({ id }) => [
        [id, Dexie.minKey],
        [id, Dexie.maxKey],
      ]),
    )
    .primaryKeys();
  if (taskIds.length > 0) await db.searchQueue.add({ taskIds });
}

/**
 * The tables every write touches. A command that reads before it writes opens its transaction
 * over these (and what it reads), so writeOperation joins it instead of starting its own.
 */
export function writeTables(db: WrapupDb): Table[] {
  return [db.tasks, db.history, db.customers, db.customerWords, db.searchQueue];
}

/**
 * The one place the store is written. Tasks, their history and customers land in a single
 * transaction, so a failure leaves nothing behind; every written task is queued for the search
 * indexer, which catches up behind so a bulk load is not slowed by the word index. The sync
 * outbox joins this transaction.
 */
export async function writeOperation(db: WrapupDb, changes: StoreChanges): Promise<void> {
  const { tasks = [], history = [], customers = [] } = changes;
  await db.transaction('rw', writeTables(db), async () => {
    if (customers.length > 0) {
      await queueTasksOfCustomers(db, customers);
      await db.customers.bulkPut(customers.map(customerWithCanonicalTimestamps));
      await db.customerWords.bulkPut(customers.map(customerWordsRow));
    }
    if (tasks.length > 0) {
      await db.tasks.bulkPut(tasks.map(taskWithCanonicalTimestamps));
      await db.searchQueue.add({ taskIds: tasks.map((task) => task.id) });
    }
    if (history.length > 0) {
      await db.history.bulkPut(history.map(historyWithCanonicalTimestamp));
    }
  });
}
