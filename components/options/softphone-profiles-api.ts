import type { DomProfile } from '../../lib/domain/softphone-profile';
import type { ProfileProbe } from '../../lib/softphone/probe-profile';

export interface ProfileTab {
  id: number;
  title: string;
  url: string;
}

/** What the options page's profile screens need from the browser, so they never call it. */
export interface SoftphoneProfilesApi {
  builtIn: readonly DomProfile[];
  loadUserProfiles(): Promise<DomProfile[]>;
  /** Whether the browser lets Wrapup run on every page of the profile. */
  isAllowed(profile: DomProfile): Promise<boolean>;
  /** Asks the browser for the profile's pages; call it straight from a click. */
  requestAccess(profile: DomProfile): Promise<boolean>;
  save(profile: DomProfile): Promise<void>;
  remove(id: string): Promise<void>;
  openTabsFor(profile: DomProfile): Promise<ProfileTab[]>;
  probe(tabId: number, profile: DomProfile): Promise<ProfileProbe>;
}
