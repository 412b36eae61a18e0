import { storage } from 'wxt/utils/storage';

/**
 * Softphone profiles the administrator added in the options page, kept in extension storage so
 * the background and the options page read the same list (softphone pages ask the background).
 * Only the options page writes it, through DomProfileSchema (user-profiles.ts).
 */
export const userProfilesItem = storage.defineItem<unknown[]>('local:softphoneProfiles', {
  fallback: [],
});
