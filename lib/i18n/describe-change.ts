import type { FieldDefinition } from '../domain/field-definition';
import type { HistoryEntry, HistoryValue } from '../domain/history';
import { describeHistory } from './describe-history';
import { formatDateTime } from './format';
import type { MessageKey } from './messages-en';
import { t } from './translate';

/** What a history line needs to name things as the form does. */
export interface ChangeLabels {
  definitions: readonly FieldDefinition[];
  customerName: (id: string) => string | undefined;
}

const BUILT_IN_LABELS: Record<string, MessageKey> = {
  kind: 'fieldKind',
  subject: 'fieldSubject',
  notes: 'fieldNotes',
  status: 'fieldStatus',
  customerId: 'fieldCustomer',
  assigneeId: 'fieldAssignee',
  transactionCodes: 'fieldCodes',
  scheduledAt: 'fieldScheduledAt',
  reminderLeadMinutes: 'fieldReminderLead',
  remindAt: 'fieldRemindAt',
  dueAt: 'fieldDueAt',
};

const INSTANTS = new Set(['scheduledAt', 'remindAt', 'dueAt']);

function fieldLabel(field: string, definitions: readonly FieldDefinition[]): string {
  const builtIn = BUILT_IN_LABELS[field];
  if (builtIn) return t(builtIn).toLowerCase();
  const key = field.startsWith('fields.') ? field.slice('fields.'.length) : null;
  const definition = key === null ? undefined : definitions.find((entry) => entry.key === key);
  return definition?.label ?? field;
}

function shownValue(field: string, value: HistoryValue, labels: ChangeLabels): string {
  if (value === null || value === '') return t('none');
  if (Array.isArray(value)) {
    return value.map((item) => shownValue(field, item, labels)).join(', ') || t('none');
  }
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  if (field === 'status') return t(`status_${text}` as MessageKey);
  if (field === 'kind') return t(`kind_${text}` as MessageKey);
  if (field === 'customerId') return labels.customerName(text) ?? t('someCustomer');
  if (INSTANTS.has(field)) return formatDateTime(text);
  const key = field.startsWith('fields.') ? field.slice('fields.'.length) : null;
  const definition = labels.definitions.find((entry) => entry.key === key);
  if (definition?.type === 'date_time') return formatDateTime(text);
  return text;
}

/**
 * One line of a task's History tab (R25) in the form's own words: field labels, the customer's
 * name, statuses and kinds as the agent reads them, times in local time.
 */
export function describeChange(entry: HistoryEntry, labels: ChangeLabels): string {
  const { event } = entry;
  if (event.type !== 'changed') return describeHistory(entry);
  return t('history_changed', {
    field: fieldLabel(event.field, labels.definitions),
    from: shownValue(event.field, event.from, labels),
    to: shownValue(event.field, event.to, labels),
  });
}
