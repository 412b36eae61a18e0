import type { MiddlewareHandler } from 'hono';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { ProblemError } from '../http/problem-error';
import { looksLikeToken, tokenHash } from './tokens';

export interface AuthenticateOptions {
  /** Requests one token may make per minute before 429. */
  rateLimitPerMinute: number;
}

const unauthorized = (detail: string) =>
  new ProblemError(401, detail, {}, { 'www-authenticate': 'Bearer realm="wrapup"' });

/**
 * Bearer authentication: `Authorization: Bearer wrp_…`. One statement finds the token (not
 * expired, not revoked) and its user (still active, so deactivating someone stops their tokens
 * at once) and counts the request in the token's one-minute window for the rate limit.
 */
export function authenticate(
  db: Kysely<Database>,
  options: AuthenticateOptions,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer +(\S+)$/i.exec(header);
    if (!match) throw unauthorized('Sign in first: send Authorization: Bearer <token>.');
    const token = match[1] as string;
    if (!looksLikeToken(token)) throw unauthorized('The token is not valid.');
    // Counting a request must not wait for a disk flush on every read: losing the last counts
    // or last_used_at in a crash is harmless, so this one transaction commits asynchronously.
    const { rows } = await db.transaction().execute(async (trx) => {
      await sql`set local synchronous_commit = off`.execute(trx);
      return sql<{
        token_id: string;
        tenant_id: string;
        window_count: number;
        id: string;
        name: string;
        email: string;
        role: 'agent' | 'administrator';
        permissions: ('view' | 'create' | 'edit' | 'delete' | 'change_status')[];
      }>`
      update tokens as t set
        last_used_at = now(),
        window_count = case when t.window_started_at > now() - interval '1 minute'
                            then t.window_count + 1 else 1 end,
        window_started_at = case when t.window_started_at > now() - interval '1 minute'
                                 then t.window_started_at else now() end
      from users as u
      where t.token_hash = ${tokenHash(token)}
        and t.revoked_at is null and t.expires_at > now()
        and u.tenant_id = t.tenant_id and u.id = t.user_id and u.active
      returning t.id as token_id, t.tenant_id, t.window_count,
                u.id, u.name, u.email, u.role, u.permissions`.execute(trx);
    });
    const row = rows[0];
    if (!row)
      throw unauthorized(
        'The token is not valid: it expired, was revoked, or the account is inactive.',
      );
    if (row.window_count > options.rateLimitPerMinute) {
      throw new ProblemError(
        429,
        'Too many requests with this token; try again in a minute.',
        {},
        { 'retry-after': '60' },
      );
    }
    c.set('actor', {
      tenantId: row.tenant_id,
      tokenId: row.token_id,
      user: {
        id: row.id,
        name: row.name,
        email: row.email,
        role: row.role,
        permissions: row.permissions,
        active: true,
      },
    });
    await next();
  };
}
