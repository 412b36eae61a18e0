import type { KyInstance } from 'ky';
import { applyPulledPage } from '../db/apply-pulled-changes';
import type { OutboxRow, WrapupDb } from '../db/database';
import { acknowledgeMutations, pendingMutations } from '../db/outbox-store';
import { loadCursor, openedCustomers, openedTasks } from '../db/sync-meta';
import { loadSyncStatus, updateSyncStatus } from '../db/sync-status-store';
import { errorMessage } from '../domain/error-message';
import type { Id } from '../domain/ids';
import { MAX_MUTATIONS_PER_PUSH, type Mutation } from '../domain/sync-mutations';
import type { SyncStatus } from '../domain/sync-status';
import { classifyServerError } from './server-errors';
import { fetchTaskPage, type PullPage, pullPage, pushMutations } from './sync-api';

export interface SyncDeps {
  db: WrapupDb;
  http: KyInstance;
  /** The signed-in agent: pending changes re-applied on pulled records are theirs. */
  userId: Id;
  now?: () => Date;
  pushBatch?: number;
  pullLimit?: number;
  /** Most pulled changes stored in one transaction while catching up. */
  catchUpBatch?: number;
  /** Most pages of open tasks fetched before the first full pull (200 tasks a page). */
  openTaskPages?: number;
}

export interface SyncOutcome {
  pushed: number;
  pulled: number;
  problem: SyncStatus['problem'];
}

/** Open tasks in the first page of a first sync: more than a side panel shows at once. */
const FIRST_SCREEN = 50;

/** Changes made while a run pushes and pulls are sent by the same run, up to this many rounds. */
const MAX_ROUNDS = 3;

function asMutation(row: OutboxRow): Mutation {
  return { id: row.id, name: row.name, args: row.args };
}

/** Pushes the whole outbox in order, in batches; only what the server answered leaves it. */
async function pushOutbox(deps: SyncDeps): Promise<number> {
  const batch = deps.pushBatch ?? MAX_MUTATIONS_PER_PUSH;
  let pushed = 0;
  for (;;) {
    const rows = await pendingMutations(deps.db, batch);
    if (rows.length === 0) return pushed;
    const results = await pushMutations(deps.http, rows.map(asMutation));
    await acknowledgeMutations(deps.db, results);
    pushed += rows.length;
  }
}

function replayAs(deps: SyncDeps) {
  return { actorId: deps.userId, now: (deps.now?.() ?? new Date()).toISOString() };
}

/**
 * Before the first full pull, the agent's open tasks, so the panel is useful within seconds of
 * signing in while the rest of the working set follows page by page.
 */
async function pullOpenTasksFirst(deps: SyncDeps): Promise<number> {
  let received = 0;
  let cursor: string | undefined;
  for (let page = 0; page < (deps.openTaskPages ?? 5); page += 1) {
    // A screenful first, so the list shows as soon as possible; then bigger pages.
    const { items, nextCursor } = await fetchTaskPage(
      deps.http,
      { assigneeId: 'me', status: 'open,in_progress' },
      cursor,
      page === 0 ? FIRST_SCREEN : 200,
    );
    const changes = items.map((data) => ({ entity: 'task', data }));
    await applyPulledPage(deps.db, changes, null, replayAs(deps));
    received += items.length;
    await updateSyncStatus(deps.db, { initial: { received, done: false } });
    if (nextCursor === null) break;
    cursor = nextCursor;
  }
  return received;
}

/**
 * Changes stored in one transaction while catching up. Every write of tasks makes the open
 * panel's lists query again, so a first sync of a large working set applies several pages at a
 * time rather than re-listing after each one.
 */
const CATCH_UP_BATCH = 5_000;

/**
 * Pulls until caught up. What a batch of pages brought lands with the cursor after it in one
 * transaction: a worker stopped in between pulls those pages again, and skips nothing.
 */
async function pullAll(deps: SyncDeps, initial: boolean, alreadyReceived: number): Promise<number> {
  let received = alreadyReceived;
  let pulled = 0;
  let cursor = await loadCursor(deps.db);
  const customerIds = await openedCustomers(deps.db);
  const taskIds = await openedTasks(deps.db);
  let batch: PullPage['changes'] = [];
  for (;;) {
    const page = await pullPage(deps.http, {
      cursor,
      limit: deps.pullLimit ?? 1000,
      customerIds,
      taskIds,
    });
    cursor = page.cursor;
    batch = batch.concat(page.changes);
    if (page.hasMore && batch.length < (deps.catchUpBatch ?? CATCH_UP_BATCH)) continue;
    await applyPulledPage(deps.db, batch, page.cursor, replayAs(deps));
    pulled += batch.length;
    received += batch.length;
    batch = [];
    if (initial) await updateSyncStatus(deps.db, { initial: { received, done: !page.hasMore } });
    if (!page.hasMore) return pulled;
  }
}

/**
 * One sync run: push the outbox, pull until caught up (the changes still waiting re-applied on
 * top), and push again what was made meanwhile. The caller makes sure only one runs at a time
 * (sync-scheduler). A failure is recorded in the status for every screen to show and the run
 * stops; whatever was confirmed or applied before it stays, and the next run goes on from there.
 */
export async function runSync(deps: SyncDeps): Promise<SyncOutcome> {
  const { db } = deps;
  await updateSyncStatus(db, { running: true });
  let pushed = 0;
  let pulled = 0;
  try {
    const initial = (await loadCursor(db)) === undefined;
    const before = initial ? await pullOpenTasksFirst(deps) : 0;
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      pushed += await pushOutbox(deps);
      pulled += await pullAll(deps, initial && round === 0, before);
      if ((await pendingMutations(db, 1)).length === 0) break;
    }
    const { initial: progress } = await loadSyncStatus(db);
    await updateSyncStatus(db, {
      running: false,
      problem: null,
      lastSyncedAt: (deps.now?.() ?? new Date()).toISOString(),
      initial: progress ? { ...progress, done: true } : null,
    });
    return { pushed, pulled, problem: null };
  } catch (error) {
    const known = await classifyServerError(error);
    const problem = known
      ? { kind: known.kind, message: known.message }
      : {
          kind: 'server' as const,
          message: errorMessage(error),
        };
    if (!known) console.error('[wrapup] sync failed', error);
    await updateSyncStatus(db, { running: false, problem });
    return { pushed, pulled, problem };
  }
}
