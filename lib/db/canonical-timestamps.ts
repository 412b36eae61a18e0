import { canonicalTimestamp } from '../domain/canonical-timestamp';
import type { Customer } from '../domain/customer';
import type { HistoryEntry } from '../domain/history';
import type { Timestamp } from '../domain/ids';
import type { Task } from '../domain/task';

/*
 * IndexedDB orders strings by code unit, so "…T10:00:00+02:00", "…T08:00:00Z" and
 * "…T08:00:00.000Z" would sort as three different instants. The domain rules already write
 * canonical instants; what arrives from elsewhere (a sync pull, an import) is made canonical here
 * before it reaches an index.
 */

function canonicalOrNull(timestamp: Timestamp | null): Timestamp | null {
  return timestamp === null ? null : canonicalTimestamp(timestamp);
}

export function taskWithCanonicalTimestamps(task: Task): Task {
  return {
    ...task,
    createdAt: canonicalTimestamp(task.createdAt),
    updatedAt: canonicalTimestamp(task.updatedAt),
    dueAt: canonicalOrNull(task.dueAt),
    scheduledAt: canonicalOrNull(task.scheduledAt),
    remindAt: canonicalOrNull(task.remindAt),
    deletedAt: canonicalOrNull(task.deletedAt),
  };
}

export function historyWithCanonicalTimestamp(entry: HistoryEntry): HistoryEntry {
  return { ...entry, at: canonicalTimestamp(entry.at) };
}

export function customerWithCanonicalTimestamps(customer: Customer): Customer {
  return {
    ...customer,
    createdAt: canonicalTimestamp(customer.createdAt),
    updatedAt: canonicalTimestamp(customer.updatedAt),
    deletedAt: canonicalOrNull(customer.deletedAt),
  };
}
