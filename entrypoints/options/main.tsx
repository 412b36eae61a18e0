import { signal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { render } from 'preact';
import { AccountStrip } from '../../components/AccountStrip';
import { AdminSections, type OptionsAccess } from '../../components/options/AdminSections';
import { AgentPreferencesForm } from '../../components/options/AgentPreferencesForm';
import { CustomerImport } from '../../components/options/CustomerImport';
import { CustomerPages } from '../../components/options/CustomerPages';
import { DataExport } from '../../components/options/DataExport';
import { SoftphoneProfiles } from '../../components/options/SoftphoneProfiles';
import { SyncStatus } from '../../components/SyncStatus';
import { SessionContext } from '../../components/session-context';
import { SyncContext } from '../../components/sync-context';
import { openWrapupDb } from '../../lib/db/database';
import { loadSession } from '../../lib/db/session-store';
import { t } from '../../lib/i18n/translate';
import { loadRecognisers, saveRecognisers } from '../../lib/page-context/recogniser-store';
import {
  loadAgentPreferences,
  saveAgentPreferences,
} from '../../lib/preferences/agent-preferences';
import { createSessionState, type SessionState } from '../../lib/state/session-state';
import { createSyncState, type SyncState } from '../../lib/state/sync-state';
import { browserOnline } from '../sidepanel/online-signal';
import { browserSessionApi } from '../sidepanel/session-api';
import { browserSyncApi } from '../sidepanel/sync-api';
import { optionsAccess } from './admin-api';
import { browserCustomerData } from './customer-data';
import { browserSoftphoneProfiles } from './softphone-profiles-api';
import '../../components/theme.css';
import '../../components/options/options.css';
import '../../components/account.css';
import '../../components/sync.css';

const customerPages = { load: loadRecognisers, save: saveRecognisers };
const agentPreferences = { load: loadAgentPreferences, save: saveAgentPreferences };
const db = openWrapupDb();
const customerData = browserCustomerData(db);
const account = signal<SessionState | null>(null);
browserSessionApi(db).then(
  (api) => {
    account.value = createSessionState(api);
  },
  (error: unknown) => console.error('[wrapup] account state failed to start', error),
);
const sync = signal<SyncState | null>(null);
browserSyncApi(db).then(
  (api) => {
    sync.value = createSyncState({ api, online: browserOnline() });
  },
  (error: unknown) => console.error('[wrapup] sync state failed to start', error),
);
// Follows sign-in and sign-out on any page, so the administrator's screens appear and go at once.
const access = signal<OptionsAccess>({ kind: 'loading' });
// The meta table also holds sync cursors, so it changes often: only a new session (another
// token, user or role) rebuilds the screens' API, or they would reload mid-edit.
let seen: string | undefined;
liveQuery(() => loadSession(db)).subscribe({
  next: (session) => {
    const key = session ? `${session.token}:${session.user.id}:${session.user.role}` : '';
    if (key === seen) return;
    seen = key;
    access.value = optionsAccess(db, session);
  },
  error: (error: unknown) => console.error('[wrapup] reading the session failed', error),
});

function Options() {
  return (
    <main class="options">
      <header class="options-header">
        <h1>{t('optionsTitle')}</h1>
        <SyncContext.Provider value={sync.value}>
          <SyncStatus />
        </SyncContext.Provider>
      </header>
      <SessionContext.Provider value={account.value}>
        <AccountStrip compact={false} />
      </SessionContext.Provider>
      <AgentPreferencesForm api={agentPreferences} />
      <AdminSections access={access.value} />
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
