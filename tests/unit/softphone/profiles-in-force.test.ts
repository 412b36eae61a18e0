import { describe, expect, it } from 'vitest';
import type { CustomerPageRecogniser } from '../../../lib/domain/customer-page-recogniser';
import type { DomProfile } from '../../../lib/domain/softphone-profile';
import { recognisersInForce } from '../../../lib/page-context/recognisers-in-force';
import { DEMO_SOFTPHONE_PROFILE } from '../../../lib/softphone/demo-softphone-profile';
import { softphoneProfilesInForce } from '../../../lib/softphone/profiles-in-force';

const profile = (id: string, name = id): DomProfile => ({
  id,
  name,
  matches: [`https://${id}.example/*`],
  selectors: { activeCall: '.call', number: '.number' },
  states: { connected: 'talking' },
});
const recogniser = (id: string, name = id): CustomerPageRecogniser => ({
  id,
  name,
  urlPattern: `^https://${id}\\.example/c/(\\d+)`,
  selectors: {},
});

describe('the softphone profiles in force', () => {
  it('R1: lists the contact center’s, then this browser’s, then the built-in ones', () => {
    const listed = softphoneProfilesInForce({
      contactCenter: [profile('acme')],
      browser: [profile('mine')],
    });
    expect(listed.map((entry) => entry.id)).toEqual(['acme', 'mine', DEMO_SOFTPHONE_PROFILE.id]);
  });

  it('R1: the contact center’s profile wins an id this browser or a built-in one also uses', () => {
    const shared = { ...DEMO_SOFTPHONE_PROFILE, name: 'Demo, as the contact center set it' };
    const listed = softphoneProfilesInForce({
      contactCenter: [shared, profile('acme', 'Acme (contact center)')],
      browser: [profile('acme', 'Acme (this browser)')],
    });
    expect(listed).toEqual([shared, profile('acme', 'Acme (contact center)')]);
  });

  it('is the built-in ones alone before anything is set up', () => {
    expect(softphoneProfilesInForce({ contactCenter: [], browser: [] })).toEqual([
      DEMO_SOFTPHONE_PROFILE,
    ]);
  });
});

describe('the customer-page recognisers in force', () => {
  it('tries the contact center’s first and drops this browser’s entry with the same id', () => {
    const listed = recognisersInForce({
      contactCenter: [recogniser('crm', 'CRM (contact center)')],
      browser: [recogniser('crm', 'CRM (this browser)'), recogniser('old')],
    });
    expect(listed).toEqual([recogniser('crm', 'CRM (contact center)'), recogniser('old')]);
  });
});
