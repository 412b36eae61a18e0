import type { Customer } from '../../domain/customer';
import type { Id } from '../../domain/ids';
import type { WrapupDb } from '../database';

/** The customer to show, or undefined when there is none or it was deleted. */
export async function customerById(db: WrapupDb, id: Id): Promise<Customer | undefined> {
  const customer = await db.customers.get(id);
  return customer && customer.deletedAt === null ? customer : undefined;
}
