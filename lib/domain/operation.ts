import type { HistoryEntry } from './history';
import type { Id, Timestamp } from './ids';
import type { Task } from './task';

/** Who acts and when: passed in, so the rules stay pure and tests control time and ids. */
export interface OperationContext {
  actorId: Id;
  now: Timestamp;
  newId: () => Id;
}

/**
 * What an operation decided: every task to store (tombstones included) and the history entries
 * to append. The store writes both in one transaction.
 */
export interface OperationResult {
  tasks: Task[];
  history: HistoryEntry[];
}
