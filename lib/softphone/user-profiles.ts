import { z } from 'zod';
import { type SoftphoneProfile, SoftphoneProfileSchema } from '../domain/softphone-profile';
import { BUILT_IN_PROFILES } from './built-in-profiles';
import { userProfilesItem } from './user-profiles-item';

/** The stored profiles that still validate; one damaged entry never hides the others. */
export function parseUserProfiles(value: unknown): SoftphoneProfile[] {
  const list = z.array(z.unknown()).safeParse(value);
  if (!list.success) return [];
  return list.data.flatMap((entry) => {
    const parsed = SoftphoneProfileSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function loadUserProfiles(): Promise<SoftphoneProfile[]> {
  return parseUserProfiles(await userProfilesItem.getValue());
}

export class ProfileIdTakenError extends Error {
  override readonly name = 'ProfileIdTakenError';
}

/** Adds the profile, or replaces the user profile with its id; a built-in id is refused. */
export async function saveUserProfile(profile: SoftphoneProfile): Promise<void> {
  const valid = SoftphoneProfileSchema.parse(profile);
  if (BUILT_IN_PROFILES.some((builtIn) => builtIn.id === valid.id)) {
    throw new ProfileIdTakenError(`"${valid.id}" is a built-in profile`);
  }
  const others = (await loadUserProfiles()).filter((existing) => existing.id !== valid.id);
  await userProfilesItem.setValue([...others, valid]);
}

export async function deleteUserProfile(id: string): Promise<void> {
  const kept = (await loadUserProfiles()).filter((existing) => existing.id !== id);
  await userProfilesItem.setValue(kept);
}
