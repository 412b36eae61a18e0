import { browser } from 'wxt/browser';
import { isWebAddress } from '../../../lib/domain/web-address';
import type { MessageHandler } from '../../../lib/messages/dispatch';
import type { PageTaskOutcome } from '../../../lib/messages/page-task-outcome';
import { startQuickTask } from '../quick-task';
import { requestSiteAccess } from '../site-access-request';

/**
 * The side panel's "Task for this page": the same quick task as the context menu and the
 * shortcut, for the tab beside the panel. A click in the panel does not grant activeTab, so
 * Wrapup reads the page only where it already may: a site the agent allowed, or a tab where a
 * menu or shortcut granted activeTab. Elsewhere the browser does not even tell us the tab's
 * address; rather than asking for every site (or the `tabs` permission) to learn it, Wrapup has
 * Chrome offer the agent access to exactly that site, and the panel retries once it is granted.
 */
export const handlePageTask: MessageHandler<'quick-task/page'> = async (
  message,
): Promise<PageTaskOutcome> => {
  const [tab] = await browser.tabs.query({ active: true, windowId: message.windowId });
  if (tab?.id === undefined) return { ok: false, problem: 'no-page' };
  if (tab.url === undefined) {
    const requested = await requestSiteAccess(tab.id);
    return { ok: false, problem: requested ? 'access-requested' : 'needs-access' };
  }
  if (!isWebAddress(tab.url)) return { ok: false, problem: 'no-page' };
  await startQuickTask(
    { id: tab.id, windowId: tab.windowId, url: tab.url, title: tab.title },
    {},
    { openPanel: false },
  );
  return { ok: true };
};
