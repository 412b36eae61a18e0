import { signal } from '@preact/signals';
import { render } from 'preact';
import { App } from '../../components/App';
import { AppContext } from '../../components/app-context';
import { openWrapupDb } from '../../lib/db/database';
import { type AppState, createAppState } from '../../lib/state/app-state';
import { sidePanelAgentId } from './agent-id';
import { browserDraftStore } from './draft-storage';
import type { NewTaskRequest } from './new-task-request';
import type { OpenTaskRequest } from './open-task-request';
import { browserSoftphoneAccess } from './softphone-access';
import '../../components/theme.css';

/** navigator.onLine as a signal, kept current by the browser's online and offline events. */
function onlineSignal() {
  const online = signal(navigator.onLine);
  const update = () => {
    online.value = navigator.onLine;
  };
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  return online;
}

async function main() {
  const state = createAppState({
    online: onlineSignal(),
    db: openWrapupDb(),
    agentId: await sidePanelAgentId(),
    softphoneAccess: browserSoftphoneAccess,
    drafts: browserDraftStore,
    reminders: {
      snooze: async (taskId, minutes) =>
        (await import('./reminder-sync')).snoozeReminderFor(taskId, minutes),
    },
  });
  const root = document.getElementById('app');
  if (!root) throw new Error('side panel markup lacks #app');
  render(
    <AppContext.Provider value={state}>
      <App />
    </AppContext.Provider>,
    root,
  );
  await state.firstScreenShown;
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
