import { signal } from '@preact/signals';
import type { PageTaskOutcome, PageTaskProblem } from '../messages/page-task-outcome';

/** How the panel asks for a task about the page beside it (the background does the work). */
export interface PageTaskStarter {
  start(): Promise<PageTaskOutcome>;
  /** Calls `listener` when Wrapup gains access to a site; returns the function that stops it. */
  onAccessGranted(listener: () => void): () => void;
}

/** What the panel says after "Task for this page" did not open the form. */
export type PageTaskNotice = PageTaskProblem | 'failed';

/**
 * "Task for this page" in the side panel: when it works the background leaves a new-task request
 * the panel already follows, so the form opens as after the context menu. When the agent must
 * first let Wrapup read the site, the notice says how, and the task starts by itself once the
 * browser reports the access granted.
 */
export function createPageTaskState(starter: PageTaskStarter | undefined) {
  const notice = signal<PageTaskNotice | null>(null);
  const busy = signal(false);
  const start = async () => {
    if (!starter || busy.value) return;
    busy.value = true;
    try {
      const outcome = await starter.start();
      notice.value = outcome.ok ? null : outcome.problem;
    } catch (error) {
      console.warn('[wrapup] task for this page failed', error);
      notice.value = 'failed';
    } finally {
      busy.value = false;
    }
  };
  const stop =
    starter?.onAccessGranted(() => {
      if (notice.value === 'access-requested' || notice.value === 'needs-access') void start();
    }) ?? (() => undefined);
  return {
    /** False where the panel has no page beside it to ask about (tests, other hosts). */
    available: starter !== undefined,
    notice,
    busy,
    start,
    dismiss() {
      notice.value = null;
    },
    dispose: stop,
  };
}
