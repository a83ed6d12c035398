/**
 * Entry point: `npx tsx crm-app/server/main.ts` (or `npm run start:server`). Configuration comes from the
 * environment (see config.ts). SIGTERM or SIGINT stops it gracefully; a second signal exits at once.
 */
import { loadAppConfig, type AppConfig } from './app-config';
import { ConfigError, loadConfig, type ServerConfig } from './config';
import { startServer } from './app';
import { createLogger, errorFields } from './logger';

/** A shutdown that takes longer than this is stuck: exit anyway, with a failure code. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

function configOrExit(): { config: ServerConfig; app: AppConfig } {
  try {
    const config = loadConfig(process.env);
    return { config, app: loadAppConfig(process.env, `http://${config.host}:${config.port}`) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    createLogger({ level: 'error' }).error('config.invalid', { message: error.message });
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const { config, app } = configOrExit();
  const logger = createLogger({ level: config.logLevel });
  const server = await startServer(config, { logger, app });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn('server.forced_exit', { signal });
      process.exit(1);
    }
    stopping = true;
    logger.info('server.shutdown', { signal });
    const timer = setTimeout(() => {
      logger.error('server.shutdown_timeout', { ms: SHUTDOWN_TIMEOUT_MS });
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('server.shutdown_failed', errorFields(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  createLogger({ level: 'error' }).error('server.start_failed', errorFields(error));
  process.exit(1);
});
