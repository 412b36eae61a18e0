import type { Kysely } from 'kysely';
import type { TransactionCode } from '../../lib/domain/transaction-code';
import type { Database } from '../db/schema';
import type { Writer } from './write-transaction';

export async function loadTransactionCodes(
  db: Kysely<Database>,
  tenantId: string,
): Promise<TransactionCode[]> {
  const rows = await db
    .selectFrom('transaction_codes')
    .select('data')
    .where('tenant_id', '=', tenantId)
    .orderBy('code')
    .execute();
  return rows.map((row) => row.data);
}

export async function saveTransactionCode(writer: Writer, code: TransactionCode): Promise<void> {
  const data = JSON.stringify(code);
  await writer.trx
    .insertInto('transaction_codes')
    .values({ tenant_id: writer.tenantId, code: code.code, data })
    .onConflict((conflict) => conflict.columns(['tenant_id', 'code']).doUpdateSet({ data }))
    .execute();
  await writer.record('transactionCode', code.code, code);
}
