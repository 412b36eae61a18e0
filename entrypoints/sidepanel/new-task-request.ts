import {
  type NewTaskRequest,
  newTaskRequestItem,
  parseNewTaskRequest,
} from '../../lib/page-context/new-task-request';

export type { NewTaskRequest };

/**
 * Takes the pending "new task for this page" request left by the context menu or the keyboard
 * shortcut, clearing it so it is acted on once; null when there is none. Call it when the panel
 * starts.
 */
export async function takeNewTaskRequest(): Promise<NewTaskRequest | null> {
  const request = parseNewTaskRequest(await newTaskRequestItem.getValue());
  if (request) await newTaskRequestItem.removeValue();
  return request;
}

/**
 * Calls `listener` with each new request while the panel is open, taking it as it comes.
 * Returns the function that stops listening.
 */
export function onNewTaskRequest(listener: (request: NewTaskRequest) => void): () => void {
  return newTaskRequestItem.watch((value) => {
    const request = parseNewTaskRequest(value);
    if (!request) return;
    void newTaskRequestItem.removeValue();
    listener(request);
  });
}
