/** Tunables of the API; tests and benchmarks change them, production keeps the defaults. */
export interface AppOptions {
  /** How long a bearer token lasts after sign-in. */
  tokenTtlMs: number;
  /** Requests one token may make per minute before 429. */
  rateLimitPerMinute: number;
  /** Largest request body accepted, in bytes; bigger ones get 413. */
  bodyLimitBytes: number;
}

export const DEFAULT_APP_OPTIONS: AppOptions = {
  tokenTtlMs: 12 * 60 * 60 * 1000,
  rateLimitPerMinute: 1_200,
  bodyLimitBytes: 1024 * 1024,
};
