import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/database';
import { MIGRATIONS } from '../../server/db/migrations/index';
import { startServer } from '../../server/start';
import { type FreshDatabase, openConnectionsTo, testDatabases } from './support/databases';
import { recordingLogger } from './support/log-lines';

// These tests create their database inside the test; a PGlite takes seconds on a busy machine.
const STARTUP_TIMEOUT_MS = 120_000;

function listenOn(port: number): Promise<void> {
  const probe = createServer();
  return new Promise((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

describe.each(testDatabases)('startServer on $kind', (target) => {
  let fresh: FreshDatabase;

  beforeAll(async () => {
    fresh = await target.createFresh();
  });

  afterAll(async () => {
    await fresh?.drop();
  });

  it(
    'migrates, serves, logs each request, and frees its port on close',
    async () => {
      const { logger, lines } = recordingLogger();
      const server = await startServer({ port: 0, ...fresh.options, logger });
      try {
        expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
        expect(server.database).toBe(target.kind);
        const health = await fetch(`${server.url}/health`);
        expect(await health.json()).toMatchObject({ status: 'ok', database: target.kind });
      } finally {
        await server.close();
      }
      await server.close();

      expect(lines.map((line) => line.msg)).toEqual([
        'database migrated',
        'server started',
        'request',
        'server stopping',
        'server stopped',
      ]);
      expect(lines[0]).toMatchObject({ level: 'info', migrations: Object.keys(MIGRATIONS) });
      expect(lines[1]).toMatchObject({ url: server.url, database: target.kind });
      expect(lines[2]).toMatchObject({ method: 'GET', path: '/health', status: 200 });
      expect(lines[2]?.ms).toEqual(expect.any(Number));
      expect(typeof lines[2]?.time).toBe('string');

      await expect(fetch(`${server.url}/health`)).rejects.toThrow();
      await listenOn(server.port);
      if (fresh.options.databaseUrl) {
        expect(await openConnectionsTo(fresh.options.databaseUrl)).toBe(0);
      }
    },
    STARTUP_TIMEOUT_MS,
  );

  it(
    'fails on a port in use, and closes the database it opened',
    async () => {
      const blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const { port } = blocker.address() as { port: number };
      try {
        await expect(startServer({ port, ...fresh.options, quiet: true })).rejects.toThrow(
          /EADDRINUSE/,
        );
      } finally {
        await new Promise((resolve) => blocker.close(resolve));
      }
      if (fresh.options.databaseUrl) {
        expect(await openConnectionsTo(fresh.options.databaseUrl)).toBe(0);
      }
    },
    STARTUP_TIMEOUT_MS,
  );
});

describe('startServer on a PGlite data folder', () => {
  let parent: string;

  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'wrapup-start-'));
  });

  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it(
    'lets go of the folder when it cannot listen',
    async () => {
      const dataDir = join(parent, 'pglite');
      const blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const { port } = blocker.address() as { port: number };
      try {
        await expect(startServer({ port, dataDir, quiet: true })).rejects.toThrow(/EADDRINUSE/);
      } finally {
        await new Promise((resolve) => blocker.close(resolve));
      }
      const reopened = await openDatabase({ dataDir });
      await reopened.close();
    },
    STARTUP_TIMEOUT_MS,
  );
});
