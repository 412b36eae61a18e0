import { loadSettings } from '../../lib/db/settings-store';
import type { CustomerPageRecogniser } from '../../lib/domain/customer-page-recogniser';
import type { SoftphoneProfile } from '../../lib/domain/softphone-profile';
import { loadRecognisers } from '../../lib/page-context/recogniser-store';
import { recognisersInForce } from '../../lib/page-context/recognisers-in-force';
import { softphoneProfilesInForce } from '../../lib/softphone/profiles-in-force';
import { loadUserProfiles } from '../../lib/softphone/user-profiles';
import { openBackgroundDb } from './database';

/** The softphone profiles in force: the contact center's as last synced, this browser's, built-in. */
export async function allSoftphoneProfiles(): Promise<SoftphoneProfile[]> {
  const [settings, browser] = await Promise.all([
    loadSettings(openBackgroundDb()),
    loadUserProfiles(),
  ]);
  return softphoneProfilesInForce({ contactCenter: settings.softphoneProfiles ?? [], browser });
}

/** The customer-page recognisers in force: the contact center's as last synced, this browser's. */
export async function allRecognisers(): Promise<CustomerPageRecogniser[]> {
  const [settings, browser] = await Promise.all([
    loadSettings(openBackgroundDb()),
    loadRecognisers(),
  ]);
  return recognisersInForce({ contactCenter: settings.customerPageRecognisers ?? [], browser });
}
