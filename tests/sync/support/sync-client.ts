import { openWrapupDb, type WrapupDb } from '../../../lib/db/database';
import type { Id } from '../../../lib/domain/ids';
import { runSync, type SyncOutcome } from '../../../lib/sync/run-sync';
import { serverHttp } from '../../../lib/sync/server-http';
import type { TestApi, TestUser } from '../../server/support/api';
import { type FaultyNetwork, faultyNetwork } from './faulty-network';

/** One agent's browser: its own store, its own network to the shared in-process server. */
export interface SyncClient {
  db: WrapupDb;
  user: TestUser;
  network: FaultyNetwork;
  /** Command context as this agent, now. */
  ctx(): { actorId: Id; now: string };
  sync(): Promise<SyncOutcome>;
  close(): void;
}

let counter = 0;

export async function syncClient(
  api: TestApi,
  user: TestUser,
  options: { pullLimit?: number; pushBatch?: number; catchUpBatch?: number } = {},
): Promise<SyncClient> {
  counter += 1;
  const db = openWrapupDb(`sync-client-${counter}-${Math.random().toString(36).slice(2)}`);
  await db.open();
  const network = faultyNetwork(async (request) => api.app.fetch(request));
  const http = serverHttp({
    serverUrl: 'http://wrapup.test',
    token: user.token,
    fetch: network.fetch,
    retryLimit: 1,
    backoffLimitMs: 5,
  });
  return {
    db,
    user,
    network,
    ctx: () => ({ actorId: user.id, now: new Date().toISOString() }),
    sync: () => runSync({ db, http, userId: user.id, ...options }),
    close: () => db.close(),
  };
}
