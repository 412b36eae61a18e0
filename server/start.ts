import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app';
import type { AppOptions } from './app-options';
import { DEFAULT_PORT } from './config';
import { type DatabaseKind, openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { type DemoSeed, seedDemoIfEmpty } from './demo/seed-demo';
import { createLogger, type Logger } from './logger';
import { ChangeNotifier } from './sync/change-notifier';

export interface StartServerOptions {
  /** 0 picks a free port; default 8787. */
  port?: number;
  /** Default 127.0.0.1: only this machine, unless asked otherwise. */
  host?: string;
  /** PostgreSQL instead of the embedded PGlite. */
  databaseUrl?: string;
  /** PGlite's data folder; default `data/pglite` under the project. */
  dataDir?: string;
  /** PGlite in memory (tests). */
  inMemory?: boolean;
  /** No log output at all (tests). Ignored when `logger` is given. */
  quiet?: boolean;
  logger?: Logger;
  /** API tunables (token lifetime, rate limit, body limit); defaults otherwise. */
  appOptions?: Partial<AppOptions>;
  /** Creates the demo contact center on an empty database (never with NODE_ENV=production). */
  seedDemo?: boolean;
}

export interface RunningServer {
  /** Where it listens, without a trailing slash, e.g. `http://127.0.0.1:8787`. */
  url: string;
  port: number;
  database: DatabaseKind;
  /** The demo contact center's accounts, when `seedDemo` was asked for and there is one. */
  demo: DemoSeed | null;
  /** Stops accepting, lets requests in flight finish (briefly), closes the database. Idempotent. */
  close(): Promise<void>;
}

/** How long requests in flight (and, later, event streams) get before their connections are cut. */
const DRAIN_TIMEOUT_MS = 5_000;

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    // Keep-alive connections with no request in flight would otherwise hold close() open.
    server.closeIdleConnections();
  });
}

function urlOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Opens the database, migrates it, and serves the app until `close()`. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger({ silent: options.quiet });
  const host = options.host ?? '127.0.0.1';
  const database = await openDatabase({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    inMemory: options.inMemory,
    logger,
  });
  let server: Server;
  let port: number;
  let notifier: ChangeNotifier | undefined;
  let demo: DemoSeed | null = null;
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) logger.info('database migrated', { migrations: applied });
    if (options.seedDemo) demo = await seedDemoIfEmpty(database.db);
    notifier = new ChangeNotifier(database.listen, logger);
    await notifier.start();
    const app = createApp({
      db: database.db,
      databaseKind: database.kind,
      logger,
      notifier,
      options: options.appOptions,
    });
    server = createAdaptorServer({ fetch: app.fetch, hostname: host }) as Server;
    ({ port } = await listen(server, options.port ?? DEFAULT_PORT, host));
  } catch (error) {
    await notifier?.close();
    await database.close();
    throw error;
  }
  const url = urlOf(host, port);
  logger.info('server started', { url, database: database.kind });

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      logger.info('server stopping');
      try {
        // Ends the open event streams first, or they would hold the drain to its timeout.
        await notifier?.close();
        await stopServer(server);
      } finally {
        await database.close();
      }
      logger.info('server stopped');
    })();
    return closing;
  };
  return { url, port, database: database.kind, demo, close };
}
