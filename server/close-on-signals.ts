import type { Logger } from './logger';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * On SIGINT or SIGTERM: runs `close` once, then lets the process end with code 0 (1 if closing
 * failed). A second signal while closing exits at once, for the impatient Ctrl+C.
 */
export function closeOnSignals(close: () => Promise<void>, logger: Logger): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      logger.warn('second signal while shutting down: exiting now', { signal });
      process.exit(1);
    }
    closing = true;
    logger.info('shutdown requested', { signal });
    close().then(
      () => finish(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error });
        finish(1);
      },
    );
  };
  const finish = (code: number) => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
    process.exitCode = code;
    // Everything is closed, so the process should end by itself; a handle some library forgot
    // must not keep it alive. The timer is unref'd: it never delays a clean exit.
    setTimeout(() => process.exit(code), 2_000).unref();
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
}
