import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { newId } from '../../lib/domain/ids';
import { assertAdministrator } from '../../lib/domain/permissions';
import {
  applyUserChanges,
  selfLockoutIssues,
  UserChangesSchema,
  UserDraftSchema,
  userFromDraft,
} from '../../lib/domain/user-changes';
import { hashPassword } from '../auth/password';
import { PasswordSchema } from '../auth/password-schema';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { notFound, ProblemError } from '../http/problem-error';
import { readJson } from '../http/read-json';
import { idParam, writeAs } from '../http/route-helpers';
import { assertEmailFree } from '../store/email-free';
import { insertUser, updateUser, userFromRow } from '../store/users';

/** The domain's drafts and changes (lib/domain/user-changes), plus the password only the server keeps. */
const NewUserSchema = UserDraftSchema.extend({ password: PasswordSchema }).strict();

const UserChangesWithPasswordSchema = UserChangesSchema.extend({
  password: PasswordSchema.optional(),
}).strict();

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
    assertAdministrator(c.get('actor').user, 'add users');
    const { password, ...draft } = await readJson(c, NewUserSchema);
    const user = userFromDraft(draft, { newId });
    const passwordHash = await hashPassword(password);
    await writeAs(db, c, async (writer) => {
      await assertEmailFree(writer.trx, user.email);
      await insertUser(writer, user, passwordHash);
    });
    return c.json(user, 201);
  });

  route.patch('/:id', async (c) => {
    const { user: actor } = c.get('actor');
    assertAdministrator(actor, 'change users');
    const id = idParam(c, 'The user');
    const { password, ...changes } = await readJson(c, UserChangesWithPasswordSchema);
    const passwordHash = password === undefined ? undefined : await hashPassword(password);
    const updated = await writeAs(db, c, async (writer) => {
      const user = await loadUser(writer.trx, writer.tenantId, id);
      const next = applyUserChanges(user, changes);
      // One answer for both rules, as API clients have always read it.
      if (selfLockoutIssues(user, next, actor.id).length > 0) {
        throw new ProblemError(
          409,
          'You cannot deactivate yourself or give up your own administrator role.',
        );
      }
      if (changes.email !== undefined) await assertEmailFree(writer.trx, changes.email, id);
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
