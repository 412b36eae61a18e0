import type { Kysely } from 'kysely';
import { createApp } from '../../../server/app';
import type { Database } from '../../../server/db/schema';
import { createLogger, type Logger } from '../../../server/logger';

/** The app over a database that throws on any use: for behaviour that must not touch it. */
export function appWithoutDatabase(
  logger: Logger = createLogger({ silent: true }),
): ReturnType<typeof createApp> {
  const refusing = new Proxy(
    {},
    {
      get: () => {
        throw new Error('no database in this test');
      },
    },
  ) as Kysely<Database>;
  return createApp({ db: refusing, databaseKind: 'pglite', logger });
}
