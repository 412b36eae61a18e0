import { isDomProfile } from '../../../lib/domain/softphone-profile';
import type { MessageHandler } from '../../../lib/messages/dispatch';
import { profileForUrlOptional } from '../../../lib/softphone/built-in-profiles';
import type { SoftphoneProfileReply } from '../../../lib/softphone/profile-reply';
import { allSoftphoneProfiles } from '../profiles-in-force';
import { requireGrantedSoftphoneOrigin } from '../softphone-origin';

/**
 * A softphone page asks which profile watches it. The background reads and validates the stored
 * profiles, so the content script carries neither the storage wrapper nor zod (its size budget).
 */
export const handleSoftphoneProfile: MessageHandler<'softphone/profile'> = async (
  _message,
  sender,
): Promise<SoftphoneProfileReply> => {
  await requireGrantedSoftphoneOrigin(sender, 'profile request');
  // A WebRTC-only profile reads nothing on the page: it must not hide a DOM profile behind it.
  const profiles = (await allSoftphoneProfiles()).filter(isDomProfile);
  return { ok: true, profile: profileForUrlOptional(sender.url ?? '', profiles) ?? null };
};
