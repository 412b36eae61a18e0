import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { registerCallLoggedNotifications } from '../../../entrypoints/background/call-logged-notification';
import { openBackgroundDb } from '../../../entrypoints/background/database';
import { handleCallEvent } from '../../../entrypoints/background/handlers/call-event';
import {
  callLoggedNotification,
  callLoggedTarget,
} from '../../../lib/call-log/call-logged-notification';
import { openTaskRequestItem } from '../../../lib/messages/open-task-request';
import { reminderNotificationId } from '../../../lib/reminders/reminder-notifications';
import type { CallEvent } from '../../../lib/softphone/call-event';
import { AGENT } from '../db/fixtures';

const db = openBackgroundDb();
const TASK_ID = '01937a2e-7f00-7000-8000-000000000001';
const softphone = {
  extensionId: 'wrapup',
  url: 'http://127.0.0.1:8787/demo/softphone.html',
  tabId: 7,
  windowId: 3,
  fromExtensionPage: false,
};

function ended(callerName: string): CallEvent {
  return {
    type: 'ended',
    callId: 'call-1',
    source: 'dom-profile',
    at: '2026-11-28T10:01:37.000Z',
    number: '+14155550134',
    callerName,
    direction: 'inbound',
    queue: null,
    campaign: null,
    transactionId: 'TX-1',
    selectedCodes: [],
    systemCodes: [],
    callbackAt: null,
    startedAt: '2026-11-28T10:00:00.000Z',
    connectedAt: '2026-11-28T10:00:02.000Z',
    endedAt: '2026-11-28T10:01:37.000Z',
  };
}

/** Chrome with its side panel open in `openPanels` contexts. */
function chromeWith(openPanels: number) {
  const open = vi.fn(async () => undefined);
  vi.stubGlobal('chrome', {
    sidePanel: { open, setPanelBehavior: vi.fn() },
    runtime: { getContexts: vi.fn(async () => Array.from({ length: openPanels }, () => ({}))) },
  });
  return { open };
}

describe('the call-logged notification', () => {
  it('carries the log and the softphone’s window in its id, and ignores other notifications', () => {
    const notification = callLoggedNotification({ id: TASK_ID, subject: 'Call with Ada' }, 3);
    expect(callLoggedTarget(notification.id)).toEqual({ taskId: TASK_ID, windowId: 3 });
    const noWindow = callLoggedNotification({ id: TASK_ID, subject: 'x' }, undefined);
    expect(callLoggedTarget(noWindow.id)).toEqual({ taskId: TASK_ID, windowId: null });
    expect(callLoggedTarget(reminderNotificationId(TASK_ID))).toBeNull();
    expect(callLoggedTarget('wrapup-call-logged:3')).toBeNull();
    expect(notification).toMatchObject({ title: 'Call logged', message: 'Call with Ada' });
  });
});

describe('R1: a call logged while the side panel is closed', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ agentId: AGENT });
    await Promise.all(db.tables.map((table) => table.clear()));
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    registerCallLoggedNotifications();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows a notification whose click opens the panel in that window on the log', async () => {
    const { open } = chromeWith(0);
    const name = '<img src=x onerror="alert(1)">';
    const reply = (await handleCallEvent(
      { type: 'call-event', event: ended(name) },
      softphone,
    )) as { taskId: string };
    let shown: Record<string, unknown> = {};
    await vi.waitFor(async () => {
      shown = await fakeBrowser.notifications.getAll();
      expect(Object.keys(shown)).toHaveLength(1);
    });
    const [id] = Object.keys(shown);
    expect(shown[id ?? '']).toMatchObject({ title: 'Call logged', message: `Call with ${name}` });
    expect(callLoggedTarget(id ?? '')).toEqual({ taskId: reply.taskId, windowId: 3 });

    await fakeBrowser.notifications.onClicked.trigger(id ?? '');
    expect(open).toHaveBeenCalledWith({ windowId: 3 });
    await vi.waitFor(async () =>
      expect((await openTaskRequestItem.getValue())?.taskId).toBe(reply.taskId),
    );
    await vi.waitFor(async () => expect(await fakeBrowser.notifications.getAll()).toEqual({}));
  });

  it('shows none while the panel is open: the log appears there at once', async () => {
    chromeWith(1);
    await handleCallEvent({ type: 'call-event', event: ended('Ada') }, softphone);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });
});
