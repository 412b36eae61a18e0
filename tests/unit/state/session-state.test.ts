import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WrapupDb } from '../../../lib/db/database';
import { clearSession, saveSession } from '../../../lib/db/session-store';
import { createSessionState } from '../../../lib/state/session-state';
import { OfflineError } from '../../../lib/sync/server-errors';
import { freshDb } from '../db/fixtures';
import { fakeSessionApi, SESSION } from './session-support';
import { until } from './support';

describe('the account state', () => {
  let db: WrapupDb;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('follows the stored session: undefined while loading, then null or the session', async () => {
    const state = createSessionState(fakeSessionApi(db));
    expect(state.session.value).toBeUndefined();
    await until(() => state.session.value === null);
    await saveSession(db, SESSION);
    await until(() => state.session.value?.user.name === 'Bo Agent');
    state.dispose();
  });

  it('refuses bad input field by field, without asking for permission or calling the server', async () => {
    const api = fakeSessionApi(db);
    const state = createSessionState(api);
    state.serverUrl.value = 'not a url at all';
    state.email.value = 'bo@';
    expect(await state.submitSignIn('')).toBe(false);
    expect(state.issues.value).toEqual({
      serverUrl: 'Enter a web address such as https://wrapup.example.com.',
      email: 'That is not an email address.',
      password: 'Enter your password.',
    });
    expect(api.requestHostAccess).not.toHaveBeenCalled();
    expect(api.signIn).not.toHaveBeenCalled();
    state.dispose();
  });

  it('asks for the server origin’s host permission synchronously, within the click', async () => {
    const api = fakeSessionApi(db);
    const state = createSessionState(api);
    state.serverUrl.value = 'wrapup.example/base/';
    state.email.value = 'bo@acme.example';
    const done = state.submitSignIn('pw');
    expect(api.requestHostAccess).toHaveBeenCalledWith('https://wrapup.example');
    expect(state.busy.value).toBe(true);
    expect(await done).toBe(true);
    expect(api.signIn).toHaveBeenCalledWith({
      serverUrl: 'wrapup.example/base/',
      email: 'bo@acme.example',
      password: 'pw',
    });
    expect(state.busy.value).toBe(false);
    await until(() => state.session.value?.token === 'token-1');
    state.dispose();
  });

  it('says so when the permission is refused, and keeps what was typed', async () => {
    const api = fakeSessionApi(db, { requestHostAccess: vi.fn(async () => false) });
    const state = createSessionState(api);
    state.serverUrl.value = 'https://wrapup.example';
    state.email.value = 'bo@acme.example';
    expect(await state.submitSignIn('pw')).toBe(false);
    expect(state.error.value).toBe(
      'Wrapup needs your permission to reach https://wrapup.example. Sign in again and choose Allow.',
    );
    expect(api.signIn).not.toHaveBeenCalled();
    expect(state.serverUrl.value).toBe('https://wrapup.example');
    expect(state.email.value).toBe('bo@acme.example');
    state.dispose();
  });

  it('shows the server’s reason and keeps the form open with what was typed', async () => {
    const api = fakeSessionApi(db, {
      signIn: vi.fn(async () => {
        throw new OfflineError('offline', 'The server cannot be reached.');
      }),
    });
    const state = createSessionState(api);
    state.openSignIn();
    state.serverUrl.value = 'https://wrapup.example';
    state.email.value = 'bo@acme.example';
    expect(await state.submitSignIn('pw')).toBe(false);
    expect(state.error.value).toBe('The server cannot be reached.');
    expect(state.panel.value).toBe('sign-in');
    expect(state.email.value).toBe('bo@acme.example');
    state.dispose();
  });

  it('counts unsent changes while the sign-out question is open, and signs out as asked', async () => {
    const api = fakeSessionApi(db, { unsentChanges: vi.fn(async () => 3) });
    await saveSession(db, SESSION);
    const state = createSessionState(api);
    state.openSignOut();
    await until(() => state.unsent.value === 3);
    state.clearLocalData.value = true;
    await state.confirmSignOut();
    expect(api.signOut).toHaveBeenCalledWith({ clearLocalData: true });
    expect(state.panel.value).toBe('closed');
    expect(state.notice.value).toBeNull();
    await until(() => state.session.value === null);
    state.dispose();
  });

  it('says a sign-out while offline still signed out here', async () => {
    const api = fakeSessionApi(db, {
      signOut: vi.fn(async () => {
        await clearSession(db);
        return { revoked: false };
      }),
    });
    const state = createSessionState(api);
    state.openSignOut();
    await state.confirmSignOut();
    expect(state.notice.value).toContain('Signed out on this device');
    state.dispose();
  });
});
