// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../components/App';
import { AppContext } from '../../../components/app-context';
import type { WrapupDb } from '../../../lib/db/database';
import type { AppState } from '../../../lib/state/app-state';
import { AGENT, freshDb, makeCustomer, makeTask } from '../db/fixtures';
import { testAppState, until } from '../state/support';

describe('the side panel screens (happy-dom)', () => {
  let db: WrapupDb;
  let state: AppState;
  let root: HTMLElement;

  beforeEach(async () => {
    db = await freshDb();
    ({ state } = testAppState(db));
    root = document.createElement('div');
    document.body.append(root);
  });

  afterEach(() => {
    render(null, root);
    root.remove();
    state.dispose();
    db.close();
  });

  const show = () =>
    render(
      <AppContext.Provider value={state}>
        <App />
      </AppContext.Provider>,
      root,
    );
  const text = () => root.textContent ?? '';

  it('shows loading until the list arrives, then the empty state', async () => {
    show();
    expect(root.querySelector('[data-testid="list-loading"]')).not.toBeNull();
    await until(() => text().includes('No tasks yet'));
  });

  it('R22: lists the agent’s tasks with number, kind and subject, rendering only the rows in view', async () => {
    await db.tasks.bulkPut(
      Array.from({ length: 500 }, (_, n) => makeTask(n + 1, { subject: `Follow-up ${n + 1}` })),
    );
    show();
    const count = () =>
      root.querySelector('[data-testid="task-list"]')?.getAttribute('data-count') ?? null;
    // The first rows come first, the whole list right after.
    await until(() => count() === '500', 10_000);
    expect(root.querySelectorAll('button.task-row').length).toBeLessThan(60);
    expect(root.querySelector('button.task-row')?.textContent).toContain('Follow-up 500');
  });

  it('shows an error the agent can read when the store cannot be read', async () => {
    state.dispose();
    vi.spyOn(db.tasks, 'where').mockImplementation(() => {
      throw new Error('The disk is full.');
    });
    ({ state } = testAppState(db));
    show();
    await until(() => root.querySelector('[role="alert"]') !== null);
    expect(text()).toContain('Could not load tasks: The disk is full.');
  });

  it('R24: a view-only agent never sees New task, not even before their record is read', async () => {
    await db.users.put({
      id: AGENT,
      name: 'Pat',
      email: 'pat@example.com',
      role: 'agent',
      permissions: ['view'],
      active: true,
    });
    state.dispose();
    ({ state } = testAppState(db));
    show();
    expect(text()).not.toContain('New task');
    await until(() => text().includes('No tasks yet') && state.userKnown.value);
    expect(text()).not.toContain('New task');
  });

  it('R24: without the create permission there is no New task button', async () => {
    show();
    await until(() => text().includes('New task'));
    await db.users.put({
      id: AGENT,
      name: 'Pat',
      email: 'pat@example.com',
      role: 'agent',
      permissions: ['view'],
      active: true,
    });
    await until(() => !text().includes('New task'));
  });
});

describe('a new task started from a page (happy-dom)', () => {
  it('R4 R10: offers the customers the page matched, and a new customer filled from it', async () => {
    const db = await freshDb();
    const { state } = testAppState(db);
    await db.customers.bulkPut([
      makeCustomer(1, { name: 'Ada One' }),
      makeCustomer(2, { name: 'Ada Two' }),
    ]);
    const root = document.createElement('div');
    document.body.append(root);
    render(
      <AppContext.Provider value={state}>
        <App />
      </AppContext.Provider>,
      root,
    );
    state.newTask(null, {
      reference: { title: 'Ticket 12', url: 'https://crm.example/t/12' },
      customerCandidates: [makeCustomer(1).id, makeCustomer(2).id],
      customerPrefill: { name: 'Ada Page', phone: '+14155550100', email: 'ada@example.com' },
    });
    await until(() => (root.textContent ?? '').includes('Ada Two'), 5000);
    expect(root.querySelector('[data-testid="page-reference"] a')?.getAttribute('href')).toBe(
      'https://crm.example/t/12',
    );
    const newCustomer = [...root.querySelectorAll('button')].find(
      (button) => button.textContent === 'New customer…',
    );
    newCustomer?.click();
    await until(() => root.querySelector('#new-customer-name') !== null);
    expect((root.querySelector('#new-customer-name') as HTMLInputElement).value).toBe('Ada Page');
    expect((root.querySelector('#new-customer-email') as HTMLInputElement).value).toBe(
      'ada@example.com',
    );
    render(null, root);
    root.remove();
    state.dispose();
    db.close();
  });
});
