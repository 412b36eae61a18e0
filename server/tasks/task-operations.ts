import type { ChangeSource } from '../../lib/domain/change-source';
import { cloneTask } from '../../lib/domain/clone-task';
import { createTask } from '../../lib/domain/create-task';
import { deleteTask } from '../../lib/domain/delete-task';
import { editTask } from '../../lib/domain/edit-task';
import type { HistoryEntry, HistoryEvent, HistoryValue } from '../../lib/domain/history';
import { historyEntry } from '../../lib/domain/history-entry';
import { newId } from '../../lib/domain/ids';
import type { OperationContext, OperationResult } from '../../lib/domain/operation';
import { assertCan, editResultPermissions } from '../../lib/domain/permissions';
import { sameValue } from '../../lib/domain/same-value';
import type { Task } from '../../lib/domain/task';
import type { TaskChanges, TaskDraft } from '../../lib/domain/task-draft';
import type { User } from '../../lib/domain/user';
import { ValidationError } from '../../lib/domain/validation-error';
import { notFound, ProblemError } from '../http/problem-error';
import { rulesOptions } from '../store/settings';
import { loadChildren, loadTask, storeOperation } from '../store/tasks';
import type { Writer } from '../store/write-transaction';

/**
 * Every change to tasks goes through these, from REST routes and from sync mutations alike: the
 * rules come from lib/domain, permissions are checked for the acting user, and what the rule
 * decided is stored with its history in the caller's write transaction.
 */

/** Field definitions and settings change only through administrators' own requests. */
function rules(writer: Writer) {
  return writer.once('rulesOptions', () => rulesOptions(writer.trx, writer.tenantId));
}

function context(user: User): OperationContext {
  return { actorId: user.id, now: new Date().toISOString(), newId };
}

async function existingTask(writer: Writer, id: string): Promise<Task> {
  const task = await loadTask(writer.trx, writer.tenantId, id);
  if (!task) throw notFound('The task');
  return task;
}

/** A task may only point at a customer and an assignee of its own contact center. */
async function assertReferences(
  writer: Writer,
  values: { customerId?: string | null; assigneeId?: string | null },
): Promise<void> {
  const issues = [];
  if (values.customerId) {
    const customer = await writer.trx
      .selectFrom('customers')
      .select('id')
      .where('tenant_id', '=', writer.tenantId)
      .where('id', '=', values.customerId)
      .executeTakeFirst();
    if (!customer) issues.push({ path: 'customerId', message: 'No such customer.' });
  }
  if (values.assigneeId) {
    const assignee = await writer.trx
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', writer.tenantId)
      .where('id', '=', values.assigneeId)
      .executeTakeFirst();
    if (!assignee) issues.push({ path: 'assigneeId', message: 'No such user.' });
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

async function store(writer: Writer, result: OperationResult, id: string): Promise<Task> {
  const stored = await storeOperation(writer, result);
  const task = stored.find((candidate) => candidate.id === id);
  if (!task) throw new Error(`operation stored no task ${id}`);
  return task;
}

/** R9, R10: a new task; its number is allocated here. */
export async function createTaskAs(writer: Writer, user: User, draft: TaskDraft): Promise<Task> {
  assertCan(user, 'create');
  const result = createTask(draft, context(user), await rules(writer));
  const [task] = result.tasks;
  if (!task) throw new Error('createTask returned no task');
  if (await loadTask(writer.trx, writer.tenantId, task.id)) {
    throw new ProblemError(409, 'A task with this id already exists.');
  }
  await assertReferences(writer, task);
  return store(writer, result, task.id);
}

/**
 * The values the editing client last saw for the fields it changes: when the server's value
 * differs, someone else changed that field meanwhile. This write still wins (the later server
 * write does), and a conflict_resolved entry keeps the value it overwrote.
 */
export type EditBase = Record<string, unknown> & { fields?: Record<string, unknown> };

function conflicts(task: Task, changes: TaskChanges, base: EditBase, ctx: OperationContext) {
  const entries: HistoryEntry[] = [];
  const note = (field: string, current: unknown, seen: unknown, next: unknown) => {
    if (seen === undefined || sameValue(current, seen) || sameValue(current, next)) return;
    entries.push(
      historyEntry(ctx, task.id, {
        type: 'conflict_resolved',
        field,
        kept: structuredClone(next) as HistoryValue,
        overwritten: structuredClone(current) as HistoryValue,
      }),
    );
  };
  for (const [key, next] of Object.entries(changes)) {
    if (key === 'fields') continue;
    note(key, (task as Record<string, unknown>)[key], base[key], next);
  }
  for (const [key, next] of Object.entries(changes.fields ?? {})) {
    note(`fields.${key}`, task.fields[key] ?? null, base.fields?.[key], next);
  }
  return entries;
}

/**
 * R21, R24, R25: an edit, field by field. A new status needs change_status, anything else edit
 * (editPermissions). With `base`, a field someone else changed meanwhile is merged as DESIGN.md
 * says: this later write wins and the overwritten value stays in the history. An agent's edit of
 * a call log logs it and needs a transaction code when they are mandatory (call-log.ts).
 */
export async function editTaskAs(
  writer: Writer,
  user: User,
  id: string,
  changes: TaskChanges,
  base?: EditBase,
  source: ChangeSource = 'agent',
): Promise<Task> {
  const task = await existingTask(writer, id);
  assertCan(user, 'view', task);
  const ctx = context(user);
  const result = editTask(task, changes, ctx, { ...(await rules(writer)), source });
  for (const permission of editResultPermissions(task, result)) assertCan(user, permission, task);
  if (result.tasks.length === 0) return task;
  await assertReferences(writer, changes);
  if (base) result.history.push(...conflicts(task, changes, base, ctx));
  return store(writer, result, id);
}

/** R12–R16, R19: a clone, which takes both create and edit. */
export async function cloneTaskAs(
  writer: Writer,
  user: User,
  sourceId: string,
  cloneId?: string,
): Promise<Task> {
  const source = await existingTask(writer, sourceId);
  assertCan(user, 'clone', source);
  const parent = source.parentId
    ? await loadTask(writer.trx, writer.tenantId, source.parentId)
    : undefined;
  if (cloneId && (await loadTask(writer.trx, writer.tenantId, cloneId))) {
    throw new ProblemError(409, 'A task with this id already exists.');
  }
  const result = cloneTask(
    source,
    context(user),
    (lookup) => (lookup === parent?.id ? parent : undefined),
    cloneId ? { id: cloneId } : {},
  );
  const clone = result.tasks[0];
  if (!clone) throw new Error('cloneTask returned no clone');
  return store(writer, result, clone.id);
}

/** R17, R18, R24: a tombstone; a parent with clones needs `confirmed` (409 until then). */
export async function deleteTaskAs(
  writer: Writer,
  user: User,
  id: string,
  confirmed: boolean,
): Promise<Task> {
  const task = await existingTask(writer, id);
  assertCan(user, 'view', task);
  if (task.deletedAt === null) assertCan(user, 'delete', task);
  const children = await loadChildren(writer.trx, writer.tenantId, id);
  const result = deleteTask(task, children, context(user), { confirmed });
  return store(writer, result, id);
}

export type ReminderEvent = Extract<
  HistoryEvent,
  { type: 'reminder_fired' | 'reminder_snoozed' | 'reminder_dismissed' }
>;

/**
 * A reminder popped up, was snoozed or dismissed on an agent's browser. History only, except a
 * snooze, which moves the task's reminder so every browser of the team (and the next sync of
 * this one) rings at the new time.
 */
export async function recordReminderAs(
  writer: Writer,
  user: User,
  id: string,
  event: ReminderEvent,
): Promise<Task> {
  const task = await existingTask(writer, id);
  assertCan(user, 'view', task);
  const ctx = context(user);
  const history = [historyEntry(ctx, id, event)];
  if (event.type !== 'reminder_snoozed' || task.deletedAt !== null || task.remindAt === null) {
    await storeOperation(writer, { tasks: [], history });
    return task;
  }
  const snoozed: Task = {
    ...task,
    remindAt: event.until,
    updatedAt: ctx.now,
    updatedBy: user.id,
    version: task.version + 1,
  };
  return store(writer, { tasks: [snoozed], history }, id);
}
