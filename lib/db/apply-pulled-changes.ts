import { type Customer, CustomerSchema } from '../domain/customer';
import { type FieldDefinition, FieldDefinitionSchema } from '../domain/field-definition';
import { type HistoryEntry, HistoryEntrySchema } from '../domain/history';
import { newId } from '../domain/ids';
import { replayOnCustomer, replayOnTask } from '../domain/replay-mutation';
import { SettingsSchema } from '../domain/settings';
import { type Task, TaskSchema } from '../domain/task';
import { type TransactionCode, TransactionCodeSchema } from '../domain/transaction-code';
import { type User, UserSchema } from '../domain/user';
import type { OutboxRow, WrapupDb } from './database';
import { saveSettings } from './settings-store';
import { storeCursor } from './sync-meta';
import { writeOperation, writeTables } from './write-operation';

/** A change as pulled: the entity's kind and its latest state, not trusted yet. */
export interface PulledRecord {
  entity: string;
  data: unknown;
}

export interface AppliedPage {
  applied: number;
  /** Changes whose data did not pass their schema: left out, so they cannot corrupt the store. */
  refused: number;
  taskCount: number;
}

/** Re-applies the changes still waiting for the server on top of what it sent. */
async function rebase<T extends { id: string }>(
  db: WrapupDb,
  records: T[],
  replay: (record: T, row: OutboxRow) => T,
): Promise<T[]> {
  if (records.length === 0) return records;
  const waiting = await db.outbox
    .where('entityId')
    .anyOf(records.map(({ id }) => id))
    .sortBy('seq');
  if (waiting.length === 0) return records;
  return records.map((record) =>
    waiting.filter((row) => row.entityId === record.id).reduce(replay, record),
  );
}

/**
 * Stores one pulled page and the cursor after it in one transaction: a crash leaves either
 * both or neither, so no change is skipped and none is lost. Changes still in the outbox are
 * re-applied on top, so the agent keeps seeing their own work until the server has it,
 * as `replayAs` (the signed-in agent, now).
 */
export async function applyPulledPage(
  db: WrapupDb,
  changes: readonly PulledRecord[],
  cursor: string | null,
  replayAs: { actorId: string; now: string },
): Promise<AppliedPage> {
  const tasks: Task[] = [];
  const history: HistoryEntry[] = [];
  const customers: Customer[] = [];
  const fieldDefinitions: FieldDefinition[] = [];
  const transactionCodes: TransactionCode[] = [];
  const users: User[] = [];
  let settings: unknown;
  let refused = 0;
  const keep = <T>(parsed: { success: true; data: T } | { success: false }, into: T[]) => {
    if (parsed.success) into.push(parsed.data);
    else refused += 1;
  };
  for (const change of changes) {
    switch (change.entity) {
      case 'task':
        keep(TaskSchema.safeParse(change.data), tasks);
        break;
      case 'history':
        keep(HistoryEntrySchema.safeParse(change.data), history);
        break;
      case 'customer':
        keep(CustomerSchema.safeParse(change.data), customers);
        break;
      case 'fieldDefinition':
        keep(FieldDefinitionSchema.safeParse(change.data), fieldDefinitions);
        break;
      case 'transactionCode':
        keep(TransactionCodeSchema.safeParse(change.data), transactionCodes);
        break;
      case 'user':
        keep(UserSchema.safeParse(change.data), users);
        break;
      case 'settings':
        if (SettingsSchema.safeParse(change.data).success) settings = change.data;
        else refused += 1;
        break;
      default:
        refused += 1;
    }
  }
  await db.transaction('rw', [...writeTables(db), db.meta], async () => {
    const ctx = { ...replayAs, newId };
    const definitions = [...(await db.fieldDefinitions.toArray()), ...fieldDefinitions];
    await writeOperation(db, {
      tasks: await rebase(db, tasks, (task, row) => replayOnTask(task, row, ctx, { definitions })),
      history,
      customers: await rebase(db, customers, (customer, row) =>
        replayOnCustomer(customer, row, ctx),
      ),
      fieldDefinitions,
      transactionCodes,
      users,
    });
    if (settings !== undefined) await saveSettings(db, SettingsSchema.parse(settings));
    if (cursor !== null) await storeCursor(db, cursor);
  });
  return { applied: changes.length - refused, refused, taskCount: tasks.length };
}
