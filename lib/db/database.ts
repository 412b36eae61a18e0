import { Dexie, type Table } from 'dexie';
import type { Customer } from '../domain/customer';
import type { FieldDefinition } from '../domain/field-definition';
import type { HistoryEntry } from '../domain/history';
import type { Id, Timestamp } from '../domain/ids';
import type { MutationName, RejectionCode } from '../domain/sync-mutations';
import type { Task } from '../domain/task';
import type { TaskKind, TaskStatus } from '../domain/task-kind';
import type { TransactionCode } from '../domain/transaction-code';
import type { User } from '../domain/user';

/**
 * One posting key of the word index: a word of the task's text and the task's status, as
 * `word` + SEARCH_TERM_SEPARATOR + `status`. A string (not an array key) because IndexedDB
 * indexes strings about twice as fast; words hold only letters and digits, so the separator
 * never occurs in one, and a word's prefix range still covers every status.
 */
export type SearchTerm = string;
export const SEARCH_TERM_SEPARATOR = '\u0001';

/**
 * A task's entry in the search index. Its primary key `rank` orders entries last changed first,
 * so each word's postings come out of the index already in the default search order; keying the
 * postings by status as well makes a status filter a narrower range instead of a check. The other
 * fields let search filter and sort without opening the task. Times are epoch milliseconds; a
 * task with neither due nor scheduled time has `dueMs` Infinity, so it sorts last.
 */
export interface TaskWordsRow {
  rank: string;
  taskId: Id;
  terms: SearchTerm[];
  kind: TaskKind;
  status: TaskStatus;
  customerId: Id | null;
  assigneeId: Id | null;
  codes: string[];
  createdMs: number;
  updatedMs: number;
  dueMs: number;
}

/**
 * Tasks whose search entry is missing or stale, one row per write (not per task, which would
 * cost a bulk load a write per task); the indexer works through them in order.
 */
export interface SearchQueueRow {
  seq?: number;
  taskIds: Id[];
}

/**
 * A word the task search index has held, so a query's prefix finds its words in one key read:
 * walking the distinct keys of the word index itself passes every posting of every such word,
 * which on disk took hundreds of milliseconds for a common prefix. Words are never taken out;
 * one no task holds any more just has no postings.
 */
export interface IndexedWordRow {
  word: string;
}

export interface CustomerWordsRow {
  customerId: Id;
  words: string[];
}

/** Why the server refused a mutation, as its push result said. */
export interface OutboxRejection {
  code: RejectionCode;
  reason: string;
  errors?: { path: string; message: string }[];
  cloneCount?: number;
}

/**
 * A local change waiting for the server (lib/domain/sync-mutations.ts), in the order it was
 * made (`seq`). `id` is the mutation's idempotency key. A rejected change stays, with the
 * server's reason, until the agent retries or discards it: it is never dropped silently.
 * `historyIds` are the local history entries the change wrote; once the server has it, its own
 * entries (pulled) take their place.
 */
export interface OutboxRow {
  seq?: number;
  id: Id;
  name: MutationName;
  args: Record<string, unknown>;
  entityId: Id;
  historyIds: Id[];
  state: 'pending' | 'rejected';
  createdAt: Timestamp;
  rejection?: OutboxRejection;
}

/** Small settings and markers (contact-center settings, sync cursors), one row per key. */
export interface MetaRow {
  key: string;
  value: unknown;
}

const TASK_INDEXES = [
  'id',
  'number',
  'transactionId',
  'call.number',
  'updatedAt',
  'remindAt',
  '[assigneeId+updatedAt]',
  '[assigneeId+createdAt]',
  '[assigneeId+dueAt]',
  '[assigneeId+scheduledAt]',
  '[customerId+createdAt]',
  'parentId',
];

/**
 * The extension's local store. Null values are left out of IndexedDB indexes, so the indexes on
 * optional fields (number, remindAt, scheduledAt, dueAt…) only hold the tasks that have them.
 */
export class WrapupDb extends Dexie {
  tasks!: Table<Task, Id>;
  history!: Table<HistoryEntry, Id>;
  customers!: Table<Customer, Id>;
  users!: Table<User, Id>;
  fieldDefinitions!: Table<FieldDefinition, Id>;
  transactionCodes!: Table<TransactionCode, string>;
  meta!: Table<MetaRow, string>;
  taskWords!: Table<TaskWordsRow, string>;
  searchQueue!: Table<SearchQueueRow, number>;
  customerWords!: Table<CustomerWordsRow, Id>;
  indexedWords!: Table<IndexedWordRow, string>;
  outbox!: Table<OutboxRow, number>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      tasks: TASK_INDEXES.join(','),
      history: 'id,[taskId+at]',
      customers: 'id,*phones,updatedAt',
      users: 'id',
      fieldDefinitions: 'id,&key',
      transactionCodes: 'code',
      meta: 'key',
      taskWords: 'rank,&taskId,*terms,[createdMs+taskId],[dueMs+taskId]',
      searchQueue: '++seq',
      customerWords: 'customerId,*words',
    });
    this.version(2)
      .stores({ indexedWords: 'word' })
      .upgrade(async (transaction) => {
        // The word list starts empty: index every task again, which fills it.
        await transaction.table('taskWords').clear();
        const taskIds = await transaction.table('tasks').toCollection().primaryKeys();
        if (taskIds.length > 0) await transaction.table('searchQueue').add({ taskIds });
      });
    this.version(3).stores({ outbox: '++seq,&id,state,entityId' });
    // "My tasks" by status: an agent with 100,000 tasks, nearly all completed, lists their open
    // ones without reading the rest.
    this.version(4).stores({ tasks: [...TASK_INDEXES, '[assigneeId+status+updatedAt]'].join(',') });
  }
}

export function openWrapupDb(name = 'wrapup'): WrapupDb {
  return new WrapupDb(name);
}
