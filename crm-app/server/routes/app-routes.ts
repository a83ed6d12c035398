/** Wires Closer's integration: services shared by the routes (tokens, HubSpot client, sync worker) and the routes. */
import type { AppConfig } from '../app-config';
import type { Database } from '../db/database';
import { TokenRateLimit } from '../extension/token-rate-limit';
import type { Route } from '../http/router';
import type { Logger } from '../logger';
import { TokenStore } from '../oauth/token-store';
import { HubSpotClient } from '../sync/hubspot-client';
import { SyncWorker } from '../sync/worker';
import { contactRoutes } from './contact-routes';
import { deviceRoutes } from './device-routes';
import { campaignRoutes } from './campaign-routes';
import { catalogueRoutes } from './catalogue-routes';
import { extensionRoutes } from './extension-routes';
import { hubspotRoutes } from './hubspot-routes';
import { oauthRoutes } from './oauth-routes';

export interface AppServices {
  config: AppConfig;
  db: Database;
  tokens: TokenStore;
  hubspot: HubSpotClient;
  worker: SyncWorker;
  tokenRateLimit: TokenRateLimit;
  start(): void;
  stop(): Promise<void>;
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

export function appRoutes(services: AppServices): Route[] {
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
