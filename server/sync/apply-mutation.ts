import { parseInput } from '../../lib/domain/parse-input';
import {
  MUTATION_ARGS,
  type Mutation,
  type MutationName,
  type MutationResult,
} from '../../lib/domain/sync-mutations';
import type { Task } from '../../lib/domain/task';
import type { User } from '../../lib/domain/user';
import {
  createCustomerAs,
  deleteCustomerAs,
  editCustomerAs,
} from '../customers/customer-operations';
import { ProblemError } from '../http/problem-error';
import type { Writer } from '../store/write-transaction';
import {
  cloneTaskAs,
  createTaskAs,
  deleteTaskAs,
  editTaskAs,
  recordReminderAs,
} from '../tasks/task-operations';

type Applied = Omit<Extract<MutationResult, { status: 'applied' }>, 'id' | 'status'>;

const taskResult = (task: Task): Applied => ({
  task: { id: task.id, number: task.number, version: task.version },
});

type Handlers = {
  [N in MutationName]: (writer: Writer, user: User, args: never) => Promise<Applied>;
};

/** What each mutation does: the same operations the REST routes use. */
const HANDLERS = {
  'task.create': async (writer, user, { ...draft }) =>
    taskResult(await createTaskAs(writer, user, draft)),
  'task.edit': async (writer, user, { taskId, changes, base, source }) =>
    taskResult(await editTaskAs(writer, user, taskId, changes, base, source)),
  'task.setStatus': async (writer, user, { taskId, status }) =>
    taskResult(await editTaskAs(writer, user, taskId, { status })),
  'task.assign': async (writer, user, { taskId, assigneeId }) =>
    taskResult(await editTaskAs(writer, user, taskId, { assigneeId })),
  'task.schedule': async (writer, user, { taskId, scheduledAt, reminderLeadMinutes }) =>
    taskResult(await editTaskAs(writer, user, taskId, { scheduledAt, reminderLeadMinutes })),
  'task.clone': async (writer, user, { sourceId, cloneId }) =>
    taskResult(await cloneTaskAs(writer, user, sourceId, cloneId)),
  'task.delete': async (writer, user, { taskId, confirmed }) =>
    taskResult(await deleteTaskAs(writer, user, taskId, confirmed ?? false)),
  'task.reminder': async (writer, user, { taskId, event }) =>
    taskResult(await recordReminderAs(writer, user, taskId, event)),
  'customer.create': async (writer, user, draft) => {
    const customer = await createCustomerAs(writer, user, draft);
    return { customer: { id: customer.id, version: customer.version } };
  },
  'customer.edit': async (writer, user, { customerId, changes }) => {
    const customer = await editCustomerAs(writer, user, customerId, changes);
    return { customer: { id: customer.id, version: customer.version } };
  },
  'customer.delete': async (writer, user, { customerId }) => {
    const customer = await deleteCustomerAs(writer, user, customerId);
    return { customer: { id: customer.id, version: customer.version } };
  },
} satisfies {
  [N in MutationName]: (
    writer: Writer,
    user: User,
    args: ReturnType<(typeof MUTATION_ARGS)[N]['parse']>,
  ) => Promise<Applied>;
};

/** Applies one mutation; throws what the operation throws (ValidationError, PermissionError…). */
export async function applyMutation(
  writer: Writer,
  user: User,
  mutation: Mutation,
): Promise<Applied> {
  if (!Object.hasOwn(MUTATION_ARGS, mutation.name)) {
    throw new ProblemError(400, `Unknown mutation "${mutation.name}".`, { unknownMutation: true });
  }
  const name = mutation.name as MutationName;
  const args = parseInput(MUTATION_ARGS[name], mutation.args);
  return (HANDLERS as Handlers)[name](writer, user, args as never);
}
