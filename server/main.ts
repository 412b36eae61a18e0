import { createTenantCommand } from './cli/create-tenant-command';
import { closeOnSignals } from './close-on-signals';
import { readServerConfig, type ServerConfig } from './config';
import { createLogger } from './logger';
import { startServer } from './start';

/**
 * `npm run server`: the server alone, configured by PORT, HOST, DATABASE_URL, WRAPUP_DATA_DIR and
 * LOG_LEVEL, running until SIGINT or SIGTERM. `npm run server -- create-tenant …` instead creates
 * a contact center and its first administrator.
 */
async function main(): Promise<void> {
  let config: ServerConfig;
  try {
    config = readServerConfig(process.env);
  } catch (error) {
    createLogger().error('invalid configuration', { reason: (error as Error).message });
    process.exitCode = 1;
    return;
  }
  const [command, ...args] = process.argv.slice(2);
  if (command === 'create-tenant') {
    process.exitCode = await createTenantCommand(args, config);
    return;
  }
  if (command !== undefined) {
    console.error(`Unknown command "${command}". Commands: create-tenant.`);
    process.exitCode = 2;
    return;
  }
  const logger = createLogger({ level: config.logLevel });
  try {
    const server = await startServer({ ...config, logger });
    closeOnSignals(server.close, logger);
  } catch (error) {
    logger.error('server failed to start', { error });
    process.exitCode = 1;
  }
}

await main();
