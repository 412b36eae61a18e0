import { beforeEach, describe, expect, it } from 'vitest';
import { saveCustomerEdit, saveNewCustomer } from '../../../lib/db/customer-commands';
import type { WrapupDb } from '../../../lib/db/database';
import {
  saveClone,
  saveDelete,
  saveNewTask,
  saveSchedule,
  saveStatus,
  saveTaskEdit,
} from '../../../lib/db/task-commands';
import { MUTATION_ARGS } from '../../../lib/domain/sync-mutations';
import { ValidationError } from '../../../lib/domain/validation-error';
import { dismissReminder } from '../../../lib/reminders/dismiss-reminder';
import { snoozeReminder } from '../../../lib/reminders/snooze-reminder';
import { AGENT, freshDb } from './fixtures';

let db: WrapupDb;
beforeEach(async () => {
  db = await freshDb();
});

const ctx = (minute = 0) => ({
  actorId: AGENT,
  now: new Date(Date.UTC(2026, 2, 1, 9, minute)).toISOString(),
});

const outbox = () => db.outbox.orderBy('seq').toArray();

/** Every queued mutation must be one the server accepts, exactly as queued. */
async function expectServerAcceptsOutbox() {
  for (const row of await outbox()) {
    const schema = MUTATION_ARGS[row.name];
    const parsed = schema.safeParse(JSON.parse(JSON.stringify(row.args)));
    expect(parsed.success, `${row.name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
  }
}

describe('the outbox', () => {
  it('queues every task change in order, as mutations the server accepts', async () => {
    const task = await saveNewTask(db, { kind: 'call', subject: 'Call back' }, ctx());
    await saveTaskEdit(db, task.id, { subject: 'Call back Ann', notes: 'asap' }, ctx(1));
    await saveStatus(db, task.id, 'completed', ctx(2));
    await saveSchedule(
      db,
      task.id,
      { scheduledAt: '2026-03-02T10:00:00.000Z', reminderLeadMinutes: 10 },
      ctx(3),
    );
    const clone = await saveClone(db, task.id, ctx(4));
    await saveDelete(db, clone.id, ctx(5));

    const rows = await outbox();
    expect(rows.map((row) => row.name)).toEqual([
      'task.create',
      'task.edit',
      'task.edit',
      'task.schedule',
      'task.clone',
      'task.delete',
    ]);
    expect(rows[0]?.args).toMatchObject({ id: task.id, kind: 'call', subject: 'Call back' });
    expect(rows[1]?.args).toEqual({
      taskId: task.id,
      changes: { subject: 'Call back Ann', notes: 'asap' },
      base: { subject: 'Call back', notes: '' },
    });
    expect(rows[2]?.args).toEqual({
      taskId: task.id,
      changes: { status: 'completed' },
      base: { status: 'open' },
    });
    expect(rows[4]?.args).toEqual({ sourceId: task.id, cloneId: clone.id });
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    expect(rows.every((row) => row.state === 'pending')).toBe(true);
    await expectServerAcceptsOutbox();
  });

  it('ties each change to the history entries it wrote', async () => {
    const task = await saveNewTask(db, { kind: 'call', subject: 'A' }, ctx());
    await saveTaskEdit(db, task.id, { subject: 'B' }, ctx(1));
    const history = await db.history.toArray();
    const rows = await outbox();
    expect(rows.flatMap((row) => row.historyIds).sort()).toEqual(
      history.map((entry) => entry.id).sort(),
    );
    expect(rows[1]?.historyIds).toHaveLength(1);
  });

  it('queues custom field edits with their base values', async () => {
    const task = await saveNewTask(db, { kind: 'call', subject: 'A' }, ctx());
    await saveTaskEdit(db, task.id, { fields: { region: 'north' } }, ctx(1));
    expect((await outbox())[1]?.args).toEqual({
      taskId: task.id,
      changes: { fields: { region: 'north' } },
      base: { fields: { region: null } },
    });
  });

  it('marks the softphone’s edits as the system’s, so the server relaxes required fields too', async () => {
    const task = await saveNewTask(db, { kind: 'call', subject: 'A' }, ctx());
    await saveTaskEdit(
      db,
      task.id,
      { transactionCodes: ['SALE'] },
      { ...ctx(1), source: 'system' },
    );
    expect((await outbox())[1]?.args).toMatchObject({ source: 'system' });
    await expectServerAcceptsOutbox();
  });

  it('queues nothing for an edit that changes nothing', async () => {
    const task = await saveNewTask(db, { kind: 'call', subject: 'A' }, ctx());
    await saveTaskEdit(db, task.id, { subject: 'A' }, ctx(1));
    await saveStatus(db, task.id, 'open', ctx(2));
    expect(await db.outbox.count()).toBe(1);
  });

  it('queues nothing when the change is refused', async () => {
    await expect(saveNewTask(db, { kind: 'call', subject: '' }, ctx())).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await db.outbox.count()).toBe(0);
  });

  it('queues customer changes', async () => {
    const customer = await saveNewCustomer(
      db,
      { name: 'Ann Lee', phones: ['+44 20 7946 0000'] },
      ctx(),
    );
    await saveCustomerEdit(db, customer.id, { company: 'Lee Ltd' }, ctx(1));
    await saveCustomerEdit(db, customer.id, { company: 'Lee Ltd' }, ctx(2));
    const rows = await outbox();
    expect(rows.map((row) => [row.name, row.entityId])).toEqual([
      ['customer.create', customer.id],
      ['customer.edit', customer.id],
    ]);
    await expectServerAcceptsOutbox();
  });

  it('queues reminder snoozes and dismissals', async () => {
    const task = await saveNewTask(
      db,
      { kind: 'call', subject: 'A', scheduledAt: '2026-03-01T10:00:00.000Z' },
      ctx(),
    );
    const now = new Date('2026-03-01T09:55:00.000Z');
    await snoozeReminder(db, task.id, 5, { actorId: AGENT, now });
    await dismissReminder(db, task.id, { actorId: AGENT, now });
    const rows = await outbox();
    expect(rows.slice(1).map((row) => row.args)).toEqual([
      {
        taskId: task.id,
        event: { type: 'reminder_snoozed', until: '2026-03-01T10:00:00.000Z' },
      },
      { taskId: task.id, event: { type: 'reminder_dismissed' } },
    ]);
    await expectServerAcceptsOutbox();
  });
});

describe('work made before sign-in', () => {
  it('is taken over by the signed-in user before it is sent', async () => {
    const { adoptLocalWork } = await import('../../../lib/db/adopt-local-work');
    const user = '0190a000-0000-7000-8000-00000000abcd';
    const task = await saveNewTask(
      db,
      { kind: 'call', subject: 'Logged offline', assigneeId: AGENT },
      ctx(),
    );
    const other = await saveNewTask(
      db,
      {
        kind: 'call',
        subject: 'For a colleague',
        assigneeId: '0190a000-0000-7000-8000-00000000beef',
      },
      ctx(),
    );
    expect(await adoptLocalWork(db, AGENT, user)).toBe(1);
    const rows = await outbox();
    expect(rows[0]?.args.assigneeId).toBe(user);
    expect(rows[1]?.args.assigneeId).not.toBe(user);
    expect(await db.tasks.get(task.id)).toMatchObject({ assigneeId: user, createdBy: user });
    expect((await db.tasks.get(other.id))?.assigneeId).not.toBe(user);
    expect(await adoptLocalWork(db, AGENT, user)).toBe(0);
  });
});
