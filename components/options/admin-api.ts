import type { FieldDefinitionDraft } from '../../lib/domain/define-field';
import type { FieldDefinition } from '../../lib/domain/field-definition';
import type { Id } from '../../lib/domain/ids';
import type { Settings } from '../../lib/domain/settings';
import type { VersionedSettings } from '../../lib/domain/settings-changes';
import type { TransactionCode } from '../../lib/domain/transaction-code';
import type {
  TransactionCodeChanges,
  TransactionCodeDraft,
} from '../../lib/domain/transaction-code-changes';
import type { FieldDefinitionChanges } from '../../lib/domain/update-field-definition';
import type { User } from '../../lib/domain/user';
import type { AdminResult, NewUserInput, UserChangesInput } from '../../lib/sync/admin-api';

/**
 * What the administrator's screens need: the server's resources, each change answered with the
 * stored record or the server's reason (the wiring also keeps the record locally).
 */
export interface AdminScreensApi {
  /** The signed-in administrator, whom the server will not let lock themselves out. */
  selfId: Id;
  fields: {
    list(): Promise<AdminResult<FieldDefinition[]>>;
    add(draft: FieldDefinitionDraft): Promise<AdminResult<FieldDefinition>>;
    edit(id: Id, changes: FieldDefinitionChanges): Promise<AdminResult<FieldDefinition>>;
    /** Applied whole or not at all; answers every field, in the new order. */
    reorder(orderedIds: readonly Id[]): Promise<AdminResult<FieldDefinition[]>>;
  };
  codes: {
    list(): Promise<AdminResult<TransactionCode[]>>;
    add(draft: TransactionCodeDraft): Promise<AdminResult<TransactionCode>>;
    edit(code: string, changes: TransactionCodeChanges): Promise<AdminResult<TransactionCode>>;
  };
  users: {
    list(): Promise<AdminResult<User[]>>;
    add(input: NewUserInput): Promise<AdminResult<User>>;
    edit(id: Id, changes: UserChangesInput): Promise<AdminResult<User>>;
  };
  settings: {
    load(): Promise<AdminResult<VersionedSettings>>;
    /**
     * Made on `base` (the settings the screen shows), refused (`changedMeanwhile`) when someone
     * changed one of the same settings since.
     */
    change(
      changes: Partial<Settings>,
      base?: VersionedSettings,
    ): Promise<AdminResult<VersionedSettings>>;
  };
}
