import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { ProblemError } from '../http/problem-error';

/**
 * 409 when an address already names a user. Emails sign people in on their own, so they are
 * unique across every contact center (the users_email_key index enforces it; this says it kindly).
 */
export async function assertEmailFree(
  db: Kysely<Database>,
  email: string,
  exceptUserId?: string,
): Promise<void> {
  let query = db
    .selectFrom('users')
    .select('id')
    .where(sql`lower(email)`, '=', email.toLowerCase());
  if (exceptUserId) query = query.where('id', '<>', exceptUserId);
  if (await query.executeTakeFirst()) {
    throw new ProblemError(409, 'Another account already uses this email address.', {
      errors: [{ path: 'email', message: 'Another account already uses this email address.' }],
    });
  }
}
