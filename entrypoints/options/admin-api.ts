import type { OptionsAccess } from '../../components/options/AdminSections';
import type { AdminScreensApi } from '../../components/options/admin-api';
import { type AdminRecords, storeAdminRecords } from '../../lib/db/admin-records';
import type { WrapupDb } from '../../lib/db/database';
import type { FieldDefinition } from '../../lib/domain/field-definition';
import type { Session } from '../../lib/domain/session';
import type { VersionedSettings } from '../../lib/domain/settings-changes';
import type { TransactionCode } from '../../lib/domain/transaction-code';
import type { User } from '../../lib/domain/user';
import * as admin from '../../lib/sync/admin-api';
import { serverHttp } from '../../lib/sync/server-http';

/**
 * The administrator's screens over the signed-in session's server. Reads only ask the server;
 * each confirmed change is also kept in this browser's store at once.
 */
export function browserAdminApi(db: WrapupDb, session: Session): AdminScreensApi {
  // The administrator is waiting at a form: one retry, then say what is wrong.
  const http = serverHttp({ serverUrl: session.serverUrl, token: session.token, retryLimit: 1 });
  const keep =
    <T>(records: (value: T) => AdminRecords) =>
    async (value: T): Promise<T> => {
      await storeAdminRecords(db, records(value));
      return value;
    };
  const field = keep((definition: FieldDefinition) => ({
    fieldDefinitions: [definition],
  }));
  const code = keep((answer: TransactionCode) => ({ transactionCodes: [answer] }));
  const user = keep((answer: User) => ({ users: [answer] }));
  const settings = keep(({ version: _version, ...answer }: VersionedSettings) => ({
    settings: answer,
  }));
  return {
    selfId: session.user.id,
    fields: {
      list: () => admin.adminResult(() => admin.listFieldDefinitions(http)),
      add: (draft) => admin.adminResult(() => admin.addFieldDefinition(http, draft).then(field)),
      edit: (id, changes) =>
        admin.adminResult(() => admin.editFieldDefinition(http, id, changes).then(field)),
      reorder: (orderedIds) =>
        admin.adminResult(() =>
          admin
            .reorderFieldDefinitions(http, orderedIds)
            .then(keep((all) => ({ fieldDefinitions: all }))),
        ),
    },
    codes: {
      list: () => admin.adminResult(() => admin.listTransactionCodes(http)),
      add: (draft) => admin.adminResult(() => admin.addTransactionCode(http, draft).then(code)),
      edit: (name, changes) =>
        admin.adminResult(() => admin.editTransactionCode(http, name, changes).then(code)),
    },
    users: {
      list: () => admin.adminResult(() => admin.listUsers(http)),
      add: (input) => admin.adminResult(() => admin.addUser(http, input).then(user)),
      edit: (id, changes) => admin.adminResult(() => admin.editUser(http, id, changes).then(user)),
    },
    settings: {
      load: () => admin.adminResult(() => admin.loadServerSettings(http)),
      change: (changes, base) =>
        admin.adminResult(() => admin.changeServerSettings(http, changes, base).then(settings)),
    },
  };
}

/** What the options page shows for a session: administrators get their screens. */
export function optionsAccess(db: WrapupDb, session: Session | null): OptionsAccess {
  if (session === null) return { kind: 'signed-out' };
  if (session.user.role !== 'administrator') return { kind: 'agent' };
  return { kind: 'administrator', api: browserAdminApi(db, session) };
}
