import { describe, expect, it } from 'vitest';
import { cloneTask } from '../../../lib/domain/clone-task';
import { ConfirmationRequiredError } from '../../../lib/domain/confirmation-required-error';
import { createTask } from '../../../lib/domain/create-task';
import { deleteTask } from '../../../lib/domain/delete-task';
import { TaskDeletedError } from '../../../lib/domain/task-deleted-error';
import { deepFreeze, MemoryStore, onlyTask, testContext } from './support';

function parentWithClones(count: number) {
  const clock = testContext();
  const store = new MemoryStore();
  const created = createTask({ kind: 'email', subject: 'Quote', transactionId: 'TX-1' }, clock.ctx);
  store.apply({ ...created, tasks: [{ ...onlyTask(created), number: 7 }] });
  const parent = store.get(onlyTask(created).id);
  for (let i = 0; i < count; i += 1) store.apply(cloneTask(parent, clock.ctx, store.find));
  const clones = store.live().filter((task) => task.parentId === parent.id);
  clock.advance(30);
  return { clock, store, parent, clones };
}

describe('deleteTask', () => {
  it('R17: deleting a parent with clones first asks for confirmation, naming how many clones', () => {
    const { clock, parent, clones } = parentWithClones(2);
    let thrown: unknown;
    try {
      deleteTask(parent, clones, clock.ctx);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfirmationRequiredError);
    expect(thrown).toMatchObject({ taskId: parent.id, cloneCount: 2 });
    expect((thrown as Error).message).toMatch(/permanently delete/);
    expect(() => deleteTask(parent, clones, clock.ctx, { confirmed: false })).toThrow(
      ConfirmationRequiredError,
    );
  });

  it('R17: once confirmed the parent becomes a tombstone with a new version and a history entry', () => {
    const { clock, parent, clones } = parentWithClones(1);
    const result = deleteTask(parent, clones, clock.ctx, { confirmed: true });
    const tombstone = result.tasks.find((task) => task.id === parent.id);
    expect(tombstone).toMatchObject({
      deletedAt: '2026-03-02T09:30:00.000Z',
      updatedAt: '2026-03-02T09:30:00.000Z',
      version: parent.version + 1,
      subject: 'Quote',
    });
    expect(
      result.history.filter((entry) => entry.taskId === parent.id).map((e) => e.event),
    ).toEqual([{ type: 'deleted' }]);
  });

  it('R17: a task without clones is deleted without a confirmation step', () => {
    const { clock, parent } = parentWithClones(0);
    expect(onlyTask(deleteTask(parent, [], clock.ctx)).deletedAt).not.toBeNull();
  });

  it('R17: clones already deleted do not call for confirmation', () => {
    const { clock, parent, clones } = parentWithClones(1);
    const deletedClone = onlyTask(deleteTask(clones[0]!, [], clock.ctx));
    expect(() => deleteTask(parent, [deletedClone], clock.ctx)).not.toThrow();
  });

  it("R18: each child keeps the parent's number in its history but loses the link", () => {
    const { clock, parent, clones } = parentWithClones(2);
    const result = deleteTask(parent, clones, clock.ctx, { confirmed: true });
    for (const clone of clones) {
      const after = result.tasks.find((task) => task.id === clone.id);
      expect(after).toMatchObject({ parentId: null, parentNumber: 7, version: clone.version + 1 });
      expect(
        result.history.filter((entry) => entry.taskId === clone.id).map((e) => e.event),
      ).toEqual([{ type: 'parent_deleted', parentId: parent.id, parentNumber: 7 }]);
    }
  });

  it('R18: only clones of the deleted task are touched, and the inputs are never modified', () => {
    const { clock, store, parent, clones } = parentWithClones(1);
    const unrelated = onlyTask(createTask({ kind: 'chat', subject: 'Other' }, clock.ctx));
    store.apply({ tasks: [unrelated], history: [] });
    const children = deepFreeze(structuredClone(store.live()));
    const result = deleteTask(deepFreeze(structuredClone(parent)), children, clock.ctx, {
      confirmed: true,
    });
    expect(result.tasks.map((task) => task.id).sort()).toEqual([parent.id, clones[0]!.id].sort());
    expect(children.find((task) => task.id === clones[0]!.id)?.parentId).toBe(parent.id);
  });

  it('a deleted task cannot be deleted again', () => {
    const { clock, parent } = parentWithClones(0);
    const tombstone = onlyTask(deleteTask(parent, [], clock.ctx));
    expect(() => deleteTask(tombstone, [], clock.ctx)).toThrow(TaskDeletedError);
  });
});
