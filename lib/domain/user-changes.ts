import type { z } from 'zod';
import type { OperationContext } from './operation';
import { parseInput } from './parse-input';
import { PERMISSIONS, type Permission, type User, UserSchema } from './user';
import { type FieldIssue, ValidationError } from './validation-error';

/** A user the administrator adds; without permissions they may only sign in (R24). */
export const UserDraftSchema = UserSchema.omit({ id: true })
  .partial({ permissions: true, active: true })
  .strict();
export type UserDraft = z.input<typeof UserDraftSchema>;

export const UserChangesSchema = UserSchema.omit({ id: true }).partial().strict();
export type UserChanges = z.input<typeof UserChangesSchema>;

/** Each permission once, in the order the administrator's screen lists them. */
function tidyPermissions(permissions: readonly Permission[]): Permission[] {
  return PERMISSIONS.filter((permission) => permissions.includes(permission));
}

function emailIssues(user: User, others: readonly User[]): FieldIssue[] {
  const email = user.email.toLowerCase();
  const taken = others.some((other) => other.id !== user.id && other.email.toLowerCase() === email);
  return taken ? [{ path: 'email', message: 'Another user already has this email address.' }] : [];
}

/** A new user of the contact center (R19, R24); emails are unique whatever their case. */
export function addUser(
  input: UserDraft,
  existing: readonly User[],
  ctx: Pick<OperationContext, 'newId'>,
): User {
  const draft = parseInput(UserDraftSchema, input);
  const user: User = {
    id: ctx.newId(),
    ...draft,
    permissions: tidyPermissions(draft.permissions ?? []),
    active: draft.active ?? true,
  };
  const issues = emailIssues(user, existing);
  if (issues.length > 0) throw new ValidationError(issues);
  return user;
}

/**
 * An administrator's change to a user: name, email, role, permissions (R19, R24) or the active
 * flag. Administrators cannot lock themselves out: `actorId` may not deactivate itself or give up
 * its own administrator role.
 */
export function editUser(
  user: User,
  input: UserChanges,
  existing: readonly User[],
  actorId: string,
): User {
  const changes = parseInput(UserChangesSchema, input);
  const next: User = {
    ...user,
    ...changes,
    permissions: tidyPermissions(changes.permissions ?? user.permissions),
  };
  const issues = emailIssues(next, existing);
  if (user.id === actorId && !next.active) {
    issues.push({ path: 'active', message: 'You cannot deactivate yourself.' });
  }
  if (user.id === actorId && user.role === 'administrator' && next.role !== 'administrator') {
    issues.push({ path: 'role', message: 'You cannot give up your own administrator role.' });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return next;
}
