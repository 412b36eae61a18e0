import type { Id } from '../../domain/ids';
import type { MutationName, RejectionCode } from '../../domain/sync-mutations';
import type { SyncStatus } from '../../domain/sync-status';
import type { WrapupDb } from '../database';
import { pendingCount, rejectedMutations } from '../outbox-store';
import { loadSession } from '../session-store';
import { loadSyncStatus } from '../sync-status-store';

/** What a refused change was about, as the agent knows it; null once the record is gone. */
export type RefusedRecord =
  | { entity: 'task'; id: Id; number: number | null; subject: string }
  | { entity: 'customer'; id: Id; name: string };

/** A change the server refused, with what it touched and the server's reason. */
export interface RefusedChange {
  id: Id;
  name: MutationName;
  entityId: Id;
  record: RefusedRecord | null;
  code: RejectionCode;
  reason: string;
  errors: { path: string; message: string }[];
}

export interface SyncOverview {
  signedIn: boolean;
  status: SyncStatus;
  pending: number;
  refused: RefusedChange[];
}

/** Everything the sync indicator and its details show, read in one go (a live query follows it). */
export async function loadSyncOverview(db: WrapupDb): Promise<SyncOverview> {
  const [session, status, pending, rows] = await Promise.all([
    loadSession(db),
    loadSyncStatus(db),
    pendingCount(db),
    rejectedMutations(db),
  ]);
  const taskIds = rows.filter((row) => !row.name.startsWith('customer.')).map((r) => r.entityId);
  const customerIds = rows.filter((row) => row.name.startsWith('customer.')).map((r) => r.entityId);
  const [tasks, customers] = await Promise.all([
    db.tasks.bulkGet(taskIds),
    db.customers.bulkGet(customerIds),
  ]);
  const records = new Map<Id, RefusedRecord>();
  for (const task of tasks) {
    if (task) {
      records.set(task.id, {
        entity: 'task',
        id: task.id,
        number: task.number,
        subject: task.subject,
      });
    }
  }
  for (const customer of customers) {
    if (customer) {
      records.set(customer.id, { entity: 'customer', id: customer.id, name: customer.name });
    }
  }
  return {
    signedIn: session !== null,
    status,
    pending,
    refused: rows.map((row) => ({
      id: row.id,
      name: row.name,
      entityId: row.entityId,
      record: records.get(row.entityId) ?? null,
      code: row.rejection?.code ?? 'internal',
      reason: row.rejection?.reason ?? '',
      errors: row.rejection?.errors ?? [],
    })),
  };
}
