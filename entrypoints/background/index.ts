import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { watchTableWrites } from '../../lib/db/watch-table-writes';
import type { MessageHandlers } from '../../lib/messages/dispatch';
import { dispatchMessage } from '../../lib/messages/dispatch';
import { userProfilesItem } from '../../lib/softphone/user-profiles-item';
import { registerCallLoggedNotifications } from './call-logged-notification';
import { registerQuickTask } from './context-menu';
import { openBackgroundDb } from './database';
import { handleCallEvent } from './handlers/call-event';
import { handlePageTask } from './handlers/page-task';
import { handleReminderSnooze, handleRemindersChanged } from './handlers/reminder-messages';
import { handleSessionChanged } from './handlers/session-changed';
import { handleSidePanelOpen } from './handlers/side-panel-open';
import { handleSoftphoneProfile } from './handlers/softphone-profile';
import {
  handleCustomerOpened,
  handleSyncDiscard,
  handleSyncNow,
  handleSyncRetry,
  handleTaskOpened,
} from './handlers/sync-messages';
import { rearmOnTaskWrites, rearmReminders, registerReminders } from './reminders';
import { openPanelFromToolbarButton } from './side-panel';
import { registerSoftphoneScripts } from './softphone-scripts';
import { registerSync, startSync } from './sync';

const handlers: MessageHandlers = {
  'call-event': handleCallEvent,
  'reminders/changed': handleRemindersChanged,
  'reminders/snooze': handleReminderSnooze,
  'side-panel/open': handleSidePanelOpen,
  'quick-task/page': handlePageTask,
  'softphone/profile': handleSoftphoneProfile,
  'session:changed': handleSessionChanged,
  'sync/now': handleSyncNow,
  'sync/retry': handleSyncRetry,
  'sync/discard': handleSyncDiscard,
  'sync/customer-opened': handleCustomerOpened,
  'sync/task-opened': handleTaskOpened,
};

export default defineBackground(() => {
  // The service worker may be stopped at any moment: listeners are registered synchronously here
  // and every bit of state is read back from storage when it is needed.
  openPanelFromToolbarButton();
  registerReminders();
  registerCallLoggedNotifications();
  registerQuickTask();
  rearmOnTaskWrites();
  registerSync();
  startSync().catch((error: unknown) => console.error('[wrapup] starting sync failed', error));
  browser.runtime.onInstalled.addListener(rearmReminders);
  // Listening is what makes the browser start the worker at launch, for reminders due meanwhile.
  browser.runtime.onStartup.addListener(rearmReminders);

  const refreshSoftphoneScripts = () => {
    registerSoftphoneScripts().catch((error: unknown) =>
      console.error('[wrapup] registering softphone scripts failed', error),
    );
  };
  browser.runtime.onInstalled.addListener(refreshSoftphoneScripts);
  browser.runtime.onStartup.addListener(refreshSoftphoneScripts);
  browser.permissions.onAdded.addListener(refreshSoftphoneScripts);
  browser.permissions.onRemoved.addListener(refreshSoftphoneScripts);
  userProfilesItem.watch(refreshSoftphoneScripts);
  // The contact center's profiles arrive by sync into the settings row of the meta table.
  watchTableWrites(openBackgroundDb().name, 'meta', refreshSoftphoneScripts, 500);

  browser.runtime.onMessage.addListener((raw: unknown, sender) =>
    dispatchMessage(
      handlers,
      raw,
      {
        extensionId: sender.id,
        url: sender.url,
        tabId: sender.tab?.id,
        windowId: sender.tab?.windowId,
        fromExtensionPage: sender.url?.startsWith(browser.runtime.getURL('/')) ?? false,
      },
      browser.runtime.id,
    ).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      console.warn('[wrapup] message rejected:', reason);
      return { ok: false, error: reason };
    }),
  );
});
