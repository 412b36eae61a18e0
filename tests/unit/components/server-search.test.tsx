// @vitest-environment happy-dom
import { computed, signal } from '@preact/signals';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../components/App';
import { AppContext } from '../../../components/app-context';
import { ServerSearchContext } from '../../../components/server-search-context';
import type { WrapupDb } from '../../../lib/db/database';
import { catchUpSearchIndex } from '../../../lib/db/search-indexer';
import { writeOperation } from '../../../lib/db/write-operation';
import type { Task } from '../../../lib/domain/task';
import type { AppState } from '../../../lib/state/app-state';
import { createServerSearch, type ServerSearchState } from '../../../lib/state/server-search';
import { storeFoundTask } from '../../../lib/sync/server-search';
import { AGENT, freshDb, makeTask, OTHER_AGENT } from '../db/fixtures';
import { testAppState, until } from '../state/support';

describe('search continued on the server (happy-dom)', () => {
  let db: WrapupDb;
  let state: AppState;
  let server: ServerSearchState;
  let root: HTMLElement;
  const signedIn = signal(true);
  const local = makeTask(1, { number: 11, subject: 'Invoice for Ada' });
  const remote = makeTask(2, { number: 12, subject: 'Invoice for Bo', assigneeId: OTHER_AGENT });
  let search: ReturnType<typeof vi.fn<(query: string) => Promise<Task[]>>>;

  beforeEach(async () => {
    db = await freshDb();
    ({ state } = testAppState(db));
    await writeOperation(db, { tasks: [local] });
    await catchUpSearchIndex(db);
    signedIn.value = true;
    search = vi.fn(async (_query: string) => [remote, local]);
    server = createServerSearch({
      api: {
        signedIn,
        search,
        store: (task) =>
          storeFoundTask(db, task, { actorId: AGENT, now: '2026-11-29T10:00:00.000Z' }),
      },
      query: state.query,
      localTasks: computed(() => state.list.value?.tasks),
      sort: state.sort,
      open: (id) => state.open(id),
    });
    root = document.createElement('div');
    document.body.append(root);
    render(
      <ServerSearchContext.Provider value={server}>
        <AppContext.Provider value={state}>
          <App />
        </AppContext.Provider>
      </ServerSearchContext.Provider>,
      root,
    );
  });

  afterEach(async () => {
    render(null, root);
    root.remove();
    server.dispose();
    state.dispose();
    await catchUpSearchIndex(db);
    db.close();
  });

  const text = () => root.textContent ?? '';
  const searchButton = () =>
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Search the server too');
  const rows = () => [...root.querySelectorAll<HTMLButtonElement>('button.task-row')];

  it('offers the server only while signed in and searching', async () => {
    await until(() => text().includes('Invoice for Ada'));
    expect(searchButton()).toBeUndefined();
    state.query.value = 'invoice';
    await until(() => searchButton() !== undefined);
    signedIn.value = false;
    await until(() => searchButton() === undefined);
  });

  it('merges the server’s matches this device lacks in the list’s order, marked; opening one stores and opens it', async () => {
    state.query.value = 'invoice';
    await until(() => rows().length === 1 && searchButton() !== undefined);
    searchButton()?.click();
    await until(() => rows().length === 2);
    expect(search).toHaveBeenCalledWith('invoice');
    expect(text()).toContain('1 more from the server');
    // Bo's task changed last, so it leads, as it would among local results.
    const [first, second] = rows();
    expect(first?.textContent).toContain('Invoice for Bo');
    expect(first?.querySelector('[data-field="from-server"]')?.textContent).toBe('from server');
    expect(second?.textContent).toContain('Invoice for Ada');
    expect(second?.querySelector('[data-field="from-server"]')).toBeNull();
    // Undated both, next due first falls back to id order: Ada's task now leads.
    state.sort.value = 'due_asc';
    await until(() => rows()[0]?.textContent?.includes('Invoice for Ada') === true);

    rows()[1]?.click();
    await until(() => state.route.value.screen === 'task');
    expect(state.route.value).toEqual({ screen: 'task', taskId: remote.id });
    expect(await db.tasks.get(remote.id)).toMatchObject({ subject: 'Invoice for Bo', number: 12 });
  });

  it('a new query starts over; a failure is said and can be tried again', async () => {
    search.mockRejectedValueOnce(new Error('The server cannot be reached.'));
    state.query.value = 'invoice';
    await until(() => searchButton() !== undefined);
    searchButton()?.click();
    await until(() => text().includes('The server search failed: The server cannot be reached.'));
    searchButton()?.click();
    await until(() => rows().length === 2);
    state.query.value = 'invoice ada';
    await until(() => searchButton() !== undefined);
    expect(rows().every((row) => row.querySelector('[data-field="from-server"]') === null)).toBe(
      true,
    );
  });

  it('says when the list shows only this device because the browser is offline', async () => {
    state.online.value = false;
    await until(() => root.querySelector('[data-testid="list-offline"]') !== null);
    expect(text()).toContain('Offline: showing what is on this device.');
  });
});
