import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError } from '../../server/db/data-dir-lock';
import { openDatabase } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrate';

// Each PGlite takes seconds to create, so each test here walks through several steps.
const TEST_TIMEOUT_MS = 120_000;

describe('PGlite in a data folder', () => {
  let parent: string;
  let dataDir: string;

  beforeEach(async () => {
    parent = await mkdtemp(join(tmpdir(), 'wrapup-pglite-'));
    dataDir = join(parent, 'nested', 'pglite');
  });

  afterEach(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it(
    'keeps its data across a reopen, and is never opened twice at once',
    async () => {
      const first = await openDatabase({ dataDir });
      const id = uuidv7();
      try {
        expect(first.kind).toBe('pglite');
        await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DataDirInUseError);
        await migrateToLatest(first.db);
        await first.db.insertInto('tenants').values({ id, name: 'Acme Support' }).execute();
      } finally {
        await first.close();
      }
      expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
      expect(existsSync(`${dataDir}.lock`)).toBe(false);

      const second = await openDatabase({ dataDir });
      try {
        expect(await migrateToLatest(second.db)).toEqual([]);
        const tenants = await second.db.selectFrom('tenants').select(['id', 'name']).execute();
        expect(tenants).toEqual([{ id, name: 'Acme Support' }]);
      } finally {
        await second.close();
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'takes over a lock whose process is gone, and close() closes even an unqueried one',
    async () => {
      const gone = spawnSync(process.execPath, ['-e', '']).pid;
      expect(gone).toBeGreaterThan(0);
      await mkdir(dirname(dataDir), { recursive: true });
      await writeFile(`${dataDir}.lock`, String(gone));

      const opened = await openDatabase({ dataDir });
      await opened.close();
      await expect(sql`select 1`.execute(opened.db)).rejects.toThrow();
      expect(existsSync(`${dataDir}.lock`)).toBe(false);
    },
    TEST_TIMEOUT_MS,
  );
});
