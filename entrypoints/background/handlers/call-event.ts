import { browser } from 'wxt/browser';
import { applyWrapUp } from '../../../lib/call-log/apply-wrap-up';
import { recordCallLog } from '../../../lib/call-log/record-call-log';
import { catchUpSearchIndex } from '../../../lib/db/search-indexer';
import { type MessageHandler, RejectedMessageError } from '../../../lib/messages/dispatch';
import { currentAgentId } from '../../../lib/session/current-agent';
import { openBackgroundDb } from '../database';
import { rearmReminders } from '../reminders';

/**
 * A softphone page reports a call. Only pages on a granted softphone origin may: a page we were
 * never allowed on cannot create tasks by forging messages.
 */
export const handleCallEvent: MessageHandler<'call-event'> = async (message, sender) => {
  const origin = sender.url ? new URL(sender.url).origin : null;
  if (!origin || !(await browser.permissions.contains({ origins: [`${origin}/*`] }))) {
    throw new RejectedMessageError(`call event from an origin that is not granted: ${origin}`);
  }
  const { event } = message;
  const record =
    event.type === 'ended' ? recordCallLog : event.type === 'wrapped_up' ? applyWrapUp : null;
  if (!record) return { ok: true };
  const db = openBackgroundDb();
  const task = await record(db, event, { actorId: await currentAgentId() });
  void catchUpSearchIndex(db);
  // A callback scheduled in wrap-up (R8) may now be the next reminder.
  rearmReminders();
  return { ok: true, taskId: task?.id ?? null };
};
