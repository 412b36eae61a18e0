import { browser } from 'wxt/browser';
import type { SoftphoneProfilesApi } from '../../components/options/softphone-profiles-api';
import { runInjectedScript } from '../../lib/page-context/run-injected-script';
import { BUILT_IN_PROFILES } from '../../lib/softphone/built-in-profiles';
import { ProfileProbeSchema } from '../../lib/softphone/probe-profile';
import {
  deleteUserProfile,
  loadUserProfiles,
  saveUserProfile,
} from '../../lib/softphone/user-profiles';

/**
 * The options page's profiles, permissions and tabs. Saving only writes storage: the background
 * watches the profiles and registers the softphone scripts for whichever pages are allowed.
 */
export const browserSoftphoneProfiles: SoftphoneProfilesApi = {
  builtIn: BUILT_IN_PROFILES,
  loadUserProfiles,
  isAllowed: (profile) => browser.permissions.contains({ origins: profile.matches }),
  requestAccess: (profile) => browser.permissions.request({ origins: profile.matches }),
  save: saveUserProfile,
  remove: deleteUserProfile,
  async openTabsFor(profile) {
    const tabs = await browser.tabs.query({ url: profile.matches });
    return tabs.flatMap((tab) =>
      tab.id === undefined ? [] : [{ id: tab.id, title: tab.title ?? '', url: tab.url ?? '' }],
    );
  },
  async probe(tabId, profile) {
    return ProfileProbeSchema.parse(await runInjectedScript(tabId, '/softphone-probe.js', profile));
  },
};
