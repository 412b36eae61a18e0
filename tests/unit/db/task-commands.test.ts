import { beforeEach, describe, expect, it } from 'vitest';
import type { WrapupDb } from '../../../lib/db/database';
import { historyOf } from '../../../lib/db/queries/history-of';
import { myTasks } from '../../../lib/db/queries/my-tasks';
import { searchTasks } from '../../../lib/db/queries/search-tasks';
import { saveSettings } from '../../../lib/db/settings-store';
import {
  saveAssignee,
  saveClone,
  saveDelete,
  saveNewTask,
  saveSchedule,
  saveStatus,
  saveTaskEdit,
} from '../../../lib/db/task-commands';
import { TaskNotFoundError } from '../../../lib/db/task-not-found-error';
import { ConfirmationRequiredError } from '../../../lib/domain/confirmation-required-error';
import type { FieldDefinition } from '../../../lib/domain/field-definition';
import { DEFAULT_SETTINGS } from '../../../lib/domain/settings';
import { TaskDeletedError } from '../../../lib/domain/task-deleted-error';
import { ValidationError } from '../../../lib/domain/validation-error';
import { AGENT, freshDb, ids, makeCustomer, OTHER_AGENT, testId } from './fixtures';

let db: WrapupDb;
beforeEach(async () => {
  db = await freshDb();
});

const ctx = (minute = 0) => ({
  actorId: AGENT,
  now: new Date(Date.UTC(2026, 2, 1, 9, minute)).toISOString(),
});

/** Everything in the store, to prove a refused command changed none of it. */
async function snapshot() {
  return {
    tasks: await db.tasks.toArray(),
    history: await db.history.toArray(),
    queue: await db.searchQueue.toArray(),
  };
}

describe('task commands', () => {
  it('R9: stores a new task of any kind with its creation in history', async () => {
    const task = await saveNewTask(db, { kind: 'meeting', subject: 'Quarterly review' }, ctx());

    expect(await db.tasks.get(task.id)).toEqual(task);
    expect(task).toMatchObject({
      kind: 'meeting',
      number: null,
      status: 'open',
      assigneeId: AGENT,
    });
    expect((await historyOf(db, task.id)).map((entry) => entry.event.type)).toEqual(['created']);
  });

  it("R10: stores a task for a customer, listed on the customer's record", async () => {
    const customer = makeCustomer(1);
    const task = await saveNewTask(
      db,
      { kind: 'email', subject: 'Send the quote', customerId: customer.id },
      ctx(),
    );
    expect(task.customerId).toBe(customer.id);
    expect(
      ids(await searchTasks(db, 'quote', { customerId: customer.id }).then((r) => r.tasks)),
    ).toEqual([task.id]);
  });

  it('R21: refuses bad input with the field message and leaves the store untouched', async () => {
    const task = await saveNewTask(db, { kind: 'call', subject: 'Call back' }, ctx());
    const before = await snapshot();

    const blank = saveTaskEdit(db, task.id, { subject: '   ', notes: 'kept' }, ctx(1));
    await expect(blank).rejects.toBeInstanceOf(ValidationError);
    await expect(blank).rejects.toMatchObject({
      issues: [{ path: 'subject', message: 'Subject is required.' }],
    });
    await expect(saveNewTask(db, { kind: 'call', subject: '' }, ctx(2))).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('R20: checks custom fields against the definitions in the store', async () => {
    const definition: FieldDefinition = {
      id: testId(600),
      key: 'order_ref',
      label: 'Order reference',
      type: 'text',
      required: true,
      options: [],
      defaultValue: null,
      order: 1,
      archived: false,
      appliesTo: [],
    };
    await db.fieldDefinitions.put(definition);

    await expect(saveNewTask(db, { kind: 'call', subject: 'No ref' }, ctx())).rejects.toMatchObject(
      {
        issues: [{ path: 'fields.order_ref', message: 'Order reference is required.' }],
      },
    );
    const task = await saveNewTask(
      db,
      { kind: 'call', subject: 'With ref', fields: { order_ref: 'ORD-1' } },
      ctx(),
    );
    expect(task.fields).toEqual({ order_ref: 'ORD-1' });
  });

  it('R25: records each changed field with who, when, from and to', async () => {
    const task = await saveNewTask(db, { kind: 'call', subject: 'Call back' }, ctx());
    const edited = await saveTaskEdit(
      db,
      task.id,
      { subject: 'Call back Ann', notes: 'About the refund' },
      { ...ctx(5), actorId: OTHER_AGENT },
    );
    await saveStatus(db, task.id, 'completed', ctx(6));
    await saveAssignee(db, task.id, OTHER_AGENT, ctx(7));

    expect(edited.subject).toBe('Call back Ann');
    const changes = (await historyOf(db, task.id)).flatMap((entry) =>
      entry.event.type === 'changed'
        ? [[entry.by, entry.at, entry.event.field, entry.event.from, entry.event.to]]
        : [],
    );
    expect(changes).toEqual([
      [OTHER_AGENT, ctx(5).now, 'subject', 'Call back', 'Call back Ann'],
      [OTHER_AGENT, ctx(5).now, 'notes', '', 'About the refund'],
      [AGENT, ctx(6).now, 'status', 'open', 'completed'],
      [AGENT, ctx(7).now, 'assigneeId', AGENT, OTHER_AGENT],
    ]);
    expect(await myTasks(db, OTHER_AGENT, { filter: 'completed' })).toHaveLength(1);
  });

  it("R11: schedules a call with a reminder the contact center's lead time before it", async () => {
    await saveSettings(db, { ...DEFAULT_SETTINGS, defaultReminderLeadMinutes: 10 });
    const task = await saveNewTask(db, { kind: 'call', subject: 'Call back' }, ctx());

    const scheduled = await saveSchedule(
      db,
      task.id,
      { scheduledAt: '2026-03-02T15:00:00.000Z', reminderLeadMinutes: null },
      ctx(1),
    );
    expect(scheduled.remindAt).toBe('2026-03-02T14:50:00.000Z');
    expect(await db.tasks.where('remindAt').equals('2026-03-02T14:50:00.000Z').count()).toBe(1);
  });

  it('R12, R14, R15, R16: a clone of a clone is another child of the original, in its history', async () => {
    const parent = await saveNewTask(
      db,
      { kind: 'call', subject: 'Order issue', transactionId: 'TX-9' },
      ctx(),
    );
    const child = await saveClone(db, parent.id, ctx(1));
    const second = await saveClone(db, child.id, ctx(2));

    expect(child).toMatchObject({ transactionId: 'TX-9', parentId: parent.id, origin: 'clone' });
    expect(child.id).not.toBe(parent.id);
    expect(second.parentId).toBe(parent.id);
    const clonesListed = (await historyOf(db, parent.id)).flatMap((entry) =>
      entry.event.type === 'cloned_to' ? [entry.event.childId] : [],
    );
    expect(clonesListed).toEqual([child.id, second.id]);
  });

  it('R17, R18: deleting a parent needs confirmation, then the clones keep only its number', async () => {
    const parent = await saveNewTask(db, { kind: 'call', subject: 'Parent task' }, ctx());
    await db.tasks.update(parent.id, { number: 77 });
    const child = await saveClone(db, parent.id, ctx(1));
    const before = await snapshot();

    await expect(saveDelete(db, parent.id, ctx(2))).rejects.toBeInstanceOf(
      ConfirmationRequiredError,
    );
    expect(await snapshot()).toEqual(before);

    await saveDelete(db, parent.id, ctx(3), { confirmed: true });
    const orphan = await db.tasks.get(child.id);
    expect(orphan).toMatchObject({ parentId: null, parentNumber: 77 });
    expect((await db.tasks.get(parent.id))?.deletedAt).toBe(ctx(3).now);
    expect((await historyOf(db, child.id)).at(-1)?.event).toEqual({
      type: 'parent_deleted',
      parentId: parent.id,
      parentNumber: 77,
    });
    expect(ids(await myTasks(db, AGENT, { filter: 'all' }))).toEqual([child.id]);
    expect(ids((await searchTasks(db, 'parent')).tasks)).toEqual([child.id]);
  });

  it('refuses to change a deleted task or one that is not here', async () => {
    const task = await saveNewTask(db, { kind: 'chat', subject: 'Chat' }, ctx());
    await saveDelete(db, task.id, ctx(1));

    await expect(saveTaskEdit(db, task.id, { notes: 'x' }, ctx(2))).rejects.toBeInstanceOf(
      TaskDeletedError,
    );
    await expect(saveClone(db, testId(12345), ctx(2))).rejects.toBeInstanceOf(TaskNotFoundError);
  });
});
