import type { ColumnType, Generated } from 'kysely';
import type { Permission, Role } from '../../lib/domain/user';

/** Set by the database on insert, never changed through an update. */
type CreatedAt = ColumnType<Date, never, never>;

/** A contact center: the unit of isolation. Every other row belongs to exactly one tenant. */
export interface TenantsTable {
  id: string;
  name: string;
  created_at: CreatedAt;
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
  created_at: CreatedAt;
  updated_at: ColumnType<Date, never, Date>;
}

/** The tables the migrations create, as Kysely sees them. Column names stay snake_case. */
export interface Database {
  tenants: TenantsTable;
  users: UsersTable;
}
