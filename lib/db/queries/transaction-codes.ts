import { SYSTEM_TRANSACTION_CODES, type TransactionCode } from '../../domain/transaction-code';
import type { WrapupDb } from '../database';

/**
 * Every transaction code by code: the stored ones, and the system codes every contact center
 * has (R6) even before the server's list has synced here.
 */
export async function allTransactionCodes(db: WrapupDb): Promise<TransactionCode[]> {
  const stored = await db.transactionCodes.toArray();
  const storedCodes = new Set(stored.map((code) => code.code));
  return [
    ...stored,
    ...SYSTEM_TRANSACTION_CODES.filter((code) => !storedCodes.has(code.code)),
  ].sort((a, b) => a.code.localeCompare(b.code));
}
