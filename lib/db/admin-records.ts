import type { FieldDefinition } from '../domain/field-definition';
import type { Settings } from '../domain/settings';
import type { TransactionCode } from '../domain/transaction-code';
import type { User } from '../domain/user';
import type { WrapupDb } from './database';
import { saveSettings } from './settings-store';

/** Records the server has just confirmed an administrator's change to. */
export interface AdminRecords {
  fieldDefinitions?: readonly FieldDefinition[];
  transactionCodes?: readonly TransactionCode[];
  users?: readonly User[];
  settings?: Settings;
}

/**
 * Keeps what the server answered an administrator's change with, so this browser shows it at
 * once; the sync pull brings the same records to every agent later. The server's record wins
 * over a local one: a field kept under the same key by another id (made before sign-in) gives
 * way, as the key is unique.
 */
export async function storeAdminRecords(db: WrapupDb, records: AdminRecords): Promise<void> {
  const { fieldDefinitions = [], transactionCodes = [], users = [], settings } = records;
  await db.transaction(
    'rw',
    [db.fieldDefinitions, db.transactionCodes, db.users, db.meta],
    async () => {
      for (const definition of fieldDefinitions) {
        await db.fieldDefinitions
          .where('key')
          .equals(definition.key)
          .and((stored) => stored.id !== definition.id)
          .delete();
      }
      await db.fieldDefinitions.bulkPut([...fieldDefinitions]);
      await db.transactionCodes.bulkPut([...transactionCodes]);
      await db.users.bulkPut([...users]);
      if (settings) await saveSettings(db, settings);
    },
  );
}
