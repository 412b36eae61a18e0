import {
  type OpenTaskRequest,
  openTaskRequestItem,
  parseOpenTaskRequest,
} from '../../lib/messages/open-task-request';

export type { OpenTaskRequest };

/**
 * Takes the pending "show this task" request left by a reminder click, clearing it so it is
 * acted on once; null when there is none. Call it when the panel starts.
 */
export async function takeOpenTaskRequest(): Promise<OpenTaskRequest | null> {
  const request = parseOpenTaskRequest(await openTaskRequestItem.getValue());
  if (request) await openTaskRequestItem.removeValue();
  return request;
}

/**
 * Calls `listener` with each new request while the panel is open (a reminder clicked with the
 * panel already showing), taking it as it comes. Returns the function that stops listening.
 */
export function onOpenTaskRequest(listener: (request: OpenTaskRequest) => void): () => void {
  return openTaskRequestItem.watch((value) => {
    const request = parseOpenTaskRequest(value);
    if (!request) return;
    void openTaskRequestItem.removeValue();
    listener(request);
  });
}
