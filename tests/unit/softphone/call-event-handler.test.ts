import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openBackgroundDb } from '../../../entrypoints/background/database';
import { handleCallEvent } from '../../../entrypoints/background/handlers/call-event';
import { saveSettings } from '../../../lib/db/settings-store';
import { DEFAULT_SETTINGS } from '../../../lib/domain/settings';
import { logsCallAutomatically } from '../../../lib/softphone/auto-log-policy';
import type { CallEvent } from '../../../lib/softphone/call-event';
import { withNormalizedNumber } from '../../../lib/softphone/normalize-call-number';
import { AGENT } from '../db/fixtures';

const db = openBackgroundDb();
const softphone = {
  extensionId: 'wrapup',
  url: 'http://127.0.0.1:8787/demo/softphone.html',
  tabId: 7,
  windowId: 1,
  fromExtensionPage: false,
};

function ended(overrides: Partial<CallEvent> = {}): CallEvent {
  return {
    type: 'ended',
    callId: 'call-1',
    source: 'webrtc',
    at: '2026-11-28T10:01:37.000Z',
    number: '+14155550134',
    callerName: null,
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
    ...overrides,
  };
}

describe('logsCallAutomatically', () => {
  it('R1: logs calls only when the contact center turned automatic call logs on', () => {
    expect(logsCallAutomatically({ campaign: null }, DEFAULT_SETTINGS)).toBe(true);
    expect(
      logsCallAutomatically({ campaign: null }, { ...DEFAULT_SETTINGS, autoCallLog: false }),
    ).toBe(false);
    expect(
      logsCallAutomatically(
        { campaign: null },
        { ...DEFAULT_SETTINGS, callLogKinds: ['voicemail'] },
      ),
    ).toBe(false);
  });

  it('R1: logs each voice interaction only if the contact center logs its kind', () => {
    const callsOnly = { ...DEFAULT_SETTINGS, callLogKinds: ['call' as const] };
    expect(logsCallAutomatically({ campaign: null, interaction: 'voicemail' }, callsOnly)).toBe(
      false,
    );
    expect(
      logsCallAutomatically({ campaign: null, interaction: 'web_callback' }, DEFAULT_SETTINGS),
    ).toBe(true);
    expect(logsCallAutomatically({ campaign: null }, callsOnly)).toBe(true);
  });

  it('R7: logs every campaign call, automatic call logs on or off', () => {
    const off = { ...DEFAULT_SETTINGS, autoCallLog: false };
    expect(logsCallAutomatically({ campaign: 'Renewals Q4' }, off)).toBe(true);
  });
});

describe('the background’s call-event handler', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ agentId: AGENT });
    await Promise.all(db.tables.map((table) => table.clear()));
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  });

  it('R1: an ended call becomes its call log while automatic call logs are on', async () => {
    const reply = await handleCallEvent({ type: 'call-event', event: ended() }, softphone);
    expect(reply).toMatchObject({ ok: true, taskId: expect.any(String) });
    expect(await db.tasks.count()).toBe(1);
  });

  it('R1: a voicemail becomes a voicemail log, a web callback a web-callback log', async () => {
    await handleCallEvent(
      { type: 'call-event', event: ended({ interaction: 'voicemail', transactionId: 'TX-VM' }) },
      softphone,
    );
    await handleCallEvent(
      { type: 'call-event', event: ended({ interaction: 'web_callback', transactionId: 'TX-WC' }) },
      softphone,
    );
    expect((await db.tasks.toArray()).map((task) => task.kind).sort()).toEqual([
      'voicemail',
      'web_callback',
    ]);
  });

  it('R1: with automatic call logs off, an ended call makes no log', async () => {
    await saveSettings(db, { ...DEFAULT_SETTINGS, autoCallLog: false });
    const reply = await handleCallEvent({ type: 'call-event', event: ended() }, softphone);
    expect(reply).toEqual({ ok: true, taskId: null, panelPrompt: null });
    expect(await db.tasks.count()).toBe(0);
  });

  it('R7: with automatic call logs off, a campaign call still makes its task', async () => {
    await saveSettings(db, { ...DEFAULT_SETTINGS, autoCallLog: false });
    await handleCallEvent(
      { type: 'call-event', event: ended({ campaign: 'Renewals Q4' }) },
      softphone,
    );
    expect((await db.tasks.toArray()).map((task) => task.origin)).toEqual(['campaign']);
  });

  it('refuses a call event from an origin the agent never granted, and logs nothing', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    await expect(
      handleCallEvent({ type: 'call-event', event: ended() }, softphone),
    ).rejects.toThrow(/not granted/);
    expect(await db.tasks.count()).toBe(0);
  });
});

describe('the number of a reported call', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ agentId: AGENT });
    await Promise.all(db.tables.map((table) => table.clear()));
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  });

  it('R3: is stored in E.164 however the softphone page spelled it', async () => {
    await handleCallEvent(
      { type: 'call-event', event: ended({ number: '+1 (415) 555-0134' }) },
      softphone,
    );
    expect((await db.tasks.toArray()).map((task) => task.call?.number)).toEqual(['+14155550134']);
  });

  it('stays as the page spelled it when it is not a valid number', () => {
    expect(withNormalizedNumber(ended({ number: 'Anonymous' })).number).toBe('Anonymous');
    expect(withNormalizedNumber(ended({ number: null })).number).toBeNull();
  });
});
