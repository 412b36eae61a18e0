import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../../lib/domain/field-definition';
import type { HistoryEntry, HistoryEvent } from '../../../lib/domain/history';
import { describeChange } from '../../../lib/i18n/describe-change';
import { formatDateTime } from '../../../lib/i18n/format';
import { AGENT, testId } from '../db/fixtures';

const orderRef: FieldDefinition = {
  id: testId(1),
  key: 'order_ref',
  label: 'Order ref',
  type: 'text',
  required: false,
  options: [],
  defaultValue: null,
  order: 1,
  archived: false,
  appliesTo: [],
};
const customer = testId(500);
const labels = {
  definitions: [orderRef],
  customerName: (id: string) => (id === customer ? 'Ada Lovelace' : undefined),
};
const entry = (event: HistoryEvent): HistoryEntry => ({
  id: testId(9),
  taskId: testId(10),
  at: '2026-11-29T10:00:00.000Z',
  by: AGENT,
  event,
});
const changed = (field: string, from: unknown, to: unknown) =>
  describeChange(entry({ type: 'changed', field, from, to } as HistoryEvent), labels);

describe('history lines in the form’s words (R25)', () => {
  it('R25: names fields by their labels and shows values as the agent reads them', () => {
    expect(changed('notes', '', 'Called back')).toBe('Changed notes: — → Called back');
    expect(changed('status', 'open', 'completed')).toBe('Changed status: Open → Completed');
    expect(changed('customerId', null, customer)).toBe('Changed customer: — → Ada Lovelace');
    expect(changed('fields.order_ref', null, 'PO-1')).toBe('Changed Order ref: — → PO-1');
    expect(changed('transactionCodes', ['INFO'], ['INFO', 'SALE'])).toBe(
      'Changed transaction codes: INFO → INFO, SALE',
    );
    expect(changed('scheduledAt', null, '2031-03-04T09:30:00.000Z')).toBe(
      `Changed scheduled call: — → ${formatDateTime('2031-03-04T09:30:00.000Z')}`,
    );
  });

  it('R18: other events keep their own wording', () => {
    expect(
      describeChange(
        entry({ type: 'parent_deleted', parentId: testId(11), parentNumber: 41 }),
        labels,
      ),
    ).toBe('Parent task #41 was deleted');
  });
});
