import { z } from 'zod';
import { IdSchema, TimestampSchema } from './ids';
import { UserSchema } from './user';

/**
 * A signed-in agent's connection to their Wrapup server. Kept in the extension's own IndexedDB
 * (lib/db/session-store.ts), which neither web pages nor content scripts can read.
 */
export const SessionSchema = z.object({
  /** The server's origin plus any base path, without a trailing slash: `https://wrapup.example`. */
  serverUrl: z.url(),
  token: z.string().min(1).max(200),
  expiresAt: TimestampSchema,
  user: UserSchema,
  tenant: z.object({ id: IdSchema, name: z.string() }),
});
export type Session = z.infer<typeof SessionSchema>;
