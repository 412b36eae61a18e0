import { describe, expect, it } from 'vitest';
import type { AdminScreensApi } from '../../../components/options/admin-api';
import { contactCenterList } from '../../../entrypoints/options/shared-lists';
import type { CustomerPageRecogniser } from '../../../lib/domain/customer-page-recogniser';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../../../lib/domain/settings';

const page = (id: string, name = id): CustomerPageRecogniser => ({
  id,
  name,
  urlPattern: `^https://${id}\\.example/c/(\\d+)`,
  selectors: {},
});

/** The server's settings in memory: PATCH checks the schema like the route does. */
function fakeSettingsApi(initial: Settings) {
  let stored = initial;
  const patches: Partial<Settings>[] = [];
  const api: AdminScreensApi['settings'] = {
    load: async () => ({ ok: true, value: stored }),
    change: async (changes) => {
      patches.push(changes);
      const next = SettingsSchema.safeParse({ ...stored, ...changes });
      if (!next.success) {
        return {
          ok: false,
          message: 'Some values are not valid.',
          fields: { 'customerPageRecognisers.1.id': '"crm" is used twice.' },
        };
      }
      stored = next.data;
      return { ok: true, value: stored };
    },
  };
  return { api, patches, stored: () => stored };
}

describe('a contact-center list edited from the options page', () => {
  it('R10: adds an entry, replaces one with its id where it stands, and removes one, all on the server', async () => {
    const server = fakeSettingsApi({
      ...DEFAULT_SETTINGS,
      customerPageRecognisers: [page('crm'), page('shop')],
    });
    const list = contactCenterList(server.api, 'customerPageRecognisers');
    await list.put(page('crm', 'CRM renamed'));
    await list.put(page('wiki'));
    expect(await list.load()).toEqual([page('crm', 'CRM renamed'), page('shop'), page('wiki')]);
    await list.remove('shop');
    expect(server.stored().customerPageRecognisers).toEqual([
      page('crm', 'CRM renamed'),
      page('wiki'),
    ]);
    expect(server.patches).toHaveLength(3);
  });

  it('fails with the server’s reason and its field messages, the stored list unchanged', async () => {
    const server = fakeSettingsApi({ ...DEFAULT_SETTINGS, customerPageRecognisers: [page('crm')] });
    const list = contactCenterList(server.api, 'customerPageRecognisers');
    await expect(list.replace([page('crm'), page('crm')])).rejects.toThrow(
      'Some values are not valid. "crm" is used twice.',
    );
    expect(server.stored().customerPageRecognisers).toEqual([page('crm')]);
  });

  it('reads settings saved before the lists existed as empty lists', async () => {
    const { softphoneProfiles: _p, customerPageRecognisers: _r, ...older } = DEFAULT_SETTINGS;
    const list = contactCenterList(fakeSettingsApi(older).api, 'softphoneProfiles');
    expect(await list.load()).toEqual([]);
  });
});
