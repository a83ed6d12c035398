import { schemaVersion } from '../db/migrations';
import { errorFields } from '../logger';
import type { Route } from '../http/router';
import { withTimeout } from '../http/with-timeout';

/** A readiness check that hangs is as bad as a failing one: answer 503 after this long. */
const DB_CHECK_TIMEOUT_MS = 2_000;

/**
 * `GET /healthz`: liveness. 200 while the process serves requests; it does not touch the database, so an orchestrator
 * does not restart every instance because the database is briefly away (that is what `/readyz` reports).
 */
export function healthzRoute(): Route {
  return {
    method: 'GET',
    path: '/healthz',
    handler: () => Promise.resolve({ status: 200, body: { status: 'ok' } }),
  };
}

/**
 * `GET /readyz`: readiness. 200 when the database answers and is at the latest migration, 503 otherwise and while
 * the server is shutting down (so a load balancer stops sending it new requests). The body says which database and
 * version, for humans and load balancers alike.
 */
export function readyzRoute(latestMigration: number, draining: () => boolean = () => false): Route {
  return {
    method: 'GET',
    path: '/readyz',
    handler: async ({ db, log }) => {
      if (draining()) return { status: 503, body: { status: 'draining', db: { kind: db.kind, latestMigration } } };
      try {
        const migrationVersion = await withTimeout(schemaVersion(db), DB_CHECK_TIMEOUT_MS);
        const upToDate = migrationVersion === latestMigration;
        return {
          status: upToDate ? 200 : 503,
          body: {
            status: upToDate ? 'ok' : 'error',
            db: { ok: upToDate, kind: db.kind, migrationVersion, latestMigration },
          },
        };
      } catch (error) {
        log.warn('readyz.db_failed', errorFields(error));
        return {
          status: 503,
          body: {
            status: 'error',
            db: { ok: false, kind: db.kind, error: 'database did not answer', latestMigration },
          },
        };
      }
    },
  };
}
