import { z } from 'zod';
import type { WrapupDb } from '../db/database';
import { clearLocalData } from '../db/local-data';
import { clearSession, loadSession, saveSignedIn } from '../db/session-store';
import { IdSchema, TimestampSchema } from '../domain/ids';
import type { Session } from '../domain/session';
import { UserSchema } from '../domain/user';
import { t } from '../i18n/translate';
import { actAsLocalAgent, actAsSignedInUser } from '../session/current-agent';
import { BadRequestError, requestServer, ServerError, SessionExpiredError } from './server-errors';
import { serverHttp } from './server-http';
import { checkSignInInput, type SignInInput, SignInInputError } from './sign-in-input';

/** The server's answer to `POST /v1/auth/sign-in`; anything else is not a Wrapup server. */
const SignInResponseSchema = z.object({
  token: z.string().min(1).max(200),
  tokenType: z.literal('Bearer').optional(),
  expiresAt: TimestampSchema,
  user: UserSchema,
  tenant: z.object({ id: IdSchema, name: z.string().max(200) }),
});

export interface ServerDeps {
  db: WrapupDb;
  /** Tests pass the in-process server's fetch. */
  fetch?: typeof fetch;
  timeoutMs?: number;
  retryLimit?: number;
}

/** 401 on sign-in: the email or password is wrong (not an expired session). */
export class WrongCredentialsError extends ServerError {
  override readonly name = 'WrongCredentialsError';
}

function notWrapup(cause: unknown): ServerError {
  return new BadRequestError('bad-request', t('serverNotWrapup'), null, null, [], { cause });
}

async function requestSignIn(
  serverUrl: string,
  credentials: { email: string; password: string },
  deps: ServerDeps,
): Promise<unknown> {
  const http = serverHttp({
    serverUrl,
    fetch: deps.fetch,
    timeoutMs: deps.timeoutMs ?? 15_000,
    // The agent is waiting at the form: one quick retry, then say what is wrong.
    retryLimit: deps.retryLimit ?? 1,
    backoffLimitMs: 2_000,
    maxRetryAfterMs: 5_000,
  });
  try {
    return await requestServer(() => http.post('v1/auth/sign-in', { json: credentials }).json());
  } catch (error) {
    if (error instanceof SessionExpiredError) {
      const { status, detail, errors } = error;
      const message = detail ?? t('signInWrongPassword');
      throw new WrongCredentialsError('unauthorized', message, status, detail, errors, {
        cause: error,
      });
    }
    // A 404 or 405 there, or a page that is not JSON: the address is some other site.
    if (error instanceof SyntaxError) throw notWrapup(error);
    if (error instanceof BadRequestError && (error.status === 404 || error.status === 405)) {
      throw notWrapup(error);
    }
    throw error;
  }
}

/**
 * Signs in: checks what was typed (SignInInputError, one message per field), asks the server
 * (ServerError: wrong password, deactivated, offline…), then keeps the session and its user and
 * makes that user the acting agent.
 */
export async function signIn(input: SignInInput, deps: ServerDeps): Promise<Session> {
  const checked = checkSignInInput(input);
  if (!checked.ok) throw new SignInInputError(checked.issues);
  const { serverUrl, email, password } = checked.value;
  const answer = SignInResponseSchema.safeParse(
    await requestSignIn(serverUrl, { email, password }, deps),
  );
  if (!answer.success) throw notWrapup(answer.error);
  const { token, expiresAt, user, tenant } = answer.data;
  const session: Session = { serverUrl, token, expiresAt, user, tenant };
  await saveSignedIn(deps.db, session);
  await actAsSignedInUser(user.id);
  return session;
}

export interface SignOutResult {
  /** False when the server could not be told (offline): the token then simply runs out. */
  revoked: boolean;
}

/**
 * Signs out on this device whatever the server says: the token is revoked when the server can be
 * reached, the session is forgotten, the browser's own agent acts again and, when asked, every
 * local row goes too (the caller warns first about unsent changes: see unsentChangeCount).
 */
export async function signOut(
  deps: ServerDeps,
  options: { clearLocalData: boolean },
): Promise<SignOutResult> {
  const session = await loadSession(deps.db);
  let revoked = false;
  if (session) {
    const http = serverHttp({
      serverUrl: session.serverUrl,
      token: session.token,
      fetch: deps.fetch,
      timeoutMs: deps.timeoutMs ?? 5_000,
      retryLimit: deps.retryLimit ?? 0,
    });
    try {
      await requestServer(() => http.post('v1/auth/sign-out'));
      revoked = true;
    } catch (error) {
      // An already expired or revoked token is as good as revoked.
      if (error instanceof SessionExpiredError) revoked = true;
      else if (!(error instanceof ServerError)) throw error;
    }
  }
  await clearSession(deps.db);
  if (options.clearLocalData) await clearLocalData(deps.db);
  await actAsLocalAgent();
  return { revoked };
}
