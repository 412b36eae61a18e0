import type { Customer } from '../domain/customer';
import { createCustomer } from '../domain/customer-changes';
import {
  duplicateProblems,
  type ImportProblem,
  type ImportRow,
  rememberKeys,
} from '../domain/customer-import';
import { type OutboxMutation, outboxMutation } from '../domain/outbox-mutation';
import { assertCanOnCustomers } from '../domain/permissions';
import type { WrapupDb } from './database';
import { storedCustomerKeys } from './queries/customer-keys';
import { type CommandContext, operationContext, storeCommand } from './store-command';

/** Rows stored per transaction: big enough to be quick, small enough to show progress. */
export const IMPORT_BATCH_SIZE = 200;

export interface ImportOutcome {
  imported: number;
  /** Rows a customer stored since the check now duplicates; they were not imported. */
  skipped: ImportProblem[];
}

export interface ImportOptions {
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Stores the checked rows of a customer import as new customers, a batch per transaction; takes
 * the create permission (R24). Each row is stored whole or not at all. Rows are checked again
 * against the store, so a customer that arrived since the check (a sync) is not made twice: such
 * a row is skipped and reported. Each stored customer queues its `customer.create` for sync in
 * its batch's transaction. Progress is reported after every batch.
 */
export async function importCustomers(
  db: WrapupDb,
  rows: readonly ImportRow[],
  ctx: CommandContext,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  const known = await storedCustomerKeys(db);
  const outcome: ImportOutcome = { imported: 0, skipped: [] };
  options.onProgress?.(0, rows.length);
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const stored = await storeCommand(db, ctx, async (user) => {
      assertCanOnCustomers(user, 'create');
      const customers: Customer[] = [];
      const mutations: OutboxMutation<'customer.create'>[] = [];
      const skipped: ImportProblem[] = [];
      for (const { row, draft } of batch) {
        const customer = createCustomer(draft, operationContext(ctx));
        const duplicates = duplicateProblems(customer, known);
        if (duplicates.length > 0) {
          skipped.push(...duplicates.map(({ message }) => ({ row, column: null, message })));
          continue;
        }
        rememberKeys(customer, null, known);
        customers.push(customer);
        mutations.push(
          outboxMutation('customer.create', { ...draft, id: customer.id }, customer.id),
        );
      }
      return { changes: { customers, mutations }, answer: { customers, skipped } };
    });
    outcome.imported += stored.customers.length;
    outcome.skipped.push(...stored.skipped);
    options.onProgress?.(Math.min(start + batchSize, rows.length), rows.length);
  }
  return outcome;
}
