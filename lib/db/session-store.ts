import { type Session, SessionSchema } from '../domain/session';
import type { WrapupDb } from './database';

const SESSION_KEY = 'session';

/** The signed-in session, or null when signed out (or when what is stored does not parse). */
export async function loadSession(db: WrapupDb): Promise<Session | null> {
  const row = await db.meta.get(SESSION_KEY);
  const parsed = SessionSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export async function saveSession(db: WrapupDb, session: Session): Promise<void> {
  await db.meta.put({ key: SESSION_KEY, value: SessionSchema.parse(session) });
}

export async function clearSession(db: WrapupDb): Promise<void> {
  await db.meta.delete(SESSION_KEY);
}

/**
 * Keeps a new session and its user's record together, so the store's permission checks see the
 * signed-in user as the server knows them.
 */
export async function saveSignedIn(db: WrapupDb, session: Session): Promise<void> {
  await db.transaction('rw', db.meta, db.users, async () => {
    await saveSession(db, session);
    await db.users.put(session.user);
  });
}
