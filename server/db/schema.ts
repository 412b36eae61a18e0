import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Customer } from '../../lib/domain/customer';
import type { FieldDefinition } from '../../lib/domain/field-definition';
import type { HistoryEntry } from '../../lib/domain/history';
import type { Settings } from '../../lib/domain/settings';
import type { Task } from '../../lib/domain/task';
import type { TransactionCode } from '../../lib/domain/transaction-code';
import type { Permission, Role } from '../../lib/domain/user';

/** Set by the database on insert, never changed through an update. */
type CreatedAt = ColumnType<Date, never, never>;

/** A jsonb column: written as JSON text (both drivers accept it), read back parsed. */
type Json<T extends object | null> = JSONColumnType<T, string, string>;

/** bigint: read as a string (exact), written as a number, string or bigint. */
type BigIntColumn = ColumnType<string, number | string | bigint, number | string | bigint>;

/** A contact center: the unit of isolation. Every other row belongs to exactly one tenant. */
export interface TenantsTable {
  id: string;
  name: string;
  created_at: CreatedAt;
  /** Partial: missing keys take DEFAULT_SETTINGS. */
  settings: ColumnType<Partial<Settings>, string | undefined, string>;
  /** Signs the interaction webhook's requests. */
  webhook_secret: Generated<string>;
  /** The last change revision handed out; see server/store/write-transaction.ts. */
  revision: ColumnType<string, never, number | string | bigint>;
  /** The revision of the last settings change: the settings' version. */
  settings_revision: ColumnType<string, never, number | string | bigint>;
  /** The last task number handed out. */
  task_counter: ColumnType<string, never, number | string | bigint>;
}

/** An agent or administrator of one contact center (lib/domain/user.ts is the source of truth). */
export interface UsersTable {
  id: string;
  tenant_id: string;
  name: string;
  email: string;
  role: Role;
  permissions: Permission[];
  active: Generated<boolean>;
  password_hash: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, never, Date>;
}

/** A bearer token; only its SHA-256 is stored, so a leaked table signs nobody in. */
export interface TokensTable {
  id: string;
  tenant_id: string;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
  window_started_at: Generated<Date>;
  window_count: Generated<number>;
}

export interface CustomersTable {
  tenant_id: string;
  id: string;
  name: string;
  phones: string[];
  emails: string[];
  external_ids: string[];
  deleted_at: Date | string | null;
  data: Json<Customer>;
}

export interface TasksTable {
  tenant_id: string;
  id: string;
  number: BigIntColumn;
  kind: string;
  status: string;
  assignee_id: string | null;
  customer_id: string | null;
  parent_id: string | null;
  transaction_id: string | null;
  updated_at: Date | string;
  deleted_at: Date | string | null;
  data: Json<Task>;
  search: ColumnType<string, never, never>;
}

export interface TaskHistoryTable {
  tenant_id: string;
  id: string;
  task_id: string;
  at: Date | string;
  entry: Json<HistoryEntry>;
}

export interface FieldDefinitionsTable {
  tenant_id: string;
  id: string;
  data: Json<FieldDefinition>;
}

export interface TransactionCodesTable {
  tenant_id: string;
  code: string;
  data: Json<TransactionCode>;
}

export interface ChangesTable {
  tenant_id: string;
  revision: BigIntColumn;
  ordinal: number;
  entity: string;
  entity_id: string;
  assignee_id: string | null;
  customer_id: string | null;
  touched_at: Date | string | null;
  data: Json<object>;
}

export interface ProcessedMutationsTable {
  tenant_id: string;
  id: string;
  user_id: string;
  processed_at: CreatedAt;
  result: Json<object>;
}

export interface InteractionsTable {
  tenant_id: string;
  interaction_id: string;
  received_at: CreatedAt;
  result: Json<object>;
}

/** The tables the migrations create, as Kysely sees them. Column names stay snake_case. */
export interface Database {
  tenants: TenantsTable;
  users: UsersTable;
  tokens: TokensTable;
  customers: CustomersTable;
  tasks: TasksTable;
  task_history: TaskHistoryTable;
  field_definitions: FieldDefinitionsTable;
  transaction_codes: TransactionCodesTable;
  changes: ChangesTable;
  processed_mutations: ProcessedMutationsTable;
  interactions: InteractionsTable;
}
