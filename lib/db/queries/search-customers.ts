import type { Customer } from '../../domain/customer';
import type { WrapupDb } from '../database';
import { queryTerms, wordsMatchTerms } from '../search-words';

const DEFAULT_LIMIT = 20;

/**
 * Customers whose name, company, phone, email or CRM id has words starting with every word of the
 * query (R4's picker), by name. Walks the candidates of the query's longest word, the likeliest
 * to be rare, and checks the other words on each.
 */
export async function searchCustomers(
  db: WrapupDb,
  query: string,
  limit = DEFAULT_LIMIT,
): Promise<Customer[]> {
  const terms = queryTerms(query);
  const [rarest] = [...terms].sort((a, b) => b.length - a.length);
  if (rarest === undefined) return [];
  const ids = await db.customerWords
    .where('words')
    .startsWith(rarest)
    .filter((row) => wordsMatchTerms(row.words, terms))
    .primaryKeys();
  const customers = await db.customers.bulkGet([...new Set(ids)]);
  return customers
    .filter((customer): customer is Customer => customer?.deletedAt === null)
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, limit);
}
