import { browser } from 'wxt/browser';

/**
 * The one place Chrome's side panel and Firefox's sidebar differ. The polyfill's types lack
 * `sidePanel`, so it is described here as far as we use it.
 */
interface ChromeSidePanel {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
  open(options: { windowId: number } | { tabId: number }): Promise<void>;
}

interface ChromeRuntimeContexts {
  getContexts?(filter: { contextTypes: string[] }): Promise<unknown[]>;
}

type ChromeGlobal = { chrome?: { sidePanel?: ChromeSidePanel; runtime?: ChromeRuntimeContexts } };

function chromeSidePanelOptional(): ChromeSidePanel | undefined {
  return (globalThis as ChromeGlobal).chrome?.sidePanel;
}

/**
 * Opens the side panel in the window of the tab the agent clicked in. Chrome allows it only while
 * the click's user gesture lasts, which a message sent on the click carries, so this must run
 * before any await. Firefox opens its sidebar only from its own UI: false there.
 */
export function openSidePanelOnClick(where: {
  windowId?: number;
  tabId?: number;
}): Promise<boolean> {
  const sidePanel = chromeSidePanelOptional();
  if (!sidePanel) return Promise.resolve(false);
  const target =
    where.windowId !== undefined
      ? { windowId: where.windowId }
      : where.tabId !== undefined
        ? { tabId: where.tabId }
        : null;
  if (!target) return Promise.resolve(false);
  return sidePanel.open(target).then(() => true);
}

/**
 * Whether the agent can be offered to open the panel from a softphone page: only Chrome can open
 * it on such a click, and only if it is not showing already.
 */
export async function sidePanelCanBeOffered(): Promise<boolean> {
  const chromeApi = (globalThis as ChromeGlobal).chrome;
  if (!chromeApi?.sidePanel) return false;
  const getContexts = chromeApi.runtime?.getContexts;
  if (!getContexts) return true;
  const open = await getContexts.call(chromeApi.runtime, { contextTypes: ['SIDE_PANEL'] });
  return open.length === 0;
}

interface FirefoxSidebarAction {
  open(): Promise<void>;
}

/** Makes the toolbar button open the panel, in whichever way this browser offers. */
export function openPanelFromToolbarButton(): void {
  const sidePanel = chromeSidePanelOptional();
  if (sidePanel) {
    sidePanel
      .setPanelBehavior({ openPanelOnActionClick: true })
      .catch((error: unknown) => console.error('[wrapup] side panel behaviour', error));
    return;
  }
  const sidebar = (browser as unknown as { sidebarAction?: FirefoxSidebarAction }).sidebarAction;
  const action = browser.action ?? browser.browserAction;
  // Firefox opens the sidebar only from a user action, and this click is one.
  action?.onClicked.addListener(() => {
    sidebar?.open().catch((error: unknown) => console.error('[wrapup] sidebar', error));
  });
}
