import { describe, expect, it } from 'vitest';
import { cloneTask } from '../../../lib/domain/clone-task';
import { createTask } from '../../../lib/domain/create-task';
import { deleteTask } from '../../../lib/domain/delete-task';
import type { Task } from '../../../lib/domain/task';
import { TaskDeletedError } from '../../../lib/domain/task-deleted-error';
import { taskValues } from '../../../lib/domain/task-values';
import { CUSTOMER, deepFreeze, MemoryStore, OTHER_AGENT, onlyTask, testContext } from './support';

function numbered(task: Task, number: number): Task {
  return { ...task, number };
}

function storeWithParent() {
  const clock = testContext();
  const store = new MemoryStore();
  const created = createTask(
    {
      kind: 'call',
      subject: 'Renewal call',
      notes: 'Wants the premium plan',
      customerId: CUSTOMER,
      transactionId: 'TX-9001',
      transactionCodes: ['SALE', 'AMD'],
      call: {
        number: '+14155550134',
        callerName: 'Ada',
        direction: 'inbound',
        queue: 'Sales',
        campaign: null,
        startedAt: '2026-03-02T08:00:00.000Z',
        connectedAt: '2026-03-02T08:00:05.000Z',
        endedAt: '2026-03-02T08:10:00.000Z',
        durationSeconds: 595,
      },
      dueAt: '2026-03-05T12:00:00.000Z',
      scheduledAt: '2026-03-06T09:00:00.000Z',
      reminderLeadMinutes: 20,
      fields: { priority: 'high', tags: ['vip'] },
      reference: { title: 'CRM record', url: 'https://crm.example.com/c/1' },
      origin: 'system',
    },
    clock.ctx,
  );
  store.apply({ ...created, tasks: [numbered(onlyTask(created), 41)] });
  clock.advance(60);
  return { clock, store, parent: store.get(onlyTask(created).id) };
}

describe('cloneTask', () => {
  it('R12: a clone gets a new task id and keeps the transaction id', () => {
    const { clock, store, parent } = storeWithParent();
    const child = onlyTask(cloneTask(parent, clock.ctx, store.find));
    expect(child.id).not.toBe(parent.id);
    expect(child.transactionId).toBe('TX-9001');
  });

  it('R13: every form value is copied, but not history, creation or modification times', () => {
    const { clock, store, parent } = storeWithParent();
    const result = cloneTask(parent, clock.as(OTHER_AGENT), store.find);
    const child = onlyTask(result);
    const { origin: _o, parentId: _p, parentNumber: _n, ...copied } = taskValues(parent);
    expect(child).toMatchObject(copied);
    expect(child).toMatchObject({
      number: null,
      origin: 'clone',
      version: 0,
      deletedAt: null,
      createdAt: '2026-03-02T10:00:00.000Z',
      updatedAt: '2026-03-02T10:00:00.000Z',
      createdBy: OTHER_AGENT,
      updatedBy: OTHER_AGENT,
    });
    expect(child.createdAt).not.toBe(parent.createdAt);
    const childHistory = result.history.filter((entry) => entry.taskId === child.id);
    expect(childHistory.map((entry) => entry.event.type)).toEqual(['created', 'cloned_from']);
  });

  it('R12: a clone made offline is made again under the id its creator gave it', () => {
    const { clock, store, parent } = storeWithParent();
    const id = '01900000-0000-7000-8000-00000000abcd';
    expect(onlyTask(cloneTask(parent, clock.ctx, store.find, { id })).id).toBe(id);
    expect(() => cloneTask(parent, clock.ctx, store.find, { id: 'x' })).toThrowError(
      expect.objectContaining({ issues: [{ path: 'id', message: 'Must be a valid id.' }] }),
    );
  });

  it('R13: the copy shares no objects with the original', () => {
    const { clock, store, parent } = storeWithParent();
    const child = onlyTask(cloneTask(parent, clock.ctx, store.find));
    expect(child.fields).not.toBe(parent.fields);
    expect(child.fields.tags).not.toBe(parent.fields.tags);
    expect(child.call).not.toBe(parent.call);
  });

  it('R14: cloning a clone makes another child of the original parent, not a grandchild', () => {
    const { clock, store, parent } = storeWithParent();
    const first = cloneTask(parent, clock.ctx, store.find);
    store.apply(first);
    const second = cloneTask(onlyTask(first), clock.ctx, store.find);
    expect(onlyTask(second)).toMatchObject({ parentId: parent.id, parentNumber: 41 });
    expect(second.history.find((entry) => entry.event.type === 'cloned_to')).toMatchObject({
      taskId: parent.id,
      event: { type: 'cloned_to', childId: onlyTask(second).id },
    });
  });

  it('R14: a clone whose parent is not in the local store still links to that parent', () => {
    const { clock, store, parent } = storeWithParent();
    const child = onlyTask(cloneTask(parent, clock.ctx, store.find));
    const grandchildAttempt = onlyTask(cloneTask(child, clock.ctx, () => undefined));
    expect(grandchildAttempt).toMatchObject({ parentId: parent.id, parentNumber: 41 });
  });

  it("R15: the parent's history lists every task cloned from it", () => {
    const { clock, store, parent } = storeWithParent();
    const clones: Task[] = [];
    for (let i = 0; i < 3; i += 1) {
      const source = i === 0 ? parent : clones[i - 1]!;
      const result = cloneTask(source, clock.ctx, store.find);
      store.apply(result);
      clones.push(onlyTask(result));
    }
    const listed = store
      .historyOf(parent.id)
      .flatMap((entry) => (entry.event.type === 'cloned_to' ? [entry.event.childId] : []));
    expect(listed).toEqual(clones.map((clone) => clone.id));
  });

  it('R16: the child links to its parent by id and number, and its history names the parent', () => {
    const { clock, store, parent } = storeWithParent();
    const result = cloneTask(parent, clock.ctx, store.find);
    const child = onlyTask(result);
    expect(child).toMatchObject({ parentId: parent.id, parentNumber: 41 });
    expect(
      result.history.find(
        (entry) => entry.taskId === child.id && entry.event.type === 'cloned_from',
      )?.event,
    ).toEqual({
      type: 'cloned_from',
      parentId: parent.id,
      parentNumber: 41,
    });
  });

  it('R18: a child whose parent was deleted clones as a parent of its own', () => {
    const { clock, store, parent } = storeWithParent();
    const child = cloneTask(parent, clock.ctx, store.find);
    store.apply(child);
    store.apply(deleteTask(parent, store.live(), clock.ctx, { confirmed: true }));
    const orphan = store.get(onlyTask(child).id);
    const copy = onlyTask(cloneTask(orphan, clock.ctx, store.find));
    expect(copy.parentId).toBe(orphan.id);
    // A link the deletion has not reached yet counts as gone too.
    const stale = onlyTask(cloneTask(onlyTask(child), clock.ctx, store.find));
    expect(stale.parentId).toBe(onlyTask(child).id);
  });

  it('a deleted task cannot be cloned, and the source is never modified', () => {
    const { clock, store, parent } = storeWithParent();
    const frozen = deepFreeze(structuredClone(parent));
    expect(() => cloneTask(frozen, clock.ctx, store.find)).not.toThrow();
    const deleted = onlyTask(deleteTask(parent, [], clock.ctx));
    expect(() => cloneTask(deleted, clock.ctx, store.find)).toThrow(TaskDeletedError);
  });
});
