import type { SyncStatus } from '../domain/sync-status';

/** The one sync state every screen shows, most pressing first (see deriveSyncView). */
export type SyncKind =
  | 'local'
  | 'syncing'
  | 'synced'
  | 'pending'
  | 'offline'
  | 'signed-out-expired'
  | 'error'
  | 'refused';

export interface SyncView {
  kind: SyncKind;
  /** Local changes waiting for the server. */
  pending: number;
  /** Changes the server refused, waiting for the agent to retry or discard them. */
  refused: number;
  lastSyncedAt: string | null;
  /** Records received so far by the first sync after sign-in, while it is still going. */
  received: number | null;
  /** The server's or the network's own words for the last problem. */
  message: string | null;
}

export interface SyncInputs {
  signedIn: boolean;
  status: SyncStatus;
  pending: number;
  refused: number;
  /** What the browser says about its network. */
  online: boolean;
}

/**
 * The state the indicator shows. Signed out, work stays on this device. An expired session
 * comes first (nothing syncs until the agent signs in again), then refused changes (only the
 * agent can settle them), then the network, then other problems; a problem outlives the run that
 * retries it, so a retry every minute does not make the indicator blink.
 */
export function deriveSyncView({
  signedIn,
  status,
  pending,
  refused,
  online,
}: SyncInputs): SyncView {
  const initialGoing = status.initial !== null && !status.initial.done;
  const base = {
    pending,
    refused,
    lastSyncedAt: status.lastSyncedAt,
    received: initialGoing ? (status.initial?.received ?? 0) : null,
    message: status.problem?.message ?? null,
  };
  if (!signedIn) return { ...base, kind: 'local', message: null };
  const problem = status.problem?.kind;
  if (problem === 'unauthorized') return { ...base, kind: 'signed-out-expired' };
  if (refused > 0) return { ...base, kind: 'refused' };
  if (!online || problem === 'offline' || problem === 'timeout')
    return { ...base, kind: 'offline' };
  if (problem) return { ...base, kind: 'error' };
  if (status.running || initialGoing) return { ...base, kind: 'syncing' };
  if (pending > 0) return { ...base, kind: 'pending' };
  return { ...base, kind: 'synced' };
}
