import { customersForPage } from '../../lib/db/queries/customers-for-page';
import { customerHints, type QuickTaskTarget } from '../../lib/page-context/customer-hints';
import {
  buildNewTaskRequest,
  type NewTaskRequest,
  newTaskRequestItem,
} from '../../lib/page-context/new-task-request';
import { type PageContext, PageContextSchema } from '../../lib/page-context/page-context';
import { runInjectedScript } from '../../lib/page-context/run-injected-script';
import { openBackgroundDb } from './database';
import { allRecognisers } from './profiles-in-force';
import { openSidePanelOnClick } from './side-panel';

/** The tab the agent's gesture came from, as the browser reported it. */
export interface QuickTaskTab {
  id: number;
  windowId?: number;
  url?: string;
  title?: string;
}

/**
 * What the page says, read by a script injected with the gesture's activeTab grant. A page we
 * may not script (the browser's own pages, the web store) still gets its task, from what the
 * browser told us about the tab and the menu click.
 */
async function readPageOrTab(tab: QuickTaskTab): Promise<PageContext> {
  try {
    const raw = await runInjectedScript(tab.id, '/page-context.js', {
      recognisers: await allRecognisers(),
    });
    return PageContextSchema.parse(raw);
  } catch (error) {
    console.warn('[wrapup] could not read the page for a quick task', error);
    return PageContextSchema.parse({
      url: (tab.url ?? '').slice(0, 2_000),
      title: (tab.title ?? '').slice(0, 500),
      selection: '',
      telLinks: [],
      mailtoLinks: [],
      entities: [],
      recognised: null,
    });
  }
}

/**
 * "New task for …" from the context menu or the keyboard shortcut: opens the side panel while
 * the gesture lasts (before any await), reads the page, matches the local customers and leaves
 * the prefilled new-task request for the panel. The panel's own "Task for this page" asks with
 * `openPanel: false`: the panel is open, and its click is no gesture the background could use.
 */
export function startQuickTask(
  tab: QuickTaskTab,
  target: QuickTaskTarget = {},
  options: { openPanel?: boolean } = {},
): Promise<NewTaskRequest> {
  const panel =
    options.openPanel === false
      ? Promise.resolve(true)
      : openSidePanelOnClick({ windowId: tab.windowId, tabId: tab.id }).catch((error: unknown) => {
          console.warn('[wrapup] side panel did not open for the quick task', error);
          return false;
        });
  return (async () => {
    const page = await readPageOrTab(tab);
    const hints = customerHints(page, target);
    const match = await customersForPage(openBackgroundDb(), hints);
    const request = buildNewTaskRequest({ page, hints, match, now: new Date() });
    await newTaskRequestItem.setValue(request);
    await panel;
    return request;
  })();
}
