import { problemResponse } from './problem';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/** Thrown by a handler to answer with a problem document; the app's error handler sends it. */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }

  toResponse(): Response {
    const response = problemResponse(
      this.status,
      TITLES[this.status] ?? 'Error',
      this.detail,
      this.extensions,
    );
    for (const [name, value] of Object.entries(this.headers)) response.headers.set(name, value);
    return response;
  }
}

export const notFound = (what: string) => new ProblemError(404, `${what} was not found.`);
export const forbidden = (reason: string) => new ProblemError(403, reason);
