import { createTask } from '../domain/create-task';
import { editTask } from '../domain/edit-task';
import { type Id, newId, type Timestamp } from '../domain/ids';
import type { Task } from '../domain/task';
import type { TaskChanges, TaskDraft } from '../domain/task-draft';
import type { TaskRulesOptions } from '../domain/task-rules-options';
import type { WrapupDb } from './database';
import { writeOperation } from './write-operation';

export interface CommandContext {
  actorId: Id;
  now: Timestamp;
}

/** Creates a task and its history in one transaction; bad input throws and stores nothing. */
export async function saveNewTask(
  db: WrapupDb,
  draft: TaskDraft,
  ctx: CommandContext,
  options: TaskRulesOptions = {},
): Promise<Task> {
  const result = createTask(draft, { ...ctx, newId }, options);
  await writeOperation(db, result);
  const [task] = result.tasks;
  if (!task) throw new Error('createTask returned no task');
  return task;
}

/**
 * Applies an agent's edit to the stored task, reading and writing inside one transaction so a
 * concurrent write cannot slip between. Bad input throws ValidationError and changes nothing.
 */
export async function saveTaskEdit(
  db: WrapupDb,
  id: Id,
  changes: TaskChanges,
  ctx: CommandContext,
  options: TaskRulesOptions = {},
): Promise<Task> {
  return db.transaction('rw', db.tables, async () => {
    const current = await db.tasks.get(id);
    if (!current) throw new Error(`task ${id} does not exist`);
    const result = editTask(current, changes, { ...ctx, newId }, options);
    await writeOperation(db, result);
    return result.tasks[0] ?? current;
  });
}
