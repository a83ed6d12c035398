/**
 * The backend's wiring: opens (or takes) the database and migrates it, builds the integration's services, picks the
 * routes and starts the HTTP transport with them; close() takes it all down in the reverse order.
 */
import type { AppConfig } from './app-config';
import type { ServerConfig } from './config';
import type { Database } from './db/database';
import { startEmbeddedAutovacuum } from './db/embedded-autovacuum';
import { loadMigrations, migrate } from './db/migrations';
import { openDatabase } from './db/open-database';
import { TokenRateLimit } from './extension/token-rate-limit';
import type { Route } from './http/router';
import { startHttpServer, type HttpServer } from './http/server';
import { createLogger, type Logger } from './logger';
import { TokenStore } from './oauth/token-store';
import { campaignRoutes } from './routes/campaign-routes';
import { catalogueRoutes } from './routes/catalogue-routes';
import { contactRoutes } from './routes/contact-routes';
import { deviceRoutes } from './routes/device-routes';
import { extensionRoutes } from './routes/extension-routes';
import { healthzRoute, readyzRoute } from './routes/healthz';
import { privacyRoute } from './routes/privacy';
import { hubspotRoutes } from './routes/hubspot-routes';
import { oauthRoutes } from './routes/oauth-routes';
import { personaRoute } from './routes/persona';
import type { AppServices } from './services';
import { HubSpotClient } from './hubspot/hubspot-client';
import { SyncWorker } from './sync/worker';

export interface StartServerOptions {
  logger?: Logger;
  /** Closer's HubSpot integration (extension API, OAuth, sync worker, card, webhooks); without it only the basics. */
  app?: AppConfig;
  /** Use this database instead of opening the configured one; the caller keeps ownership (close() leaves it open). */
  database?: Database;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8787`, with the real port when the config asked for port 0. */
  url: string;
  database: Database;
  /** Present when started with `app`. */
  services?: AppServices;
  /** Stops accepting connections, lets in-flight requests finish (up to a grace period), then closes the database. */
  close(): Promise<void>;
}

/** Opens (or takes) the database, applies pending migrations and starts the HTTP server. */
export async function startServer(config: ServerConfig, options: StartServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const ownsDatabase = options.database === undefined;
  const database = options.database ?? (await openDatabase(config, logger));

  const migrations = loadMigrations();
  try {
    const { applied, version } = await migrate(database, { migrations, logger });
    logger.info('db.ready', { kind: database.kind, version, applied });
  } catch (error) {
    if (ownsDatabase) await database.close();
    throw error;
  }

  const services = options.app ? createAppServices(options.app, database, logger) : undefined;
  // PostgreSQL has autovacuum; the embedded database has nothing of the kind unless we run it (see the module).
  const autovacuum = ownsDatabase && database.kind === 'pglite' ? startEmbeddedAutovacuum(database, logger) : undefined;
  let closing = false;
  const routes = [
    healthzRoute(),
    readyzRoute(migrations.length, () => closing),
    privacyRoute(),
    personaRoute(),
    ...(services ? appRoutes(services) : []),
  ];

  let http: HttpServer;
  try {
    http = await startHttpServer({
      port: config.port,
      host: config.host,
      routes,
      database,
      logger,
      extensionOrigin: options.app?.extensionOrigin,
      maxBodyBytes: options.app?.maxBodyBytes ?? 1024 * 1024,
    });
  } catch (error) {
    await autovacuum?.stop();
    if (ownsDatabase) await database.close();
    throw error;
  }
  const { url } = http;
  logger.info('server.listening', { url, db: database.kind });
  services?.start();

  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= (async () => {
      closing = true;
      // The sync worker stops claiming at once and drains while the last requests are answered.
      const workerStopped = services?.stop();
      await http.close();
      await workerStopped;
      await autovacuum?.stop();
      if (ownsDatabase) await database.close();
      logger.info('server.stopped', { url });
    })();
    return closed;
  };

  return { url, database, close, ...(services ? { services } : {}) };
}

export function createAppServices(config: AppConfig, db: Database, logger: Logger): AppServices {
  const tokens = new TokenStore(db, config);
  const hubspot = new HubSpotClient(config.hubspotApiUrl, tokens);
  // The worker works in the database's background lane (PGlite) or pool (PostgreSQL): requests never queue behind it.
  const worker = new SyncWorker(db.background?.() ?? db, hubspot, config.sync, logger.child({ component: 'sync' }));
  return {
    config,
    db,
    tokens,
    hubspot,
    worker,
    tokenRateLimit: new TokenRateLimit(config.tokenRatePerMinute),
    start: () => {
      if (config.sync.enabled) worker.start();
    },
    stop: async () => {
      await worker.stop();
    },
  };
}

/** The integration's routes, on top of the basics every server answers. */
function appRoutes(services: AppServices): Route[] {
  return [
    ...extensionRoutes(services),
    ...oauthRoutes(services),
    ...hubspotRoutes(services),
    ...deviceRoutes(services),
    ...contactRoutes(services),
    ...campaignRoutes(services),
    ...catalogueRoutes(services),
  ];
}
