import type { Id } from '../domain/ids';
import type { Permission, User } from '../domain/user';

/**
 * The permissions of lib/domain/local-agent's agent, restated here because that module brings
 * the user schema (zod) into the first bundle; a unit test keeps the two equal.
 */
export const LOCAL_AGENT_PERMISSIONS: readonly Permission[] = [
  'view',
  'create',
  'edit',
  'delete',
  'change_status',
];

/**
 * Whom the panel offers actions to: the agent's user record, or until it reaches the store the
 * local agent the store's commands act as (lib/db/acting-user).
 */
export function panelUser(id: Id, stored: User | null | undefined): User {
  return (
    stored ?? {
      id,
      name: 'Agent',
      email: 'agent@localhost.invalid',
      role: 'agent',
      permissions: [...LOCAL_AGENT_PERMISSIONS],
      active: true,
    }
  );
}
