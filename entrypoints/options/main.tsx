import { signal } from '@preact/signals';
import { render } from 'preact';
import { AccountStrip } from '../../components/AccountStrip';
import { CustomerImport } from '../../components/options/CustomerImport';
import { CustomerPages } from '../../components/options/CustomerPages';
import { DataExport } from '../../components/options/DataExport';
import { SoftphoneProfiles } from '../../components/options/SoftphoneProfiles';
import { SessionContext } from '../../components/session-context';
import { openWrapupDb } from '../../lib/db/database';
import { t } from '../../lib/i18n/translate';
import { loadRecognisers, saveRecognisers } from '../../lib/page-context/recogniser-store';
import { createSessionState, type SessionState } from '../../lib/state/session-state';
import { browserSessionApi } from '../sidepanel/session-api';
import { browserCustomerData } from './customer-data';
import { browserSoftphoneProfiles } from './softphone-profiles-api';
import '../../components/theme.css';
import '../../components/options/options.css';
import '../../components/account.css';

const customerPages = { load: loadRecognisers, save: saveRecognisers };
const db = openWrapupDb();
const customerData = browserCustomerData(db);
const account = signal<SessionState | null>(null);
browserSessionApi(db).then(
  (api) => {
    account.value = createSessionState(api);
  },
  (error: unknown) => console.error('[wrapup] account state failed to start', error),
);

function Options() {
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <SessionContext.Provider value={account.value}>
        <AccountStrip compact={false} />
      </SessionContext.Provider>
      <SoftphoneProfiles api={browserSoftphoneProfiles} />
      <CustomerPages api={customerPages} />
      <CustomerImport api={customerData.importApi} />
      <DataExport api={customerData.exportApi} />
    </main>
  );
}

const root = document.getElementById('app');
if (!root) throw new Error('options markup lacks #app');
render(<Options />, root);
