import type { OptionsAccess } from '../../components/options/AdminSections';
import type { CustomerPagesApi } from '../../components/options/customer-pages-api';
import type { WrapupDb } from '../../lib/db/database';
import { loadSettings } from '../../lib/db/settings-store';
import { loadRecognisers, saveRecognisers } from '../../lib/page-context/recogniser-store';
import { contactCenterList, readOnlyList } from './shared-lists';

/**
 * The customer pages for who is signed in: an administrator edits the contact center's on the
 * server, an agent reads them as last synced, and signed out this browser keeps its own.
 */
export function customerPagesApi(access: OptionsAccess, db: WrapupDb): CustomerPagesApi {
  if (access.kind === 'administrator') {
    const list = contactCenterList(access.api.settings, 'customerPageRecognisers');
    return { scope: 'contact-center-edit', load: list.load, save: list.replace };
  }
  if (access.kind === 'agent') {
    const { load, save } = readOnlyList(
      async () => (await loadSettings(db)).customerPageRecognisers ?? [],
    );
    return { scope: 'contact-center-read', load, save };
  }
  return { scope: 'browser', load: loadRecognisers, save: saveRecognisers };
}
