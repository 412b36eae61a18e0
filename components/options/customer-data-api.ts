import type { ImportOutcome } from '../../lib/db/customer-import-command';
import type { CreatedRange } from '../../lib/domain/created-range';
import type { CustomerRulesOptions } from '../../lib/domain/customer-changes';
import type { ImportCheck, ImportRow } from '../../lib/domain/customer-import';
import type { ColumnMapping } from '../../lib/domain/customer-import-mapping';

/** A CSV file as read: its header record and the records under it. */
export interface CsvFile {
  headers: string[];
  records: string[][];
}

/** What the customer import screen needs from the store, so it never opens it. */
export interface CustomerImportApi {
  check(file: CsvFile, mapping: ColumnMapping, options: CustomerRulesOptions): Promise<ImportCheck>;
  importRows(
    rows: readonly ImportRow[],
    onProgress: (done: number, total: number) => void,
  ): Promise<ImportOutcome>;
}

/** Exports write a CSV file the browser downloads; each answers how many records it held. */
export interface DataExportApi {
  exportTasks(range: CreatedRange): Promise<number>;
  exportCustomers(range: CreatedRange): Promise<number>;
}
