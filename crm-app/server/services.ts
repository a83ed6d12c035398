/**
 * What the routes of Closer's HubSpot integration need: the services app.ts builds once per server and hands to
 * every route module. Routes depend on this contract, not on how it is wired.
 */
import type { AppConfig } from './app-config';
import type { Database } from './db/database';
import type { TokenRateLimit } from './extension/token-rate-limit';
import type { HubSpotClient } from './hubspot/hubspot-client';
import type { TokenStore } from './oauth/token-store';
import type { SyncWorker } from './sync/worker';

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
