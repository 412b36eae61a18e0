import type { ReadonlySignal } from '@preact/signals';
import type { WrapupDb } from '../../lib/db/database';
import type { Id } from '../../lib/domain/ids';
import type { ServerSearchApi } from '../../lib/state/server-search';

/**
 * The panel's server search: the signed-in agent's server, and the local store for results. Its
 * code (the task schemas, the HTTP client) loads when the agent first asks.
 */
export function browserServerSearchApi(
  db: WrapupDb,
  agentId: Id,
  signedIn: ReadonlySignal<boolean>,
): ServerSearchApi {
  const code = () =>
    Promise.all([
      import('../../lib/db/session-store'),
      import('../../lib/sync/server-http'),
      import('../../lib/sync/server-search'),
      import('./sync-messages'),
    ]);
  return {
    signedIn,
    async search(query) {
      const [{ loadSession }, { serverHttp }, { searchServerTasks }] = await code();
      const session = await loadSession(db);
      if (!session) throw new Error('Not signed in.');
      // The agent is waiting: one quick retry, not the sync loop's patient backoff.
      const http = serverHttp({
        serverUrl: session.serverUrl,
        token: session.token,
        retryLimit: 1,
        timeoutMs: 10_000,
      });
      return searchServerTasks(http, query);
    },
    async store(task) {
      const [, , { storeFoundTask }, { announceOpenedTask }] = await code();
      await storeFoundTask(db, task, { actorId: agentId, now: new Date().toISOString() });
      announceOpenedTask(task.id);
    },
  };
}
