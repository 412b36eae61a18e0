import { loggedCall, logsCall } from './call-log';
import type { Customer } from './customer';
import { editCustomer } from './customer-changes';
import { deleteTask } from './delete-task';
import { editTask } from './edit-task';
import type { OperationContext } from './operation';
import type { MutationArgs, MutationName } from './sync-mutations';
import type { Task } from './task';
import type { TaskRulesOptions } from './task-rules-options';

/** A queued mutation as the outbox holds it. */
export interface QueuedMutation {
  name: MutationName;
  args: Record<string, unknown>;
}

/**
 * Runs a rule and keeps its answer, or the record as it was when the rule refuses now (the
 * server's copy moved on: a deleted task, say). The mutation is still queued; the server
 * decides, and the agent sees its answer.
 */
function orUnchanged<T>(record: T, replay: () => T | undefined): T {
  try {
    return replay() ?? record;
  } catch {
    return record;
  }
}

/**
 * A task as the server sent it with a change still waiting to be sent re-applied on top, so a
 * pull never hides what the agent did. Only the record is replayed: the change's local history
 * entries are kept until the server's own replace them. Replays count as the system's, so a
 * required field another agent emptied meanwhile does not hide the agent's other values.
 */
export function replayOnTask(
  task: Task,
  mutation: QueuedMutation,
  ctx: OperationContext,
  options: TaskRulesOptions = {},
): Task {
  const edit = (changes: MutationArgs<'task.edit'>['changes']) =>
    orUnchanged(
      task,
      () => editTask(task, changes, ctx, { ...options, source: 'system' }).tasks[0],
    );
  switch (mutation.name) {
    case 'task.edit': {
      // The agent's save also logged the call, which an edit replayed as the system's does not.
      const { changes, source } = mutation.args as MutationArgs<'task.edit'>;
      const edited = edit(changes);
      return source !== 'system' && logsCall(edited, 'agent') ? loggedCall(edited, ctx) : edited;
    }
    case 'task.setStatus':
      return edit({ status: (mutation.args as MutationArgs<'task.setStatus'>).status });
    case 'task.assign':
      return edit({ assigneeId: (mutation.args as MutationArgs<'task.assign'>).assigneeId });
    case 'task.schedule': {
      const { scheduledAt, reminderLeadMinutes } = mutation.args as MutationArgs<'task.schedule'>;
      return edit({ scheduledAt, reminderLeadMinutes });
    }
    case 'task.delete':
      return orUnchanged(task, () =>
        deleteTask(task, [], ctx, { confirmed: true }).tasks.find(({ id }) => id === task.id),
      );
    default:
      return task;
  }
}

/** A customer as the server sent it with a change still waiting to be sent re-applied. */
export function replayOnCustomer(
  customer: Customer,
  mutation: QueuedMutation,
  ctx: OperationContext,
): Customer {
  switch (mutation.name) {
    case 'customer.edit':
      return orUnchanged(customer, () =>
        editCustomer(customer, (mutation.args as MutationArgs<'customer.edit'>).changes, ctx),
      );
    case 'customer.delete':
      return customer.deletedAt === null
        ? { ...customer, deletedAt: ctx.now, updatedAt: ctx.now, version: customer.version + 1 }
        : customer;
    default:
      return customer;
  }
}
