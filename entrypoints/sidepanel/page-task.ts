import { browser } from 'wxt/browser';
import { pageTaskOutcomeOptional } from '../../lib/messages/page-task-outcome';
import type { Message } from '../../lib/messages/protocol';
import type { PageTaskStarter } from '../../lib/state/page-task';

/**
 * "Task for this page" as the side panel asks it: for the active tab of the panel's own window,
 * by the background, which runs the same quick task as the context menu and the shortcut.
 */
export const browserPageTask: PageTaskStarter = {
  async start() {
    const panelWindow = await browser.windows.getCurrent();
    if (panelWindow.id === undefined) return { ok: false, problem: 'no-page' };
    const message: Message<'quick-task/page'> = {
      type: 'quick-task/page',
      windowId: panelWindow.id,
    };
    const reply: unknown = await browser.runtime.sendMessage(message);
    const outcome = pageTaskOutcomeOptional(reply);
    if (!outcome) throw new Error(`unexpected reply: ${JSON.stringify(reply)}`);
    return outcome;
  },
  onAccessGranted(listener) {
    browser.permissions.onAdded.addListener(listener);
    return () => browser.permissions.onAdded.removeListener(listener);
  },
};
