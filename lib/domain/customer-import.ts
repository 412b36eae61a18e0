import type { Customer } from './customer';
import { type CustomerDraft, type CustomerRulesOptions, createCustomer } from './customer-changes';
import type { ColumnMapping, ImportTarget } from './customer-import-mapping';
import { type CustomerKeyKind, customerKeyString, customerKeys } from './customer-keys';
import type { OperationContext } from './operation';
import { normalizePhone } from './phone';
import { unescapeSpreadsheetCell } from './spreadsheet-safe-cell';
import { type FieldIssue, ValidationError } from './validation-error';

/** A file holding more rows is refused whole: it is someone else's job than a browser tab's. */
export const MAX_IMPORT_ROWS = 50_000;

/** What is wrong with one row; `row` is as a spreadsheet numbers it (the header is row 1). */
export interface ImportProblem {
  row: number;
  /** The column's header, or null when the row as a whole is refused. */
  column: string | null;
  message: string;
}

/** A row that passed every check, as the customer draft to store. */
export interface ImportRow {
  row: number;
  draft: CustomerDraft;
}

export interface ImportCheck {
  rows: ImportRow[];
  problems: ImportProblem[];
  /** Rows with at least one problem; none of their values is imported. */
  badRows: number;
}

/** The customers a key already belongs to: a stored customer's name, or an earlier row. */
export type KnownKeys = Map<string, { name: string; row: number | null }>;

const KEY_NAMES: Record<CustomerKeyKind, string> = {
  phone: 'phone number',
  email: 'email address',
  externalId: 'external id',
};

const FIRST_DATA_ROW = 2;

// Only the rules run, on a customer never stored: its id and times are placeholders.
const CHECK_CONTEXT: OperationContext = {
  actorId: '00000000-0000-7000-8000-000000000000',
  now: '2000-01-01T00:00:00.000Z',
  newId: () => '00000000-0000-7000-8000-000000000000',
};

const PHONE_CHECK_NAME = 'phone check';

interface CellValue {
  value: string;
  column: number;
}

function cellValues(
  record: readonly string[],
  mapping: ColumnMapping,
  target: ImportTarget,
  split: RegExp | null,
): CellValue[] {
  return mapping.flatMap((each, column) => {
    if (each !== target) return [];
    const cell = unescapeSpreadsheetCell(record[column] ?? '');
    const parts = split ? cell.split(split) : [cell];
    return parts
      .map((value) => ({ value: value.trim(), column }))
      .filter(({ value }) => value !== '');
  });
}

/** The row's values as the customer rules take them, each remembering its column. */
function rowValues(record: readonly string[], mapping: ColumnMapping) {
  const emails: CellValue[] = [];
  for (const email of cellValues(record, mapping, 'email', /[;,\s]+/)) {
    if (!emails.some((seen) => seen.value.toLowerCase() === email.value.toLowerCase()))
      emails.push(email);
  }
  const values = {
    name: cellValues(record, mapping, 'name', null)[0],
    company: cellValues(record, mapping, 'company', null)[0],
    phones: cellValues(record, mapping, 'phone', /[;,|\n]/),
    emails,
    externalIds: cellValues(record, mapping, 'externalId', /[;|\n]/),
    notes: cellValues(record, mapping, 'notes', null),
  };
  const draft: CustomerDraft = {
    name: values.name?.value ?? '',
    phones: values.phones.map(({ value }) => value),
    emails: values.emails.map(({ value }) => value),
    company: values.company?.value ?? null,
    externalIds: [...new Set(values.externalIds.map(({ value }) => value))],
    notes: values.notes.map(({ value }) => value).join('\n'),
  };
  return { values, draft };
}

type RowValues = ReturnType<typeof rowValues>['values'];

function columnOfPath(path: string, values: RowValues, mapping: ColumnMapping): number | null {
  const [field, index] = path.split('.');
  const list: Record<string, CellValue[]> = {
    phones: values.phones,
    emails: values.emails,
    externalIds: values.externalIds,
    notes: values.notes,
  };
  const single = { name: values.name, company: values.company }[field as 'name' | 'company'];
  if (single) return single.column;
  if (field === 'name') return mapping.indexOf('name');
  const found = list[field ?? '']?.[Number(index ?? 0)];
  return found?.column ?? null;
}

function keyColumn(
  kind: CustomerKeyKind,
  value: string,
  values: RowValues,
  options: CustomerRulesOptions,
): number | null {
  const cells = { phone: values.phones, email: values.emails, externalId: values.externalIds }[
    kind
  ];
  const found = cells.find((cell) => {
    if (kind === 'phone') return normalizePhone(cell.value, options.defaultCountry) === value;
    if (kind === 'email') return cell.value.toLowerCase() === value.toLowerCase();
    return cell.value === value;
  });
  return found?.column ?? null;
}

function issuesOf(run: () => unknown): FieldIssue[] {
  try {
    run();
    return [];
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
}

/**
 * The customer the rules make of the draft, or every issue of it. The rules check the phones
 * only once the rest is valid; they are checked on their own too, so a row's report is whole.
 */
function validate(
  draft: CustomerDraft,
  options: CustomerRulesOptions,
): { customer: Customer } | { issues: FieldIssue[] } {
  let customer: Customer | undefined;
  const issues = issuesOf(() => {
    customer = createCustomer(draft, CHECK_CONTEXT, options);
  });
  if (customer) return { customer };
  if (issues.some((issue) => issue.path.startsWith('phones.'))) return { issues };
  const phoneIssues = issuesOf(() =>
    createCustomer({ name: PHONE_CHECK_NAME, phones: draft.phones }, CHECK_CONTEXT, options),
  );
  return { issues: [...issues, ...phoneIssues] };
}

/**
 * A problem for each key of the customer that another customer already holds, a stored one or
 * one of an earlier row: importing it would make the same person twice.
 */
export function duplicateProblems(
  customer: Pick<Customer, 'phones' | 'emails' | 'externalIds'>,
  known: KnownKeys,
): { kind: CustomerKeyKind; value: string; message: string }[] {
  return customerKeys(customer).flatMap((key) => {
    const holder = known.get(customerKeyString(key));
    if (!holder) return [];
    const what = KEY_NAMES[key.kind];
    const message =
      holder.row === null
        ? `Already a customer: ${holder.name} has this ${what}.`
        : `Row ${holder.row} has the same ${what}.`;
    return [{ ...key, message }];
  });
}

/** Records the customer's keys as taken by the given row, so later rows are checked against it. */
export function rememberKeys(
  customer: Pick<Customer, 'name' | 'phones' | 'emails' | 'externalIds'>,
  row: number | null,
  known: KnownKeys,
): void {
  for (const key of customerKeys(customer))
    known.set(customerKeyString(key), { name: customer.name, row });
}

/**
 * Checks every data row of a CSV file (the header left out) with the customer rules: phones
 * normalised to E.164, emails, lengths, a name; and against the stored customers and the rows
 * above it, by phone, email and external id. A row is imported whole or not at all: each of its
 * problems is reported against its column, and none of its values is kept. Blank rows are skipped.
 */
export function checkCustomerRows(
  records: readonly (readonly string[])[],
  headers: readonly string[],
  mapping: ColumnMapping,
  stored: KnownKeys,
  options: CustomerRulesOptions = {},
): ImportCheck {
  const known: KnownKeys = new Map(stored);
  const check: ImportCheck = { rows: [], problems: [], badRows: 0 };
  const columnName = (column: number | null) =>
    column === null || column < 0 ? null : headers[column]?.trim() || `Column ${column + 1}`;
  records.forEach((record, index) => {
    const row = index + FIRST_DATA_ROW;
    if (record.every((cell) => cell.trim() === '')) return;
    const { values, draft } = rowValues(record, mapping);
    const result = validate(draft, options);
    if ('issues' in result) {
      check.badRows += 1;
      const located = result.issues.map((issue) => ({
        column: columnOfPath(issue.path, values, mapping),
        message: issue.message,
      }));
      located.sort((a, b) => (a.column ?? Infinity) - (b.column ?? Infinity));
      for (const { column, message } of located) {
        check.problems.push({ row, column: columnName(column), message });
      }
      return;
    }
    const { customer } = result;
    const duplicates = duplicateProblems(customer, known);
    if (duplicates.length > 0) {
      check.badRows += 1;
      for (const duplicate of duplicates) {
        check.problems.push({
          row,
          column: columnName(keyColumn(duplicate.kind, duplicate.value, values, options)),
          message: duplicate.message,
        });
      }
      return;
    }
    rememberKeys(customer, row, known);
    check.rows.push({
      row,
      draft: {
        name: customer.name,
        phones: customer.phones,
        emails: customer.emails,
        company: customer.company,
        externalIds: customer.externalIds,
        notes: customer.notes,
      },
    });
  });
  return check;
}
