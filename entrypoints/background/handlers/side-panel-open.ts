import type { MessageHandler } from '../../../lib/messages/dispatch';
import { openSidePanelOnClick } from '../side-panel';

/** The agent clicked "Open Wrapup" in the softphone page's prompt after a call. */
export const handleSidePanelOpen: MessageHandler<'side-panel/open'> = (_message, sender) =>
  // No await before this call: the click's user gesture must still be live when it runs.
  openSidePanelOnClick({ windowId: sender.windowId, tabId: sender.tabId }).then((opened) => ({
    ok: opened,
  }));
