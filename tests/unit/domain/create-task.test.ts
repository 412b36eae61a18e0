import { describe, expect, it } from 'vitest';
import { createTask } from '../../../lib/domain/create-task';
import { TASK_KINDS } from '../../../lib/domain/task-kind';
import { ValidationError } from '../../../lib/domain/validation-error';
import { AGENT, CUSTOMER, deepFreeze, definition, onlyTask, testContext } from './support';

describe('createTask', () => {
  it('R9: an agent creates a task of every kind of interaction, planned or past', () => {
    const { ctx } = testContext();
    for (const kind of TASK_KINDS) {
      const past = onlyTask(
        createTask({ kind, subject: `Past ${kind}`, dueAt: '2026-03-01T09:00:00.000Z' }, ctx),
      );
      const planned = onlyTask(
        createTask({ kind, subject: `Planned ${kind}`, scheduledAt: '2026-03-09T14:00:00Z' }, ctx),
      );
      expect(past).toMatchObject({
        kind,
        subject: `Past ${kind}`,
        dueAt: '2026-03-01T09:00:00.000Z',
      });
      expect(planned).toMatchObject({ kind, scheduledAt: '2026-03-09T14:00:00.000Z' });
    }
  });

  it('R9: a new task is open, numbered "new" (null), manual, version 0, by and for its creator', () => {
    const { ctx } = testContext();
    const task = onlyTask(createTask({ kind: 'email', subject: 'Send the quote' }, ctx));
    expect(task).toMatchObject({
      number: null,
      status: 'open',
      origin: 'manual',
      version: 0,
      createdBy: AGENT,
      updatedBy: AGENT,
      assigneeId: AGENT,
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
      deletedAt: null,
      parentId: null,
      notes: '',
      transactionCodes: [],
    });
  });

  it('R9: system and campaign tasks keep their origin; a draft cannot claim to be a clone', () => {
    const { ctx } = testContext();
    expect(
      onlyTask(createTask({ kind: 'call', subject: 'Log', origin: 'system' }, ctx)).origin,
    ).toBe('system');
    expect(
      onlyTask(createTask({ kind: 'call', subject: 'Log', origin: 'campaign' }, ctx)).origin,
    ).toBe('campaign');
    expect(() =>
      createTask({ kind: 'call', subject: 'Log', origin: 'clone' as 'manual' }, ctx),
    ).toThrow(ValidationError);
  });

  it('R9: a task made offline is created again under the id its creator gave it', () => {
    const { ctx } = testContext();
    const id = '01900000-0000-7000-8000-00000000beef';
    const result = createTask({ id, kind: 'call', subject: 'Made offline' }, ctx);
    expect(onlyTask(result).id).toBe(id);
    expect(result.history[0]?.taskId).toBe(id);
  });

  it('R10: a task without a customer is independent', () => {
    const { ctx } = testContext();
    expect(
      onlyTask(createTask({ kind: 'other', subject: 'Order toner' }, ctx)).customerId,
    ).toBeNull();
  });

  it("R10: a task created from a customer's record belongs to that customer", () => {
    const { ctx } = testContext();
    const task = onlyTask(
      createTask({ kind: 'meeting', subject: 'Visit', customerId: CUSTOMER }, ctx),
    );
    expect(task.customerId).toBe(CUSTOMER);
  });

  it('R11: a scheduled call reminds the default lead time before, or its own lead time', () => {
    const { ctx } = testContext();
    const byDefault = onlyTask(
      createTask(
        { kind: 'call', subject: 'Call back', scheduledAt: '2026-03-02T15:00:00.000Z' },
        ctx,
        { defaultReminderLeadMinutes: 10 },
      ),
    );
    expect(byDefault.remindAt).toBe('2026-03-02T14:50:00.000Z');
    const ownLead = onlyTask(
      createTask(
        {
          kind: 'call',
          subject: 'Call back',
          scheduledAt: '2026-03-02T17:00:00+02:00',
          reminderLeadMinutes: 30,
        },
        ctx,
        { defaultReminderLeadMinutes: 10 },
      ),
    );
    expect(ownLead.scheduledAt).toBe('2026-03-02T15:00:00.000Z');
    expect(ownLead.remindAt).toBe('2026-03-02T14:30:00.000Z');
    const unscheduled = onlyTask(createTask({ kind: 'call', subject: 'Call back' }, ctx));
    expect(unscheduled.remindAt).toBeNull();
  });

  it('R25: creation writes one "created" entry carrying the first values', () => {
    const { ctx } = testContext();
    const result = createTask({ kind: 'chat', subject: 'Chat', notes: 'Asked about billing' }, ctx);
    const task = onlyTask(result);
    expect(result.history).toHaveLength(1);
    expect(result.history[0]).toMatchObject({
      taskId: task.id,
      by: AGENT,
      at: ctx.now,
      event: { type: 'created', values: { subject: 'Chat', notes: 'Asked about billing' } },
    });
  });

  it('R20: custom fields start with their defaults, for the kinds they apply to', () => {
    const { ctx } = testContext();
    const definitions = [
      definition({
        key: 'priority',
        type: 'select',
        options: ['low', 'high'],
        defaultValue: 'low',
      }),
      definition({ key: 'agenda', type: 'long_text', defaultValue: 'TBD', appliesTo: ['meeting'] }),
      definition({ key: 'old', type: 'text', defaultValue: 'x', archived: true }),
    ];
    const call = onlyTask(createTask({ kind: 'call', subject: 'C' }, ctx, { definitions }));
    expect(call.fields).toEqual({ priority: 'low' });
    const meeting = onlyTask(
      createTask({ kind: 'meeting', subject: 'M', fields: { priority: 'high' } }, ctx, {
        definitions,
      }),
    );
    expect(meeting.fields).toEqual({ priority: 'high', agenda: 'TBD' });
  });

  it('R20: a missing required field is refused for a manual task but not for a system call log', () => {
    const { ctx } = testContext();
    const definitions = [definition({ key: 'reason', label: 'Reason', required: true })];
    expect(() => createTask({ kind: 'call', subject: 'C' }, ctx, { definitions })).toThrowError(
      expect.objectContaining({
        issues: [{ path: 'fields.reason', message: 'Reason is required.' }],
      }),
    );
    const log = onlyTask(
      createTask({ kind: 'call', subject: 'C', origin: 'system' }, ctx, { definitions }),
    );
    expect(log.fields).toEqual({});
  });

  it('refuses bad input with one message per field and leaves the draft untouched', () => {
    const { ctx } = testContext();
    const draft = deepFreeze({
      kind: 'fax' as 'call',
      subject: '   ',
      customerId: 'not-an-id',
      dueAt: 'tomorrow',
      reminderLeadMinutes: -5,
      notes: 'Keep me',
    });
    try {
      createTask(draft, ctx);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual([
        {
          path: 'kind',
          message: 'Must be one of: call, email, meeting, chat, voicemail, web_callback, other.',
        },
        { path: 'subject', message: 'Subject is required.' },
        { path: 'customerId', message: 'Must be a valid id.' },
        { path: 'dueAt', message: 'Must be a date and time.' },
        { path: 'reminderLeadMinutes', message: 'At least 0.' },
      ]);
    }
    expect(draft.notes).toBe('Keep me');
  });

  it('R20: custom values are stored only under well-formed field keys', () => {
    const { ctx } = testContext();
    const hostile = JSON.parse(
      '{"kind":"call","subject":"S","fields":{"__proto__":{"x":1},"Bad":1}}',
    );
    let thrown: unknown;
    try {
      createTask(hostile, ctx);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).issues).toEqual([
      { path: 'fields.Bad', message: 'Keys are lower-case letters, digits and underscores.' },
    ]);
    const clean = onlyTask(
      createTask({ ...hostile, fields: JSON.parse('{"__proto__":{"x":1}}') }, ctx),
    );
    expect(Object.getPrototypeOf(clean.fields)).toBe(Object.prototype);
    expect(Object.keys(clean.fields)).toEqual([]);
  });

  it('R9: a task made from a web page keeps a reference to it, but only to a web address', () => {
    const { ctx } = testContext();
    const reference = { title: 'Customer 1', url: 'https://crm.example.com/c/1' };
    expect(onlyTask(createTask({ kind: 'other', subject: 'S', reference }, ctx)).reference).toEqual(
      reference,
    );
    expect(() =>
      createTask(
        { kind: 'other', subject: 'S', reference: { title: 'x', url: 'javascript:alert(1)' } },
        ctx,
      ),
    ).toThrowError(
      expect.objectContaining({
        issues: [
          {
            path: 'reference.url',
            message: 'Must be a web address starting with http:// or https://.',
          },
        ],
      }),
    );
  });

  it('refuses a subject that is missing or too long', () => {
    const { ctx } = testContext();
    expect(() => createTask({ kind: 'call' } as never, ctx)).toThrowError(
      expect.objectContaining({ issues: [{ path: 'subject', message: 'Required.' }] }),
    );
    expect(() => createTask({ kind: 'call', subject: 'x'.repeat(201) }, ctx)).toThrowError(
      expect.objectContaining({
        issues: [{ path: 'subject', message: 'At most 200 characters.' }],
      }),
    );
  });
});
