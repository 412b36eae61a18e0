import type { Customer } from '../domain/customer';
import type { Id } from '../domain/ids';
import type { Task } from '../domain/task';
import type { SearchQueueRow, TaskWordsRow, WrapupDb } from './database';
import { rowWords, taskIdOfRank, taskWordsRow } from './task-words-row';

/** Small enough that a save waiting behind one batch's index write is not noticed. */
export const DEFAULT_INDEX_BATCH = 200;

/** The search rows of the given tasks as they are now; deleted and missing tasks have none. */
export async function currentWordsRows(
  db: WrapupDb,
  tasks: readonly (Task | undefined)[],
): Promise<TaskWordsRow[]> {
  const live = tasks.filter((task): task is Task => task !== undefined && task.deletedAt === null);
  const customerIds = [
    ...new Set(live.flatMap((task) => (task.customerId ? [task.customerId] : []))),
  ];
  const customers = new Map<Id, Customer>();
  for (const customer of await db.customers.bulkGet(customerIds)) {
    if (customer) customers.set(customer.id, customer);
  }
  return live.map((task) =>
    taskWordsRow(task, task.customerId ? customers.get(task.customerId) : undefined),
  );
}

/**
 * The tasks with these ids (sorted, as the queue gives them). A bulk load queues tasks in id
 * order, so they are usually one contiguous key range, read in one request instead of one per id.
 */
async function tasksByIds(db: WrapupDb, sortedIds: readonly Id[]): Promise<(Task | undefined)[]> {
  const first = sortedIds[0];
  const last = sortedIds.at(-1);
  if (first === undefined || last === undefined) return [];
  const range = db.tasks.where('id').between(first, last, true, true);
  if ((await range.count()) > sortedIds.length * 2) return db.tasks.bulkGet([...sortedIds]);
  const wanted = new Set(sortedIds);
  return (await range.toArray()).filter((task) => wanted.has(task.id));
}

/**
 * The ranks the tasks are indexed under now. Ranks end with the task id, so when the ids are
 * most of a key range of the index (always, in a bulk load) one range read answers for all.
 */
async function indexedRanks(db: WrapupDb, sortedIds: readonly Id[]): Promise<string[]> {
  const first = sortedIds[0];
  const last = sortedIds.at(-1);
  if (first === undefined || last === undefined) return [];
  const range = db.taskWords.where('taskId').between(first, last, true, true);
  if ((await range.count()) <= sortedIds.length * 2) {
    const wanted = new Set(sortedIds);
    return (await range.primaryKeys()).filter((rank) => wanted.has(taskIdOfRank(rank)));
  }
  const ranks = await Promise.all(
    sortedIds.map((taskId) => db.taskWords.where('taskId').equals(taskId).primaryKeys()),
  );
  return ranks.flat();
}

interface IndexBatch {
  queued: SearchQueueRow[];
  taskIds: Id[];
  rows: TaskWordsRow[];
}

/** Reads the next queue rows, up to about `batchSize` tasks, and the rows their tasks need now. */
function readBatch(db: WrapupDb, batchSize: number): Promise<IndexBatch> {
  return db.transaction('r', [db.searchQueue, db.tasks, db.customers], async () => {
    const queued: SearchQueueRow[] = [];
    let count = 0;
    await db.searchQueue
      .toCollection()
      .until(() => count >= batchSize)
      .each((row) => {
        queued.push(row);
        count += row.taskIds.length;
      });
    const taskIds = [...new Set(queued.flatMap((row) => row.taskIds))].sort();
    return { queued, taskIds, rows: await currentWordsRows(db, await tasksByIds(db, taskIds)) };
  });
}

/**
 * Stores a batch's rows and takes its tasks off the queue, unless another indexer took one of
 * its queue rows first (then this batch may be older than what that one stored). A task changed
 * after the batch was read has a newer queue row, so it stays queued and is indexed again.
 */
function commitBatch(db: WrapupDb, batch: IndexBatch): Promise<boolean> {
  return db.transaction('rw', [db.searchQueue, db.taskWords, db.indexedWords], async () => {
    const seqs = batch.queued.flatMap((row) => (row.seq === undefined ? [] : [row.seq]));
    if ((await db.searchQueue.bulkGet(seqs)).some((row) => row === undefined)) return false;
    const ranks = new Set(batch.rows.map((row) => row.rank));
    const previous = await indexedRanks(db, batch.taskIds);
    await db.taskWords.bulkDelete(previous.filter((rank) => !ranks.has(rank)));
    await db.taskWords.bulkPut(batch.rows);
    const words = new Set(batch.rows.flatMap(rowWords));
    await db.indexedWords.bulkPut([...words].map((word) => ({ word })));
    await db.searchQueue.bulkDelete(seqs);
    return true;
  });
}

/**
 * Brings queued tasks into the search index, whole queue rows at a time until about `batchSize`
 * tasks. Tasks are read in a read-only transaction, so saving a task waits only for the index
 * write. Returns how many tasks it indexed; 0 when nothing is queued.
 */
export async function indexPendingTasks(
  db: WrapupDb,
  batchSize = DEFAULT_INDEX_BATCH,
): Promise<number> {
  for (;;) {
    const batch = await readBatch(db, batchSize);
    if (batch.queued.length === 0) return 0;
    if (await commitBatch(db, batch)) return batch.taskIds.length;
  }
}

/** Indexes until the queue is empty (or `signal` aborts); returns how many tasks it indexed. */
export async function catchUpSearchIndex(
  db: WrapupDb,
  options: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<number> {
  let total = 0;
  while (!options.signal?.aborted) {
    const indexed = await indexPendingTasks(db, options.batchSize);
    if (indexed === 0) break;
    total += indexed;
  }
  return total;
}

/** True when every stored task is in the search index as it is now. */
export async function isSearchIndexComplete(db: WrapupDb): Promise<boolean> {
  return (await db.searchQueue.count()) === 0;
}
