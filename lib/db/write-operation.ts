import { Dexie, type Table } from 'dexie';
import type { Customer } from '../domain/customer';
import type { FieldDefinition } from '../domain/field-definition';
import type { HistoryEntry } from '../domain/history';
import { type Id, newId } from '../domain/ids';
import type { OutboxMutation } from '../domain/outbox-mutation';
import type { Task } from '../domain/task';
import type { TransactionCode } from '../domain/transaction-code';
import type { User } from '../domain/user';
import {
  customerWithCanonicalTimestamps,
  historyWithCanonicalTimestamp,
  taskWithCanonicalTimestamps,
} from './canonical-timestamps';
import type { OutboxRow, WrapupDb } from './database';
import { customerWordsRow } from './task-words-row';

/** Everything one change stores: an operation's result, or what a sync pull brought. */
export interface StoreChanges {
  tasks?: readonly Task[];
  history?: readonly HistoryEntry[];
  customers?: readonly Customer[];
  fieldDefinitions?: readonly FieldDefinition[];
  transactionCodes?: readonly TransactionCode[];
  users?: readonly User[];
  /** The local change as the server will replay it; absent for what a sync pull brought. */
  mutations?: readonly OutboxMutation[];
}

/** The customer text a task is found by; when it changes, the customer's tasks are re-indexed. */
function customerSearchText(customer: Customer | undefined): string {
  if (!customer) return '';
  return JSON.stringify([customer.name, customer.company, customer.phones, customer.deletedAt]);
}

/** Reading this many task entries per customer of a span is cheaper than a lookup each. */
const SPAN_ENTRIES_PER_CUSTOMER = 8;

/**
 * The ids of the tasks of these customers. A bulk write (an import, a first sync) brings mostly
 * customers no stored task points to yet, and one read of the index span their ids cover answers
 * for all of them; only a crowded span falls back to one range per customer.
 */
async function taskIdsOfCustomers(db: WrapupDb, customerIds: readonly Id[]): Promise<Id[]> {
  const sorted = [...customerIds].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return [];
  const wanted = new Set(sorted);
  const limit = sorted.length * SPAN_ENTRIES_PER_CUSTOMER;
  const found: Id[] = [];
  let read = 0;
  await db.tasks
    .where('[customerId+createdAt]')
    .between([first, Dexie.minKey], [last, Dexie.maxKey])
    .limit(limit + 1)
    .eachKey((key, cursor) => {
      read += 1;
      if (wanted.has((key as [Id, string])[0])) found.push(cursor.primaryKey);
    });
  if (read <= limit) return found;
  return db.tasks
    .where('[customerId+createdAt]')
    .inAnyRange(
      sorted.map((id) => [
        [id, Dexie.minKey],
        [id, Dexie.maxKey],
      ]),
    )
    .primaryKeys();
}

async function queueTasksOfCustomers(db: WrapupDb, customers: readonly Customer[]) {
  const before = await db.customers.bulkGet(customers.map((customer) => customer.id));
  const changed = customers.filter(
    (customer, index) => customerSearchText(customer) !== customerSearchText(before[index]),
  );
  if (changed.length === 0) return;
  const taskIds = await taskIdsOfCustomers(
    db,
    changed.map(({ id }) => id),
  );
  if (taskIds.length > 0) await db.searchQueue.add({ taskIds });
}

/**
 * The tables every write touches. A command that reads before it writes opens its transaction
 * over these (and what it reads), so writeOperation joins it instead of starting its own.
 */
export function writeTables(db: WrapupDb): Table[] {
  return [
    db.tasks,
    db.history,
    db.customers,
    db.customerWords,
    db.searchQueue,
    db.fieldDefinitions,
    db.transactionCodes,
    db.users,
    db.outbox,
  ];
}

/**
 * Outbox rows for a change's mutations, in order. Each history entry the change wrote belongs to
 * the mutation about its task (else the first), so acknowledging a mutation can hand its entries
 * over to the server's.
 */
function outboxRows(
  mutations: readonly OutboxMutation[],
  history: readonly HistoryEntry[],
): OutboxRow[] {
  const createdAt = new Date().toISOString();
  const rows: OutboxRow[] = mutations.map((mutation) => ({
    id: newId(),
    name: mutation.name,
    args: mutation.args as Record<string, unknown>,
    entityId: mutation.entityId,
    historyIds: [],
    state: 'pending',
    createdAt,
  }));
  for (const entry of history) {
    const owner = rows.find((row) => row.entityId === entry.taskId) ?? rows[0];
    owner?.historyIds.push(entry.id);
  }
  return rows;
}

/**
 * The one place the store is written. Tasks, their history, customers and the contact center's
 * setup (custom fields, transaction codes, users) land in a single transaction, so a failure
 * leaves nothing behind; every written task is queued for the search indexer, which catches up
 * behind so a bulk load is not slowed by the word index. The change's sync mutations join the
 * outbox in the same transaction: a change is never stored without the means to send it.
 */
export async function writeOperation(db: WrapupDb, changes: StoreChanges): Promise<void> {
  const { tasks = [], history = [], customers = [] } = changes;
  const { fieldDefinitions = [], transactionCodes = [], users = [] } = changes;
  await db.transaction('rw', writeTables(db), async () => {
    if (fieldDefinitions.length > 0) await db.fieldDefinitions.bulkPut([...fieldDefinitions]);
    if (transactionCodes.length > 0) await db.transactionCodes.bulkPut([...transactionCodes]);
    if (users.length > 0) await db.users.bulkPut([...users]);
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
    if (changes.mutations && changes.mutations.length > 0) {
      await db.outbox.bulkAdd(outboxRows(changes.mutations, history));
    }
  });
}
