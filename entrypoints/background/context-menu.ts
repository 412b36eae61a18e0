import { type Browser, browser } from 'wxt/browser';
import { t } from '../../lib/i18n/translate';
import { startQuickTask } from './quick-task';

const SELECTION_ITEM = 'wrapup-quick-task-selection';
const LINK_ITEM = 'wrapup-quick-task-link';
export const QUICK_TASK_COMMAND = 'quick-task';

/** Adds the "New task for …" items; menus outlive the service worker, so once per install. */
function createQuickTaskMenus() {
  browser.contextMenus
    .removeAll()
    .then(() => {
      browser.contextMenus.create({
        id: SELECTION_ITEM,
        title: t('quickTaskForSelection'),
        contexts: ['selection'],
      });
      browser.contextMenus.create({
        id: LINK_ITEM,
        title: t('quickTaskForLink'),
        contexts: ['link'],
        targetUrlPatterns: ['tel:*', 'mailto:*'],
      });
    })
    .catch((error: unknown) => console.error('[wrapup] quick task menu', error));
}

/** The context menu's click: the same function the tests call through the service worker. */
export function onQuickTaskMenuClicked(
  info: Browser.contextMenus.OnClickData,
  tab?: Browser.tabs.Tab,
): Promise<unknown> {
  const isOurs = info.menuItemId === SELECTION_ITEM || info.menuItemId === LINK_ITEM;
  if (!isOurs || tab?.id === undefined) return Promise.resolve(null);
  return startQuickTask(
    { id: tab.id, windowId: tab.windowId, url: tab.url, title: tab.title },
    { selectionText: info.selectionText, linkUrl: info.linkUrl },
  );
}

/** The keyboard shortcut (Alt+Shift+K unless the agent changed it): the page, no selection given. */
export function onQuickTaskCommand(command: string, tab?: Browser.tabs.Tab): Promise<unknown> {
  if (command !== QUICK_TASK_COMMAND || tab?.id === undefined) return Promise.resolve(null);
  return startQuickTask({ id: tab.id, windowId: tab.windowId, url: tab.url, title: tab.title });
}

export function registerQuickTask(): void {
  browser.runtime.onInstalled.addListener(createQuickTaskMenus);
  browser.contextMenus.onClicked.addListener(onQuickTaskMenuClicked);
  browser.commands.onCommand.addListener(onQuickTaskCommand);
  // Headless browsers cannot click native menus or press extension shortcuts: the e2e build
  // lets tests call these very listeners.
  if (import.meta.env.MODE === 'e2e') {
    Object.assign(globalThis, {
      wrapupQuickTask: { menuClicked: onQuickTaskMenuClicked, command: onQuickTaskCommand },
    });
  }
}
