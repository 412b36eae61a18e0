import type { Customer } from '../domain/customer';
import {
  type CustomerChanges,
  type CustomerDraft,
  createCustomer,
  editCustomer,
} from '../domain/customer-changes';
import type { Id } from '../domain/ids';
import { outboxMutation } from '../domain/outbox-mutation';
import { assertCanOnCustomers } from '../domain/permissions';
import { ValidationError } from '../domain/validation-error';
import type { WrapupDb } from './database';
import { RecordNotFoundError } from './record-not-found-error';
import { type CommandContext, operationContext, storeCommand } from './store-command';

/**
 * Stores a new customer (R4, R10), found by search at once; takes the create permission (R24).
 * Phone numbers are stored as E.164, so the next call from one finds the customer (R3).
 */
export function saveNewCustomer(
  db: WrapupDb,
  draft: CustomerDraft,
  ctx: CommandContext,
): Promise<Customer> {
  return storeCommand(db, ctx, async (user) => {
    assertCanOnCustomers(user, 'create');
    const customer = createCustomer(draft, operationContext(ctx));
    if (await db.customers.get(customer.id)) {
      throw new ValidationError([
        { path: 'id', message: 'A customer with this id already exists.' },
      ]);
    }
    return {
      changes: {
        customers: [customer],
        mutations: [outboxMutation('customer.create', { ...draft, id: customer.id }, customer.id)],
      },
      answer: customer,
    };
  });
}

/**
 * Changes a customer's details; takes the edit permission (R24). A new name, company or phone
 * re-queues the customer's tasks for search, so they are found by the new details.
 */
export function saveCustomerEdit(
  db: WrapupDb,
  id: Id,
  changes: CustomerChanges,
  ctx: CommandContext,
): Promise<Customer> {
  return storeCommand(db, ctx, async (user) => {
    assertCanOnCustomers(user, 'edit');
    const customer = await db.customers.get(id);
    if (!customer) throw new RecordNotFoundError('customer', id);
    const updated = editCustomer(customer, changes, operationContext(ctx));
    if (updated === customer) return { changes: {}, answer: customer };
    return {
      changes: {
        customers: [updated],
        mutations: [outboxMutation('customer.edit', { customerId: id, changes }, id)],
      },
      answer: updated,
    };
  });
}
