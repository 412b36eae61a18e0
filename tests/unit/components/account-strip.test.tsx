// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountStrip } from '../../../components/AccountStrip';
import { SessionContext } from '../../../components/session-context';
import { SyncContext } from '../../../components/sync-context';
import type { WrapupDb } from '../../../lib/db/database';
import { saveSession } from '../../../lib/db/session-store';
import { createSessionState, type SessionState } from '../../../lib/state/session-state';
import type { SyncState } from '../../../lib/state/sync-state';
import { WrongCredentialsError } from '../../../lib/sync/sign-in';
import { freshDb } from '../db/fixtures';
import { fakeSessionApi, SESSION } from '../state/session-support';
import { until } from '../state/support';

describe('the account strip and sign-in form (happy-dom)', () => {
  let db: WrapupDb;
  let state: SessionState;
  let api: ReturnType<typeof fakeSessionApi>;
  let root: HTMLElement;

  const show = (compact = true) =>
    render(
      <SessionContext.Provider value={state}>
        <AccountStrip compact={compact} />
      </SessionContext.Provider>,
      root,
    );
  const text = () => root.textContent ?? '';
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector);
  const type = (selector: string, value: string) => {
    const input = $<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const submit = () => $<HTMLFormElement>('form.sign-in-form')!.requestSubmit();

  beforeEach(async () => {
    db = await freshDb();
    api = fakeSessionApi(db);
    state = createSessionState(api);
    root = document.createElement('div');
    document.body.append(root);
  });

  afterEach(() => {
    render(null, root);
    root.remove();
    state.dispose();
    db.close();
  });

  it('renders nothing without account state (pages that offer no sign-in)', () => {
    render(<AccountStrip />, root);
    expect(root.innerHTML).toBe('');
  });

  it('signed out: a compact Sign in that opens the form', async () => {
    show();
    await until(() => text().includes('Sign in'));
    const toggle = root.querySelector<HTMLButtonElement>(
      'button[aria-controls="account-sign-in"]',
    )!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect($('form.sign-in-form')).toBeNull();
    toggle.click();
    await until(() => $('form.sign-in-form') !== null);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await until(() => document.activeElement?.id === 'sign-in-serverUrl');
    for (const id of ['sign-in-serverUrl', 'sign-in-email', 'sign-in-password']) {
      expect($(`label[for="${id}"]`)?.textContent).toBeTruthy();
    }
    expect($<HTMLInputElement>('#sign-in-password')?.type).toBe('password');
  });

  it('shows each mistake beside its field, as an alert, and focuses the first', async () => {
    show(false);
    await until(() => $('form.sign-in-form') !== null);
    type('#sign-in-serverUrl', 'ftp://files.example');
    submit();
    await until(() => $('#sign-in-serverUrl-error') !== null);
    expect($('#sign-in-serverUrl-error')?.getAttribute('role')).toBe('alert');
    expect($('#sign-in-serverUrl')?.getAttribute('aria-invalid')).toBe('true');
    expect($('#sign-in-serverUrl')?.getAttribute('aria-describedby')).toBe(
      'sign-in-serverUrl-error',
    );
    expect($('#sign-in-email-error')?.textContent).toBe('Enter your email address.');
    expect($('#sign-in-password-error')?.textContent).toBe('Enter your password.');
    // The focus moves once the errors are on screen (an effect after that render).
    await until(() => document.activeElement?.id === 'sign-in-serverUrl');
    expect(api.requestHostAccess).not.toHaveBeenCalled();
  });

  it('keeps everything typed when the server refuses, and says why', async () => {
    api.signIn.mockImplementation(async () => {
      throw new WrongCredentialsError('unauthorized', 'The email or password is not right.');
    });
    show(false);
    await until(() => $('form.sign-in-form') !== null);
    type('#sign-in-serverUrl', 'https://wrapup.example');
    type('#sign-in-email', 'bo@acme.example');
    type('#sign-in-password', 'wrong');
    submit();
    await until(() => text().includes('The email or password is not right.'));
    expect($('p.error[role="alert"]')?.textContent).toBe('The email or password is not right.');
    expect($<HTMLInputElement>('#sign-in-serverUrl')?.value).toBe('https://wrapup.example');
    expect($<HTMLInputElement>('#sign-in-email')?.value).toBe('bo@acme.example');
    expect($<HTMLInputElement>('#sign-in-password')?.value).toBe('wrong');
    expect(api.requestHostAccess).toHaveBeenCalledWith('https://wrapup.example');
  });

  it('signs in and then shows who is signed in, and where', async () => {
    show(false);
    await until(() => $('form.sign-in-form') !== null);
    type('#sign-in-serverUrl', 'https://wrapup.example');
    type('#sign-in-email', 'bo@acme.example');
    type('#sign-in-password', 'pw');
    submit();
    await until(() => text().includes('Signed in as Bo Agent at https://wrapup.example'));
    expect($('form.sign-in-form')).toBeNull();
  });

  it('warns before signing out when changes have not reached the server', async () => {
    api.unsentChanges.mockImplementation(async () => 2);
    await saveSession(db, SESSION);
    show();
    await until(() => text().includes('Signed in as Bo Agent'));
    $<HTMLButtonElement>('button[aria-controls="account-sign-out"]')!.click();
    await until(() => text().includes('2 changes have not reached the server yet'));
    expect(text()).toContain('They stay on this device');
    const clear = $<HTMLInputElement>('#account-sign-out input[type="checkbox"]')!;
    clear.click();
    await until(() => $('#account-sign-out p.error[role="alert"]') !== null);
    expect(text()).not.toContain('They stay on this device');
    $<HTMLFormElement>('#account-sign-out')!.requestSubmit();
    await until(() => api.signOut.mock.calls.length === 1);
    expect(api.signOut).toHaveBeenCalledWith({ clearLocalData: true });
    await until(() => text().includes('Sign in'));
  });

  it('Escape closes the sign-out question', async () => {
    await saveSession(db, SESSION);
    show();
    await until(() => text().includes('Signed in as'));
    $<HTMLButtonElement>('button[aria-controls="account-sign-out"]')!.click();
    await until(() => $('#account-sign-out') !== null);
    $('#account-sign-out input')!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
    );
    await until(() => $('#account-sign-out') === null);
    expect(vi.isMockFunction(api.signOut) && api.signOut.mock.calls.length).toBe(0);
  });

  it('a session that ended offers Sign in again, filled with where and as whom, without signing out', async () => {
    await saveSession(db, SESSION);
    const ended = { view: { value: { kind: 'signed-out-expired' } } } as unknown as SyncState;
    render(
      <SessionContext.Provider value={state}>
        <SyncContext.Provider value={ended}>
          <AccountStrip />
        </SyncContext.Provider>
      </SessionContext.Provider>,
      root,
    );
    await until(() => text().includes('Sign in again'));
    const again = [...root.querySelectorAll('button')].find(
      (button) => button.textContent === 'Sign in again',
    );
    again?.click();
    await until(() => $('form.sign-in-form') !== null);
    expect($<HTMLInputElement>('#sign-in-serverUrl')?.value).toBe(SESSION.serverUrl);
    expect($<HTMLInputElement>('#sign-in-email')?.value).toBe(SESSION.user.email);
    type('#sign-in-password', 'new password');
    submit();
    await until(() => api.signIn.mock.calls.length === 1);
    expect(api.signIn).toHaveBeenCalledWith(
      expect.objectContaining({
        serverUrl: SESSION.serverUrl,
        email: SESSION.user.email,
      }),
    );
    expect(api.signOut).not.toHaveBeenCalled();
  });
});
