import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/domain/ids';
import { createApp } from '../../server/app';
import { type OpenedDatabase, openDatabase } from '../../server/db/database';
import { createLogger } from '../../server/logger';
import { ChangeNotifier } from '../../server/sync/change-notifier';
import { openTestApi, type TestApi, type TestTenant } from './support/api';
import { testDatabases } from './support/databases';

/** Reads server-sent events off a response body as they arrive. */
function eventReader(response: Response) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: string[] = [];
  let buffer = '';
  let ended = false;
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        const name = /^event: (.+)$/m.exec(block)?.[1];
        if (name) events.push(name);
      }
    }
    ended = true;
  })();
  const waitFor = async (name: string, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (events.includes(name)) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no "${name}" event within ${timeoutMs} ms (got ${events.join(', ')})`);
  };
  return { events, waitFor, pump, isEnded: () => ended, cancel: () => reader.cancel() };
}

describe.each(testDatabases)('change events across two instances on $kind', (target) => {
  let api: TestApi;
  let acme: TestTenant;
  let globex: TestTenant;
  let secondDatabase: OpenedDatabase | undefined;
  let secondNotifier: ChangeNotifier;
  let secondApp: ReturnType<typeof createApp>;

  beforeAll(async () => {
    api = await openTestApi(target);
    acme = await api.createTenant('Acme');
    globex = await api.createTenant('Globex');
    // A second instance: on PostgreSQL its own connections (as another machine would have); on
    // PGlite, which one process owns, a second app and listener over the same database.
    const logger = createLogger({ silent: true });
    if (target.kind === 'postgres') secondDatabase = await openDatabase(api.database.options);
    const database = secondDatabase ?? api.database;
    secondNotifier = new ChangeNotifier(database.listen, logger);
    await secondNotifier.start();
    secondApp = createApp({
      db: database.db,
      databaseKind: database.kind,
      logger,
      notifier: secondNotifier,
    });
  });

  afterAll(async () => {
    await secondNotifier?.close();
    await secondDatabase?.close();
    await api?.dispose();
  });

  const subscribe = async (token: string) => {
    const response = await secondApp.request('/v1/sync/events', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    return eventReader(response);
  };

  it("a change pushed through one instance reaches a stream of the other, and only its tenant's", async () => {
    const acmeStream = await subscribe(acme.admin.token);
    const globexStream = await subscribe(globex.admin.token);
    await acmeStream.waitFor('ready');
    await globexStream.waitFor('ready');

    const pushed = await api.call(acme.admin.token, 'POST', '/v1/sync/push', {
      mutations: [
        {
          id: newId(),
          name: 'task.create',
          args: { id: newId(), kind: 'call', subject: 'Seen elsewhere' },
        },
      ],
    });
    expect(pushed.body.results[0].status).toBe('applied');
    await acmeStream.waitFor('change');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(globexStream.events).toEqual(['ready']);

    // Shutting the instance down ends its streams.
    await secondNotifier.close();
    await Promise.race([
      Promise.all([acmeStream.pump, globexStream.pump]),
      new Promise((_, reject) => setTimeout(() => reject(new Error('streams stayed open')), 5_000)),
    ]);
    expect(acmeStream.isEnded()).toBe(true);
  });

  it('refuses the stream without a token', async () => {
    const response = await secondApp.request('/v1/sync/events');
    expect(response.status).toBe(401);
  });
});
