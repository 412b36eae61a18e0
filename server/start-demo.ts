import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { closeOnSignals } from './close-on-signals';
import { readServerConfig } from './config';
import { formatDemoBanner } from './demo-banner';
import { createLogger } from './logger';
import { CHROME_EXTENSION_DIR, DEFAULT_DATA_DIR, PROJECT_ROOT } from './project-paths';
import { startServer } from './start';

/**
 * `npm start`: builds the extension, starts the server on the embedded PGlite (DATABASE_URL is
 * deliberately not used: the demo must never touch a real database) and prints what to open.
 * PORT, HOST, WRAPUP_DATA_DIR and LOG_LEVEL apply as for `npm run server`.
 */
async function startDemo(): Promise<void> {
  const config = readServerConfig(process.env);

  console.log('Building the extension (npx wxt build)…');
  const build = spawnSync('npx', ['wxt', 'build'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) {
    console.error('\nThe extension build failed (see above); the server was not started.');
    process.exitCode = 1;
    return;
  }

  // Request logs would scroll the banner away; LOG_LEVEL=info brings them back.
  const logger = createLogger({ level: config.logLevel ?? 'warn' });
  const dataDir = resolve(config.dataDir ?? DEFAULT_DATA_DIR);
  const server = await startServer({
    port: config.port,
    host: config.host,
    dataDir,
    logger,
    seedDemo: true,
  });
  console.log(
    formatDemoBanner({
      url: server.url,
      extensionDir: CHROME_EXTENSION_DIR,
      dataDir,
      demo: server.demo,
    }),
  );
  closeOnSignals(async () => {
    console.log('\nStopping Wrapup…');
    await server.close();
    console.log('Stopped.');
  }, logger);
}

try {
  await startDemo();
} catch (error) {
  console.error(`\nWrapup could not start: ${(error as Error).message}`);
  process.exitCode = 1;
}
