import { browser } from 'wxt/browser';
import type { OptionsAccess } from '../../components/options/AdminSections';
import type { AdminScreensApi } from '../../components/options/admin-api';
import type {
  ProfileTab,
  SoftphoneProfilesApi,
} from '../../components/options/softphone-profiles-api';
import type { WrapupDb } from '../../lib/db/database';
import { loadSettings } from '../../lib/db/settings-store';
import {
  type DomProfile,
  type SoftphoneProfile,
  SoftphoneProfileSchema,
} from '../../lib/domain/softphone-profile';
import { t } from '../../lib/i18n/translate';
import { runInjectedScript } from '../../lib/page-context/run-injected-script';
import { BUILT_IN_PROFILES } from '../../lib/softphone/built-in-profiles';
import { ProfileProbeSchema } from '../../lib/softphone/probe-profile';
import {
  deleteUserProfile,
  loadUserProfiles,
  saveUserProfile,
} from '../../lib/softphone/user-profiles';
import { contactCenterList, readOnlyList } from './shared-lists';

/** Permissions, tabs and the test: the browser's, whichever list the screen shows. */
const browserSide = {
  builtIn: BUILT_IN_PROFILES,
  isAllowed: (profile: SoftphoneProfile) =>
    browser.permissions.contains({ origins: profile.matches }),
  requestAccess: (profile: SoftphoneProfile) =>
    browser.permissions.request({ origins: profile.matches }),
  async openTabsFor(profile: SoftphoneProfile): Promise<ProfileTab[]> {
    const tabs = await browser.tabs.query({ url: profile.matches });
    return tabs.flatMap((tab) =>
      tab.id === undefined ? [] : [{ id: tab.id, title: tab.title ?? '', url: tab.url ?? '' }],
    );
  },
  async probe(tabId: number, profile: DomProfile) {
    return ProfileProbeSchema.parse(await runInjectedScript(tabId, '/softphone-probe.js', profile));
  },
};

function refuseBuiltInId(profile: SoftphoneProfile): SoftphoneProfile {
  const valid = SoftphoneProfileSchema.parse(profile);
  if (BUILT_IN_PROFILES.some((builtIn) => builtIn.id === valid.id)) {
    throw new Error(t('profileIdBuiltIn', { id: valid.id }));
  }
  return valid;
}

function administratorProfiles(settings: AdminScreensApi['settings']): SoftphoneProfilesApi {
  const list = contactCenterList(settings, 'softphoneProfiles');
  return {
    ...browserSide,
    scope: 'contact-center-edit',
    load: list.load,
    save: (profile) => list.put(refuseBuiltInId(profile)),
    remove: list.remove,
  };
}

/**
 * The options page's profiles for who is signed in: an administrator edits the contact center's
 * on the server (its answer is kept locally, and the background re-registers the softphone
 * scripts from it); an agent reads the contact center's as last synced; signed out, this
 * browser's own in extension storage, which the background watches.
 */
export function softphoneProfilesApi(access: OptionsAccess, db: WrapupDb): SoftphoneProfilesApi {
  if (access.kind === 'administrator') return administratorProfiles(access.api.settings);
  if (access.kind === 'agent') {
    return {
      ...browserSide,
      scope: 'contact-center-read',
      ...readOnlyList(async () => (await loadSettings(db)).softphoneProfiles ?? []),
    };
  }
  return {
    ...browserSide,
    scope: 'browser',
    load: loadUserProfiles,
    save: saveUserProfile,
    remove: deleteUserProfile,
  };
}
