import { useEffect } from 'preact/hooks';
import { t } from '../lib/i18n/translate';
import { AccountStrip } from './AccountStrip';
import { useAppState } from './app-context';
import { lazyScreen } from './lazy-screen';
import { PageTaskNotice } from './PageTaskNotice';
import { SoftphoneAccessBanner } from './SoftphoneAccessBanner';
import { StoreStatus } from './StoreStatus';
import { SyncStatus } from './SyncStatus';
import { useOptionalSyncState } from './sync-context';
import { TaskList } from './TaskList';

const TaskForm = lazyScreen(() => import('./TaskForm').then((module) => module.TaskForm));
const CustomerView = lazyScreen(() =>
  import('./CustomerView').then((module) => module.CustomerView),
);

function Screen() {
  const state = useAppState();
  const route = state.route.value;
  if (route.screen === 'list') return <TaskList />;
  if (route.screen === 'customer') return <CustomerView />;
  // The form is built from the settings and field definitions, so it waits for both.
  const configured = state.settings.value !== undefined && state.definitions.value !== undefined;
  if (route.screen === 'new') {
    if (!configured) return <p aria-busy="true">{t('loading')}</p>;
    return (
      <TaskForm
        key={`new:${route.customerId}:${route.reference?.url ?? ''}`}
        task={null}
        customerId={route.customerId}
        extras={route}
      />
    );
  }
  const task = state.openTask.value;
  if (task === null) {
    return (
      <p role="alert" class="error">
        {t('taskNotFound')}{' '}
        <button type="button" class="link-button" onClick={() => state.close()}>
          {t('back')}
        </button>
      </p>
    );
  }
  if (task === undefined || !configured) return <p aria-busy="true">{t('loading')}</p>;
  return <TaskForm key={task.id} task={task} />;
}

export function App() {
  const state = useAppState();
  // Signed in, the sync status says where the work is; signed out, the store status does.
  const syncView = useOptionalSyncState()?.view.value;
  const signedIn = syncView !== undefined && syncView.kind !== 'local';
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey && event.key.toLowerCase() === 'n' && state.can('create')) {
        event.preventDefault();
        state.newTask(null);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <div class="app">
      <header class="app-header">
        <h1>{t('appTitle')}</h1>
        {!signedIn && <StoreStatus />}
        <SyncStatus showLocal={false} />
        {state.can('create') && (
          <button
            type="button"
            class="new-task"
            aria-keyshortcuts="Alt+N"
            onClick={() => state.newTask(null)}
          >
            {t('newTask')}
          </button>
        )}
        {state.can('create') && state.pageTask.available && (
          <button
            type="button"
            class="page-task"
            aria-busy={state.pageTask.busy.value}
            onClick={() => void state.pageTask.start()}
          >
            {t('pageTask')}
          </button>
        )}
      </header>
      <AccountStrip />
      <SoftphoneAccessBanner />
      <PageTaskNotice />
      <main class="app-main">
        <Screen />
      </main>
    </div>
  );
}
