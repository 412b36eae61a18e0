import { computed, signal } from '@preact/signals';
import { render } from 'preact';
import { storage } from 'wxt/utils/storage';
import { App } from '../../components/App';
import { AppContext } from '../../components/app-context';
import { ServerSearchContext } from '../../components/server-search-context';
import { SessionContext } from '../../components/session-context';
import { SyncContext } from '../../components/sync-context';
import { openWrapupDb, type WrapupDb } from '../../lib/db/database';
import { type AppState, createAppState } from '../../lib/state/app-state';
import type { ServerSearchState } from '../../lib/state/server-search';
import { createSessionState, type SessionState } from '../../lib/state/session-state';
import type { SyncState } from '../../lib/state/sync-state';
import { sidePanelAgentId } from './agent-id';
import { browserDraftStore } from './draft-storage';
import type { NewTaskRequest } from './new-task-request';
import { browserOnline } from './online-signal';
import type { OpenTaskRequest } from './open-task-request';
import { browserPageTask } from './page-task';
import { browserSoftphoneAccess } from './softphone-access';
import '../../components/theme.css';
import '../../components/account.css';
import '../../components/sync.css';

/**
 * Signing in or out changes who the agent is, and the panel's state is built for one agent: it
 * starts again (drafts are in storage, so nothing typed is lost). That holds for a sign-in made
 * on the options page too. The account state comes after the first render: it needs the store's
 * schemas.
 */
async function startAccount(
  db: WrapupDb,
  agentId: string,
  account: { value: SessionState | null },
) {
  let signingHere = false;
  storage.watch<string>('local:agentId', (next) => {
    if (!signingHere && next !== agentId) location.reload();
  });
  const { browserSessionApi } = await import('./session-api');
  const api = await browserSessionApi(db);
  const thenRestart =
    <A extends unknown[], R>(action: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      signingHere = true;
      try {
        const result = await action(...args);
        location.reload();
        return result;
      } finally {
        signingHere = false;
      }
    };
  account.value = createSessionState({
    ...api,
    signIn: thenRestart(api.signIn),
    signOut: thenRestart(api.signOut),
  });
}

/**
 * The sync indicator, and what keeps the background's sync going while the panel is open: the
 * server's change events, the agent's own changes (a stopped service worker hears neither), and
 * the customers the agent opens. After the first render: it needs the store's schemas.
 */
async function startSync(
  db: WrapupDb,
  state: AppState,
  sync: { value: SyncState | null },
  serverSearch: { value: ServerSearchState | null },
) {
  const [{ browserSyncApi }, { createSyncState }, { followServerEvents }, messages, search] =
    await Promise.all([
      import('./sync-api'),
      import('../../lib/state/sync-state'),
      import('./server-events'),
      import('./sync-messages'),
      Promise.all([import('./server-search-api'), import('../../lib/state/server-search')]),
    ]);
  const syncState = createSyncState({
    api: await browserSyncApi(db),
    online: state.online,
    openTask: (id) => state.open(id),
    openCustomer: (id) => state.openCustomer(id),
  });
  sync.value = syncState;
  const signedIn = computed(() => {
    const view = syncState.view.value;
    return view !== undefined && view.kind !== 'local';
  });
  const [{ browserServerSearchApi }, { createServerSearch }] = search;
  serverSearch.value = createServerSearch({
    api: browserServerSearchApi(db, state.agentId, signedIn),
    query: state.query,
    localTasks: computed(() => state.list.value?.tasks),
    sort: state.sort,
    open: (id) => state.open(id),
  });
  followServerEvents(db);
  messages.wakeSyncOnOutboxWrites(db.name);
  messages.announceOpenedCustomers(state.route);
}

async function main() {
  const db = openWrapupDb();
  const agentId = await sidePanelAgentId();
  const state = createAppState({
    online: browserOnline(),
    db,
    agentId,
    softphoneAccess: browserSoftphoneAccess,
    pageTask: browserPageTask,
    drafts: browserDraftStore,
    reminders: {
      snooze: async (taskId, minutes) =>
        (await import('./reminder-sync')).snoozeReminderFor(taskId, minutes),
    },
  });
  const account = signal<SessionState | null>(null);
  const sync = signal<SyncState | null>(null);
  const serverSearch = signal<ServerSearchState | null>(null);
  const root = document.getElementById('app');
  if (!root) throw new Error('side panel markup lacks #app');
  const Root = () => (
    <SessionContext.Provider value={account.value}>
      <SyncContext.Provider value={sync.value}>
        <ServerSearchContext.Provider value={serverSearch.value}>
          <AppContext.Provider value={state}>
            <App />
          </AppContext.Provider>
        </ServerSearchContext.Provider>
      </SyncContext.Provider>
    </SessionContext.Provider>
  );
  render(<Root />, root);
  await state.firstScreenShown;
  startAccount(db, agentId, account).catch((error: unknown) =>
    console.error('[wrapup] account state failed to start', error),
  );
  startSync(db, state, sync, serverSearch).catch((error: unknown) =>
    console.error('[wrapup] sync state failed to start', error),
  );
  const { startReminderSync } = await import('./reminder-sync');
  startReminderSync();
  await followOpenTaskRequests(state);
  await followNewTaskRequests(state);
}

/**
 * A clicked reminder asks for its task (or, with no task, for the due calls). Loaded after the
 * first render: the request's schema is not needed to show the list.
 */
async function followOpenTaskRequests(state: AppState) {
  const { takeOpenTaskRequest, onOpenTaskRequest } = await import('./open-task-request');
  const follow = (request: OpenTaskRequest | null) => {
    if (!request) return;
    if (request.taskId) state.open(request.taskId);
    else state.showDueCalls();
  };
  follow(await takeOpenTaskRequest());
  onOpenTaskRequest(follow);
}

/**
 * The context menu or the shortcut asked for a task about the page the agent is on: the form
 * opens prefilled with the page and its customer.
 */
async function followNewTaskRequests(state: AppState) {
  const { takeNewTaskRequest, onNewTaskRequest } = await import('./new-task-request');
  const { newTaskFromPage } = await import('../../lib/state/new-task-from-page');
  const follow = (request: NewTaskRequest | null) => {
    if (!request) return;
    const { customerId, extras } = newTaskFromPage(request);
    state.newTask(customerId, extras);
  };
  follow(await takeNewTaskRequest());
  onNewTaskRequest(follow);
}

void main();
