/**
 * Property-based fuzzing of every backend route (issue 17): FUZZ_RUNS (default 1,000) generated requests per route
 * and method, with generated path parameters, query strings, bodies (JSON and raw), content types and credentials
 * (none, garbage, a valid extension token), against a real server on an in-memory PGlite database. Fails (exit 1) on
 * any 5xx answer, any dropped connection, or any refused (4xx) request that changed a table's row count. Prints the
 * counts per route and in all. The routes are read from crm-app/server/routes/, so a new route is fuzzed too.
 *
 *   npm run -s fuzz:server            (FUZZ_RUNS=200 for a quick pass)
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPGlite, wrapPGlite } from '../../crm-app/server/db/pglite-database';
import { startHarness } from '../../crm-app/server/test-support/app-harness';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);
const ROUTES_DIR = fileURLToPath(new URL('../../crm-app/server/routes/', import.meta.url));

function declaredRoutes(): { method: string; path: string }[] {
  const found: { method: string; path: string }[] = [];
  for (const file of readdirSync(ROUTES_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const text = readFileSync(path.join(ROUTES_DIR, file), 'utf8');
    for (const m of text.matchAll(/method:\s*'([A-Z]+)',\s*(?:\/\/[^\n]*\n\s*)*path:\s*'([^']+)'/g))
      found.push({ method: m[1]!, path: m[2]! });
  }
  return found;
}

const segment = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.emailAddress(),
  fc.nat().map(String),
  fc.constantFrom('..', '%00', 'a'.repeat(300), '1 OR 1=1', "'; DROP TABLE portals;--"),
);
const body = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.dictionary(fc.string({ maxLength: 20 }), fc.jsonValue()).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 2_000 }),
  fc.constantFrom('', '{', '[]', 'null', '{"items":[]}', '{"items":[{}]}', '{"events":[{}]}', '{"__proto__":{"x":1}}'),
);
const contentType = fc.constantFrom(undefined, 'application/json', 'text/plain', 'application/x-www-form-urlencoded');

async function main() {
  const database = { db: wrapPGlite(await createPGlite({ dataDir: 'memory://' }), { ownsInstance: true }) };
  const harness = await startHarness(database.db, {}, { SYNC_WORKER: '0', EXTENSION_RATE_PER_MINUTE: '100000000' });
  // Revoking or renewing routes may retire the valid token: a fresh one is issued after each of their cases.
  let token = await harness.devToken(101, 'fuzz-user');
  const VALID = 'valid-token';
  const auth = fc.constantFrom(undefined, VALID, 'Bearer clx_notatokennotatokennotatoken', 'Basic eA==');
  const tables = (
    await database.db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()
          AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
  ).rows.map((r) => r.name);
  const fingerprint = async () =>
    (
      await database.db.query<{ f: string }>(
        `SELECT concat_ws(',', ${tables.map((t) => `(SELECT count(*) FROM "${t}")`).join(', ')}) AS f`,
      )
    ).rows[0]!.f;

  const routes = declaredRoutes();
  const totals = { routes: 0, cases: 0, refused: 0, ok: 0, errors5xx: 0, dropped: 0, changedOnRefusal: 0 };
  const problems: string[] = [];
  for (const route of routes) {
    const per = { cases: 0, s2xx: 0, s3xx: 0, s4xx: 0, s5xx: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { minLength: 3, maxLength: 3 }),
        fc.dictionary(fc.constantFrom('since', 'campaignId', 'portalId', 'code', 'state', 'q', 'limit'), segment, {
          maxKeys: 3,
        }),
        body,
        contentType,
        auth,
        async (params, query, payload, type, authorization) => {
          let i = 0;
          const p = route.path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(params[i++] ?? ''));
          const qs = new URLSearchParams(query).toString();
          const headers: Record<string, string> = {};
          if (type) headers['content-type'] = type;
          if (authorization) headers.authorization = authorization === VALID ? `Bearer ${token}` : authorization;
          const before = await fingerprint();
          let status: number;
          try {
            const res = await fetch(`${harness.server.url}${p}${qs ? `?${qs}` : ''}`, {
              method: route.method,
              headers,
              redirect: 'manual',
              ...(route.method === 'GET' || route.method === 'HEAD' ? {} : { body: payload }),
            });
            status = res.status;
            await res.arrayBuffer();
          } catch (err) {
            totals.dropped++;
            problems.push(`${route.method} ${p}: no answer (${String(err)})`);
            return;
          }
          per.cases++;
          per[`s${Math.floor(status / 100)}xx` as keyof typeof per]++;
          if (status >= 500) {
            totals.errors5xx++;
            problems.push(`${route.method} ${p}: ${status} for ${payload.slice(0, 200)}`);
          } else if (status >= 400) {
            totals.refused++;
            if ((await fingerprint()) !== before) {
              totals.changedOnRefusal++;
              problems.push(`${route.method} ${p}: answered ${status} but changed the database`);
            }
          } else totals.ok++;
          if (route.path.startsWith('/v1/tokens/')) token = await harness.devToken(101, 'fuzz-user');
        },
      ),
      { numRuns: RUNS },
    );
    totals.routes++;
    totals.cases += per.cases;
    process.stdout.write(`${JSON.stringify({ route: `${route.method} ${route.path}`, ...per })}\n`);
  }
  await harness.close();
  await database.db.close();
  process.stdout.write(`${JSON.stringify({ fuzz: 'server routes', runsPerRoute: RUNS, ...totals })}\n`);
  for (const problem of problems.slice(0, 50)) process.stderr.write(`[fuzz:server] ${problem}\n`);
  process.exit(problems.length > 0 || totals.routes < routes.length ? 1 : 0);
}

void main().catch((err: unknown) => {
  process.stderr.write(`[fuzz:server] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
