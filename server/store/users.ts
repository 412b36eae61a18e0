import type { Selectable } from 'kysely';
import type { User } from '../../lib/domain/user';
import type { UsersTable } from '../db/schema';
import type { Writer } from './write-transaction';

/** A user as the API shows it: never the password hash. */
export function userFromRow(row: Pick<Selectable<UsersTable>, keyof User>): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    permissions: row.permissions,
    active: row.active,
  };
}

/** Inserts a user of the writer's contact center and records it for pull. */
export async function insertUser(
  writer: Writer,
  user: User,
  passwordHash: string | null,
): Promise<void> {
  await writer.trx
    .insertInto('users')
    .values({ ...user, tenant_id: writer.tenantId, password_hash: passwordHash })
    .execute();
  await writer.record('user', user.id, user);
}

/** Stores a changed user and records it for pull. */
export async function updateUser(writer: Writer, user: User, passwordHash?: string): Promise<void> {
  await writer.trx
    .updateTable('users')
    .set({
      name: user.name,
      email: user.email,
      role: user.role,
      permissions: user.permissions,
      active: user.active,
      updated_at: new Date(),
      ...(passwordHash === undefined ? {} : { password_hash: passwordHash }),
    })
    .where('tenant_id', '=', writer.tenantId)
    .where('id', '=', user.id)
    .execute();
  await writer.record('user', user.id, user);
}
