import { applyWrapUp } from '../../../lib/call-log/apply-wrap-up';
import { recordCallLog } from '../../../lib/call-log/record-call-log';
import { catchUpSearchIndex } from '../../../lib/db/search-indexer';
import { loadSettings } from '../../../lib/db/settings-store';
import { t } from '../../../lib/i18n/translate';
import type { MessageHandler } from '../../../lib/messages/dispatch';
import type { PanelPromptText } from '../../../lib/messages/panel-prompt';
import { currentAgentId } from '../../../lib/session/current-agent';
import { logsCallAutomatically } from '../../../lib/softphone/auto-log-policy';
import { withNormalizedNumber } from '../../../lib/softphone/normalize-call-number';
import { showCallLoggedNotification } from '../call-logged-notification';
import { openBackgroundDb } from '../database';
import { rearmReminders } from '../reminders';
import { sidePanelCanBeOffered } from '../side-panel';
import { requireGrantedSoftphoneOrigin } from '../softphone-origin';

/**
 * What the softphone page learns back: the log made (if any), and, when the panel is closed and
 * this browser can open it on a click, the text of the prompt that offers it. The text comes from
 * here so the content script carries no message catalogue.
 */
export interface CallEventReply {
  ok: true;
  taskId: string | null;
  panelPrompt: PanelPromptText | null;
}

/**
 * A softphone page reports a call. Only pages on a granted softphone origin may: a page we were
 * never allowed on cannot create tasks by forging messages. An ended call becomes its call log
 * when the contact center logs calls automatically (R1) or it is a campaign call (R7). With the
 * side panel closed, the page's prompt and a notification both offer to open it on the log.
 */
export const handleCallEvent: MessageHandler<'call-event'> = async (
  message,
  sender,
): Promise<CallEventReply> => {
  await requireGrantedSoftphoneOrigin(sender, 'call event');
  const event = withNormalizedNumber(message.event);
  const db = openBackgroundDb();
  if (event.type === 'ended' && !logsCallAutomatically(event, await loadSettings(db))) {
    return { ok: true, taskId: null, panelPrompt: null };
  }
  const record =
    event.type === 'ended' ? recordCallLog : event.type === 'wrapped_up' ? applyWrapUp : null;
  if (!record) return { ok: true, taskId: null, panelPrompt: null };
  const task = await record(db, event, { actorId: await currentAgentId() });
  void catchUpSearchIndex(db);
  // A callback scheduled in wrap-up (R8) may now be the next reminder.
  rearmReminders();
  const offerPanel =
    event.type === 'ended' && task !== undefined && (await sidePanelCanBeOffered());
  if (offerPanel) {
    showCallLoggedNotification(task, sender.windowId).catch((error: unknown) =>
      console.error('[wrapup] could not show the call-logged notification', error),
    );
  }
  const panelPrompt = offerPanel
    ? {
        text: t('callEndedPrompt'),
        open: t('callEndedPromptOpen'),
        dismiss: t('callEndedPromptDismiss'),
      }
    : null;
  return { ok: true, taskId: task?.id ?? null, panelPrompt };
};
