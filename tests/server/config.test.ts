import { describe, expect, it } from 'vitest';
import { readServerConfig } from '../../server/config';

describe('readServerConfig', () => {
  it('defaults to port 8787 and leaves everything else to the server', () => {
    expect(readServerConfig({})).toEqual({ port: 8787 });
  });

  it('reads every variable it knows', () => {
    expect(
      readServerConfig({
        PORT: '0',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgres://wrapup@db.internal:5432/wrapup',
        WRAPUP_DATA_DIR: '/var/lib/wrapup',
        LOG_LEVEL: 'debug',
        UNRELATED: 'ignored',
      }),
    ).toEqual({
      port: 0,
      host: '0.0.0.0',
      databaseUrl: 'postgres://wrapup@db.internal:5432/wrapup',
      dataDir: '/var/lib/wrapup',
      logLevel: 'debug',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(readServerConfig({ PORT: '', DATABASE_URL: '' })).toEqual({ port: 8787 });
  });

  it.each(['eighty', '-1', '65536', '80.5', ' 80'])('refuses PORT=%j', (port) => {
    expect(() => readServerConfig({ PORT: port })).toThrow(/PORT/);
  });

  it('refuses a DATABASE_URL that is not PostgreSQL, and a LOG_LEVEL it does not know', () => {
    expect(() => readServerConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => readServerConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
