import type { HistoryEntry, HistoryEvent } from './history';
import type { Id } from './ids';
import type { OperationContext } from './operation';

/** A history line for `taskId`, by the acting user, at the operation's time. */
export function historyEntry(ctx: OperationContext, taskId: Id, event: HistoryEvent): HistoryEntry {
  return { id: ctx.newId(), taskId, at: ctx.now, by: ctx.actorId, event };
}
