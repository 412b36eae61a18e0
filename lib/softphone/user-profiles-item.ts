import { storage } from 'wxt/utils/storage';
import type { DomProfile } from './dom-profile';

/**
 * Softphone profiles the administrator added in the options page, kept in extension storage so
 * the background, the content script and the options page all read the same list. Only the
 * options page writes it, through DomProfileSchema (user-profiles.ts).
 */
export const userProfilesItem = storage.defineItem<unknown[]>('local:softphoneProfiles', {
  fallback: [],
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The stored profiles with the shape the watcher needs, checked without zod: the content script
 * runs on every softphone page and must stay small. The full schema checked them when saved.
 */
export async function storedUserProfilesLight(): Promise<DomProfile[]> {
  const value = await userProfilesItem.getValue();
  if (!Array.isArray(value)) return [];
  return value.filter((entry): entry is DomProfile => {
    if (!isRecord(entry) || !isRecord(entry.selectors) || !isRecord(entry.states)) return false;
    return (
      typeof entry.id === 'string' &&
      Array.isArray(entry.matches) &&
      entry.matches.every((pattern) => typeof pattern === 'string') &&
      typeof entry.selectors.activeCall === 'string' &&
      typeof entry.selectors.number === 'string' &&
      typeof entry.states.connected === 'string'
    );
  });
}
