import { describe, expect, it } from 'vitest';
import { serverHttp } from '../../../lib/sync/server-http';
import { searchServerTasks, storeFoundTask } from '../../../lib/sync/server-search';
import { AGENT, freshDb, makeTask } from '../db/fixtures';

describe('searching the server’s tasks', () => {
  it('asks GET /v1/tasks?q=…&limit=50 with the token and keeps only tasks that pass the schema', async () => {
    const requests: Request[] = [];
    const good = makeTask(1, { number: 7, subject: 'Invoice 77' });
    const http = serverHttp({
      serverUrl: 'https://w.example',
      token: 'tok',
      retryLimit: 0,
      fetch: async (input) => {
        requests.push(input as Request);
        return Response.json({
          items: [good, { ...good, id: 'not-an-id', subject: '<img src=x onerror=alert(1)>' }],
          nextCursor: null,
        });
      },
    });
    const tasks = await searchServerTasks(http, '  invoice 77 ');
    expect(tasks).toEqual([good]);
    const url = new URL(requests[0]?.url ?? '');
    expect(url.pathname).toBe('/v1/tasks');
    expect(url.searchParams.get('q')).toBe('invoice 77');
    expect(url.searchParams.get('limit')).toBe('50');
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer tok');
  });

  it('refuses an answer that is not a task page', async () => {
    const http = serverHttp({
      serverUrl: 'https://w.example',
      retryLimit: 0,
      fetch: async () => Response.json({ tasks: [] }),
    });
    await expect(searchServerTasks(http, 'x')).rejects.toThrow();
  });

  it('stores a found task locally, and says so when the store refuses it', async () => {
    const db = await freshDb();
    const task = makeTask(3, { number: 9 });
    const replayAs = { actorId: AGENT, now: '2026-11-29T10:00:00.000Z' };
    await storeFoundTask(db, task, replayAs);
    expect(await db.tasks.get(task.id)).toEqual(task);
    await expect(
      storeFoundTask(db, { ...task, id: 'bad' } as typeof task, replayAs),
    ).rejects.toThrow('could not be stored');
    db.close();
  });
});
