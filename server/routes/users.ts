import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { newId } from '../../lib/domain/ids';
import { UserSchema } from '../../lib/domain/user';
import { hashPassword } from '../auth/password';
import { PasswordSchema } from '../auth/password-schema';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { notFound, ProblemError } from '../http/problem-error';
import { readJson } from '../http/read-json';
import { idParam, requireAdministrator, writeAs } from '../http/route-helpers';
import { assertEmailFree } from '../store/email-free';
import { insertUser, updateUser, userFromRow } from '../store/users';

const NewUserSchema = UserSchema.omit({ id: true })
  .partial({ permissions: true, active: true })
  .extend({ password: PasswordSchema })
  .strict();

const UserChangesSchema = UserSchema.omit({ id: true })
  .extend({ password: PasswordSchema })
  .partial()
  .strict();

/**
 * /v1/users: every user of the contact center reads the list (names for assignment); only
 * administrators add users and change roles, permissions (R19, R24), passwords or the active
 * flag. Deactivating someone stops their tokens at once.
 */
export function usersRoute(db: Kysely<Database>): Hono<AppEnv> {
  const route = new Hono<AppEnv>();

  const loadUser = async (from: Kysely<Database>, tenantId: string, id: string) => {
    const row = await from
      .selectFrom('users')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('The user');
    return userFromRow(row);
  };

  route.get('/', async (c) => {
    const rows = await db
      .selectFrom('users')
      .selectAll()
      .where('tenant_id', '=', c.get('actor').tenantId)
      .orderBy('name')
      .execute();
    return c.json({ items: rows.map(userFromRow) });
  });

  route.get('/:id', async (c) => {
    return c.json(await loadUser(db, c.get('actor').tenantId, idParam(c, 'The user')));
  });

  route.post('/', async (c) => {
    requireAdministrator(c, 'add users');
    const { password, ...input } = await readJson(c, NewUserSchema);
    const user = {
      id: newId(),
      ...input,
      permissions: input.permissions ?? [],
      active: input.active ?? true,
    };
    const passwordHash = await hashPassword(password);
    await writeAs(db, c, async (writer) => {
      await assertEmailFree(writer.trx, user.email);
      await insertUser(writer, user, passwordHash);
    });
    return c.json(user, 201);
  });

  route.patch('/:id', async (c) => {
    requireAdministrator(c, 'change users');
    const actor = c.get('actor');
    const id = idParam(c, 'The user');
    const { password, ...changes } = await readJson(c, UserChangesSchema);
    if (id === actor.user.id && (changes.active === false || changes.role === 'agent')) {
      throw new ProblemError(
        409,
        'You cannot deactivate yourself or give up your own administrator role.',
      );
    }
    const passwordHash = password === undefined ? undefined : await hashPassword(password);
    const updated = await writeAs(db, c, async (writer) => {
      const user = await loadUser(writer.trx, writer.tenantId, id);
      if (changes.email !== undefined) await assertEmailFree(writer.trx, changes.email, id);
      const next = { ...user, ...changes };
      await updateUser(writer, next, passwordHash);
      if (passwordHash !== undefined) {
        await writer.trx
          .updateTable('tokens')
          .set({ revoked_at: new Date() })
          .where('tenant_id', '=', writer.tenantId)
          .where('user_id', '=', id)
          .where('revoked_at', 'is', null)
          .execute();
      }
      return next;
    });
    return c.json(updated);
  });

  return route;
}
