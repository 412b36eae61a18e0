import { t } from '../lib/i18n/translate';
import { useAppState } from './app-context';
import { SoftphoneAccessBanner } from './SoftphoneAccessBanner';
import { TaskForm } from './TaskForm';
import { TaskList } from './TaskList';

export function App() {
  const state = useAppState();
  const task = state.openTask.value;
  const taskOpen = state.openTaskId.value !== null;
  return (
    <div class="app">
      <header class="app-header">
        <h1>{t('appTitle')}</h1>
      </header>
      <SoftphoneAccessBanner />
      <main class="app-main">
        {!taskOpen ? (
          <TaskList />
        ) : task ? (
          <TaskForm key={task.id} task={task} />
        ) : task === null ? (
          <p role="alert" class="error">
            {t('taskNotFound')}{' '}
            <button type="button" class="link-button" onClick={() => state.close()}>
              {t('back')}
            </button>
          </p>
        ) : (
          <p aria-busy="true">{t('loading')}</p>
        )}
      </main>
    </div>
  );
}
