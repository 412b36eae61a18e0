import { describe, expect, it } from 'vitest';
import type { AdminScreensApi } from '../../../components/options/admin-api';
import { ChangedMeanwhileError } from '../../../components/options/changed-meanwhile-error';
import { contactCenterList } from '../../../entrypoints/options/shared-lists';
import type { CustomerPageRecogniser } from '../../../lib/domain/customer-page-recogniser';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../../../lib/domain/settings';
import type { VersionedSettings } from '../../../lib/domain/settings-changes';
import type { AdminResult } from '../../../lib/sync/admin-api';

const page = (id: string, name = id): CustomerPageRecogniser => ({
  id,
  name,
  urlPattern: `^https://${id}\\.example/c/(\\d+)`,
  selectors: {},
});

/**
 * The server's settings in memory: PATCH checks the schema and the base version like the route
 * does; `saveElsewhere` is another administrator's change.
 */
function fakeSettingsApi(initial: Settings) {
  let stored = initial;
  let version = 1;
  const patches: Partial<Settings>[] = [];
  const answer = () => ({ ...stored, version: String(version) });
  const api: AdminScreensApi['settings'] = {
    load: async () => ({ ok: true, value: answer() }),
    change: async (changes, base): Promise<AdminResult<VersionedSettings>> => {
      patches.push(changes);
      if (base !== undefined && base.version !== String(version)) {
        return { ok: false, message: 'Changed meanwhile.', fields: {}, changedMeanwhile: true };
      }
      const next = SettingsSchema.safeParse({ ...stored, ...changes });
      if (!next.success) {
        return {
          ok: false,
          message: 'Some values are not valid.',
          fields: { 'customerPageRecognisers.1.id': '"crm" is used twice.' },
        };
      }
      stored = next.data;
      version += 1;
      return { ok: true, value: answer() };
    },
  };
  const saveElsewhere = (changes: Partial<Settings>) => {
    stored = { ...stored, ...changes };
    version += 1;
  };
  return { api, patches, stored: () => stored, saveElsewhere };
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

  it('refuses a change to a list another administrator saved since it was loaded, keeping theirs; after loading again it goes through', async () => {
    const server = fakeSettingsApi({ ...DEFAULT_SETTINGS, customerPageRecognisers: [page('crm')] });
    const list = contactCenterList(server.api, 'customerPageRecognisers');
    expect(await list.load()).toEqual([page('crm')]);
    server.saveElsewhere({ customerPageRecognisers: [page('crm'), page('theirs')] });

    for (const change of [() => list.put(page('mine')), () => list.remove('crm')]) {
      const refused = change();
      await expect(refused).rejects.toBeInstanceOf(ChangedMeanwhileError);
      await expect(refused).rejects.toThrow('Changed meanwhile.');
    }
    expect(server.stored().customerPageRecognisers).toEqual([page('crm'), page('theirs')]);

    expect(await list.load()).toEqual([page('crm'), page('theirs')]);
    await list.put(page('mine'));
    expect(server.stored().customerPageRecognisers).toEqual([
      page('crm'),
      page('theirs'),
      page('mine'),
    ]);
  });

  it('reads settings saved before the lists existed as empty lists', async () => {
    const { softphoneProfiles: _p, customerPageRecognisers: _r, ...older } = DEFAULT_SETTINGS;
    const list = contactCenterList(fakeSettingsApi(older).api, 'softphoneProfiles');
    expect(await list.load()).toEqual([]);
  });
});
