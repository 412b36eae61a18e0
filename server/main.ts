import { closeOnSignals } from './close-on-signals';
import { readServerConfig, type ServerConfig } from './config';
import { createLogger } from './logger';
import { startServer } from './start';

/**
 * `npm run server`: the server alone, configured by PORT, HOST, DATABASE_URL, WRAPUP_DATA_DIR and
 * LOG_LEVEL, running until SIGINT or SIGTERM.
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
