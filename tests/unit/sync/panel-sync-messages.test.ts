import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browserSyncApi } from '../../../entrypoints/sidepanel/sync-api';
import {
  announceOpenedCustomers,
  wakeSyncOnOutboxWrites,
} from '../../../entrypoints/sidepanel/sync-messages';
import { openWrapupDb } from '../../../lib/db/database';
import type { Route } from '../../../lib/state/app-state';
import { testId } from '../db/fixtures';

const db = openWrapupDb();

describe('the side panel keeps the background’s sync going', () => {
  const received: unknown[] = [];
  let answer: unknown = { ok: true };
  let stop: (() => void) | undefined;

  beforeEach(async () => {
    fakeBrowser.reset();
    received.length = 0;
    answer = { ok: true };
    await Promise.all(db.tables.map((table) => table.clear()));
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      received.push(message);
      return Promise.resolve(answer);
    });
  });
  afterEach(() => stop?.());

  it('asks for a sync once after a burst of outbox writes, so a stopped worker wakes', async () => {
    stop = wakeSyncOnOutboxWrites(db.name);
    for (const n of [1, 2]) {
      await db.outbox.add({
        id: testId(800 + n),
        name: 'task.edit',
        args: {},
        entityId: testId(n),
        historyIds: [],
        state: 'pending',
        createdAt: '2026-11-29T10:00:00.000Z',
      });
    }
    await vi.waitFor(() => expect(received).toEqual([{ type: 'sync/now' }]));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received).toHaveLength(1);
  });

  it('says nothing for writes elsewhere', async () => {
    stop = wakeSyncOnOutboxWrites(db.name);
    await db.meta.put({ key: 'unrelated', value: 1 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received).toEqual([]);
  });

  it('tells the background each customer the agent opens, once per visit', async () => {
    const route = signal<Route>({ screen: 'list' });
    stop = announceOpenedCustomers(route);
    route.value = { screen: 'customer', customerId: testId(5) };
    route.value = { screen: 'task', taskId: testId(1) };
    route.value = { screen: 'customer', customerId: testId(5) };
    route.value = { screen: 'customer', customerId: testId(6) };
    await vi.waitFor(() => expect(received).toHaveLength(3));
    expect(received).toEqual([
      { type: 'sync/customer-opened', customerId: testId(5) },
      { type: 'sync/customer-opened', customerId: testId(5) },
      { type: 'sync/customer-opened', customerId: testId(6) },
    ]);
  });

  it('Sync now, Retry and Discard go to the background; its refusal becomes an error', async () => {
    const api = await browserSyncApi(db);
    await api.syncNow();
    await api.retry(testId(801));
    await api.discard(testId(802));
    expect(received).toEqual([
      { type: 'sync/now' },
      { type: 'sync/retry', mutationId: testId(801) },
      { type: 'sync/discard', mutationId: testId(802) },
    ]);
    answer = { ok: false, error: 'Sign in to discard a change.' };
    await expect(api.discard(testId(802))).rejects.toThrow('Sign in to discard a change.');
    expect(await api.overview()).toMatchObject({ signedIn: false, pending: 0, refused: [] });
  });
});
