import { t } from '../lib/i18n/translate';
import type { SessionState } from '../lib/state/session-state';
import { SignInForm } from './SignInForm';
import { useOptionalSessionState } from './session-context';
import { useOptionalSyncState } from './sync-context';

/** Before signing out: whether to clear this device too, and what that would lose. */
function SignOutQuestion({ state }: { state: SessionState }) {
  const unsent = state.unsent.value;
  const busy = state.busy.value;
  const warning =
    unsent === 1 ? t('signOutUnsentWarningOne') : t('signOutUnsentWarning', { count: unsent });
  return (
    <form
      id="account-sign-out"
      class="account-question"
      aria-label={t('signOut')}
      onSubmit={(event) => {
        event.preventDefault();
        void state.confirmSignOut();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') state.close();
      }}
    >
      <label class="account-check">
        <input
          type="checkbox"
          checked={state.clearLocalData.value}
          onChange={(event) => {
            state.clearLocalData.value = event.currentTarget.checked;
          }}
        />
        {t('signOutClearLocalData')}
      </label>
      {unsent > 0 && (
        <p class={state.clearLocalData.value ? 'error' : 'account-note'} role="alert">
          {warning} {!state.clearLocalData.value && t('signOutUnsentKeep')}
        </p>
      )}
      {state.error.value && (
        <p class="error" role="alert">
          {state.error.value}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('signingOut') : t('signOutConfirm')}
        </button>
        <button type="button" onClick={state.close}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * Who is signed in and where, with Sign out; or, signed out, the way to sign in. `compact` is the
 * side panel's one-line strip, whose form opens on demand; the options page shows it in full.
 */
export function AccountStrip({ compact = true }: { compact?: boolean }) {
  const state = useOptionalSessionState();
  const sync = useOptionalSyncState();
  if (!state) return null;
  const session = state.session.value;
  if (session === undefined) return null;
  const panel = state.panel.value;
  const notice = state.notice.value && (
    <p class="account-note" role="status">
      {state.notice.value}
    </p>
  );

  if (session) {
    const ended = sync?.view.value?.kind === 'signed-out-expired';
    return (
      <section class="account" aria-label={t('accountHeading')} data-testid="account-strip">
        {!compact && <h2>{t('accountHeading')}</h2>}
        <div class="account-line">
          <span class="account-who">
            {t('signedInAs', { name: session.user.name, server: session.serverUrl })}
          </span>
          {ended && (
            <button
              type="button"
              class="link-button"
              aria-expanded={panel === 'sign-in'}
              aria-controls="account-sign-in"
              onClick={() => (panel === 'sign-in' ? state.close() : state.openSignInAgain())}
            >
              {t('signInAgain')}
            </button>
          )}
          <button
            type="button"
            class="link-button"
            aria-expanded={panel === 'sign-out'}
            aria-controls="account-sign-out"
            onClick={() => (panel === 'sign-out' ? state.close() : state.openSignOut())}
          >
            {t('signOut')}
          </button>
        </div>
        {panel === 'sign-out' && <SignOutQuestion state={state} />}
        {panel === 'sign-in' && (
          <div id="account-sign-in">
            <SignInForm state={state} onEscape={state.close} autoFocus />
          </div>
        )}
      </section>
    );
  }

  if (!compact) {
    return (
      <section class="account" aria-label={t('accountHeading')} data-testid="account-strip">
        <h2>{t('accountHeading')}</h2>
        {notice}
        <p class="account-note">{t('accountSignedOutIntro')}</p>
        <SignInForm state={state} />
      </section>
    );
  }
  return (
    <section class="account" aria-label={t('accountHeading')} data-testid="account-strip">
      <div class="account-line">
        {notice}
        <button
          type="button"
          class="link-button"
          aria-expanded={panel === 'sign-in'}
          aria-controls="account-sign-in"
          onClick={() => (panel === 'sign-in' ? state.close() : state.openSignIn())}
        >
          {t('signIn')}
        </button>
      </div>
      {panel === 'sign-in' && (
        <div id="account-sign-in">
          <SignInForm state={state} onEscape={state.close} autoFocus />
        </div>
      )}
    </section>
  );
}
