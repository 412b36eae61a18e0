import type { MessageHandler } from '../../../lib/messages/dispatch';
import { backgroundSync } from '../sync';

/**
 * The agent signed in or out on a page. The session itself is read from the store, never taken
 * from the message: signed in, the sync loop runs at once (the first sync of a new agent); signed
 * out, the run finds no session and does nothing.
 */
export const handleSessionChanged: MessageHandler<'session:changed'> = async () => {
  backgroundSync().now();
  return { ok: true };
};
