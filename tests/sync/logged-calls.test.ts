import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callsToLog } from '../../lib/db/queries/calls-to-log';
import { saveNewTask, saveTaskEdit } from '../../lib/db/task-commands';
import { openTestApi, type TestApi } from '../server/support/api';
import { testDatabases } from '../server/support/databases';
import { endedCall } from '../unit/db/fixtures';
import { quickTenant } from './support/quick-tenant';
import { syncClient } from './support/sync-client';

describe.each(testDatabases)('the "to log" queue across devices on $kind', (target) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await openTestApi(target);
  });

  afterAll(async () => {
    await api?.dispose();
  });

  it('a call log the agent saved on one browser leaves the queue on their other browser', async () => {
    const { users } = await quickTenant(api, ['Ann']);
    const [ann] = users as [(typeof users)[0]];
    const laptop = await syncClient(api, ann);
    const desktop = await syncClient(api, ann);
    try {
      // R1: the call ended on the laptop, which logged it.
      const log = await saveNewTask(
        laptop.db,
        {
          kind: 'call',
          origin: 'system',
          subject: 'Call from +44 20 7946 0000',
          call: endedCall(new Date(Date.now() - 60_000).toISOString()),
        },
        laptop.ctx(),
      );
      await laptop.sync();
      await desktop.sync();
      const queue = async (browser: typeof laptop) =>
        (await callsToLog(browser.db, ann.id)).map((task) => task.id);
      expect(await queue(desktop)).toEqual([log.id]);

      // Saved on the laptop with nothing changed: it is logged all the same.
      await saveTaskEdit(laptop.db, log.id, {}, laptop.ctx());
      expect(await queue(laptop)).toEqual([]);
      await laptop.sync();
      await desktop.sync();

      expect(await queue(desktop)).toEqual([]);
      expect(await desktop.db.tasks.get(log.id)).toMatchObject({
        status: 'open',
        loggedBy: ann.id,
      });
      expect(await laptop.db.outbox.where('state').equals('pending').count()).toBe(0);
    } finally {
      laptop.close();
      desktop.close();
    }
  });
});
