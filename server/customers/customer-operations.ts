import type { Customer } from '../../lib/domain/customer';
import {
  type CustomerChanges,
  type CustomerDraft,
  createCustomer,
  editCustomer,
} from '../../lib/domain/customer-changes';
import { newId } from '../../lib/domain/ids';
import type { OperationContext } from '../../lib/domain/operation';
import { assertCanOnCustomers } from '../../lib/domain/permissions';
import type { User } from '../../lib/domain/user';
import { notFound, ProblemError } from '../http/problem-error';
import { loadCustomer, saveCustomer } from '../store/customers';
import type { Writer } from '../store/write-transaction';

function contextOf(user: User): OperationContext {
  return { actorId: user.id, now: new Date().toISOString(), newId };
}

async function existingCustomer(writer: Writer, id: string): Promise<Customer> {
  const customer = await loadCustomer(writer.trx, writer.tenantId, id);
  if (!customer) throw notFound('The customer');
  return customer;
}

/** A new customer record (lib/domain rules); creating one takes the create permission. */
export async function createCustomerAs(
  writer: Writer,
  user: User,
  input: CustomerDraft,
): Promise<Customer> {
  assertCanOnCustomers(user, 'create');
  const customer = createCustomer(input, contextOf(user));
  if (await loadCustomer(writer.trx, writer.tenantId, customer.id)) {
    throw new ProblemError(409, 'A customer with this id already exists.');
  }
  await saveCustomer(writer, customer);
  return customer;
}

/** Changes the values given; takes the edit permission. An edit that changes nothing stores nothing. */
export async function editCustomerAs(
  writer: Writer,
  user: User,
  id: string,
  input: CustomerChanges,
): Promise<Customer> {
  const customer = await existingCustomer(writer, id);
  if (customer.deletedAt !== null) throw new ProblemError(409, 'This customer was deleted.');
  assertCanOnCustomers(user, 'edit');
  const updated = editCustomer(customer, input, contextOf(user));
  if (updated !== customer) await saveCustomer(writer, updated);
  return updated;
}

/** A tombstone, so the deletion syncs; the customer's tasks keep their link. Takes delete. */
export async function deleteCustomerAs(writer: Writer, user: User, id: string): Promise<Customer> {
  const customer = await existingCustomer(writer, id);
  if (customer.deletedAt !== null) return customer;
  assertCanOnCustomers(user, 'delete');
  const now = new Date().toISOString();
  const deleted = { ...customer, deletedAt: now, updatedAt: now, version: customer.version + 1 };
  await saveCustomer(writer, deleted);
  return deleted;
}
