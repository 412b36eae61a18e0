import { browser } from 'wxt/browser';
import { isDomProfile } from '../../lib/domain/softphone-profile';
import type { DialRequest } from '../../lib/softphone/click-to-dial';
import { allSoftphoneProfiles } from './profiles-in-force';

/**
 * Places a call through a softphone the agent has open: the first tab of a profile with
 * click-to-dial whose page takes the number, which is then brought to the front. False when no
 * open softphone could dial, so the caller falls back to a `tel:` link.
 */
export async function dialOnOpenSoftphone(number: string): Promise<boolean> {
  const profiles = (await allSoftphoneProfiles())
    .filter(isDomProfile)
    .filter((profile) => profile.selectors.dialInput && profile.selectors.dialButton);
  const patterns = profiles.flatMap((profile) => profile.matches);
  if (patterns.length === 0) return false;
  const tabs = await browser.tabs.query({ url: patterns });
  const request: DialRequest = { type: 'softphone/dial', number };
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    const reply: unknown = await browser.tabs.sendMessage(tab.id, request).catch(() => null);
    if ((reply as { ok?: unknown } | null)?.ok !== true) continue;
    await browser.tabs.update(tab.id, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return true;
  }
  return false;
}
