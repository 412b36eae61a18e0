import { computed, signal } from '@preact/signals';
import { errorMessage } from '../domain/error-message';
import type { Session } from '../domain/session';
import { t } from '../i18n/translate';
import {
  checkSignInInput,
  type SignInInput,
  SignInInputError,
  type SignInIssues,
} from '../sync/sign-in-input';
import { liveQuerySignal } from './live-query-signal';

/** What the account UI needs from the outside world; the entrypoints wire it to the browser. */
export interface SessionApi {
  /** The stored session (a Dexie read, so the strip follows sign-ins made in other pages). */
  load(): Promise<Session | null>;
  /**
   * Asks for the host permission of the server's origin. Called synchronously from the click,
   * before anything is awaited: the browser grants the prompt only during a user gesture.
   */
  requestHostAccess(origin: string): Promise<boolean>;
  signIn(input: SignInInput): Promise<Session>;
  signOut(options: { clearLocalData: boolean }): Promise<{ revoked: boolean }>;
  /** Local changes not on the server yet, which clearing local data would lose. */
  unsentChanges(): Promise<number>;
}

export type AccountPanel = 'closed' | 'sign-in' | 'sign-out';

/** The account strip's and sign-in form's state and actions, one per page (and per test). */
export function createSessionState(api: SessionApi) {
  const stored = liveQuerySignal(
    () => null,
    () => api.load(),
  );
  /** undefined while loading, null when signed out. */
  const session = computed(() => stored.value.value);
  const panel = signal<AccountPanel>('closed');
  const busy = signal(false);
  /** What was typed, kept across errors and closing the form; the password is not kept here. */
  const serverUrl = signal('');
  const email = signal('');
  const issues = signal<SignInIssues>({});
  const error = signal<string | null>(null);
  /** Said after the last sign-out, e.g. that the server could not be told. */
  const notice = signal<string | null>(null);
  const clearLocalData = signal(false);
  const unsent = liveQuerySignal(
    () => panel.value === 'sign-out',
    (asking) => (asking ? api.unsentChanges() : Promise.resolve(0)),
  );

  const resetMessages = () => {
    issues.value = {};
    error.value = null;
    notice.value = null;
  };

  const open = (next: AccountPanel) => {
    resetMessages();
    clearLocalData.value = false;
    panel.value = next;
  };

  /**
   * Signs in with what was typed. Everything up to the host-permission request runs
   * synchronously, so call it straight from the submit event. Resolves once done either way.
   */
  function submitSignIn(password: string): Promise<boolean> {
    if (busy.value) return Promise.resolve(false);
    const input = { serverUrl: serverUrl.value, email: email.value, password };
    const checked = checkSignInInput(input);
    resetMessages();
    if (!checked.ok) {
      issues.value = checked.issues;
      return Promise.resolve(false);
    }
    busy.value = true;
    let access: Promise<boolean>;
    try {
      access = api.requestHostAccess(checked.value.origin);
    } catch (caught) {
      access = Promise.reject(caught);
    }
    return (async () => {
      try {
        if (!(await access)) {
          error.value = t('hostPermissionRefused', { origin: checked.value.origin });
          return false;
        }
        await api.signIn(input);
        panel.value = 'closed';
        return true;
      } catch (caught) {
        if (caught instanceof SignInInputError) issues.value = caught.issues;
        else error.value = errorMessage(caught);
        return false;
      } finally {
        busy.value = false;
      }
    })();
  }

  async function confirmSignOut(): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    resetMessages();
    try {
      const { revoked } = await api.signOut({ clearLocalData: clearLocalData.value });
      panel.value = 'closed';
      notice.value = revoked ? null : t('signedOutOffline');
    } catch (caught) {
      error.value = errorMessage(caught);
    } finally {
      busy.value = false;
    }
  }

  return {
    session,
    panel,
    busy,
    serverUrl,
    email,
    issues,
    error,
    notice,
    clearLocalData,
    /** Unsent local changes, counted while the sign-out question is open. */
    unsent: computed(() => unsent.value.value ?? 0),
    openSignIn: () => open('sign-in'),
    /**
     * The session ended (expired or revoked): the same sign-in form, filled with where and as
     * whom, replaces the token without signing out, so nothing queued is touched.
     */
    openSignInAgain: () => {
      const current = session.value;
      if (current) {
        serverUrl.value = current.serverUrl;
        email.value = current.user.email;
      }
      open('sign-in');
    },
    openSignOut: () => open('sign-out'),
    close: () => open('closed'),
    submitSignIn,
    confirmSignOut,
    dispose() {
      stored.dispose();
      unsent.dispose();
    },
  };
}

export type SessionState = ReturnType<typeof createSessionState>;
