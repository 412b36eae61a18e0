import { type Session, SessionSchema } from '../sync/session';
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
