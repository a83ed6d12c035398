/**
 * `npm run -s smoke:server`: the production build (crm-app/server/dist, from `npm run build:server`) started as it is
 * deployed — plain `node dist/main.mjs`, NODE_ENV=production, its own secrets in the environment — against the test
 * PostgreSQL (TEST_DATABASE_URL, in a schema of its own). Checks liveness, readiness, that the API refuses a request
 * without a valid token, that development conveniences are off, that it refuses to start on development defaults,
 * and that SIGTERM stops it cleanly. Prints one JSON line; exits non-zero on the first failed check.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'crm-app/server/dist');
const MAIN = join(DIST, 'main.mjs');

const checks: Record<string, number | string | boolean> = {};
function check(name: string, ok: boolean, detail: string): void {
  if (!ok) throw new Error(`${name}: ${detail}`);
  checks[name] = true;
}

function run(env: Record<string, string>): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  // Only what a container would have: no inherited development variables.
  const child = spawn(process.execPath, [MAIN], {
    cwd: DIST,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
  const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, output: () => output, exit };
}

async function waitListening(output: () => string, exit: Promise<number | null>, timeoutMs = 30_000): Promise<string> {
  let exited: number | null | undefined;
  void exit.then((code) => (exited = code));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`the built server exited with ${exited}:\n${output().slice(-2000)}`);
    const line = output()
      .split('\n')
      .map((l) => {
        try {
          return JSON.parse(l) as { event?: string; url?: string };
        } catch {
          return {};
        }
      })
      .find((l) => l.event === 'server.listening');
    if (line?.url) return line.url;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the built server did not listen within ${timeoutMs} ms:\n${output().slice(-2000)}`);
}

async function main() {
  const started = performance.now();
  if (!existsSync(MAIN)) throw new Error(`No production build at ${MAIN}: run "npm run build:server" first`);
  const base = process.env.TEST_DATABASE_URL;
  if (!base)
    throw new Error(
      'TEST_DATABASE_URL is not set: export TEST_DATABASE_URL=$(bash scripts/dev/pg-test-cluster.sh start)',
    );

  const production = {
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    HUBSPOT_CLIENT_ID: randomUUID(),
    HUBSPOT_CLIENT_SECRET: randomUUID(),
    CLOSER_TOKEN_KEY: randomBytes(32).toString('base64'),
    PUBLIC_URL: 'https://closer.smoke-test.invalid',
    CLOSER_EXTENSION_ORIGIN: `chrome-extension://${'a'.repeat(32)}`,
  };

  // On development defaults (no secrets), production must refuse to start, naming what is missing.
  const refused = run({ NODE_ENV: 'production', PORT: '0' });
  const refusedCode = await refused.exit;
  check('refuses_dev_defaults', refusedCode === 2, `exit code ${refusedCode}, output:\n${refused.output()}`);
  check('names_missing_secrets', /HUBSPOT_CLIENT_ID.*CLOSER_TOKEN_KEY/.test(refused.output()), refused.output());

  const schema = `smoke_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  // Two instances start at once on the fresh schema, as in a rolling deployment: both must come up, and each
  // migration must be applied by exactly one of them (the advisory lock in db/migrations.ts).
  const server = run({ ...production, DATABASE_URL: url.toString() });
  const twin = run({ ...production, DATABASE_URL: url.toString() });
  try {
    const [origin] = await Promise.all([
      waitListening(server.output, server.exit),
      waitListening(twin.output, twin.exit),
    ]);
    checks.startMs = Math.round(performance.now() - started);
    const appliedBy = (output: string) =>
      output
        .split('\n')
        .filter((l) => l.includes('"db.ready"'))
        .flatMap((l) => (JSON.parse(l) as { applied: number[] }).applied);
    const applied = [...appliedBy(server.output()), ...appliedBy(twin.output())].sort((a, b) => a - b);
    const { rows } = await admin.query<{ version: number }>(
      `SELECT version FROM ${schema}.schema_migrations ORDER BY version`,
    );
    check(
      'two_instances_migrate_once',
      rows.length > 0 && JSON.stringify(applied) === JSON.stringify(rows.map((r) => r.version)),
      `applied by the two instances: ${JSON.stringify(applied)}, recorded: ${JSON.stringify(rows)}`,
    );
    twin.child.kill('SIGTERM');
    check('twin_sigterm_exit_0', (await twin.exit) === 0, 'the second instance did not stop cleanly');

    const live = await fetch(`${origin}/healthz`);
    check('healthz', live.status === 200, `answered ${live.status}`);
    const ready = await fetch(`${origin}/readyz`);
    const readiness = (await ready.json()) as {
      db?: { kind?: string; migrationVersion?: number; latestMigration?: number };
    };
    check(
      'readyz',
      ready.status === 200 &&
        readiness.db?.kind === 'postgres' &&
        readiness.db.migrationVersion === readiness.db.latestMigration,
      `answered ${ready.status} ${JSON.stringify(readiness)}`,
    );

    const forged = await fetch(`${origin}/v1/personas:batchUpsert`, {
      method: 'POST',
      headers: { authorization: 'Bearer forged-token', 'content-type': 'application/json' },
      body: JSON.stringify({ items: [] }),
    });
    const refusal = (await forged.json()) as { error?: { code?: string } };
    check(
      'api_refuses_forged_token',
      forged.status === 401 && refusal.error?.code === 'unauthorized',
      `answered ${forged.status} ${JSON.stringify(refusal)}`,
    );
    const devToken = await fetch(`${origin}/v1/dev/tokens`, { method: 'POST', body: '{"portalId":1,"userId":"x"}' });
    check('no_dev_tokens', devToken.status === 404, `answered ${devToken.status}`);
    const cors = await fetch(`${origin}/v1/me`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    check('cors_refuses_other_origins', cors.status === 403, `answered ${cors.status}`);

    const stopAt = performance.now();
    server.child.kill('SIGTERM');
    const code = await server.exit;
    check('sigterm_exit_0', code === 0, `exit code ${code}`);
    checks.stopMs = Math.round(performance.now() - stopAt);
    check(
      'no_secret_in_logs',
      !server.output().includes(production.HUBSPOT_CLIENT_SECRET) &&
        !server.output().includes(production.CLOSER_TOKEN_KEY),
      'a secret was logged',
    );
  } finally {
    for (const child of [server.child, twin.child]) if (child.exitCode === null) child.kill('SIGKILL');
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
  console.log(
    JSON.stringify({ event: 'smoke-server.passed', ...checks, totalMs: Math.round(performance.now() - started) }),
  );
}

main().catch((error: unknown) => {
  console.log(
    JSON.stringify({
      event: 'smoke-server.failed',
      ...checks,
      message: error instanceof Error ? error.message : String(error),
    }),
  );
  process.exit(1);
});
