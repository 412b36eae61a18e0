import { describe, expect, it } from 'vitest';
import { IDLE_SYNC_STATUS, type SyncStatus } from '../../../lib/domain/sync-status';
import { deriveSyncView, type SyncInputs } from '../../../lib/state/sync-view';

const SYNCED_AT = '2026-11-29T10:00:00.000Z';

function inputs(status: Partial<SyncStatus> = {}, rest: Partial<SyncInputs> = {}): SyncInputs {
  return {
    signedIn: true,
    status: { ...IDLE_SYNC_STATUS, lastSyncedAt: SYNCED_AT, ...status },
    pending: 0,
    refused: 0,
    online: true,
    ...rest,
  };
}

const problem = (kind: NonNullable<SyncStatus['problem']>['kind'], message = 'why') => ({
  problem: { kind, message },
});

describe('the sync state the UI shows', () => {
  it('signed out: local only, whatever the outbox holds', () => {
    const view = deriveSyncView(inputs(problem('offline'), { signedIn: false, pending: 4 }));
    expect(view).toMatchObject({ kind: 'local', pending: 4, message: null });
  });

  it('synced, with the last synced time', () => {
    expect(deriveSyncView(inputs())).toMatchObject({ kind: 'synced', lastSyncedAt: SYNCED_AT });
  });

  it('pending N while changes wait and no run is going', () => {
    expect(deriveSyncView(inputs({}, { pending: 3 }))).toMatchObject({
      kind: 'pending',
      pending: 3,
    });
  });

  it('syncing while a run goes; the first sync counts the records received', () => {
    expect(deriveSyncView(inputs({ running: true }, { pending: 2 }))).toMatchObject({
      kind: 'syncing',
      received: null,
    });
    const initial = inputs({ running: false, initial: { received: 1200, done: false } });
    expect(deriveSyncView(initial)).toMatchObject({ kind: 'syncing', received: 1200 });
    const done = inputs({ initial: { received: 5000, done: true } });
    expect(deriveSyncView(done)).toMatchObject({ kind: 'synced', received: null });
  });

  it('offline when the network or the server is out of reach (timeouts too), with the pending count', () => {
    expect(deriveSyncView(inputs(problem('offline'), { pending: 1 }))).toMatchObject({
      kind: 'offline',
      pending: 1,
    });
    expect(deriveSyncView(inputs(problem('timeout')))).toMatchObject({ kind: 'offline' });
    expect(deriveSyncView(inputs({}, { online: false }))).toMatchObject({ kind: 'offline' });
  });

  it('a problem outlives the run that retries it (no blinking every minute)', () => {
    expect(deriveSyncView(inputs({ running: true, ...problem('offline') }))).toMatchObject({
      kind: 'offline',
    });
  });

  it('an expired session asks to sign in again and keeps the outbox count', () => {
    const view = deriveSyncView(inputs(problem('unauthorized'), { pending: 7, online: false }));
    expect(view).toMatchObject({ kind: 'signed-out-expired', pending: 7 });
  });

  it('other problems are errors with the message', () => {
    for (const kind of ['forbidden', 'bad-request', 'server'] as const) {
      expect(deriveSyncView(inputs(problem(kind, `${kind} said no`)))).toMatchObject({
        kind: 'error',
        message: `${kind} said no`,
      });
    }
  });

  it('refused N comes before the network and other problems, after an expired session', () => {
    expect(deriveSyncView(inputs(problem('offline'), { refused: 2 }))).toMatchObject({
      kind: 'refused',
      refused: 2,
    });
    expect(deriveSyncView(inputs({ running: true }, { refused: 1 }))).toMatchObject({
      kind: 'refused',
    });
    expect(deriveSyncView(inputs(problem('unauthorized'), { refused: 2 }))).toMatchObject({
      kind: 'signed-out-expired',
    });
  });
});
