import type { Id } from '../../domain/ids';
import type { Task } from '../../domain/task';
import type { WrapupDb } from '../database';
import { compareTasks } from './task-sort';

/** The live tasks cloned from a parent (R15), oldest first. */
export async function clonesOf(db: WrapupDb, parentId: Id): Promise<Task[]> {
  const clones = await db.tasks.where('parentId').equals(parentId).toArray();
  return clones
    .filter((task) => task.deletedAt === null)
    .sort(compareTasks('created_desc'))
    .reverse();
}
