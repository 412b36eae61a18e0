import { browser } from 'wxt/browser';
import { allSoftphoneProfiles } from './profiles-in-force';

const SCRIPT_ID = 'wrapup-softphone';
const RTC_SCRIPT_ID = 'wrapup-softphone-rtc';

const sortedKey = (patterns: readonly string[] | undefined) =>
  [...(patterns ?? [])].sort().join(' ');

function sameRegistration(
  existing: ReadonlyArray<{ id: string; matches?: string[] }>,
  granted: readonly string[],
): boolean {
  const key = sortedKey(granted);
  if (granted.length === 0) return existing.length === 0;
  return existing.length === 2 && existing.every((script) => sortedKey(script.matches) === key);
}

/**
 * Registers the softphone content script on exactly the softphone pages this browser has
 * granted us, so Wrapup never runs on a page the agent did not allow. The contact center's
 * profiles (synced) and this browser's own count as much as the built-in ones.
 */
async function registerNow(): Promise<string[]> {
  const candidates = [
    ...new Set((await allSoftphoneProfiles()).flatMap((profile) => profile.matches)),
  ];
  const granted: string[] = [];
  for (const pattern of candidates) {
    if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  const ids = [SCRIPT_ID, RTC_SCRIPT_ID];
  const existing = await browser.scripting.getRegisteredContentScripts({ ids });
  // Synced settings land in the same table as sync cursors, so most calls change nothing.
  if (sameRegistration(existing, granted)) return granted;
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

let queue: Promise<unknown> = Promise.resolve();

/** One registration at a time: two at once could both find none and register the id twice. */
export function registerSoftphoneScripts(): Promise<string[]> {
  const next = queue.then(registerNow, registerNow);
  queue = next.catch(() => undefined);
  return next;
}
