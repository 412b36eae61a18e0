import type { User } from '../../lib/domain/user';

/** The signed-in user a request acts as, and the contact center everything is scoped to. */
export interface Actor {
  tenantId: string;
  tokenId: string;
  user: User;
}

/** Hono's typing for the variables the middleware sets. */
export interface AppEnv {
  Variables: { actor: Actor };
}
