import { describe, expect, it } from 'vitest';
import { createdRangeFromDays, createdWithin } from '../../../lib/domain/created-range';
import { parseCsv } from '../../../lib/domain/csv-parse';
import { writeCsv } from '../../../lib/domain/csv-write';
import { customerExportRecords } from '../../../lib/domain/customer-export';
import { TASK_EXPORT_HEADERS, taskExportRecords } from '../../../lib/domain/task-export';
import { AGENT, makeCustomer, makeTask } from '../db/fixtures';
import { definition } from './support';

describe('task export', () => {
  const customer = makeCustomer(1, { name: 'Ann Lee' });
  const priority = definition({ key: 'priority', label: 'Priority', type: 'select', order: 2 });
  const tags = definition({ key: 'tags', label: 'Tags', type: 'multi_select', order: 1 });
  const old = definition({ key: 'old', label: 'Tags', archived: true, order: 3 });
  const task = makeTask(1, {
    number: 42,
    subject: 'Refund',
    customerId: customer.id,
    transactionCodes: ['SALE', 'AMD'],
    notes: 'line one\nline two',
    dueAt: '2026-03-02T10:00:00.000Z',
    fields: { priority: 'High', tags: ['a', 'b'], old: true },
  });
  const context = {
    customers: new Map([[customer.id, customer]]),
    users: new Map([[AGENT, { name: 'Agent Smith' }]]),
    fields: [priority, tags, old],
  };

  it('R5, R20: writes the built-in columns, codes comma-separated, then a column per custom field', () => {
    const [header, row] = taskExportRecords([task], context);
    expect(header).toEqual([...TASK_EXPORT_HEADERS, 'Tags (tags)', 'Priority', 'Tags (old)']);
    expect(row).toEqual([
      '42',
      'call',
      'manual',
      'Refund',
      'open',
      'Ann Lee',
      'Agent Smith',
      '2026-03-02T10:00:00.000Z',
      '',
      task.createdAt,
      task.updatedAt,
      'SALE, AMD',
      'line one\nline two',
      'a, b',
      'High',
      'true',
    ]);
    expect(parseCsv(writeCsv(taskExportRecords([task], context)))).toEqual([header, row]);
  });

  it('leaves the number of an unsynced task and its missing values empty', () => {
    const [, row] = taskExportRecords([makeTask(2, { assigneeId: null })], context);
    expect(row?.slice(0, 7)).toEqual(['', 'call', 'manual', 'Task 2', 'open', '', '']);
    expect(row?.slice(-3)).toEqual(['', '', '']);
  });

  it('marks text that a spreadsheet would run as a formula, in every column', () => {
    const hostile = makeTask(3, {
      subject: '=HYPERLINK("http://evil","click")',
      notes: '@SUM(1)',
      fields: { priority: '+cmd|calc' },
    });
    const [, row] = taskExportRecords([hostile], context);
    expect(row).toContain('\'=HYPERLINK("http://evil","click")');
    expect(row).toContain("'@SUM(1)");
    expect(row).toContain("'+cmd|calc");
  });
});

describe('customer export', () => {
  it('writes several phones, emails and ids in one cell each, formulas marked', () => {
    const records = customerExportRecords([
      makeCustomer(1, {
        name: '=cmd',
        phones: ['+14155550134', '+442079460958'],
        emails: ['a@example.com', 'b@example.com'],
        externalIds: ['C-1'],
        company: null,
      }),
    ]);
    expect(records[0]).toEqual([
      'Name',
      'Phones',
      'Emails',
      'Company',
      'External ids',
      'Notes',
      'Created',
      'Updated',
    ]);
    expect(records[1]?.slice(0, 5)).toEqual([
      "'=cmd",
      "'+14155550134; +442079460958",
      'a@example.com; b@example.com',
      '',
      'C-1',
    ]);
  });
});

describe('created date range', () => {
  it('covers whole local days, both ends included, and leaves an empty end open', () => {
    const result = createdRangeFromDays('2026-03-01', '2026-03-02');
    if (!('range' in result)) throw new Error(result.error);
    const local = (day: number, hour: number) => new Date(2026, 2, day, hour).toISOString();
    expect(createdWithin(local(1, 0), result.range)).toBe(true);
    expect(createdWithin(local(2, 23), result.range)).toBe(true);
    expect(createdWithin(local(3, 0), result.range)).toBe(false);
    expect(createdWithin(local(0, 23), result.range)).toBe(false);
    const open = createdRangeFromDays('', '');
    expect(open).toEqual({ range: { from: null, until: null } });
  });

  it('refuses a day that is not a date, and a first day after the last', () => {
    expect(createdRangeFromDays('2026-13-45', '')).toEqual({
      error: '"2026-13-45" is not a date (YYYY-MM-DD).',
    });
    expect(createdRangeFromDays('2026-03-02', '2026-03-01')).toEqual({
      error: 'The first day is after the last day.',
    });
  });
});
