import { describe, expect, it } from 'vitest';
import { searchTasks } from '../../../lib/db/queries/search-tasks';
import { TASK_SORTS } from '../../../lib/db/queries/task-sort';
import { catchUpSearchIndex } from '../../../lib/db/search-indexer';
import { writeOperation } from '../../../lib/db/write-operation';
import type { Task } from '../../../lib/domain/task';
import { mergeServerResults } from '../../../lib/state/merge-server-results';
import { freshDb, makeTask } from '../db/fixtures';

const subjects = (tasks: readonly Task[]) => tasks.map((task) => task.subject);
const at = (minute: number) => new Date(Date.UTC(2026, 5, 1, 9, minute)).toISOString();

describe('merging the server’s matches into the local search results', () => {
  const task = (n: number, overrides: Partial<Task> = {}) =>
    makeTask(n, { subject: `t${n}`, ...overrides });

  it('puts each match where the local order has it, last changed first by default order', () => {
    const local = [task(5), task(3), task(1)];
    const merged = mergeServerResults(local, [task(2), task(6), task(4)], 'updated_desc');
    expect(subjects(merged)).toEqual(['t6', 't5', 't4', 't3', 't2', 't1']);
  });

  it('lists a task once: the local copy of one the device holds, one copy of a repeated match', () => {
    const local = [task(3, { notes: 'local copy' })];
    const merged = mergeServerResults(local, [task(3), task(2), task(2)], 'updated_desc');
    expect(subjects(merged)).toEqual(['t3', 't2']);
    expect(merged[0]).toBe(local[0]);
  });

  it('breaks a tie in last change by id, as the search rank does', () => {
    const same = at(0);
    const local = [task(1, { updatedAt: same }), task(3, { updatedAt: same })];
    const merged = mergeServerResults(local, [task(2, { updatedAt: same })], 'updated_desc');
    expect(subjects(merged)).toEqual(['t1', 't2', 't3']);
  });

  it('follows the chosen sort: next due first (undated last), or newest first', () => {
    const local = [task(1, { dueAt: at(10) }), task(2, { dueAt: at(30) }), task(3)];
    const server = [task(4), task(5, { scheduledAt: at(20) }), task(6, { dueAt: at(5) })];
    expect(subjects(mergeServerResults(local, server, 'due_asc'))).toEqual([
      't6',
      't1',
      't5',
      't2',
      't3',
      't4',
    ]);
    const byCreation = [task(9), task(5), task(1)];
    expect(subjects(mergeServerResults(byCreation, [task(7), task(2)], 'created_desc'))).toEqual([
      't9',
      't7',
      't5',
      't2',
      't1',
    ]);
  });

  it('gives the order local search gives once the device holds the server’s matches too', async () => {
    const db = await freshDb();
    const tasks = Array.from({ length: 12 }, (_, index) => {
      const n = index + 1;
      return makeTask(n, {
        subject: `Invoice ${n}`,
        updatedAt: at(n % 4),
        createdAt: at(n % 5),
        dueAt: n % 3 === 0 ? null : at(n % 7),
      });
    });
    await writeOperation(db, { tasks });
    await catchUpSearchIndex(db);
    for (const sort of TASK_SORTS) {
      const all = (await searchTasks(db, 'invoice', {}, { sort })).tasks;
      expect(all).toHaveLength(tasks.length);
      const onServer = all.filter((_, index) => index % 3 !== 1).reverse();
      const local = all.filter((_, index) => index % 3 === 1);
      expect(subjects(mergeServerResults(local, onServer, sort)), sort).toEqual(subjects(all));
    }
    db.close();
  });
});
