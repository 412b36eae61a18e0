import { HTTPError, TimeoutError } from 'ky';
import { t } from '../i18n/translate';

/** What went wrong talking to the server, as the sync loop and the UI decide on it. */
export type ServerErrorKind =
  | 'offline'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'bad-request'
  | 'server';

/** A field-level message of a 400, as the server's problem document lists it. */
export interface ServerFieldError {
  path: string;
  message: string;
}

/**
 * Any failure of a request to the Wrapup server. Its message is fit to show the agent: the
 * server's own reason (`detail`) when it gave one, else ours.
 */
export class ServerError extends Error {
  override readonly name: string = 'ServerError';
  constructor(
    readonly kind: ServerErrorKind,
    message: string,
    readonly status: number | null = null,
    /** The server's `detail`, when its answer was a problem document that had one. */
    readonly detail: string | null = null,
    readonly errors: readonly ServerFieldError[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Worth trying again later without anything changed (the network or the server was down). */
  get transient(): boolean {
    return this.kind === 'offline' || this.kind === 'timeout' || this.kind === 'server';
  }
}

/** No network, the server down or not answering (ky gave up retrying). */
export class OfflineError extends ServerError {
  override readonly name = 'OfflineError';
}

/** 401: the token expired or was revoked. The agent signs in again; the outbox stays. */
export class SessionExpiredError extends ServerError {
  override readonly name = 'SessionExpiredError';
}

/** 403: not allowed (a permission, a deactivated account); `detail` says why. */
export class ForbiddenError extends ServerError {
  override readonly name = 'ForbiddenError';
}

/** Another 4xx: the request was refused as it is; sending it again unchanged will not help. */
export class BadRequestError extends ServerError {
  override readonly name = 'BadRequestError';
}

/** 5xx, 408 or 429 (after ky's retries): try again later. */
export class ServerFailureError extends ServerError {
  override readonly name = 'ServerFailureError';
}

interface Problem {
  detail: string | null;
  errors: ServerFieldError[];
}

const MAX_DETAIL = 500;

/**
 * The problem document's `detail` and `errors`, checked by hand: the server may be anything the
 * agent typed the address of, so its answer is only read as plain strings, never trusted.
 */
async function readProblem(response: Response): Promise<Problem> {
  let body: unknown;
  try {
    body = await response.clone().json();
  } catch {
    return { detail: null, errors: [] };
  }
  if (typeof body !== 'object' || body === null) return { detail: null, errors: [] };
  const { detail, errors } = body as { detail?: unknown; errors?: unknown };
  const fieldErrors = Array.isArray(errors)
    ? errors.flatMap((entry: unknown) => {
        if (typeof entry !== 'object' || entry === null) return [];
        const { path, message } = entry as { path?: unknown; message?: unknown };
        return typeof message === 'string'
          ? [{ path: typeof path === 'string' ? path : '', message: message.slice(0, MAX_DETAIL) }]
          : [];
      })
    : [];
  return {
    detail: typeof detail === 'string' && detail.trim() ? detail.slice(0, MAX_DETAIL) : null,
    errors: fieldErrors,
  };
}

function httpError(status: number, problem: Problem, cause: unknown): ServerError {
  const { detail, errors } = problem;
  const args = [status, detail, errors, { cause }] as const;
  if (status === 401) {
    return new SessionExpiredError('unauthorized', t('serverSessionExpired'), ...args);
  }
  if (status === 403) {
    return new ForbiddenError('forbidden', detail ?? t('serverForbidden', { status }), ...args);
  }
  // 408 and 429 say "not now", not "never": the sync loop tries again later.
  if (status >= 500 || status === 408 || status === 429) {
    return new ServerFailureError('server', t('serverUnavailable', { status }), ...args);
  }
  const fields = errors.map((error) => (error.path ? `${error.path}: ` : '') + error.message);
  const message = [detail ?? t('serverBadRequest', { status }), ...fields].join(' ');
  return new BadRequestError('bad-request', message, ...args);
}

/**
 * Turns whatever a ky call threw into a ServerError: TypeError (fetch's network failure) and
 * TimeoutError are offline, HTTP errors are sorted by status with the server's reason. Null
 * for an error that is not about the request at all (a bug), which callers rethrow as it is.
 */
export async function classifyServerError(error: unknown): Promise<ServerError | null> {
  if (error instanceof ServerError) return error;
  if (error instanceof HTTPError) {
    return httpError(error.response.status, await readProblem(error.response), error);
  }
  if (error instanceof TimeoutError) {
    return new OfflineError('timeout', t('serverTimeout'), null, null, [], { cause: error });
  }
  if (error instanceof TypeError) {
    return new OfflineError('offline', t('serverOffline'), null, null, [], { cause: error });
  }
  return null;
}

/** Runs a request and rethrows its failure as a ServerError (see classifyServerError). */
export async function requestServer<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw (await classifyServerError(error)) ?? error;
  }
}
