import type { AdminScreensApi } from '../../components/options/admin-api';
import { ChangedMeanwhileError } from '../../components/options/changed-meanwhile-error';
import type { Settings } from '../../lib/domain/settings';
import type { VersionedSettings } from '../../lib/domain/settings-changes';
import { t } from '../../lib/i18n/translate';
import type { AdminResult } from '../../lib/sync/admin-api';

type SharedListKey = 'softphoneProfiles' | 'customerPageRecognisers';
type Entry<K extends SharedListKey> = NonNullable<Settings[K]>[number];

/** The server's answer, or an Error carrying what the administrator should read. */
function answerOf<T>(result: AdminResult<T>): T {
  if (result.ok) return result.value;
  if (result.changedMeanwhile) throw new ChangedMeanwhileError(result.message);
  throw new Error([result.message, ...Object.values(result.fields)].join(' '));
}

/**
 * One of the contact center's shared lists in its settings, changed on the server. Every change
 * applies to the list as this screen last loaded it and names that version, so a list another
 * administrator saved since is never overwritten unseen: the change fails with a
 * ChangedMeanwhileError, and the screen loads the list again.
 */
export function contactCenterList<K extends SharedListKey>(
  settings: AdminScreensApi['settings'],
  key: K,
) {
  let seen: VersionedSettings | null = null;
  const entriesOf = (answer: VersionedSettings): Entry<K>[] =>
    [...(answer[key] ?? [])] as Entry<K>[];
  const fetchSettings = async (): Promise<VersionedSettings> => {
    seen = answerOf(await settings.load());
    return seen;
  };
  const loaded = async (): Promise<VersionedSettings> => seen ?? fetchSettings();
  const load = async (): Promise<Entry<K>[]> => entriesOf(await fetchSettings());
  const replace = async (next: Entry<K>[]): Promise<void> => {
    seen = answerOf(await settings.change({ [key]: next }, await loaded()));
  };
  return {
    load,
    replace,
    /** Adds the entry, or replaces the one with its id where it stands. */
    async put(entry: Entry<K>): Promise<void> {
      const entries = entriesOf(await loaded());
      const at = entries.findIndex((existing) => existing.id === entry.id);
      await replace(at === -1 ? [...entries, entry] : entries.with(at, entry));
    },
    async remove(id: string): Promise<void> {
      await replace(entriesOf(await loaded()).filter((existing) => existing.id !== id));
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
