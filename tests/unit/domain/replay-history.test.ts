import { describe, expect, it } from 'vitest';
import { cloneTask } from '../../../lib/domain/clone-task';
import { createTask } from '../../../lib/domain/create-task';
import { deleteTask } from '../../../lib/domain/delete-task';
import { editTask } from '../../../lib/domain/edit-task';
import type { HistoryEntry } from '../../../lib/domain/history';
import { HistoryEntrySchema } from '../../../lib/domain/history';
import { replayHistory } from '../../../lib/domain/replay-history';
import { taskValues } from '../../../lib/domain/task-values';
import { MemoryStore, onlyTask, testContext } from './support';

describe('replayHistory', () => {
  it('R25: the history rebuilds the task: created values, then each change in time order', () => {
    const clock = testContext();
    const store = new MemoryStore();
    store.apply(
      createTask(
        { kind: 'call', subject: 'First', scheduledAt: '2026-03-05T10:00:00Z' },
        clock.ctx,
      ),
    );
    const id = [...store.tasks.keys()][0]!;
    clock.advance(1);
    store.apply(editTask(store.get(id), { subject: 'Second', fields: { x: 1 } }, clock.ctx));
    clock.advance(1);
    store.apply(
      editTask(store.get(id), { reminderLeadMinutes: 30, status: 'completed' }, clock.ctx),
    );
    const entries = store.historyOf(id);
    expect(replayHistory(entries)).toEqual(taskValues(store.get(id)));
    expect(replayHistory([...entries].reverse())).toEqual(taskValues(store.get(id)));
    expect(replayHistory(entries.slice(0, 3))).toMatchObject({
      subject: 'Second',
      fields: { x: 1 },
    });
  });

  it('R18: replay follows a child losing its link when its parent is deleted', () => {
    const clock = testContext();
    const store = new MemoryStore();
    const parent = createTask({ kind: 'call', subject: 'P' }, clock.ctx);
    store.apply({ ...parent, tasks: [{ ...onlyTask(parent), number: 3 }] });
    const clone = cloneTask(store.get(onlyTask(parent).id), clock.ctx, store.find);
    store.apply(clone);
    store.apply(
      deleteTask(store.get(onlyTask(parent).id), store.live(), clock.ctx, { confirmed: true }),
    );
    const child = store.get(onlyTask(clone).id);
    expect(child).toMatchObject({ parentId: null, parentNumber: 3 });
    expect(replayHistory(store.historyOf(child.id))).toEqual(taskValues(child));
  });

  it('R25: every history entry an operation writes is valid against the history schema', () => {
    const clock = testContext();
    const created = createTask({ kind: 'email', subject: 'S', fields: { tags: ['a'] } }, clock.ctx);
    const edited = editTask(
      onlyTask(created),
      { subject: 'T', fields: { tags: ['a', 'b'] } },
      clock.ctx,
    );
    for (const entry of [...created.history, ...edited.history]) {
      expect(HistoryEntrySchema.parse(entry)).toEqual(entry);
    }
  });

  it('refuses a history that does not start with the creation, or mixes tasks', () => {
    const clock = testContext();
    const a = createTask({ kind: 'call', subject: 'A' }, clock.ctx);
    const b = createTask({ kind: 'call', subject: 'B' }, clock.ctx);
    const change = editTask(onlyTask(a), { subject: 'A2' }, clock.ctx).history;
    expect(() => replayHistory(change)).toThrow(/start with its creation/);
    expect(() => replayHistory([])).toThrow(/start with its creation/);
    const mixed: HistoryEntry[] = [...a.history, ...b.history];
    expect(() => replayHistory(mixed)).toThrow();
  });
});
