import { z } from 'zod';
import { type Customer, CustomerSchema } from '../../lib/domain/customer';
import { IdSchema, newId } from '../../lib/domain/ids';
import { parseInput } from '../../lib/domain/parse-input';
import { PermissionError } from '../../lib/domain/permission-error';
import { checkPermission } from '../../lib/domain/permissions';
import { normalizePhone } from '../../lib/domain/phone';
import type { User } from '../../lib/domain/user';
import { type FieldIssue, ValidationError } from '../../lib/domain/validation-error';
import { notFound, ProblemError } from '../http/problem-error';
import { loadCustomer, saveCustomer } from '../store/customers';
import type { Writer } from '../store/write-transaction';

const CustomerValuesSchema = CustomerSchema.pick({
  name: true,
  phones: true,
  emails: true,
  company: true,
  externalIds: true,
  notes: true,
}).extend({
  // Any way of writing a number is accepted here; it is stored as E.164 (R3).
  phones: z.array(z.string().max(40)).max(20),
});

export const CustomerDraftSchema = CustomerValuesSchema.partial()
  .required({ name: true })
  .extend({ id: IdSchema.optional() })
  .strict();
export type CustomerDraft = z.input<typeof CustomerDraftSchema>;

export const CustomerChangesSchema = CustomerValuesSchema.partial().strict();
export type CustomerChanges = z.input<typeof CustomerChangesSchema>;

function normalizedPhones(phones: readonly string[]): string[] {
  const issues: FieldIssue[] = [];
  const normalized = phones.map((phone, index) => {
    const e164 = normalizePhone(phone);
    if (e164 === null)
      issues.push({
        path: `phones.${index}`,
        message: 'Not a valid phone number; include the country code.',
      });
    return e164 ?? phone;
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return [...new Set(normalized)];
}

/** Customers take the same create / edit / delete permissions as tasks (R24). */
function assertMay(user: User, action: 'create' | 'edit' | 'delete'): void {
  const check = checkPermission(user, action);
  if (!check.allowed) {
    throw new PermissionError(action, check.reason.replace(/ tasks\.$/, ' customers.'));
  }
}

async function existingCustomer(writer: Writer, id: string): Promise<Customer> {
  const customer = await loadCustomer(writer.trx, writer.tenantId, id);
  if (!customer) throw notFound('The customer');
  return customer;
}

/** A new customer record; creating one takes the create permission. */
export async function createCustomerAs(
  writer: Writer,
  user: User,
  input: CustomerDraft,
): Promise<Customer> {
  assertMay(user, 'create');
  const draft = parseInput(CustomerDraftSchema, input);
  const now = new Date().toISOString();
  const customer = parseInput(CustomerSchema, {
    id: draft.id ?? newId(),
    name: draft.name,
    phones: normalizedPhones(draft.phones ?? []),
    emails: draft.emails ?? [],
    company: draft.company ?? null,
    externalIds: draft.externalIds ?? [],
    notes: draft.notes ?? '',
    createdAt: now,
    updatedAt: now,
    version: 0,
    deletedAt: null,
  });
  if (await loadCustomer(writer.trx, writer.tenantId, customer.id)) {
    throw new ProblemError(409, 'A customer with this id already exists.');
  }
  await saveCustomer(writer, customer);
  return customer;
}

/** Changes the values given; takes the edit permission. */
export async function editCustomerAs(
  writer: Writer,
  user: User,
  id: string,
  input: CustomerChanges,
): Promise<Customer> {
  const customer = await existingCustomer(writer, id);
  if (customer.deletedAt !== null) throw new ProblemError(409, 'This customer was deleted.');
  assertMay(user, 'edit');
  const changes = parseInput(CustomerChangesSchema, input);
  const updated = parseInput(CustomerSchema, {
    ...customer,
    ...changes,
    ...(changes.phones ? { phones: normalizedPhones(changes.phones) } : {}),
    updatedAt: new Date().toISOString(),
    version: customer.version + 1,
  });
  await saveCustomer(writer, updated);
  return updated;
}

/** A tombstone, so the deletion syncs; the customer's tasks keep their link. Takes delete. */
export async function deleteCustomerAs(writer: Writer, user: User, id: string): Promise<Customer> {
  const customer = await existingCustomer(writer, id);
  if (customer.deletedAt !== null) return customer;
  assertMay(user, 'delete');
  const now = new Date().toISOString();
  const deleted = { ...customer, deletedAt: now, updatedAt: now, version: customer.version + 1 };
  await saveCustomer(writer, deleted);
  return deleted;
}
