import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';

/** `GET /v1/me`: who the token signs in as, and their contact center. */
export function meRoute(): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/', (c) => {
    const { user, tenantId } = c.get('actor');
    return c.json({ user, tenantId });
  });
}
