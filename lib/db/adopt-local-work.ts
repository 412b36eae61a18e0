import type { Id } from '../domain/ids';
import type { Task } from '../domain/task';
import type { WrapupDb } from './database';
import { writeOperation, writeTables } from './write-operation';

/**
 * Work made on this device before sign-in (call logs, tasks) belongs to the browser's own local
 * agent, whom the server does not know. Before it is sent, the signed-in user takes it over: the
 * queued changes and the local tasks they made name the user instead. Returns how many queued
 * changes were taken over.
 */
export async function adoptLocalWork(db: WrapupDb, localId: Id, userId: Id): Promise<number> {
  if (localId === userId) return 0;
  return db.transaction('rw', writeTables(db), async () => {
    const rows = await db.outbox.where('state').equals('pending').toArray();
    const taken = rows.filter((row) => row.args.assigneeId === localId);
    if (taken.length === 0) return 0;
    for (const row of taken) {
      await db.outbox.update(row.seq as number, { args: { ...row.args, assigneeId: userId } });
    }
    const tasks = await db.tasks.bulkGet(taken.map((row) => row.entityId));
    const adopted = tasks
      .filter((task): task is Task => task?.assigneeId === localId)
      .map((task) => ({
        ...task,
        assigneeId: userId,
        createdBy: task.createdBy === localId ? userId : task.createdBy,
        updatedBy: task.updatedBy === localId ? userId : task.updatedBy,
      }));
    if (adopted.length > 0) await writeOperation(db, { tasks: adopted });
    return taken.length;
  });
}
