import type { ChangeSource } from './change-source';
import type { HistoryEntry } from './history';
import type { Id } from './ids';
import type { MutationArgs, MutationName } from './sync-mutations';

/**
 * A local change as the server will replay it: a sync mutation (lib/domain/sync-mutations.ts)
 * and the task or customer it is about. The store appends it to the outbox in the transaction
 * that makes the change.
 */
export interface OutboxMutation<N extends MutationName = MutationName> {
  name: N;
  args: MutationArgs<N>;
  entityId: Id;
}

export function outboxMutation<N extends MutationName>(
  name: N,
  args: MutationArgs<N>,
  entityId: Id,
): OutboxMutation<N> {
  return { name, args, entityId };
}

/**
 * The edit an operation's history describes, as `task.edit`: only the values that really
 * changed, each with the value it had before (`base`), so the server merges field by field and
 * keeps what another agent changed meanwhile. The reminder time is the server's to work out
 * from the schedule, as it was here. Null when nothing changed, unless the edit logged a call:
 * the server logs it on the agent's edit too, with no changes at all.
 */
export function taskEditMutation(
  taskId: Id,
  history: readonly HistoryEntry[],
  source: ChangeSource = 'agent',
  logsCall = false,
): OutboxMutation<'task.edit'> | null {
  const changes: Record<string, unknown> = {};
  const base: Record<string, unknown> = {};
  const fieldChanges: Record<string, unknown> = {};
  const fieldBase: Record<string, unknown> = {};
  for (const entry of history) {
    if (entry.taskId !== taskId || entry.event.type !== 'changed') continue;
    const { field, from, to } = entry.event;
    if (field === 'remindAt') continue;
    if (field.startsWith('fields.')) {
      const key = field.slice('fields.'.length);
      fieldChanges[key] = to;
      fieldBase[key] = from;
    } else {
      changes[field] = to;
      base[field] = from;
    }
  }
  if (Object.keys(fieldChanges).length > 0) {
    changes.fields = fieldChanges;
    base.fields = fieldBase;
  }
  if (Object.keys(changes).length === 0 && !logsCall) return null;
  return outboxMutation(
    'task.edit',
    {
      taskId,
      changes: changes as MutationArgs<'task.edit'>['changes'],
      base,
      ...(source === 'system' ? { source } : {}),
    },
    taskId,
  );
}
