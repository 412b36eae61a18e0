import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FreshDatabase, testDatabases } from './support/databases';
import { type ServerProcess, spawnServer } from './support/server-process';

const PROCESS_TIMEOUT_MS = 120_000;

/** Starts the server process, checks /health, stops it with `signal`, returns its log lines. */
async function runUntilSignal(
  variables: Record<string, string>,
  signal: NodeJS.Signals,
  expectedDatabase: string,
): Promise<ServerProcess['lines']> {
  const server = spawnServer({ PORT: '0', ...variables });
  try {
    const started = await server.waitFor('server started');
    const health = await fetch(`${started.url as string}/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: expectedDatabase });
    server.child.kill(signal);
    expect(await server.exited).toEqual({ code: 0, signal: null });
  } finally {
    server.child.kill('SIGKILL');
  }
  expect(server.lines).toContainEqual(
    expect.objectContaining({ level: 'info', msg: 'shutdown requested', signal }),
  );
  expect(server.lines.at(-1)).toMatchObject({ level: 'info', msg: 'server stopped' });
  return server.lines;
}

describe('tsx server/main.ts on PGlite', () => {
  let parent: string;

  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'wrapup-main-'));
  });

  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it(
    'keeps its data in WRAPUP_DATA_DIR, exits 0 on SIGTERM and on SIGINT, migrates only once',
    async () => {
      const dataDir = join(parent, 'pglite');
      const first = await runUntilSignal({ WRAPUP_DATA_DIR: dataDir }, 'SIGTERM', 'pglite');
      expect(first.map((line) => line.msg)).toContain('database migrated');
      expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
      expect(existsSync(`${dataDir}.lock`)).toBe(false);

      const second = await runUntilSignal({ WRAPUP_DATA_DIR: dataDir }, 'SIGINT', 'pglite');
      expect(second.map((line) => line.msg)).not.toContain('database migrated');
    },
    PROCESS_TIMEOUT_MS,
  );
});

const postgres = testDatabases.find((target) => target.kind === 'postgres');

describe.runIf(postgres)('tsx server/main.ts on PostgreSQL', () => {
  let fresh: FreshDatabase;

  beforeAll(async () => {
    fresh = await postgres!.createFresh();
  });

  afterAll(async () => {
    await fresh?.drop();
  });

  it(
    'uses DATABASE_URL and exits 0 on SIGTERM',
    async () => {
      await runUntilSignal({ DATABASE_URL: fresh.options.databaseUrl! }, 'SIGTERM', 'postgres');
    },
    PROCESS_TIMEOUT_MS,
  );
});

describe('tsx server/main.ts with a bad configuration', () => {
  it('names the bad variable and exits 1 without starting', async () => {
    const server = spawnServer({ PORT: 'eighty' });
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(server.lines).toEqual([
      expect.objectContaining({ level: 'error', msg: 'invalid configuration' }),
    ]);
    expect(server.lines[0]?.reason).toMatch(/PORT/);
  });
});
