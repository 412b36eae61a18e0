import type { MessageHandler } from '../../../lib/messages/dispatch';

/**
 * The agent signed in or out on a page. The session itself is read from the store, never taken
 * from the message; the sync loop (issue 5) hooks its start and stop here.
 */
export const handleSessionChanged: MessageHandler<'session:changed'> = async () => ({ ok: true });
