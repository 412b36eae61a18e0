import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSyncStatus } from '../../lib/db/sync-status-store';
import { openTestApi, type TestApi } from '../server/support/api';
import { testDatabases } from '../server/support/databases';
import { quickTenant } from './support/quick-tenant';
import { syncClient } from './support/sync-client';

const TASKS = 2_000;
const OPEN = 300;

describe.each(testDatabases)('the first sync after sign-in on $kind', (target) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await openTestApi(target);
  });

  afterAll(async () => {
    await api?.dispose();
  });

  it('brings the open tasks first, then the whole working set page by page, each record once', async () => {
    const { tenantId, users } = await quickTenant(api, ['Ann', 'Bo']);
    const [ann, bo] = users as [(typeof users)[0], (typeof users)[0]];
    // Bo's tasks, made through the server's own push so the feed is the real one.
    for (let from = 0; from < TASKS; from += 100) {
      const mutations = Array.from({ length: 100 }, (_, i) => ({
        id: crypto.randomUUID(),
        name: 'task.create',
        args: {
          id: crypto.randomUUID(),
          kind: 'call',
          subject: `Task ${from + i}`,
          assigneeId: from + i < OPEN ? ann.id : bo.id,
        },
      }));
      const response = await api.call(bo.token, 'POST', '/v1/sync/push', { mutations });
      expect(response.status).toBe(200);
    }
    await sql`update tasks set status = 'completed', data = jsonb_set(data, '{status}', '"completed"')
              where tenant_id = ${tenantId} and assignee_id = ${bo.id}`.execute(api.database.db);

    const browser = await syncClient(api, ann, { pullLimit: 500, catchUpBatch: 1000 });
    const seenProgress: number[] = [];
    const watch = setInterval(async () => {
      const status = await loadSyncStatus(browser.db).catch(() => null);
      if (status?.initial) seenProgress.push(status.initial.received);
    }, 5);
    const outcome = await browser.sync();
    clearInterval(watch);
    expect(outcome.problem).toBeNull();

    expect(await browser.db.tasks.count()).toBe(TASKS);
    const mine = await browser.db.tasks
      .where('[assigneeId+updatedAt]')
      .between([ann.id, ''], [ann.id, '\uffff'])
      .count();
    expect(mine).toBe(OPEN);
    const pulls = browser.network.delivered;
    // The open tasks were asked for before the first pull of the feed.
    expect(pulls.indexOf('/v1/tasks')).toBeLessThan(pulls.indexOf('/v1/sync/pull'));
    expect(pulls.filter((path) => path === '/v1/sync/pull').length).toBeGreaterThanOrEqual(
      (TASKS * 2) / 500,
    );
    const status = await loadSyncStatus(browser.db);
    expect(status.initial?.done).toBe(true);
    expect(status.initial?.received).toBeGreaterThanOrEqual(TASKS * 2);
    expect(seenProgress.some((received) => received > 0 && received < TASKS)).toBe(true);
    browser.close();
  }, 240_000);
});
