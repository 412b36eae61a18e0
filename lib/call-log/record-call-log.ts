import type { WrapupDb } from '../db/database';
import { customersByPhone } from '../db/queries/customers-by-phone';
import { tasksByTransactionId } from '../db/queries/task-lookups';
import { saveNewTask } from '../db/task-commands';
import type { Id } from '../domain/ids';
import type { Task } from '../domain/task';
import type { CallEvent } from '../softphone/call-event';
import { callLogDraft } from './call-log-draft';

/**
 * Stores the call log of an ended call (R1), attached to the caller when exactly one customer
 * has that number (R3). One call makes one log: a second report of the same interaction returns
 * the log that exists.
 */
export async function recordCallLog(
  db: WrapupDb,
  event: CallEvent,
  ctx: { actorId: Id; now?: () => Date },
): Promise<Task> {
  if (event.transactionId) {
    const existing = (await tasksByTransactionId(db, event.transactionId)).find(
      (task) => task.origin !== 'clone' && task.call !== null && task.deletedAt === null,
    );
    if (existing) return existing;
  }
  const callers = event.number ? await customersByPhone(db, event.number) : [];
  const customerId = callers.length === 1 ? (callers[0]?.id ?? null) : null;
  const draft = callLogDraft(event, { agentId: ctx.actorId, customerId });
  const now = (ctx.now ?? (() => new Date()))().toISOString();
  return saveNewTask(db, draft, { actorId: ctx.actorId, now });
}
