import type { Customer } from '../../domain/customer';
import type { WrapupDb } from '../database';

/** Who a page is about, as values to match: external ids, E.164 phones, lower-case emails. */
export interface CustomerMatchKeys {
  externalIds: readonly string[];
  phones: readonly string[];
  emails: readonly string[];
}

export interface CustomerMatch {
  by: 'externalId' | 'phone' | 'email' | 'none';
  customers: Customer[];
}

const MAX_MATCHES = 20;

function live(customers: Customer[]): Customer[] {
  return customers
    .filter((customer) => customer.deletedAt === null)
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, MAX_MATCHES);
}

/**
 * The local customers a page is about: by the CRM's external id first (it names one record),
 * then by phone (E.164, through the phones index), then by email; the first kind of key that
 * finds anyone decides. External ids and emails have no index: they are checked over the local
 * working set, which stays in the thousands.
 */
export async function customersForPage(
  db: WrapupDb,
  keys: CustomerMatchKeys,
): Promise<CustomerMatch> {
  if (keys.externalIds.length > 0) {
    const wanted = new Set(keys.externalIds);
    const found = await db.customers
      .filter((customer) => customer.externalIds.some((id) => wanted.has(id)))
      .toArray();
    if (live(found).length > 0) return { by: 'externalId', customers: live(found) };
  }
  if (keys.phones.length > 0) {
    const found = await db.customers
      .where('phones')
      .anyOf([...keys.phones])
      .distinct()
      .toArray();
    if (live(found).length > 0) return { by: 'phone', customers: live(found) };
  }
  if (keys.emails.length > 0) {
    const wanted = new Set(keys.emails.map((email) => email.toLowerCase()));
    const found = await db.customers
      .filter((customer) => customer.emails.some((email) => wanted.has(email.toLowerCase())))
      .toArray();
    if (live(found).length > 0) return { by: 'email', customers: live(found) };
  }
  return { by: 'none', customers: [] };
}
