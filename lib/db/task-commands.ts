import { logsCall } from '../domain/call-log';
import { type CloneOptions, cloneTask } from '../domain/clone-task';
import { createTask } from '../domain/create-task';
import { type DeleteOptions, deleteTask } from '../domain/delete-task';
import { editTask } from '../domain/edit-task';
import type { Id } from '../domain/ids';
import type { OperationResult } from '../domain/operation';
import { type OutboxMutation, outboxMutation, taskEditMutation } from '../domain/outbox-mutation';
import { assertCan, editResultPermissions } from '../domain/permissions';
import { type Schedule, scheduleTask } from '../domain/schedule-task';
import type { Task } from '../domain/task';
import type { TaskChanges, TaskDraft } from '../domain/task-draft';
import type { TaskStatus } from '../domain/task-kind';
import type { TaskRulesOptions } from '../domain/task-rules-options';
import type { User } from '../domain/user';
import type { WrapupDb } from './database';
import { loadSettings } from './settings-store';
import { type CommandContext, operationContext, storeCommand } from './store-command';
import { TaskNotFoundError } from './task-not-found-error';

export type { CommandContext };

/** The field definitions and settings in this store, which every task rule is checked against. */
async function rulesOptions(db: WrapupDb): Promise<TaskRulesOptions> {
  const [definitions, settings] = await Promise.all([
    db.fieldDefinitions.toArray(),
    loadSettings(db),
  ]);
  return {
    definitions,
    defaultReminderLeadMinutes: settings.defaultReminderLeadMinutes,
    codesRequiredOnCallLogs: settings.codesRequiredOnCallLogs,
  };
}

async function storedTask(db: WrapupDb, id: Id): Promise<Task> {
  const task = await db.tasks.get(id);
  if (!task) throw new TaskNotFoundError(id);
  return task;
}

interface Decision<T> {
  result: OperationResult;
  answer: T;
  /** The change as the server will replay it (none when nothing changed). */
  mutation: OutboxMutation | null;
}

/**
 * A task rule's result stored as the acting user, with its sync mutation in the outbox, in one
 * transaction (see storeCommand).
 */
function command<T>(
  db: WrapupDb,
  ctx: CommandContext,
  decide: (user: User) => Promise<Decision<T>>,
): Promise<T> {
  return storeCommand(db, ctx, async (user) => {
    const { result, answer, mutation } = await decide(user);
    const stored = result.tasks.length > 0 || result.history.length > 0;
    return { changes: { ...result, mutations: mutation && stored ? [mutation] : [] }, answer };
  });
}

function taskIn(result: OperationResult, id: Id, fallback: Task): Task {
  return result.tasks.find((task) => task.id === id) ?? fallback;
}

/** Creates a task (R9, R10) and returns it as stored. */
export function saveNewTask(db: WrapupDb, draft: TaskDraft, ctx: CommandContext): Promise<Task> {
  return command(db, ctx, async (user) => {
    assertCan(user, 'create');
    const result = createTask(draft, operationContext(ctx), await rulesOptions(db));
    const [task] = result.tasks;
    if (!task) throw new Error('createTask returned no task');
    return {
      result,
      answer: task,
      mutation: outboxMutation('task.create', { ...draft, id: task.id }, task.id),
    };
  });
}

/** Checks the permissions an edit's changes call for: edit, or change_status for a status (R24). */
function assertCanApply(user: User, task: Task, result: OperationResult): void {
  assertCan(user, 'view', task);
  for (const permission of editResultPermissions(task, result)) assertCan(user, permission, task);
}

/**
 * Applies an edit with its field-level history (R25); returns the task as it now is. An agent's
 * edit of a call log is their save of it: it logs the call and, when the contact center makes
 * codes mandatory, needs one (lib/domain/call-log.ts).
 */
export function saveTaskEdit(
  db: WrapupDb,
  id: Id,
  changes: TaskChanges,
  ctx: CommandContext,
): Promise<Task> {
  return command(db, ctx, async (user) => {
    const task = await storedTask(db, id);
    const options = { ...(await rulesOptions(db)), source: ctx.source ?? 'agent' };
    const result = editTask(task, changes, operationContext(ctx), options);
    assertCanApply(user, task, result);
    return {
      result,
      answer: taskIn(result, id, task),
      mutation: taskEditMutation(
        id,
        result.history,
        options.source,
        logsCall(task, options.source),
      ),
    };
  });
}

export function saveStatus(
  db: WrapupDb,
  id: Id,
  status: TaskStatus,
  ctx: CommandContext,
): Promise<Task> {
  return saveTaskEdit(db, id, { status }, ctx);
}

export function saveAssignee(
  db: WrapupDb,
  id: Id,
  assigneeId: Id | null,
  ctx: CommandContext,
): Promise<Task> {
  return saveTaskEdit(db, id, { assigneeId }, ctx);
}

/** Schedules (or with a null time unschedules) a call and its reminder (R11). */
export function saveSchedule(
  db: WrapupDb,
  id: Id,
  schedule: Schedule,
  ctx: CommandContext,
): Promise<Task> {
  return command(db, ctx, async (user) => {
    const task = await storedTask(db, id);
    const result = scheduleTask(task, schedule, operationContext(ctx), await rulesOptions(db));
    assertCanApply(user, task, result);
    return {
      result,
      answer: taskIn(result, id, task),
      mutation: outboxMutation(
        'task.schedule',
        {
          taskId: id,
          scheduledAt: schedule.scheduledAt,
          reminderLeadMinutes: schedule.reminderLeadMinutes,
        },
        id,
      ),
    };
  });
}

/**
 * Clones a task (R12–R16) and returns the clone; the parent's history lists it. Cloning takes
 * both the create and the edit permission (R19).
 */
export function saveClone(
  db: WrapupDb,
  sourceId: Id,
  ctx: CommandContext,
  options: CloneOptions = {},
): Promise<Task> {
  return command(db, ctx, async (user) => {
    const source = await storedTask(db, sourceId);
    // Permission only: a deleted source is the rule's to refuse, with TaskDeletedError.
    assertCan(user, 'view', source);
    assertCan(user, 'clone');
    const parent = source.parentId ? await db.tasks.get(source.parentId) : undefined;
    const result = cloneTask(
      source,
      operationContext(ctx),
      (lookupId) => (lookupId === parent?.id ? parent : undefined),
      options,
    );
    const clone = result.tasks.find((task) => task.id !== sourceId);
    if (!clone) throw new Error('cloneTask returned no clone');
    return {
      result,
      answer: clone,
      mutation: outboxMutation('task.clone', { sourceId, cloneId: clone.id }, clone.id),
    };
  });
}

/**
 * Deletes a task as a tombstone (R17, R18). A task with clones throws ConfirmationRequiredError
 * (with the number of clones for the warning) until called again with `confirmed: true`.
 * Takes the delete permission (R24).
 */
export function saveDelete(
  db: WrapupDb,
  id: Id,
  ctx: CommandContext,
  options: DeleteOptions = {},
): Promise<void> {
  return command(db, ctx, async (user) => {
    const task = await storedTask(db, id);
    assertCan(user, 'view', task);
    assertCan(user, 'delete');
    const children = await db.tasks.where('parentId').equals(id).toArray();
    return {
      result: deleteTask(task, children, operationContext(ctx), options),
      answer: undefined,
      mutation: outboxMutation(
        'task.delete',
        { taskId: id, ...(options.confirmed ? { confirmed: true } : {}) },
        id,
      ),
    };
  });
}
