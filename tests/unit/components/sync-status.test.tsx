// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SyncStatus } from '../../../components/SyncStatus';
import { SyncContext } from '../../../components/sync-context';
import type { OutboxRow, WrapupDb } from '../../../lib/db/database';
import { loadSyncOverview } from '../../../lib/db/queries/sync-overview';
import { saveSession } from '../../../lib/db/session-store';
import { updateSyncStatus } from '../../../lib/db/sync-status-store';
import { createSyncState, type SyncState } from '../../../lib/state/sync-state';
import { freshDb, makeCustomer, makeTask, testId } from '../db/fixtures';
import { SESSION } from '../state/session-support';
import { until } from '../state/support';

function refusedRow(n: number, overrides: Partial<OutboxRow>): OutboxRow {
  return {
    id: testId(700 + n),
    name: 'task.edit',
    args: {},
    entityId: testId(n),
    historyIds: [],
    state: 'rejected',
    createdAt: '2026-11-29T09:00:00.000Z',
    rejection: { code: 'validation', reason: 'Subject must not be empty.' },
    ...overrides,
  };
}

describe('the sync indicator and its details (happy-dom)', () => {
  let db: WrapupDb;
  let sync: SyncState;
  let root: HTMLElement;
  const online = signal(true);
  const api = {
    syncNow: vi.fn(async () => {}),
    retry: vi.fn(async (_id: string) => {}),
    discard: vi.fn(async (_id: string) => {}),
  };
  const openTask = vi.fn();
  const openCustomer = vi.fn();

  const text = () => root.textContent ?? '';
  const indicator = () => root.querySelector<HTMLButtonElement>('[data-testid="sync-status"]');
  const button = (label: string) =>
    [...root.querySelectorAll<HTMLButtonElement>('button')].find(
      (candidate) => candidate.textContent === label,
    );

  beforeEach(async () => {
    db = await freshDb();
    online.value = true;
    for (const mock of [api.syncNow, api.retry, api.discard, openTask, openCustomer]) {
      mock.mockClear();
    }
    sync = createSyncState({
      api: { overview: () => loadSyncOverview(db), ...api },
      online,
      openTask,
      openCustomer,
    });
    root = document.createElement('div');
    document.body.append(root);
    render(
      <SyncContext.Provider value={sync}>
        <SyncStatus />
      </SyncContext.Provider>,
      root,
    );
  });

  afterEach(() => {
    render(null, root);
    root.remove();
    sync.dispose();
    db.close();
  });

  it('renders nothing without sync state', () => {
    const other = document.createElement('div');
    render(<SyncStatus />, other);
    expect(other.innerHTML).toBe('');
  });

  it('signed out: local only, in a polite live region', async () => {
    await until(() => indicator() !== null);
    expect(indicator()?.textContent).toBe('Local only');
    const region = indicator()?.closest('[role="status"]');
    expect(region?.getAttribute('aria-live')).toBe('polite');
    // The side panel's header says "Stored on this device" itself while signed out.
    const header = document.createElement('div');
    render(
      <SyncContext.Provider value={sync}>
        <SyncStatus showLocal={false} />
      </SyncContext.Provider>,
      header,
    );
    expect(header.innerHTML).toBe('');
    render(null, header);
  });

  it('follows the store: synced, then offline with one pending change', async () => {
    await saveSession(db, SESSION);
    await updateSyncStatus(db, { lastSyncedAt: '2026-11-29T10:00:00.000Z' });
    await until(() => indicator()?.dataset.kind === 'synced');
    expect(indicator()?.textContent).toMatch(/^Synced /);
    await db.tasks.put(makeTask(1));
    await db.outbox.add(refusedRow(1, { state: 'pending', rejection: undefined }));
    await updateSyncStatus(db, { problem: { kind: 'offline', message: 'No network.' } });
    await until(() => indicator()?.textContent === 'Offline · 1 pending');
    indicator()?.click();
    await until(() => root.querySelector('[data-testid="sync-details"]') !== null);
    expect(root.querySelector('[data-testid="sync-pending"]')?.textContent).toBe('1');
    expect(root.querySelector('[data-testid="sync-problem"]')?.textContent).toBe('No network.');
    button('Sync now')?.click();
    await until(() => api.syncNow.mock.calls.length === 1);
  });

  it('the first sync counts the records received', async () => {
    await saveSession(db, SESSION);
    await updateSyncStatus(db, { running: true, initial: { received: 1200, done: false } });
    await until(() => indicator()?.dataset.kind === 'syncing');
    expect(indicator()?.textContent).toBe(`Syncing · ${(1200).toLocaleString()} records`);
  });

  it('an expired session says to sign in again and offers no Sync now', async () => {
    await saveSession(db, SESSION);
    await updateSyncStatus(db, { problem: { kind: 'unauthorized', message: 'Expired.' } });
    await until(() => indicator()?.textContent === 'Sign in again');
    indicator()?.click();
    await until(() => text().includes('unsent changes are kept'));
    expect(button('Sync now')).toBeUndefined();
  });

  it('lists refused changes with what they were and the reason; Open, Retry, Discard (confirmed)', async () => {
    await saveSession(db, SESSION);
    await db.tasks.put(makeTask(1, { subject: 'Call Ada back', number: null }));
    const ada = makeCustomer(2, { name: 'Ada Lovelace' });
    await db.customers.put(ada);
    await db.outbox.add(refusedRow(1, {}));
    await db.outbox.add(
      refusedRow(2, {
        name: 'customer.edit',
        entityId: ada.id,
        rejection: { code: 'forbidden', reason: '<b>Not allowed</b> to edit customers.' },
      }),
    );
    await until(() => indicator()?.textContent === '2 refused');
    indicator()?.click();
    await until(() => root.querySelectorAll('[data-testid="refused-change"]').length === 2);
    await until(() => document.activeElement?.id === 'sync-details-heading');
    expect(indicator()?.getAttribute('aria-expanded')).toBe('true');
    const [task, customer] = root.querySelectorAll<HTMLElement>('[data-testid="refused-change"]');
    expect(task?.textContent).toContain('Task new · Call Ada back · Task edit');
    expect(task?.textContent).toContain('The server said: Subject must not be empty.');
    // The server's words are text, never markup.
    expect(customer?.textContent).toContain('Customer Ada Lovelace · Customer edit');
    expect(customer?.querySelector('b')).toBeNull();
    expect(customer?.textContent).toContain('<b>Not allowed</b>');

    [...(task?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Retry')?.click();
    await until(() => api.retry.mock.calls.length === 1);
    expect(api.retry).toHaveBeenCalledWith(testId(701));
    await until(() => sync.busy.value === null);

    [...(customer?.querySelectorAll('button') ?? [])]
      .find((b) => b.textContent === 'Discard')
      ?.click();
    await until(() => text().includes('Your change will be lost'));
    await until(() => document.activeElement?.textContent === 'Discard the change');
    expect(api.discard).not.toHaveBeenCalled();
    button('Keep it')?.click();
    await until(() => !text().includes('Your change will be lost'));
    await until(() => document.activeElement?.textContent === 'Discard');
    document.activeElement && (document.activeElement as HTMLElement).click();
    await until(() => button('Discard the change') !== undefined);
    button('Discard the change')?.click();
    await until(() => api.discard.mock.calls.length === 1);
    expect(api.discard).toHaveBeenCalledWith(testId(702));

    button('Open')?.click();
    expect(openTask).toHaveBeenCalledWith(testId(1));
    await until(() => root.querySelector('[data-testid="sync-details"]') === null);
  });

  it('a failed action is said; Escape closes the details and gives the focus back', async () => {
    api.syncNow.mockRejectedValueOnce(new Error('background asleep'));
    await saveSession(db, SESSION);
    await until(() => indicator()?.dataset.kind === 'synced');
    indicator()?.click();
    await until(() => button('Sync now') !== undefined);
    button('Sync now')?.click();
    await until(() => text().includes('That did not work: background asleep'));
    root
      .querySelector('[data-testid="sync-details"]')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await until(() => root.querySelector('[data-testid="sync-details"]') === null);
    expect(document.activeElement).toBe(indicator());
  });
});
