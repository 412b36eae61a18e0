import { browser } from 'wxt/browser';
import { type MessageSender, RejectedMessageError } from '../../lib/messages/dispatch';

/**
 * Refuses a message unless its page is on an origin the agent granted Wrapup as a softphone: a
 * page we were never allowed on must not create tasks, or learn the administrator's profiles, by
 * forging messages. `what` names the message in the refusal.
 */
export async function requireGrantedSoftphoneOrigin(
  sender: MessageSender,
  what: string,
): Promise<void> {
  const origin = sender.url ? new URL(sender.url).origin : null;
  if (!origin || !(await browser.permissions.contains({ origins: [`${origin}/*`] }))) {
    throw new RejectedMessageError(`${what} from an origin that is not granted: ${origin}`);
  }
}
