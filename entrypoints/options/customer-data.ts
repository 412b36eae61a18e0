import type { CustomerImportApi, DataExportApi } from '../../components/options/customer-data-api';
import { importCustomers } from '../../lib/db/customer-import-command';
import type { WrapupDb } from '../../lib/db/database';
import { checkCustomerImport } from '../../lib/db/queries/customer-import-check';
import { customerExport, taskExport } from '../../lib/db/queries/export-records';
import { writeCsv } from '../../lib/domain/csv-write';
import { currentAgentId } from '../../lib/session/current-agent';

/** Spreadsheets read a CSV file as UTF-8 only when it starts with a byte-order mark. */
const BOM = '\uFEFF';

/** Hands the records to the browser as a CSV download, through a short-lived Blob URL. */
function download(name: string, records: string[][]): number {
  const blob = new Blob([BOM, writeCsv(records)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}-${new Date().toISOString().slice(0, 10)}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return records.length - 1;
}

/** The customer import and the CSV exports, on this browser's store, as the local agent. */
export function browserCustomerData(db: WrapupDb): {
  importApi: CustomerImportApi;
  exportApi: DataExportApi;
} {
  return {
    importApi: {
      check: (file, mapping, options) => checkCustomerImport(db, file, mapping, options),
      importRows: async (rows, onProgress) =>
        importCustomers(
          db,
          rows,
          { actorId: await currentAgentId(), now: new Date().toISOString() },
          { onProgress },
        ),
    },
    exportApi: {
      exportTasks: async (range) => download('wrapup-tasks', await taskExport(db, range)),
      exportCustomers: async (range) =>
        download('wrapup-customers', await customerExport(db, range)),
    },
  };
}
