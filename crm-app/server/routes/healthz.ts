import { schemaVersion } from '../db/migrations';
import { errorFields } from '../logger';
import type { Route } from '../http/router';
import { withTimeout } from '../http/with-timeout';

/** A health check that hangs is as bad as a failing one: answer 503 after this long. */
const DB_CHECK_TIMEOUT_MS = 2_000;

/**
 * `GET /healthz`: 200 when the database answers and is at the latest migration, 503 otherwise. The body says which
 * database and version, for humans and load balancers alike.
 */
export function healthzRoute(latestMigration: number): Route {
  return {
    method: 'GET',
    path: '/healthz',
    handler: async ({ db, log }) => {
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
        log.warn('healthz.db_failed', errorFields(error));
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
