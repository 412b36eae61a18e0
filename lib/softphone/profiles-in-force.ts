import { firstOfEachId } from '../domain/first-of-each-id';
import type { SoftphoneProfile } from '../domain/softphone-profile';
import { BUILT_IN_PROFILES } from './built-in-profiles';

/**
 * Every softphone profile this browser runs, in the order pages are matched against them: the
 * contact center's (synced, the administrator's word for every agent), then this browser's own
 * (made signed out), then the built-in ones. An id taken by an earlier list hides the later entry,
 * so the administrator can override a built-in profile.
 */
export function softphoneProfilesInForce(lists: {
  contactCenter: readonly SoftphoneProfile[];
  browser: readonly SoftphoneProfile[];
}): SoftphoneProfile[] {
  return firstOfEachId([...lists.contactCenter, ...lists.browser, ...BUILT_IN_PROFILES]);
}
