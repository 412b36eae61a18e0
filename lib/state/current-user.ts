import type { Id } from '../domain/ids';
import { PERMISSIONS, type User } from '../domain/user';

/**
 * Until the administrator's user list reaches this browser (sync), the agent is the only user
 * the store knows: they may do everything with their own local tasks.
 */
export function localAgent(id: Id): User {
  return {
    id,
    name: 'Agent',
    email: 'agent@localhost.invalid',
    role: 'agent',
    permissions: [...PERMISSIONS],
    active: true,
  };
}
