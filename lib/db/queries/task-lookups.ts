import type { Id } from '../../domain/ids';
import type { Task } from '../../domain/task';
import type { WrapupDb } from '../database';
import { compareTasks } from './task-sort';

const isLive = (task: Task | undefined): task is Task =>
  task !== undefined && task.deletedAt === null;

/** The task to open, or undefined when there is none or it was deleted. */
export async function taskById(db: WrapupDb, id: Id): Promise<Task | undefined> {
  const task = await db.tasks.get(id);
  return isLive(task) ? task : undefined;
}

/** The task the server numbered so; numbers are unique per contact center. */
export async function taskByNumber(db: WrapupDb, number: number): Promise<Task | undefined> {
  return (await db.tasks.where('number').equals(number).toArray()).find(isLive);
}

/** The tasks of one interaction: its call log and the clones made from it (R12), oldest first. */
export async function tasksByTransactionId(db: WrapupDb, transactionId: string): Promise<Task[]> {
  const tasks = await db.tasks.where('transactionId').equals(transactionId).toArray();
  return tasks.filter(isLive).sort(compareTasks('created_desc')).reverse();
}

/** Tasks whose call was with this number (E.164), newest first. */
export async function tasksByCallNumber(db: WrapupDb, e164: string): Promise<Task[]> {
  const tasks = await db.tasks.where('call.number').equals(e164).toArray();
  return tasks.filter(isLive).sort(compareTasks('created_desc'));
}
