import type { Kysely } from 'kysely';
import type { Customer } from '../../lib/domain/customer';
import type { Database } from '../db/schema';
import type { Writer } from './write-transaction';

export async function loadCustomer(
  db: Kysely<Database>,
  tenantId: string,
  id: string,
): Promise<Customer | undefined> {
  const row = await db
    .selectFrom('customers')
    .select('data')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.data;
}

export async function saveCustomer(writer: Writer, customer: Customer): Promise<void> {
  const columns = {
    name: customer.name,
    phones: customer.phones,
    emails: customer.emails.map((email) => email.toLowerCase()),
    external_ids: customer.externalIds,
    deleted_at: customer.deletedAt,
    data: JSON.stringify(customer),
  };
  await writer.trx
    .insertInto('customers')
    .values({ tenant_id: writer.tenantId, id: customer.id, ...columns })
    .onConflict((conflict) => conflict.columns(['tenant_id', 'id']).doUpdateSet(columns))
    .execute();
  await writer.record('customer', customer.id, customer);
}
