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
 * Whom the panel offers actions to (R24): the agent's user record; the local agent the store's
 * commands act as (lib/db/acting-user) when the store holds none, as when signed out; and nobody
 * (null) while the store has not answered yet, so that no action the agent may lack shows.
 */
export function panelUser(id: Id, stored: User | null | undefined): User | null {
  if (stored === undefined) return null;
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
