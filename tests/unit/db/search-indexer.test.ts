import { beforeEach, describe, expect, it } from 'vitest';
import type { WrapupDb } from '../../../lib/db/database';
import {
  catchUpSearchIndex,
  indexPendingTasks,
  isSearchIndexComplete,
} from '../../../lib/db/search-indexer';
import { rowWords } from '../../../lib/db/task-words-row';
import { writeOperation } from '../../../lib/db/write-operation';
import { freshDb, makeTask } from './fixtures';

let db: WrapupDb;
beforeEach(async () => {
  db = await freshDb();
});

describe('search indexer', () => {
  it('catches up behind writes, a batch at a time, until the index is complete', async () => {
    for (let batch = 0; batch < 3; batch++) {
      const tasks = Array.from({ length: 4 }, (_, n) =>
        makeTask(batch * 10 + n, { subject: 'Refund' }),
      );
      await writeOperation(db, { tasks });
    }

    expect(await indexPendingTasks(db, 5)).toBe(8);
    expect(await isSearchIndexComplete(db)).toBe(false);
    expect(await catchUpSearchIndex(db)).toBe(4);
    expect(await isSearchIndexComplete(db)).toBe(true);
    expect(await db.taskWords.count()).toBe(12);
    expect(await indexPendingTasks(db)).toBe(0);
  });

  it('replaces a changed task entry rather than adding a second one', async () => {
    const task = makeTask(1, { subject: 'Refund', updatedAt: '2026-01-01T00:00:00.000Z' });
    await writeOperation(db, { tasks: [task] });
    await catchUpSearchIndex(db);
    await writeOperation(db, {
      tasks: [{ ...task, subject: 'Delivery', updatedAt: '2026-01-02T00:00:00.000Z' }],
    });
    await catchUpSearchIndex(db);

    const rows = await db.taskWords.toArray();
    expect(rows).toHaveLength(1);
    expect(rows.map(rowWords)).toEqual([['delivery']]);
  });

  it('drops the entry of a deleted task', async () => {
    const task = makeTask(1);
    await writeOperation(db, { tasks: [task] });
    await catchUpSearchIndex(db);
    await writeOperation(db, { tasks: [{ ...task, deletedAt: '2026-02-01T00:00:00.000Z' }] });
    await catchUpSearchIndex(db);

    expect(await db.taskWords.count()).toBe(0);
  });

  it('stops when asked to', async () => {
    await writeOperation(db, { tasks: [makeTask(1)] });
    await writeOperation(db, { tasks: [makeTask(2)] });
    const controller = new AbortController();
    controller.abort();

    expect(await catchUpSearchIndex(db, { signal: controller.signal })).toBe(0);
    expect(await isSearchIndexComplete(db)).toBe(false);
  });
});

describe('search indexer, run from two places at once', () => {
  it('leaves the index matching the tasks as they are', async () => {
    const db2 = await freshDb();
    const tasks = Array.from({ length: 30 }, (_, n) => makeTask(n + 1, { subject: `Alpha ${n}` }));
    await writeOperation(db2, { tasks });
    const renamed = tasks.map((task) => ({
      ...task,
      subject: task.subject.replace('Alpha', 'Beta'),
      updatedAt: '2026-06-01T00:00:00.000Z',
    }));

    await Promise.all([
      indexPendingTasks(db2, 10),
      indexPendingTasks(db2, 10),
      writeOperation(db2, { tasks: renamed }),
      indexPendingTasks(db2, 10),
    ]);
    await catchUpSearchIndex(db2);

    const rows = await db2.taskWords.toArray();
    expect(rows).toHaveLength(30);
    expect(rows.every((row) => rowWords(row).includes('beta'))).toBe(true);
  });
});
