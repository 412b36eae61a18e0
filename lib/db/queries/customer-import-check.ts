import type { CustomerRulesOptions } from '../../domain/customer-changes';
import { checkCustomerRows, type ImportCheck } from '../../domain/customer-import';
import type { ColumnMapping } from '../../domain/customer-import-mapping';
import type { WrapupDb } from '../database';
import { storedCustomerKeys } from './customer-keys';

/** The rows of a CSV file checked with the customer rules and against the stored customers. */
export async function checkCustomerImport(
  db: WrapupDb,
  file: { headers: readonly string[]; records: readonly (readonly string[])[] },
  mapping: ColumnMapping,
  options: CustomerRulesOptions = {},
): Promise<ImportCheck> {
  return checkCustomerRows(
    file.records,
    file.headers,
    mapping,
    await storedCustomerKeys(db),
    options,
  );
}
