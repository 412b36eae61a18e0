import type { z } from 'zod';
import { parseInput } from './parse-input';
import { SystemCodeError } from './system-code-error';
import {
  SYSTEM_TRANSACTION_CODES,
  type TransactionCode,
  TransactionCodeSchema,
} from './transaction-code';
import { ValidationError } from './validation-error';

/** A code the administrator adds: code and label; it is active unless said otherwise. */
export const TransactionCodeDraftSchema = TransactionCodeSchema.omit({ system: true })
  .partial({ active: true })
  .strict();
export type TransactionCodeDraft = z.input<typeof TransactionCodeDraftSchema>;

/** The code itself never changes (tasks hold it); its label does, and it can be retired. */
export const TransactionCodeChangesSchema = TransactionCodeSchema.pick({
  label: true,
  active: true,
})
  .partial()
  .strict();
export type TransactionCodeChanges = z.input<typeof TransactionCodeChangesSchema>;

const sameCode = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * A new transaction code (R5). Codes are unique whatever their case, and the system codes of
 * AMD, CCB and Auto-TCL (R6) are never the administrator's: adding one throws SystemCodeError.
 */
export function addTransactionCode(
  input: TransactionCodeDraft,
  existing: readonly TransactionCode[],
): TransactionCode {
  const draft = parseInput(TransactionCodeDraftSchema, input);
  const taken = [...SYSTEM_TRANSACTION_CODES, ...existing].find((other) =>
    sameCode(other.code, draft.code),
  );
  if (taken?.system) throw new SystemCodeError(taken.code);
  if (taken) throw new ValidationError([{ path: 'code', message: 'This code already exists.' }]);
  return { ...draft, system: null, active: draft.active ?? true };
}

/**
 * A new label for a code, or retiring it (`active: false`) so agents no longer pick it while old
 * tasks keep it. System codes are read-only (R6): SystemCodeError.
 */
export function editTransactionCode(
  code: TransactionCode,
  input: TransactionCodeChanges,
): TransactionCode {
  if (code.system !== null) throw new SystemCodeError(code.code);
  return { ...code, ...parseInput(TransactionCodeChangesSchema, input) };
}
