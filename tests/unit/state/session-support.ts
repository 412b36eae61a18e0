import { vi } from 'vitest';
import type { WrapupDb } from '../../../lib/db/database';
import { clearSession, loadSession, saveSession } from '../../../lib/db/session-store';
import type { Session } from '../../../lib/domain/session';
import type { SessionApi } from '../../../lib/state/session-state';
import { AGENT } from '../db/fixtures';

export const SESSION: Session = {
  serverUrl: 'https://wrapup.example',
  token: 'token-1',
  expiresAt: '2026-11-29T22:00:00.000Z',
  user: {
    id: AGENT,
    name: 'Bo Agent',
    email: 'bo@acme.example',
    role: 'agent',
    permissions: ['view', 'create', 'edit'],
    active: true,
  },
  tenant: { id: AGENT, name: 'Acme Support' },
};

/** The account API over a test store: sign-in stores SESSION, sign-out clears it. */
export function fakeSessionApi(db: WrapupDb, overrides: Partial<SessionApi> = {}) {
  const api = {
    load: () => loadSession(db),
    requestHostAccess: vi.fn(async (_origin: string) => true),
    signIn: vi.fn(async () => {
      await saveSession(db, SESSION);
      return SESSION;
    }),
    signOut: vi.fn(async (_options: { clearLocalData: boolean }) => {
      await clearSession(db);
      return { revoked: true };
    }),
    unsentChanges: vi.fn(async () => 0),
  };
  return { ...api, ...overrides } as typeof api;
}
