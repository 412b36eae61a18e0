import { describe, expect, it } from 'vitest';
import { assignTask } from '../../../lib/domain/assign-task';
import { changeStatus } from '../../../lib/domain/change-status';
import { createTask } from '../../../lib/domain/create-task';
import { deleteTask } from '../../../lib/domain/delete-task';
import { editTask } from '../../../lib/domain/edit-task';
import { scheduleTask } from '../../../lib/domain/schedule-task';
import type { Task } from '../../../lib/domain/task';
import { TaskDeletedError } from '../../../lib/domain/task-deleted-error';
import { ValidationError } from '../../../lib/domain/validation-error';
import { AGENT, deepFreeze, definition, OTHER_AGENT, onlyTask, testContext } from './support';

function newTask(clock = testContext()): Task {
  return onlyTask(
    createTask(
      {
        kind: 'call',
        subject: 'Call about the invoice',
        notes: 'First notes',
        transactionCodes: ['SALE'],
        fields: { priority: 'low' },
      },
      clock.ctx,
    ),
  );
}

describe('editTask', () => {
  it('R25: each changed value is one history entry saying who, when, which field, from and to', () => {
    const clock = testContext();
    const task = newTask(clock);
    clock.advance(5);
    const result = editTask(
      task,
      { subject: 'Call about invoice 42', notes: 'First notes', transactionCodes: ['SALE', 'AMD'] },
      clock.as(OTHER_AGENT),
    );
    expect(result.history.map((entry) => entry.event)).toEqual([
      {
        type: 'changed',
        field: 'subject',
        from: 'Call about the invoice',
        to: 'Call about invoice 42',
      },
      { type: 'changed', field: 'transactionCodes', from: ['SALE'], to: ['SALE', 'AMD'] },
    ]);
    for (const entry of result.history) {
      expect(entry).toMatchObject({
        taskId: task.id,
        by: OTHER_AGENT,
        at: '2026-03-02T09:05:00.000Z',
      });
    }
    expect(onlyTask(result)).toMatchObject({
      subject: 'Call about invoice 42',
      transactionCodes: ['SALE', 'AMD'],
      notes: 'First notes',
      version: task.version + 1,
      updatedBy: OTHER_AGENT,
      updatedAt: '2026-03-02T09:05:00.000Z',
      createdAt: task.createdAt,
      createdBy: AGENT,
    });
  });

  it('R25: custom field changes are recorded as fields.<key>; other custom values are kept', () => {
    const clock = testContext();
    const task = { ...newTask(clock), fields: { priority: 'low', legacy: 'kept' } };
    const result = editTask(task, { fields: { priority: 'high', budget: 1200 } }, clock.ctx);
    expect(result.history.map((entry) => entry.event)).toEqual([
      { type: 'changed', field: 'fields.priority', from: 'low', to: 'high' },
      { type: 'changed', field: 'fields.budget', from: null, to: 1200 },
    ]);
    expect(onlyTask(result).fields).toEqual({ priority: 'high', legacy: 'kept', budget: 1200 });
  });

  it('R25: saving unchanged values stores nothing: no entry and no new version', () => {
    const clock = testContext();
    const task = newTask(clock);
    const result = editTask(
      task,
      {
        subject: task.subject,
        notes: task.notes,
        transactionCodes: ['SALE'],
        fields: { priority: 'low', never_set: null },
        scheduledAt: null,
      },
      clock.ctx,
    );
    expect(result).toEqual({ tasks: [], history: [] });
  });

  it('R25: the same instant written another way is no change', () => {
    const clock = testContext();
    const task = onlyTask(
      createTask({ kind: 'call', subject: 'S', dueAt: '2026-03-03T10:00:00.000Z' }, clock.ctx),
    );
    expect(editTask(task, { dueAt: '2026-03-03T12:00:00+02:00' }, clock.ctx).tasks).toEqual([]);
  });

  it('R11: a new scheduled time or lead time moves the reminder, and history says so', () => {
    const clock = testContext();
    const task = newTask(clock);
    const options = { defaultReminderLeadMinutes: 5 };
    const scheduled = onlyTask(
      scheduleTask(
        task,
        { scheduledAt: '2026-03-04T10:00:00.000Z', reminderLeadMinutes: null },
        clock.ctx,
        options,
      ),
    );
    expect(scheduled.remindAt).toBe('2026-03-04T09:55:00.000Z');
    const earlier = scheduleTask(
      scheduled,
      { scheduledAt: '2026-03-04T10:00:00.000Z', reminderLeadMinutes: 15 },
      clock.ctx,
      options,
    );
    expect(onlyTask(earlier).remindAt).toBe('2026-03-04T09:45:00.000Z');
    expect(earlier.history.map((entry) => entry.event)).toEqual([
      { type: 'changed', field: 'reminderLeadMinutes', from: null, to: 15 },
      {
        type: 'changed',
        field: 'remindAt',
        from: '2026-03-04T09:55:00.000Z',
        to: '2026-03-04T09:45:00.000Z',
      },
    ]);
    const unscheduled = onlyTask(
      scheduleTask(
        onlyTask(earlier),
        { scheduledAt: null, reminderLeadMinutes: 15 },
        clock.ctx,
        options,
      ),
    );
    expect(unscheduled.remindAt).toBeNull();
  });

  it('R11: edits that leave the schedule alone leave the reminder alone', () => {
    const clock = testContext();
    const task = {
      ...newTask(clock),
      scheduledAt: '2026-03-04T10:00:00.000Z',
      remindAt: '2026-03-04T09:58:00.000Z',
    };
    const edited = onlyTask(editTask(task, { notes: 'Snoozed earlier' }, clock.ctx));
    expect(edited.remindAt).toBe('2026-03-04T09:58:00.000Z');
  });

  it("R22: assigning a task makes it the assignee's, with a history entry", () => {
    const clock = testContext();
    const task = newTask(clock);
    const result = assignTask(task, OTHER_AGENT, clock.ctx);
    expect(onlyTask(result).assigneeId).toBe(OTHER_AGENT);
    expect(result.history[0]?.event).toEqual({
      type: 'changed',
      field: 'assigneeId',
      from: AGENT,
      to: OTHER_AGENT,
    });
    expect(onlyTask(assignTask(onlyTask(result), null, clock.ctx)).assigneeId).toBeNull();
  });

  it("R21: an agent changes a task's status, recorded in its history", () => {
    const clock = testContext();
    const result = changeStatus(newTask(clock), 'completed', clock.ctx);
    expect(onlyTask(result).status).toBe('completed');
    expect(result.history[0]?.event).toEqual({
      type: 'changed',
      field: 'status',
      from: 'open',
      to: 'completed',
    });
  });

  it('refuses bad input with one message per field and leaves the task untouched', () => {
    const clock = testContext();
    const task = deepFreeze(newTask(clock));
    const before = structuredClone(task);
    try {
      editTask(
        task,
        { subject: '', status: 'done' as 'open', scheduledAt: '2026-13-01', assigneeId: 'nobody' },
        clock.ctx,
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual([
        { path: 'subject', message: 'Subject is required.' },
        { path: 'status', message: 'Must be one of: open, in_progress, completed, cancelled.' },
        { path: 'assigneeId', message: 'Must be a valid id.' },
        { path: 'scheduledAt', message: 'Must be a date and time.' },
      ]);
    }
    expect(task).toEqual(before);
  });

  it('R20: custom values are checked against the definitions, one message per field', () => {
    const clock = testContext();
    const definitions = [
      definition({ key: 'priority', label: 'Priority', type: 'select', options: ['low', 'high'] }),
      definition({ key: 'budget', label: 'Budget', type: 'number', required: true }),
    ];
    const task = newTask(clock);
    expect(() =>
      editTask(task, { fields: { priority: 'urgent' } }, clock.ctx, { definitions }),
    ).toThrowError(
      expect.objectContaining({
        issues: [
          { path: 'fields.priority', message: 'Priority must be one of: low, high.' },
          { path: 'fields.budget', message: 'Budget is required.' },
        ],
      }),
    );
    const fixed = onlyTask(
      editTask(task, { fields: { priority: 'high', budget: 10 } }, clock.ctx, { definitions }),
    );
    expect(fixed.fields).toEqual({ priority: 'high', budget: 10 });
  });

  it('R20: a system edit is checked only on the fields it sets; required ones wait for the agent', () => {
    const clock = testContext();
    const definitions = [
      definition({ key: 'priority', label: 'Priority', type: 'select', options: ['low', 'high'] }),
      definition({ key: 'budget', label: 'Budget', type: 'number', required: true }),
    ];
    const task = newTask(clock);
    const system = { definitions, source: 'system' as const };

    const coded = onlyTask(
      editTask(task, { transactionCodes: ['SALE', 'AMD'] }, clock.ctx, system),
    );
    expect(coded.transactionCodes).toEqual(['SALE', 'AMD']);
    expect(() =>
      editTask(task, { fields: { priority: 'urgent' } }, clock.ctx, system),
    ).toThrowError(
      expect.objectContaining({
        issues: [{ path: 'fields.priority', message: 'Priority must be one of: low, high.' }],
      }),
    );
    expect(() =>
      editTask(coded, { notes: 'Called back' }, clock.ctx, { definitions, source: 'agent' }),
    ).toThrowError(
      expect.objectContaining({
        issues: [{ path: 'fields.budget', message: 'Budget is required.' }],
      }),
    );
  });

  it('a deleted task cannot be edited', () => {
    const clock = testContext();
    const deleted = onlyTask(deleteTask(newTask(clock), [], clock.ctx));
    expect(() => editTask(deleted, { subject: 'Revived' }, clock.ctx)).toThrow(TaskDeletedError);
  });

  it('never modifies the task it is given', () => {
    const clock = testContext();
    const task = deepFreeze(newTask(clock));
    const edited = onlyTask(
      editTask(
        task,
        { subject: 'New', fields: { priority: 'high' }, transactionCodes: [] },
        clock.ctx,
      ),
    );
    expect(task.subject).toBe('Call about the invoice');
    expect(task.fields).toEqual({ priority: 'low' });
    expect(edited.fields).toEqual({ priority: 'high' });
  });
});

describe('editTask: the number of a call the softphone did not show', () => {
  const CALL = {
    number: null,
    callerName: null,
    direction: 'inbound' as const,
    startedAt: '2026-11-29T09:00:00.000Z',
    connectedAt: '2026-11-29T09:00:05.000Z',
    endedAt: '2026-11-29T09:03:00.000Z',
    durationSeconds: 175,
    queue: null,
    campaign: null,
  };

  function numberlessLog(clock = testContext()): Task {
    return { ...newTask(clock), origin: 'system', call: structuredClone(CALL) } as Task;
  }

  it('R1: the agent fills it in once; the history records the call as it was and as it is', () => {
    const clock = testContext();
    const task = numberlessLog(clock);
    clock.advance(5);
    const result = editTask(task, { callNumber: '+14155550134' }, clock.ctx);
    expect(onlyTask(result).call?.number).toBe('+14155550134');
    expect(result.history.map((entry) => entry.event)).toEqual([
      {
        type: 'changed',
        field: 'call',
        from: CALL,
        to: { ...CALL, number: '+14155550134' },
      },
    ]);
  });

  it('R1: a number the softphone reported, or a task without a call, is never given one', () => {
    const clock = testContext();
    const reported = { ...numberlessLog(clock), call: { ...CALL, number: '+14155550100' } };
    expect(() => editTask(reported, { callNumber: '+14155550134' }, clock.ctx)).toThrow(
      ValidationError,
    );
    expect(() => editTask(newTask(clock), { callNumber: '+14155550134' }, clock.ctx)).toThrow(
      ValidationError,
    );
    expect(() => editTask(numberlessLog(clock), { callNumber: '0134' }, clock.ctx)).toThrow(
      ValidationError,
    );
  });
});
