import type { Customer } from './customer';
import { spreadsheetSafeCell } from './spreadsheet-safe-cell';

/** The export's headers; the import recognises each, so an export can be imported elsewhere. */
export const CUSTOMER_EXPORT_HEADERS = [
  'Name',
  'Phones',
  'Emails',
  'Company',
  'External ids',
  'Notes',
  'Created',
  'Updated',
] as const;

/** Several values in one cell, separated as the import splits them. */
const LIST_SEPARATOR = '; ';

/** The customers as CSV records, the header first, every cell safe to open in a spreadsheet. */
export function customerExportRecords(customers: readonly Customer[]): string[][] {
  const rows = customers.map((customer) => [
    customer.name,
    customer.phones.join(LIST_SEPARATOR),
    customer.emails.join(LIST_SEPARATOR),
    customer.company ?? '',
    customer.externalIds.join(LIST_SEPARATOR),
    customer.notes,
    customer.createdAt,
    customer.updatedAt,
  ]);
  return [[...CUSTOMER_EXPORT_HEADERS], ...rows.map((row) => row.map(spreadsheetSafeCell))];
}
