import { computed, signal } from '@preact/signals';
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
import { customerPagesApi } from './customer-pages-api';
import { softphoneProfilesApi } from './softphone-profiles-api';
import '../../components/theme.css';
import '../../components/options/options.css';
import '../../components/account.css';
import '../../components/sync.css';

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

// Rebuilt only when the session changes, so the screens reload their lists for the new user.
const sharedLists = computed(() => {
  const current = access.value;
  if (current.kind === 'loading') return null;
  return {
    profiles: softphoneProfilesApi(current, db),
    customerPages: customerPagesApi(current, db),
    // Signed in, customers are the contact center's: only its administrators import them.
    mayImport: current.kind !== 'agent',
  };
});

function Options() {
  const lists = sharedLists.value;
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
      {lists && <SoftphoneProfiles api={lists.profiles} />}
      {lists && <CustomerPages api={lists.customerPages} />}
      {lists?.mayImport && <CustomerImport api={customerData.importApi} />}
      {lists && !lists.mayImport && (
        <section aria-labelledby="import-heading">
          <h2 id="import-heading">{t('importHeading')}</h2>
          <p class="note" data-testid="import-administrators-only">
            {t('importAdministratorsOnly')}
          </p>
        </section>
      )}
      <DataExport api={customerData.exportApi} />
    </main>
  );
}

const root = document.getElementById('app');
if (!root) throw new Error('options markup lacks #app');
render(<Options />, root);
