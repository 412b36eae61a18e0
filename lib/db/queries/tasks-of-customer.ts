import { Dexie } from 'dexie';
import type { Id } from '../../domain/ids';
import type { Task } from '../../domain/task';
import type { WrapupDb } from '../database';

/** Every task of a customer, newest first, without deleted ones (R23). */
export function tasksOfCustomer(
  db: WrapupDb,
  customerId: Id,
  options: { offset?: number; limit?: number } = {},
): Promise<Task[]> {
  let walk = db.tasks
    .where('[customerId+createdAt]')
    .between([customerId, Dexie.minKey], [customerId, Dexie.maxKey])
    .reverse()
    .filter((task) => task.deletedAt === null);
  if (options.offset) walk = walk.offset(options.offset);
  if (options.limit !== undefined) walk = walk.limit(options.limit);
  return walk.toArray();
}
