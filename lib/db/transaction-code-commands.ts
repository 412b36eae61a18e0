import { assertAdministrator } from '../domain/permissions';
import type { TransactionCode } from '../domain/transaction-code';
import {
  addTransactionCode,
  editTransactionCode,
  type TransactionCodeChanges,
  type TransactionCodeDraft,
} from '../domain/transaction-code-changes';
import type { WrapupDb } from './database';
import { allTransactionCodes } from './queries/transaction-codes';
import { RecordNotFoundError } from './record-not-found-error';
import { type CommandContext, storeCommand } from './store-command';

/**
 * Adds a transaction code agents can pick (R5); administrators only. A code that exists in any
 * case throws ValidationError, a system code's name SystemCodeError (R6).
 */
export function saveNewTransactionCode(
  db: WrapupDb,
  draft: TransactionCodeDraft,
  ctx: CommandContext,
): Promise<TransactionCode> {
  return storeCommand(db, ctx, async (user) => {
    assertAdministrator(user, 'add transaction codes');
    const code = addTransactionCode(draft, await allTransactionCodes(db));
    return { changes: { transactionCodes: [code] }, answer: code };
  });
}

/**
 * Changes a code's label or retires it (`active: false`: agents no longer pick it, old tasks keep
 * it). System codes (AMD, CCB, Auto-TCL) are read-only: SystemCodeError. Administrators only.
 */
export function saveTransactionCodeEdit(
  db: WrapupDb,
  code: string,
  changes: TransactionCodeChanges,
  ctx: CommandContext,
): Promise<TransactionCode> {
  return storeCommand(db, ctx, async (user) => {
    assertAdministrator(user, 'change transaction codes');
    const current = (await allTransactionCodes(db)).find((candidate) => candidate.code === code);
    if (!current) throw new RecordNotFoundError('transaction code', code);
    const updated = editTransactionCode(current, changes);
    return { changes: { transactionCodes: [updated] }, answer: updated };
  });
}

export function saveTransactionCodeActive(
  db: WrapupDb,
  code: string,
  active: boolean,
  ctx: CommandContext,
): Promise<TransactionCode> {
  return saveTransactionCodeEdit(db, code, { active }, ctx);
}
