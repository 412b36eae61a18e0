import { Hono } from 'hono';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { newId } from '../../lib/domain/ids';
import { decoyHash, verifyPassword } from '../auth/password';
import { newToken, tokenHash } from '../auth/tokens';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { ProblemError } from '../http/problem-error';
import { readJson } from '../http/read-json';
import { userFromRow } from '../store/users';

const SignInSchema = z.strictObject({
  email: z.string().trim().min(1, 'Required.').max(254),
  password: z.string().min(1, 'Required.').max(200),
});

export interface AuthRouteOptions {
  tokenTtlMs: number;
}

/**
 * `POST /v1/auth/sign-in` (email + password → opaque bearer token) and `POST /v1/auth/sign-out`
 * (revokes the token it is sent with; needs the authenticate middleware in front of it).
 */
export function authRoute(db: Kysely<Database>, options: AuthRouteOptions): Hono<AppEnv> {
  const route = new Hono<AppEnv>();

  route.post('/sign-in', async (c) => {
    const { email, password } = await readJson(c, SignInSchema);
    const row = await db
      .selectFrom('users')
      .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
      .select([
        'users.id',
        'users.tenant_id',
        'users.name',
        'users.email',
        'users.role',
        'users.permissions',
        'users.active',
        'users.password_hash',
        'tenants.name as tenant_name',
      ])
      .where(sql`lower(users.email)`, '=', email.toLowerCase())
      .executeTakeFirst();
    // Same work whether or not the address exists, so timing does not tell which.
    const matches = await verifyPassword(password, row?.password_hash ?? (await decoyHash()));
    if (!row?.password_hash || !matches) {
      throw new ProblemError(401, 'The email or password is not right.');
    }
    if (!row.active) throw new ProblemError(403, 'This account is deactivated.');
    const token = newToken();
    const expiresAt = new Date(Date.now() + options.tokenTtlMs);
    await db
      .insertInto('tokens')
      .values({
        id: newId(),
        tenant_id: row.tenant_id,
        user_id: row.id,
        token_hash: tokenHash(token),
        expires_at: expiresAt,
      })
      .execute();
    c.header('cache-control', 'no-store');
    return c.json({
      token,
      tokenType: 'Bearer',
      expiresAt: expiresAt.toISOString(),
      user: userFromRow(row),
      tenant: { id: row.tenant_id, name: row.tenant_name },
    });
  });

  route.post('/sign-out', async (c) => {
    const { tokenId, tenantId } = c.get('actor');
    await db
      .updateTable('tokens')
      .set({ revoked_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', tokenId)
      .execute();
    return c.body(null, 204);
  });

  return route;
}
