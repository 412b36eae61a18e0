import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { IdSchema } from '../../lib/domain/ids';
import type { User } from '../../lib/domain/user';
import type { Database } from '../db/schema';
import { inWriteTransaction, type Writer } from '../store/write-transaction';
import type { AppEnv } from './app-env';
import { forbidden, notFound } from './problem-error';

/** The `:id` path parameter; one that is no id names nothing here (404, never a SQL error). */
export function idParam(c: Context<AppEnv>, what: string, name = 'id'): string {
  const id = c.req.param(name);
  if (!IdSchema.safeParse(id).success) throw notFound(what);
  return id as string;
}

/** Runs `write` as the signed-in user, in a write transaction of their contact center. */
export function writeAs<T>(
  db: Kysely<Database>,
  c: Context<AppEnv>,
  write: (writer: Writer, user: User) => Promise<T>,
): Promise<T> {
  const { tenantId, user } = c.get('actor');
  return inWriteTransaction(db, tenantId, (writer) => write(writer, user));
}

/** 403 unless the signed-in user administers the contact center. */
export function requireAdministrator(c: Context<AppEnv>, doing: string): void {
  if (c.get('actor').user.role !== 'administrator') {
    throw forbidden(`Only administrators can ${doing}.`);
  }
}

/** Words of a search as a prefix query: `ada love` finds "Ada Lovelace". Safe for any input. */
export function prefixQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, 10)
    .map((word) => `${word}:*`)
    .join(' & ');
}
