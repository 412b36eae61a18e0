import { browser } from 'wxt/browser';
import { BUILT_IN_PROFILES } from '../../lib/softphone/built-in-profiles';
import type { SoftphoneAccess } from '../../lib/state/softphone-access';

/** Softphone permissions as the side panel sees them; the request must follow a click. */
export const browserSoftphoneAccess: SoftphoneAccess = {
  async list() {
    return Promise.all(
      BUILT_IN_PROFILES.map(async (profile) => ({
        id: profile.id,
        name: profile.name,
        granted: await browser.permissions.contains({ origins: profile.matches }),
      })),
    );
  },
  async request(id) {
    const profile = BUILT_IN_PROFILES.find((candidate) => candidate.id === id);
    if (!profile) throw new Error(`unknown softphone profile ${id}`);
    return browser.permissions.request({ origins: profile.matches });
  },
  onChange(listener) {
    browser.permissions.onAdded.addListener(listener);
    browser.permissions.onRemoved.addListener(listener);
    return () => {
      browser.permissions.onAdded.removeListener(listener);
      browser.permissions.onRemoved.removeListener(listener);
    };
  },
};
