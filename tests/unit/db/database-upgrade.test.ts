import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openWrapupDb } from '../../../lib/db/database';
import { searchTasks } from '../../../lib/db/queries/search-tasks';
import { catchUpSearchIndex, isSearchIndexComplete } from '../../../lib/db/search-indexer';
import { taskWordsRow } from '../../../lib/db/task-words-row';
import { ids, makeTask } from './fixtures';

describe('database upgrades', () => {
  it('R21: a store from before the indexed-word list indexes its tasks again and finds them', async () => {
    const name = `wrapup-upgrade-${Math.random().toString(36).slice(2)}`;
    const tasks = [makeTask(1, { subject: 'Refund request' }), makeTask(2, { subject: 'Invoice' })];
    const old = new Dexie(name);
    old.version(1).stores({
      tasks: 'id,updatedAt',
      taskWords: 'rank,&taskId,*terms,[createdMs+taskId],[dueMs+taskId]',
      searchQueue: '++seq',
    });
    await old.table('tasks').bulkPut(tasks);
    await old.table('taskWords').bulkPut(tasks.map((task) => taskWordsRow(task, undefined)));
    old.close();

    const db = openWrapupDb(name);
    await db.open();
    expect(await db.taskWords.count()).toBe(0);
    expect(await isSearchIndexComplete(db)).toBe(false);
    await catchUpSearchIndex(db);

    expect(ids((await searchTasks(db, 'ref')).tasks)).toEqual([tasks[0]?.id]);
    expect(await db.indexedWords.count()).toBeGreaterThan(0);
    await db.delete();
  });
});
