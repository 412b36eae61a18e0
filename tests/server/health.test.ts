import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createLogger } from '../../server/logger';
import { type OpenTestDatabase, openFreshDatabase, testDatabases } from './support/databases';

const PACKAGE_VERSION = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8'),
).version as string;

describe.each(testDatabases)('GET /health on $kind', (target) => {
  let database: OpenTestDatabase;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    database = await openFreshDatabase(target);
    app = createApp({
      db: database.db,
      databaseKind: database.kind,
      logger: createLogger({ silent: true }),
    });
  });

  afterAll(async () => {
    await database?.dispose();
  });

  it('reports ok, the package version and which database', async () => {
    const response = await app.request('/health');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      status: 'ok',
      version: PACKAGE_VERSION,
      database: target.kind,
    });
  });

  it('answers 503 with status error once the database no longer answers', async () => {
    // Last in this file: it closes the database the other tests use.
    await database.close();
    const response = await app.request('/health');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: 'error',
      version: PACKAGE_VERSION,
      database: target.kind,
    });
  });
});
