import { describe, expect, it } from 'vitest';
import { DEMO_SOFTPHONE_PROFILE } from '../../../lib/softphone/demo-softphone-profile';
import {
  draftFromProfile,
  type ProfileDraft,
  parseProfileDraft,
  profileIdFromName,
} from '../../../lib/softphone/profile-draft';

const DRAFT: ProfileDraft = {
  id: '',
  name: 'Acme Console',
  matches: 'https://console.acme.example/*\n\n  https://backup.acme.example/agent/*  ',
  adapter: 'dom',
  selectors: { activeCall: '.call', number: '.call .number', callerName: '  ' },
  states: { connected: '^talking', outbound: '' },
};

describe('a softphone profile typed in the options page', () => {
  it('becomes a profile through the schema the content script trusts, empty fields left out', () => {
    const result = parseProfileDraft(DRAFT);
    expect(result).toEqual({
      ok: true,
      profile: {
        id: 'acme-console',
        name: 'Acme Console',
        matches: ['https://console.acme.example/*', 'https://backup.acme.example/agent/*'],
        selectors: { activeCall: '.call', number: '.call .number' },
        states: { connected: '^talking' },
      },
    });
  });

  it('round-trips an existing profile unchanged', () => {
    expect(parseProfileDraft(draftFromProfile(DEMO_SOFTPHONE_PROFILE))).toEqual({
      ok: true,
      profile: DEMO_SOFTPHONE_PROFILE,
    });
  });

  it('a WebRTC-only profile needs no selectors and keeps none, whatever was typed in them', () => {
    const webrtc = {
      ...DRAFT,
      adapter: 'webrtc' as const,
      states: { connected: '(', outbound: '' },
    };
    const result = parseProfileDraft(webrtc);
    expect(result).toEqual({
      ok: true,
      profile: {
        id: 'acme-console',
        name: 'Acme Console',
        matches: ['https://console.acme.example/*', 'https://backup.acme.example/agent/*'],
        adapter: 'webrtc',
      },
    });
    if (!result.ok) throw new Error('refused');
    expect(draftFromProfile(result.profile)).toMatchObject({ adapter: 'webrtc', selectors: {} });
    expect(parseProfileDraft({ ...webrtc, matches: 'nope' })).toMatchObject({
      ok: false,
      errors: { matches: expect.stringContaining('is not a match pattern') },
    });
  });

  it('names each field that is wrong, keeping the rest', () => {
    const result = parseProfileDraft({
      ...DRAFT,
      name: ' ',
      matches: 'console.acme.example',
      selectors: { activeCall: '', number: '.n' },
      states: { connected: '(unclosed', outbound: '' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      'matches',
      'name',
      'selectors.activeCall',
      'states.connected',
    ]);
    expect(result.errors['states.connected']).toBe('Must be a valid regular expression.');
    expect(result.errors.matches).toContain('is not a match pattern');
  });

  it('refuses a profile without pages', () => {
    const result = parseProfileDraft({ ...DRAFT, matches: '\n \n' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.matches).toBeTruthy();
  });

  it('derives ids from names', () => {
    expect(profileIdFromName('  Ünïcode Phone #2 ')).toBe('unicode-phone-2');
    expect(profileIdFromName('!!!')).toBe('profile');
  });
});
