import { liveQuery } from 'dexie';
import type { WrapupDb } from '../../lib/db/database';
import { loadSession } from '../../lib/db/session-store';
import { followChangeEvents } from '../../lib/sync/change-events';
import { requestSync } from './sync-messages';

/**
 * While the panel is open and the agent signed in, follows the server's change events and asks
 * the background to sync on each, so an edit made elsewhere shows here within a second or two.
 * Signing out (or in as someone else) stops or restarts it; a 401 stops it until the session
 * changes. Returns the stopper.
 */
export function followServerEvents(db: WrapupDb): () => void {
  let following: { key: string; stop: () => void } | null = null;
  const subscription = liveQuery(() => loadSession(db)).subscribe({
    next: (session) => {
      const key = session ? `${session.serverUrl} ${session.token}` : '';
      if (following?.key === key) return;
      following?.stop();
      following = null;
      if (!session) return;
      following = {
        key,
        stop: followChangeEvents({
          serverUrl: session.serverUrl,
          token: session.token,
          onChange: requestSync,
          // The background's next run finds the 401 too and the indicator says to sign in again.
          onUnauthorized: requestSync,
        }),
      };
    },
    error: (error: unknown) => console.warn('[wrapup] reading the session failed', error),
  });
  return () => {
    subscription.unsubscribe();
    following?.stop();
  };
}
