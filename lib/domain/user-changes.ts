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

/**
 * A new user of the contact center (R19, R24) built from a draft, not yet checked against the
 * other users: addUser checks the email among the local users, the server across all of its own.
 */
export function userFromDraft(input: UserDraft, ctx: Pick<OperationContext, 'newId'>): User {
  const draft = parseInput(UserDraftSchema, input);
  return {
    id: ctx.newId(),
    ...draft,
    permissions: tidyPermissions(draft.permissions ?? []),
    active: draft.active ?? true,
  };
}

/** A new user of the contact center (R19, R24); emails are unique whatever their case. */
export function addUser(
  input: UserDraft,
  existing: readonly User[],
  ctx: Pick<OperationContext, 'newId'>,
): User {
  const user = userFromDraft(input, ctx);
  const issues = emailIssues(user, existing);
  if (issues.length > 0) throw new ValidationError(issues);
  return user;
}

/**
 * `user` with an administrator's change applied: name, email, role, permissions (R19, R24) or the
 * active flag. Not yet checked against the other users or the one changing it: see editUser.
 */
export function applyUserChanges(user: User, input: UserChanges): User {
  const changes = parseInput(UserChangesSchema, input);
  return {
    ...user,
    ...changes,
    permissions: tidyPermissions(changes.permissions ?? user.permissions),
  };
}

/**
 * Administrators cannot lock themselves out: `actorId` may not deactivate itself or give up its
 * own administrator role by turning `user` into `next`.
 */
export function selfLockoutIssues(user: User, next: User, actorId: string): FieldIssue[] {
  if (user.id !== actorId) return [];
  const issues: FieldIssue[] = [];
  if (!next.active) {
    issues.push({ path: 'active', message: 'You cannot deactivate yourself.' });
  }
  if (user.role === 'administrator' && next.role !== 'administrator') {
    issues.push({ path: 'role', message: 'You cannot give up your own administrator role.' });
  }
  return issues;
}

/** An administrator's change to a user, with unique emails and no self-lockout. */
export function editUser(
  user: User,
  input: UserChanges,
  existing: readonly User[],
  actorId: string,
): User {
  const next = applyUserChanges(user, input);
  const issues = [...emailIssues(next, existing), ...selfLockoutIssues(user, next, actorId)];
  if (issues.length > 0) throw new ValidationError(issues);
  return next;
}
