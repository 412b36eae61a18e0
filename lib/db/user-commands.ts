import type { Id } from '../domain/ids';
import { assertAdministrator } from '../domain/permissions';
import type { Permission, User } from '../domain/user';
import { addUser, editUser, type UserChanges, type UserDraft } from '../domain/user-changes';
import type { WrapupDb } from './database';
import { RecordNotFoundError } from './record-not-found-error';
import { type CommandContext, operationContext, storeCommand } from './store-command';

/** Adds a user of the contact center; administrators only. Emails are unique. */
export function saveNewUser(db: WrapupDb, draft: UserDraft, ctx: CommandContext): Promise<User> {
  return storeCommand(db, ctx, async (actor) => {
    assertAdministrator(actor, 'add users');
    const user = addUser(draft, await db.users.toArray(), operationContext(ctx));
    return { changes: { users: [user] }, answer: user };
  });
}

/**
 * Changes a user's name, email, role, permissions (R19, R24) or active flag; administrators
 * only, and never to lock themselves out.
 */
export function saveUserEdit(
  db: WrapupDb,
  id: Id,
  changes: UserChanges,
  ctx: CommandContext,
): Promise<User> {
  return storeCommand(db, ctx, async (actor) => {
    assertAdministrator(actor, 'change users');
    const users = await db.users.toArray();
    const user = users.find((candidate) => candidate.id === id);
    if (!user) throw new RecordNotFoundError('user', id);
    const updated = editUser(user, changes, users, ctx.actorId);
    return { changes: { users: [updated] }, answer: updated };
  });
}

/** Grants exactly these permissions (R19: create and edit together allow cloning). */
export function saveUserPermissions(
  db: WrapupDb,
  id: Id,
  permissions: readonly Permission[],
  ctx: CommandContext,
): Promise<User> {
  return saveUserEdit(db, id, { permissions: [...permissions] }, ctx);
}
