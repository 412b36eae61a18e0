import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Kysely } from 'kysely';
import { assertCan } from '../../lib/domain/permissions';
import { PushBodySchema } from '../../lib/domain/sync-mutations';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { ProblemError } from '../http/problem-error';
import { readJson, readQuery } from '../http/read-json';
import type { Logger } from '../logger';
import { loadSettings } from '../store/settings';
import type { ChangeNotifier } from '../sync/change-notifier';
import { PullQuerySchema, type PullScope, pullChanges } from '../sync/pull';
import { pushMutations } from '../sync/push';

const DAY_MS = 24 * 60 * 60 * 1000;
const HEARTBEAT_MS = 20_000;

/**
 * /v1/sync: push (server/sync/mutations.ts), pull (server/sync/pull.ts, with optional long
 * polling) and events, a server-sent-event stream that says `change` whenever the contact center
 * changed, fed by LISTEN/NOTIFY so a change made through any instance reaches every stream.
 */
export function syncRoute(
  db: Kysely<Database>,
  logger: Logger,
  notifier: ChangeNotifier | undefined,
): Hono<AppEnv> {
  const route = new Hono<AppEnv>();

  route.post('/push', async (c) => {
    const { tenantId, user } = c.get('actor');
    const { mutations } = await readJson(c, PushBodySchema);
    const { results, revision } = await pushMutations(db, tenantId, user, mutations, logger);
    return c.json({ results, cursor: revision });
  });

  route.get('/pull', async (c) => {
    const { tenantId, user } = c.get('actor');
    assertCan(user, 'view');
    const query = readQuery(c, PullQuerySchema);
    let scope: PullScope | undefined;
    if (query.scope === 'working-set') {
      const settings = await loadSettings(db, tenantId);
      scope = {
        userId: user.id,
        customerIds: query.customers ?? [],
        taskIds: query.tasks ?? [],
        since: new Date(Date.now() - settings.workingSetDays * DAY_MS).toISOString(),
      };
    }
    const limit = query.limit ?? 500;
    let page = await pullChanges(db, tenantId, query.cursor, limit, scope);
    if (page.changes.length === 0 && query.wait && notifier) {
      const changed = await notifier.nextChange(tenantId, query.wait * 1000, c.req.raw.signal);
      if (changed) page = await pullChanges(db, tenantId, query.cursor, limit, scope);
    }
    c.header('cache-control', 'no-store');
    return c.json(page);
  });

  route.get('/events', (c) => {
    const { tenantId, user } = c.get('actor');
    assertCan(user, 'view');
    if (!notifier) {
      throw new ProblemError(503, 'Change events are not available here; pull periodically.');
    }
    return streamSSE(c, async (stream) => {
      let open = true;
      let pending = false;
      let wake = () => {};
      const signalled = () =>
        new Promise<void>((resolve) => {
          wake = resolve;
          if (pending || !open) resolve();
        });
      const unsubscribe = notifier.subscribe(
        tenantId,
        () => {
          pending = true;
          wake();
        },
        () => {
          open = false;
          wake();
        },
      );
      stream.onAbort(() => {
        open = false;
        wake();
      });
      try {
        await stream.writeSSE({ event: 'ready', data: '{}' });
        while (open && !stream.aborted) {
          const heartbeat = setTimeout(() => wake(), HEARTBEAT_MS);
          await signalled();
          clearTimeout(heartbeat);
          if (!open || stream.aborted) break;
          if (pending) {
            // Changes arriving together become one event: the client pulls them all at once.
            pending = false;
            await stream.writeSSE({ event: 'change', data: '{}' });
          } else {
            await stream.write(': keep-alive\n\n');
          }
        }
      } finally {
        unsubscribe();
      }
    });
  });

  return route;
}
