import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openBackgroundDb } from '../../../entrypoints/background/database';
import { handleSoftphoneProfile } from '../../../entrypoints/background/handlers/softphone-profile';
import { saveSettings } from '../../../lib/db/settings-store';
import { DEFAULT_SETTINGS } from '../../../lib/domain/settings';
import type { DomProfile } from '../../../lib/domain/softphone-profile';
import { DEMO_SOFTPHONE_PROFILE } from '../../../lib/softphone/demo-softphone-profile';
import { profileFromReplyOptional } from '../../../lib/softphone/profile-reply';
import { userProfilesItem } from '../../../lib/softphone/user-profiles-item';

const page = (url: string) => ({
  extensionId: 'wrapup',
  url,
  tabId: 7,
  windowId: 1,
  fromExtensionPage: false,
});
const ask = { type: 'softphone/profile' } as const;

const ACME: DomProfile = {
  id: 'acme',
  name: 'Acme console',
  matches: ['https://console.acme.example/*'],
  selectors: { activeCall: '.call', number: '.number' },
  states: { connected: 'talking' },
};

describe('the background’s answer to a softphone page asking for its profile', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await openBackgroundDb().meta.clear();
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  });

  it('R1: gives the demo softphone its built-in profile', async () => {
    const reply = await handleSoftphoneProfile(
      ask,
      page('http://127.0.0.1:8787/demo/softphone.html'),
    );
    expect(reply).toEqual({ ok: true, profile: DEMO_SOFTPHONE_PROFILE });
    expect(profileFromReplyOptional(reply)).toEqual(DEMO_SOFTPHONE_PROFILE);
  });

  it('R1: gives an administrator’s page the administrator’s profile, validated, and skips damaged ones', async () => {
    await userProfilesItem.setValue([{ ...ACME, id: 'broken', selectors: {} }, ACME]);
    const reply = await handleSoftphoneProfile(ask, page('https://console.acme.example/agent'));
    expect(profileFromReplyOptional(reply)).toEqual(ACME);
  });

  it('R1: gives the page the contact center’s synced profile before this browser’s own of the same id', async () => {
    const shared = { ...ACME, name: 'Acme, as the contact center set it' };
    await userProfilesItem.setValue([ACME]);
    await saveSettings(openBackgroundDb(), { ...DEFAULT_SETTINGS, softphoneProfiles: [shared] });
    const reply = await handleSoftphoneProfile(ask, page('https://console.acme.example/agent'));
    expect(profileFromReplyOptional(reply)).toEqual(shared);
  });

  it('R1: a WebRTC-only entry (stored and synced) never hides the DOM profile of the same pages', async () => {
    const webrtcOnly = {
      id: 'acme-rtc',
      name: 'Acme calls',
      matches: ACME.matches,
      adapter: 'webrtc',
    };
    await userProfilesItem.setValue([webrtcOnly, ACME]);
    await saveSettings(openBackgroundDb(), {
      ...DEFAULT_SETTINGS,
      softphoneProfiles: [{ ...webrtcOnly, adapter: 'webrtc' as const }],
    });
    const reply = await handleSoftphoneProfile(ask, page('https://console.acme.example/agent'));
    expect(profileFromReplyOptional(reply)).toEqual(ACME);
    await userProfilesItem.setValue([webrtcOnly]);
    const alone = await handleSoftphoneProfile(ask, page('https://console.acme.example/agent'));
    expect(alone).toEqual({ ok: true, profile: null });
  });

  it('answers null for a granted page no profile covers (WebRTC and page events still work)', async () => {
    const reply = await handleSoftphoneProfile(ask, page('https://other.example/'));
    expect(reply).toEqual({ ok: true, profile: null });
    expect(profileFromReplyOptional(reply)).toBeNull();
  });

  it('tells a page the agent never granted nothing about the administrator’s profiles', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    await userProfilesItem.setValue([ACME]);
    await expect(
      handleSoftphoneProfile(ask, page('https://console.acme.example/agent')),
    ).rejects.toThrow(/not granted/);
  });
});

describe('profileFromReplyOptional', () => {
  it.each([
    ['no reply', null],
    ['an error reply', { ok: false, error: 'message rejected' }],
    ['a profile without selectors', { ok: true, profile: { ...ACME, selectors: null } }],
    ['a profile without states', { ok: true, profile: { ...ACME, states: 'talking' } }],
    [
      'a profile whose number is no selector',
      { ok: true, profile: { ...ACME, selectors: { activeCall: '.call', number: 1 } } },
    ],
    ['a profile without matches', { ok: true, profile: { ...ACME, matches: '*' } }],
  ])('finds no profile in %s', (_case, reply) => {
    expect(profileFromReplyOptional(reply)).toBeNull();
  });
});
