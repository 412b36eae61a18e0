import type { DomProfile, SoftphoneProfile } from '../../lib/domain/softphone-profile';
import type { ProfileProbe } from '../../lib/softphone/probe-profile';

export interface ProfileTab {
  id: number;
  title: string;
  url: string;
}

/**
 * Whose profiles the screen shows: the contact center's, edited by an administrator or read by
 * an agent, or this browser's own when nobody is signed in.
 */
export type ProfilesScope = 'contact-center-edit' | 'contact-center-read' | 'browser';

/** What the options page's profile screens need from the browser, so they never call it. */
export interface SoftphoneProfilesApi {
  scope: ProfilesScope;
  builtIn: readonly DomProfile[];
  /** The scope's own profiles (not the built-in ones). */
  load(): Promise<SoftphoneProfile[]>;
  /** Whether the browser lets Wrapup run on every page of the profile. */
  isAllowed(profile: SoftphoneProfile): Promise<boolean>;
  /** Asks the browser for the profile's pages; call it straight from a click. */
  requestAccess(profile: SoftphoneProfile): Promise<boolean>;
  /** Throws an Error whose message says why the profile was not saved. */
  save(profile: SoftphoneProfile): Promise<void>;
  remove(id: string): Promise<void>;
  openTabsFor(profile: SoftphoneProfile): Promise<ProfileTab[]>;
  probe(tabId: number, profile: DomProfile): Promise<ProfileProbe>;
}
