import type { Customer } from './customer';
import type { FieldDefinition } from './field-definition';
import type { Id } from './ids';
import { spreadsheetSafeCell } from './spreadsheet-safe-cell';
import type { FieldValue, Task } from './task';
import type { User } from './user';

export const TASK_EXPORT_HEADERS = [
  'Number',
  'Kind',
  'Origin',
  'Subject',
  'Status',
  'Customer',
  'Assignee',
  'Due',
  'Scheduled',
  'Created',
  'Updated',
  'Codes',
  'Notes',
] as const;

/** What a task's ids point to, for names instead of ids in the file. */
export interface TaskExportContext {
  customers: ReadonlyMap<Id, Pick<Customer, 'name'>>;
  users: ReadonlyMap<Id, Pick<User, 'name'>>;
  /** Every custom field, archived ones too: old tasks keep their values (R20). */
  fields: readonly FieldDefinition[];
}

function fieldCell(value: FieldValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** A header per custom field, its label; a label two fields share gets the field's key too. */
function fieldHeaders(fields: readonly FieldDefinition[]): string[] {
  const counts = new Map<string, number>();
  for (const field of fields) counts.set(field.label, (counts.get(field.label) ?? 0) + 1);
  return fields.map((field) =>
    (counts.get(field.label) ?? 0) > 1 ? `${field.label} (${field.key})` : field.label,
  );
}

/**
 * The tasks as CSV records, the header first: the built-in columns, then one column per custom
 * field in the administrator's order. Codes are comma-separated (R5); times are ISO 8601 in UTC.
 * Every cell is safe to open in a spreadsheet.
 */
export function taskExportRecords(tasks: readonly Task[], context: TaskExportContext): string[][] {
  const fields = [...context.fields].sort((a, b) => a.order - b.order);
  const rows = tasks.map((task) => [
    task.number === null ? '' : String(task.number),
    task.kind,
    task.origin,
    task.subject,
    task.status,
    task.customerId === null
      ? ''
      : (context.customers.get(task.customerId)?.name ?? task.customerId),
    task.assigneeId === null ? '' : (context.users.get(task.assigneeId)?.name ?? task.assigneeId),
    task.dueAt ?? '',
    task.scheduledAt ?? '',
    task.createdAt,
    task.updatedAt,
    task.transactionCodes.join(', '),
    task.notes,
    ...fields.map((field) => fieldCell(task.fields[field.key])),
  ]);
  return [
    [...TASK_EXPORT_HEADERS, ...fieldHeaders(fields)],
    ...rows.map((row) => row.map(spreadsheetSafeCell)),
  ];
}
