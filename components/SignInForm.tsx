import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../lib/i18n/translate';
import type { SessionState } from '../lib/state/session-state';
import type { SignInField } from '../lib/sync/sign-in-input';

const FIELDS: readonly SignInField[] = ['serverUrl', 'email', 'password'];

/**
 * Server address, email and password. Errors show beside their field (or above the button when
 * they are the server's); what was typed stays. The password lives only in this form.
 */
export function SignInForm({
  state,
  onEscape,
  autoFocus = false,
}: {
  state: SessionState;
  onEscape?: () => void;
  /** Focus the first empty field on opening (the side panel's form opens on the agent's click). */
  autoFocus?: boolean;
}) {
  const password = useSignal('');
  const form = useRef<HTMLFormElement>(null);
  const issues = state.issues.value;
  const busy = state.busy.value;

  useEffect(() => {
    if (!autoFocus) return;
    const inputs = [...(form.current?.querySelectorAll<HTMLInputElement>('input') ?? [])];
    (inputs.find((input) => !input.value) ?? inputs[0])?.focus();
  }, []);

  // The first field with a problem gets the focus, so the keyboard lands where the fix is.
  useEffect(() => {
    const first = FIELDS.find((field) => issues[field]);
    if (first) form.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
  }, [issues]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    // Straight from the event: the host-permission prompt needs the click's user gesture.
    void state.submitSignIn(password.value).then((signedIn) => {
      if (signedIn) password.value = '';
    });
  };

  const describedBy = (field: SignInField) =>
    issues[field] ? `sign-in-${field}-error` : undefined;
  const fieldError = (field: SignInField) =>
    issues[field] ? (
      <p id={`sign-in-${field}-error`} class="field-error" role="alert">
        {issues[field]}
      </p>
    ) : null;

  return (
    <form
      ref={form}
      class="sign-in-form"
      aria-label={t('signInHeading')}
      aria-busy={busy || undefined}
      noValidate
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && onEscape) onEscape();
      }}
    >
      <div class="field">
        <label for="sign-in-serverUrl">{t('signInServerUrl')}</label>
        <input
          id="sign-in-serverUrl"
          name="serverUrl"
          type="text"
          inputMode="url"
          autoComplete="url"
          spellcheck={false}
          placeholder="https://wrapup.example.com"
          value={state.serverUrl.value}
          onInput={(event) => {
            state.serverUrl.value = event.currentTarget.value;
          }}
          aria-invalid={issues.serverUrl ? 'true' : undefined}
          aria-describedby={describedBy('serverUrl')}
        />
        {fieldError('serverUrl')}
      </div>
      <div class="field">
        <label for="sign-in-email">{t('signInEmail')}</label>
        <input
          id="sign-in-email"
          name="email"
          type="email"
          autoComplete="username"
          spellcheck={false}
          value={state.email.value}
          onInput={(event) => {
            state.email.value = event.currentTarget.value;
          }}
          aria-invalid={issues.email ? 'true' : undefined}
          aria-describedby={describedBy('email')}
        />
        {fieldError('email')}
      </div>
      <div class="field">
        <label for="sign-in-password">{t('signInPassword')}</label>
        <input
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password.value}
          onInput={(event) => {
            password.value = event.currentTarget.value;
          }}
          aria-invalid={issues.password ? 'true' : undefined}
          aria-describedby={describedBy('password')}
        />
        {fieldError('password')}
      </div>
      {state.error.value && (
        <p class="error" role="alert">
          {state.error.value}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
      </div>
    </form>
  );
}
