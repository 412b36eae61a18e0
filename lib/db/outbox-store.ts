import type { Customer } from '../domain/customer';
import { type Id, newId } from '../domain/ids';
import { replayOnCustomer, replayOnTask } from '../domain/replay-mutation';
import type { MutationResult } from '../domain/sync-mutations';
import type { Task } from '../domain/task';
import type { OutboxRow, WrapupDb } from './database';
import { RecordNotFoundError } from './record-not-found-error';
import { writeOperation, writeTables } from './write-operation';

/** The oldest changes still to send, in the order they were made. */
export async function pendingMutations(db: WrapupDb, limit: number): Promise<OutboxRow[]> {
  const rows = await db.outbox
    .orderBy('seq')
    .filter((row) => row.state === 'pending')
    .limit(limit);
  return rows.toArray();
}

export async function pendingCount(db: WrapupDb): Promise<number> {
  return db.outbox.where('state').equals('pending').count();
}

/** Changes the server refused, oldest first, each with its reason. */
export async function rejectedMutations(db: WrapupDb): Promise<OutboxRow[]> {
  return db.outbox.where('state').equals('rejected').sortBy('seq');
}

/**
 * Records what the server answered for sent changes, in one transaction. An applied change
 * leaves the outbox with its local history entries (the server's own come with the next pull)
 * and gives a new task its number at once; a refused one stays, marked with the reason, for the
 * agent to fix and retry or discard.
 */
export async function acknowledgeMutations(
  db: WrapupDb,
  results: readonly MutationResult[],
): Promise<void> {
  await db.transaction('rw', writeTables(db), async () => {
    const rows = await db.outbox
      .where('id')
      .anyOf(results.map(({ id }) => id))
      .toArray();
    const byId = new Map(rows.map((row) => [row.id, row]));
    const numbered: Task[] = [];
    for (const result of results) {
      const row = byId.get(result.id);
      if (row?.seq === undefined) continue;
      if (result.status === 'applied') {
        await db.outbox.delete(row.seq);
        await db.history.bulkDelete(row.historyIds);
        const number = result.task?.number;
        if (number != null) {
          const task = await db.tasks.get(result.task?.id ?? '');
          if (task && task.number === null) numbered.push({ ...task, number });
        }
      } else {
        await db.outbox.update(row.seq, {
          state: 'rejected',
          rejection: {
            code: result.code,
            reason: result.reason,
            ...(result.errors ? { errors: result.errors } : {}),
            ...(result.cloneCount === undefined ? {} : { cloneCount: result.cloneCount }),
          },
        });
      }
    }
    if (numbered.length > 0) await writeOperation(db, { tasks: numbered });
  });
}

async function rejectedRow(db: WrapupDb, mutationId: Id): Promise<OutboxRow> {
  const row = await db.outbox.where('id').equals(mutationId).first();
  if (!row || row.seq === undefined || row.state !== 'rejected') {
    throw new RecordNotFoundError('refused change', mutationId);
  }
  return row;
}

/**
 * Sends a refused change again as a new mutation (the server remembers its answer to the old
 * id). A deletion refused for want of confirmation (R17) goes again confirmed, since the agent
 * retries it after reading the warning.
 */
export async function retryRejected(db: WrapupDb, mutationId: Id): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const row = await rejectedRow(db, mutationId);
    const confirm = row.name === 'task.delete' && row.rejection?.code === 'confirmation_required';
    await db.outbox.update(row.seq as number, {
      id: newId(),
      state: 'pending',
      rejection: undefined,
      args: confirm ? { ...row.args, confirmed: true } : row.args,
    });
  });
}

/** What the server holds of a discarded change's record: null when it never had it. */
export type ServerCopy =
  | { entity: 'task'; record: Task | null }
  | { entity: 'customer'; record: Customer | null };

/**
 * Drops a refused change: the record goes back to the server's copy (or away, when the server
 * never had it), with the changes still waiting re-applied on top, and the change's local
 * history goes with it.
 */
export async function discardRejected(
  db: WrapupDb,
  mutationId: Id,
  server: ServerCopy,
  replayAs: { actorId: Id; now: string },
): Promise<void> {
  await db.transaction('rw', writeTables(db), async () => {
    const row = await rejectedRow(db, mutationId);
    await db.outbox.delete(row.seq as number);
    await db.history.bulkDelete(row.historyIds);
    const rest = await db.outbox.where('entityId').equals(row.entityId).sortBy('seq');
    const ctx = { ...replayAs, newId };
    if (server.entity === 'task') {
      if (server.record === null) {
        if (rest.length === 0) {
          await db.tasks.delete(row.entityId);
          await db.searchQueue.add({ taskIds: [row.entityId] });
        }
        return;
      }
      const task = rest.reduce((current, next) => replayOnTask(current, next, ctx), server.record);
      await writeOperation(db, { tasks: [task] });
      return;
    }
    if (server.record === null) {
      if (rest.length === 0) await db.customers.delete(row.entityId);
      return;
    }
    const customer = rest.reduce(
      (current, next) => replayOnCustomer(current, next, ctx),
      server.record,
    );
    await writeOperation(db, { customers: [customer] });
  });
}
