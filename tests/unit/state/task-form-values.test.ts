import { describe, expect, it } from 'vitest';
import { CODES_REQUIRED_MESSAGE } from '../../../lib/domain/call-log';
import type { FieldDefinition } from '../../../lib/domain/field-definition';
import { localDateTimeToIso } from '../../../lib/state/local-date-time';
import {
  blankFormValues,
  changesFrom,
  draftFrom,
  formIssues,
  formValuesOf,
  isoToLocalDateTime,
  rebaseFormValues,
} from '../../../lib/state/task-form-values';
import { makeTask, testId } from '../db/fixtures';

const priority: FieldDefinition = {
  id: testId(1),
  key: 'priority',
  label: 'Priority',
  type: 'select',
  required: true,
  options: ['Low', 'High'],
  defaultValue: 'Low',
  order: 1,
  archived: false,
  appliesTo: [],
};
const amount: FieldDefinition = {
  ...priority,
  id: testId(2),
  key: 'amount',
  label: 'Amount',
  type: 'number',
  required: false,
  options: [],
  defaultValue: null,
  order: 2,
};

describe('task form values', () => {
  it('R20: a new form starts with the administrator defaults', () => {
    const values = blankFormValues('email', null, [priority, amount]);
    expect(values.fields).toEqual({ priority: 'Low' });
    expect(values.kind).toBe('email');
  });

  it('R20: each field gets its own message: subject, custom fields, lead time, schedule', () => {
    const values = {
      ...blankFormValues('call', null, [priority, amount]),
      subject: ' ',
      scheduledAt: '2026-02-30T10:00',
      reminderLeadMinutes: '-3',
      fields: { priority: null, amount: 'lots' },
    };
    const issues = Object.fromEntries(
      formIssues(values, [priority, amount]).map((issue) => [issue.path, issue.message]),
    );
    expect(issues).toEqual({
      subject: 'Subject is required.',
      scheduledAt: 'Must be a date and time.',
      reminderLeadMinutes: 'Minutes before the call, a whole number from 0 to 1440.',
      'fields.priority': 'Priority is required.',
      'fields.amount': 'Amount must be a number.',
    });
  });

  it('asks for a transaction code only when the contact center requires one', () => {
    const values = { ...blankFormValues('call', null, []), subject: 'Call' };
    expect(formIssues(values, [])).toEqual([]);
    expect(formIssues(values, [], { codesRequired: true })).toEqual([
      { path: 'transactionCodes', message: CODES_REQUIRED_MESSAGE },
    ]);
  });

  it('R1: a call the softphone showed no number for asks for one, as E.164, and saves it', () => {
    const values = formValuesOf(makeTask(1, { subject: 'Call' }));
    const messages = (callNumber: string) =>
      formIssues({ ...values, callNumber }, [], { callNumberMissing: true })
        .filter((issue) => issue.path === 'callNumber')
        .map((issue) => issue.message);
    expect(messages('')).toEqual(['The softphone did not show the number: type it.']);
    expect(messages('415 555')).toEqual([
      'Not a phone number; write it with its country code, like +1 415 555 0134.',
    ]);
    expect(messages('+1 415 555 0134')).toEqual([]);
    expect(formIssues(values, [])).toEqual([]);
    expect(changesFrom({ ...values, callNumber: '+1 (415) 555-0134' }, values)).toEqual({
      callNumber: '+14155550134',
    });
    expect(changesFrom(values, values)).toEqual({});
  });

  it('R11: the scheduled time round-trips through the datetime-local text in local time', () => {
    const iso = localDateTimeToIso('2031-03-04T09:30');
    expect(iso).not.toBeNull();
    expect(isoToLocalDateTime(iso)).toBe('2031-03-04T09:30');
    const task = makeTask(1, { scheduledAt: iso, reminderLeadMinutes: 15 });
    const values = formValuesOf(task);
    expect(changesFrom({ ...values, reminderLeadMinutes: '10' }, values)).toEqual({
      reminderLeadMinutes: 10,
    });
    expect(changesFrom({ ...values, scheduledAt: '', reminderLeadMinutes: '' }, values)).toEqual({
      scheduledAt: null,
      reminderLeadMinutes: null,
    });
  });

  it('R9 R10: a new task is manual, and the customer it was made for', () => {
    const customer = testId(77);
    const draft = draftFrom({ ...blankFormValues('meeting', customer, []), subject: 'Visit' });
    expect(draft).toMatchObject({
      kind: 'meeting',
      subject: 'Visit',
      customerId: customer,
      origin: 'manual',
    });
  });

  it('R5 R25: a save sends only what the agent changed, so codes that arrived meanwhile stay', () => {
    const opened = formValuesOf(makeTask(2, { transactionCodes: [] }));
    const typed = { ...opened, notes: 'Wants a refund', fields: { amount: 12 } };
    expect(changesFrom(typed, opened)).toEqual({ notes: 'Wants a refund', fields: { amount: 12 } });

    const stored = formValuesOf(makeTask(2, { transactionCodes: ['SALE'], notes: 'ignored' }));
    const rebased = rebaseFormValues(typed, opened, stored);
    expect(rebased.transactionCodes).toEqual(['SALE']);
    expect(rebased.notes).toBe('Wants a refund');
    expect(changesFrom(rebased, stored)).toEqual({
      notes: 'Wants a refund',
      fields: { amount: 12 },
    });
  });
});
