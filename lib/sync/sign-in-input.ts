import { t } from '../i18n/translate';
import { parseServerUrl } from './server-url';

/** What the agent types to sign in. The password is only ever sent, never stored. */
export interface SignInInput {
  serverUrl: string;
  email: string;
  password: string;
}

export type SignInField = keyof SignInInput;
export type SignInIssues = Partial<Record<SignInField, string>>;

export interface CheckedSignIn {
  serverUrl: string;
  origin: string;
  email: string;
  password: string;
}

// The server has the last word on the address; this only catches what is plainly not one.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks every field at once, so the agent sees each mistake in one go. No zod (see server-url). */
export function checkSignInInput(
  input: SignInInput,
): { ok: true; value: CheckedSignIn } | { ok: false; issues: SignInIssues } {
  const issues: SignInIssues = {};
  const server = parseServerUrl(input.serverUrl);
  if (!server.ok) issues.serverUrl = server.message;
  const email = input.email.trim();
  if (!email) issues.email = t('emailRequired');
  else if (!EMAIL.test(email)) issues.email = t('emailInvalid');
  if (!input.password) issues.password = t('passwordRequired');
  if (!server.ok || Object.keys(issues).length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: { serverUrl: server.serverUrl, origin: server.origin, email, password: input.password },
  };
}

/** The typed sign-in was refused before reaching the server; one message per field. */
export class SignInInputError extends Error {
  override readonly name = 'SignInInputError';
  constructor(readonly issues: SignInIssues) {
    super(Object.values(issues).join(' '));
  }
}
