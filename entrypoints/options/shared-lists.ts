import type { AdminScreensApi } from '../../components/options/admin-api';
import type { Settings } from '../../lib/domain/settings';
import { t } from '../../lib/i18n/translate';
import type { AdminResult } from '../../lib/sync/admin-api';

type SharedListKey = 'softphoneProfiles' | 'customerPageRecognisers';
type Entry<K extends SharedListKey> = NonNullable<Settings[K]>[number];

/** The server's answer, or an Error carrying what the administrator should read. */
function answerOf<T>(result: AdminResult<T>): T {
  if (result.ok) return result.value;
  throw new Error([result.message, ...Object.values(result.fields)].join(' '));
}

/**
 * One of the contact center's shared lists in its settings, changed on the server. Each change
 * reads the list afresh and replaces it whole, so it applies to what the server holds now.
 */
export function contactCenterList<K extends SharedListKey>(
  settings: AdminScreensApi['settings'],
  key: K,
) {
  const load = async (): Promise<Entry<K>[]> => [...(answerOf(await settings.load())[key] ?? [])];
  const replace = async (next: Entry<K>[]): Promise<void> => {
    answerOf(await settings.change({ [key]: next }));
  };
  return {
    load,
    replace,
    /** Adds the entry, or replaces the one with its id where it stands. */
    async put(entry: Entry<K>): Promise<void> {
      const current = await load();
      const at = current.findIndex((existing) => existing.id === entry.id);
      await replace(at === -1 ? [...current, entry] : current.with(at, entry));
    },
    async remove(id: string): Promise<void> {
      await replace((await load()).filter((existing) => existing.id !== id));
    },
  };
}

/** An agent's view of a shared list: what last arrived by sync, never changed from here. */
export function readOnlyList<T>(load: () => Promise<T[]>) {
  const refuse = async (): Promise<never> => {
    throw new Error(t('sharedListsAdministratorsOnly'));
  };
  return { load, save: refuse, remove: refuse };
}
