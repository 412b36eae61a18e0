import { browser } from 'wxt/browser';

/**
 * The one place Chrome's side panel and Firefox's sidebar differ. The polyfill's types lack
 * `sidePanel`, so it is described here as far as we use it.
 */
interface ChromeSidePanel {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}

function chromeSidePanelOptional(): ChromeSidePanel | undefined {
  return (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
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
