import type { Id } from './ids';
import { PERMISSIONS, type User } from './user';

/**
 * The agent of a browser whose store does not hold their user record yet (before sign-in or the
 * first sync of the user list): an active agent with every agent permission, so local work is
 * never blocked. The server still checks the real record when the changes sync.
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
