import { browser } from 'wxt/browser';
import { allSoftphoneProfiles } from '../../lib/softphone/user-profiles';

const SCRIPT_ID = 'wrapup-softphone';
const RTC_SCRIPT_ID = 'wrapup-softphone-rtc';

/**
 * Registers the softphone content script on exactly the softphone pages this browser has
 * granted us, so Wrapup never runs on a page the agent did not allow. The administrator's own
 * profiles (options page) count as much as the built-in ones.
 */
export async function registerSoftphoneScripts(): Promise<string[]> {
  const candidates = [
    ...new Set((await allSoftphoneProfiles()).flatMap((profile) => profile.matches)),
  ];
  const granted: string[] = [];
  for (const pattern of candidates) {
    if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  const ids = [SCRIPT_ID, RTC_SCRIPT_ID];
  const existing = await browser.scripting.getRegisteredContentScripts({ ids });
  if (existing.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: existing.map((script) => script.id) });
  }
  if (granted.length === 0) return granted;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches: granted,
      js: ['content-scripts/softphone.js'],
      runAt: 'document_start',
      persistAcrossSessions: true,
    },
    // The polyfill's types predate `world`; Chrome and Firefox 128+ accept it.
    {
      id: RTC_SCRIPT_ID,
      matches: granted,
      js: ['content-scripts/softphone-rtc.js'],
      runAt: 'document_start',
      persistAcrossSessions: true,
      world: 'MAIN',
    } as Parameters<typeof browser.scripting.registerContentScripts>[0][number],
  ]);
  return granted;
}
