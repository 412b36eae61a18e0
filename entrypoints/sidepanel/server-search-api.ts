import type { ReadonlySignal } from '@preact/signals';
import type { WrapupDb } from '../../lib/db/database';
import { loadSession } from '../../lib/db/session-store';
import type { Id } from '../../lib/domain/ids';
import type { ServerSearchApi } from '../../lib/state/server-search';
import { serverHttp } from '../../lib/sync/server-http';
import { searchServerTasks, storeFoundTask } from '../../lib/sync/server-search';

/** The panel's server search: the signed-in agent's server, and the local store for results. */
export function browserServerSearchApi(
  db: WrapupDb,
  agentId: Id,
  signedIn: ReadonlySignal<boolean>,
): ServerSearchApi {
  return {
    signedIn,
    async search(query) {
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
    store: (task) => storeFoundTask(db, task, { actorId: agentId, now: new Date().toISOString() }),
  };
}
