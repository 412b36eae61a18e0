import { t } from '../lib/i18n/translate';
import { useAppState } from './app-context';
import { SoftphoneAccessBanner } from './SoftphoneAccessBanner';
import { TaskForm } from './TaskForm';
import { TaskList } from './TaskList';

export function App() {
  const state = useAppState();
  const task = state.openTask.value;
  return (
    <div class="app">
      <header class="app-header">
        <h1>{t('appTitle')}</h1>
      </header>
      <SoftphoneAccessBanner />
      <main class="app-main">{task ? <TaskForm key={task.id} task={task} /> : <TaskList />}</main>
    </div>
  );
}
