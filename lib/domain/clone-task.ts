import { z } from 'zod';
import { historyEntry } from './history-entry';
import { type Id, IdSchema } from './ids';
import type { OperationContext, OperationResult } from './operation';
import { parseInput } from './parse-input';
import type { Task } from './task';
import { TaskDeletedError } from './task-deleted-error';
import { taskValues } from './task-values';

/** Finds a stored task by id; undefined when it is not in the caller's store. */
export type TaskLookup = (id: Id) => Task | undefined;

/**
 * The original a clone of `source` hangs under (R14): a clone's own parent, so cloning a clone
 * never makes a grandchild. A link to a deleted parent no longer counts (R18): the source then
 * stands on its own. The parent may be missing from a local store that holds only a working
 * set; its id and the number the source remembered are enough to link to it.
 */
function originalParent(source: Task, findTask: TaskLookup): { id: Id; number: number | null } {
  if (source.parentId === null) return { id: source.id, number: source.number };
  const parent = findTask(source.parentId);
  if (parent === undefined) return { id: source.parentId, number: source.parentNumber };
  if (parent.deletedAt !== null) return { id: source.id, number: source.number };
  return { id: parent.id, number: parent.number ?? source.parentNumber };
}

const CloneOptionsSchema = z.object({
  /** The clone's id when it was made elsewhere (offline, say) and is now made again. */
  id: IdSchema.optional(),
});
export type CloneOptions = z.input<typeof CloneOptionsSchema>;

/**
 * Clones a task (R12–R16): a new task id, the same transaction id, every form value copied but
 * not the history, creation or modification times (R13); the number is "new" until the server
 * allocates one. The clone links to its parent by id and number (R16), the parent's history
 * lists the clone (R15) and the clone's history names the parent.
 */
export function cloneTask(
  source: Task,
  ctx: OperationContext,
  findTask: TaskLookup,
  options: CloneOptions = {},
): OperationResult {
  if (source.deletedAt !== null) throw new TaskDeletedError(source.id);
  const given = parseInput(CloneOptionsSchema, options);
  const parent = originalParent(source, findTask);
  const child: Task = {
    ...taskValues(source),
    id: given.id ?? ctx.newId(),
    number: null,
    origin: 'clone',
    parentId: parent.id,
    parentNumber: parent.number,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    createdBy: ctx.actorId,
    updatedBy: ctx.actorId,
    version: 0,
    deletedAt: null,
    loggedAt: null,
    loggedBy: null,
  };
  return {
    tasks: [child],
    history: [
      historyEntry(ctx, child.id, { type: 'created', values: taskValues(child) }),
      historyEntry(ctx, child.id, {
        type: 'cloned_from',
        parentId: parent.id,
        parentNumber: parent.number,
      }),
      historyEntry(ctx, parent.id, { type: 'cloned_to', childId: child.id }),
    ],
  };
}
