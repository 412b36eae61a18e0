import { type KnownKeys, rememberKeys } from '../../domain/customer-import';
import type { WrapupDb } from '../database';

/**
 * The phones, emails and external ids of every stored customer not deleted, with the name it
 * belongs to: what an import checks its rows against. One pass over the customers, which stay
 * in the thousands in a browser's working set.
 */
export async function storedCustomerKeys(db: WrapupDb): Promise<KnownKeys> {
  const known: KnownKeys = new Map();
  await db.customers.each((customer) => {
    if (customer.deletedAt === null) rememberKeys(customer, null, known);
  });
  return known;
}
