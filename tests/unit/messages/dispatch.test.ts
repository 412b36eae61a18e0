import { describe, expect, it, vi } from 'vitest';
import {
  dispatchMessage,
  type MessageHandlers,
  RejectedMessageError,
} from '../../../lib/messages/dispatch';
import type { CallEvent } from '../../../lib/softphone/call-event';

const OWN_ID = 'wrapup-extension-id';
const sender = {
  extensionId: OWN_ID,
  url: 'http://127.0.0.1:8787/demo/softphone.html',
  tabId: 1,
  windowId: 1,
  fromExtensionPage: false,
};
const panel = {
  extensionId: OWN_ID,
  url: `chrome-extension://${OWN_ID}/sidepanel.html`,
  tabId: undefined,
  windowId: undefined,
  fromExtensionPage: true,
};
const TASK_ID = '019ac9f0-0000-7000-8000-000000000001';

function endedCall(overrides: Partial<CallEvent> = {}): CallEvent {
  return {
    type: 'ended',
    callId: 'call-1',
    source: 'dom-profile',
    at: '2026-11-28T10:01:37.000Z',
    number: '+14155550134',
    callerName: 'Ada Lovelace',
    direction: 'inbound',
    queue: 'Billing',
    campaign: null,
    transactionId: 'TX-1001',
    selectedCodes: [],
    systemCodes: [],
    callbackAt: null,
    startedAt: '2026-11-28T10:00:00.000Z',
    connectedAt: '2026-11-28T10:00:02.000Z',
    endedAt: '2026-11-28T10:01:37.000Z',
    ...overrides,
  };
}

function handlersSpy() {
  const callEvent = vi.fn(async () => ({ ok: true }));
  const snooze = vi.fn(async () => ({ ok: true }));
  const handlers = {
    'call-event': callEvent,
    'reminders/changed': vi.fn(async () => ({ ok: true })),
    'reminders/snooze': snooze,
    'side-panel/open': vi.fn(async () => ({ ok: true })),
    'quick-task/page': vi.fn(async () => ({ ok: true })),
    'softphone/profile': vi.fn(async () => ({ ok: true })),
    'session:changed': vi.fn(async () => ({ ok: true })),
    'sync/now': vi.fn(async () => ({ ok: true })),
    'sync/retry': vi.fn(async () => ({ ok: true })),
    'sync/discard': vi.fn(async () => ({ ok: true })),
    'sync/customer-opened': vi.fn(async () => ({ ok: true })),
    'sync/task-opened': vi.fn(async () => ({ ok: true })),
  } satisfies MessageHandlers;
  return { handlers, callEvent, snooze };
}

describe('dispatchMessage', () => {
  it('runs the handler for a well-formed call event', async () => {
    const { handlers, callEvent } = handlersSpy();
    const message = { type: 'call-event', event: endedCall() };
    await expect(dispatchMessage(handlers, message, sender, OWN_ID)).resolves.toEqual({ ok: true });
    expect(callEvent).toHaveBeenCalledWith(message, sender);
  });

  it('keeps HTML in a caller name as plain text, untouched', async () => {
    const { handlers, callEvent } = handlersSpy();
    const name = '<img src=x onerror=alert(1)>';
    await dispatchMessage(
      handlers,
      { type: 'call-event', event: endedCall({ callerName: name }) },
      sender,
      OWN_ID,
    );
    const [received] = callEvent.mock.calls[0] as unknown as [{ event: CallEvent }];
    expect(received.event.callerName).toBe(name);
  });

  it.each([
    ['an unknown message type', { type: 'delete-everything' }],
    ['a call event of the wrong shape', { type: 'call-event', event: { type: 'ended' } }],
    ['an unknown extra field', { type: 'call-event', event: { ...endedCall(), script: 'x' } }],
    [
      'a caller name of 10,000 characters',
      { type: 'call-event', event: endedCall({ callerName: 'x'.repeat(10_000) }) },
    ],
    [
      'a message of over 64 KiB',
      { type: 'call-event', event: endedCall(), pad: 'x'.repeat(70_000) },
    ],
    [
      'a start time that is not a date',
      { type: 'call-event', event: endedCall({ startedAt: 'yesterday' }) },
    ],
    ['not an object at all', 'call-event'],
  ])('rejects %s with a reason and never runs a handler', async (_label, message) => {
    const { handlers, callEvent } = handlersSpy();
    await expect(dispatchMessage(handlers, message, sender, OWN_ID)).rejects.toBeInstanceOf(
      RejectedMessageError,
    );
    expect(callEvent).not.toHaveBeenCalled();
  });

  it('names what was malformed in the rejection', async () => {
    const { handlers } = handlersSpy();
    const bad = { type: 'call-event', event: endedCall({ callerName: 'x'.repeat(10_000) }) };
    await expect(dispatchMessage(handlers, bad, sender, OWN_ID)).rejects.toThrow(/callerName/);
  });

  it('rejects messages from another extension', async () => {
    const { handlers, callEvent } = handlersSpy();
    const foreign = { ...sender, extensionId: 'someone-else' };
    await expect(
      dispatchMessage(handlers, { type: 'call-event', event: endedCall() }, foreign, OWN_ID),
    ).rejects.toThrow(/another extension/);
    expect(callEvent).not.toHaveBeenCalled();
  });

  it('R11: takes a snooze of 5, 10, 15 or 60 minutes from the side panel', async () => {
    const { handlers, snooze } = handlersSpy();
    for (const minutes of [5, 10, 15, 60]) {
      const message = { type: 'reminders/snooze', taskId: TASK_ID, minutes };
      await dispatchMessage(handlers, message, panel, OWN_ID);
      expect(snooze).toHaveBeenLastCalledWith(message, panel);
    }
  });

  it.each([
    ['a length not offered', { type: 'reminders/snooze', taskId: TASK_ID, minutes: 7 }],
    ['a negative length', { type: 'reminders/snooze', taskId: TASK_ID, minutes: -5 }],
    ['a task id that is not one', { type: 'reminders/snooze', taskId: '1; drop', minutes: 5 }],
  ])('refuses a snooze with %s', async (_label, message) => {
    const { handlers, snooze } = handlersSpy();
    await expect(dispatchMessage(handlers, message, panel, OWN_ID)).rejects.toThrow(
      /malformed message/,
    );
    expect(snooze).not.toHaveBeenCalled();
  });

  it('passes session:changed from an extension page to its handler', async () => {
    const { handlers } = handlersSpy();
    await dispatchMessage(handlers, { type: 'session:changed' }, panel, OWN_ID);
    expect(handlers['session:changed']).toHaveBeenCalledWith({ type: 'session:changed' }, panel);
    await expect(
      dispatchMessage(handlers, { type: 'session:changed', token: 'x' }, panel, OWN_ID),
    ).rejects.toThrow(/malformed message/);
  });

  it.each([
    { type: 'reminders/snooze', taskId: TASK_ID, minutes: 5 },
    { type: 'reminders/changed' },
    { type: 'session:changed' },
    { type: 'sync/now' },
    { type: 'sync/retry', mutationId: TASK_ID },
    { type: 'sync/discard', mutationId: TASK_ID },
    { type: 'sync/customer-opened', customerId: TASK_ID },
    { type: 'sync/task-opened', taskId: TASK_ID },
  ])('refuses $type from a content script: only extension pages may send it', async (message) => {
    const { handlers } = handlersSpy();
    await expect(dispatchMessage(handlers, message, sender, OWN_ID)).rejects.toThrow(
      /extension pages only/,
    );
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });
});
