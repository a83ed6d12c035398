/**
 * bench:sync — persona updates for one portal through the backend (a child process) to the HubSpot sandbox limited
 * to 110 requests / 10 s. Prints one JSON line. `--chaos`: 5 % injected 5xx and a `kill -9` of the backend midway,
 * then a restart; still nothing lost and nothing duplicated. BENCH_SYNC_RECORDS shrinks the run (default 100,000).
 * The backend uses PostgreSQL from BENCH_DATABASE_URL / TEST_DATABASE_URL in a fresh schema, or an on-disk PGlite.
 * Backend, sandbox and this load generator are three processes: in this one, building and sending 100-persona uploads
 * would delay the sandbox's answers to the sync worker, and the bench would partly measure itself.
 */
import { fullPersona, personaItem } from '../../crm-app/server/test-support/personas';
import { freePort, startBackend, startSandboxProcess, type Backend } from './crm/backend-process';
import { prepareBenchDatabase } from './crm/bench-database';
import { runBench, type BenchResult } from './runner';

const chaos = process.argv.includes('--chaos');
const RECORDS = Number(process.env.BENCH_SYNC_RECORDS ?? 100_000);
const RATE = { max: 110, windowMs: 10_000 };
const CEILING = (RATE.max * 100) / (RATE.windowMs / 1000);
const PORTAL = 101;
// The API takes at most 100 personas per request (the shared PersonaUpsertItemSchema contract).
const CHUNK = 100;
const log = (message: string) => process.stderr.write(`[bench:sync] ${message}\n`);

async function main(): Promise<BenchResult> {
  const sandbox = await startSandboxProcess({
    SANDBOX_PORTAL: String(PORTAL),
    SANDBOX_RATE_MAX: String(RATE.max),
    SANDBOX_RATE_WINDOW_MS: String(RATE.windowMs),
  });
  const inspect = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const response = await fetch(`${sandbox.url}/__sandbox/${path}`, init);
    if (!response.ok) throw new Error(`sandbox ${path} answered ${response.status}`);
    return (await response.json()) as T;
  };
  const stats = () =>
    inspect<{
      contacts: number;
      statusCounts: Record<string, number>;
      duplicates: { contacts: number; engagements: number };
    }>(`stats?portalId=${PORTAL}`);
  const labels = async () =>
    (await inspect<{ values: Record<string, string | null> }>(`property?portalId=${PORTAL}&name=closer_persona_label`))
      .values;
  const port = await freePort();
  const database = await prepareBenchDatabase();
  const env = {
    ...database.env,
    HUBSPOT_API_URL: sandbox.url,
    HUBSPOT_AUTHORIZE_URL: `${sandbox.url}/oauth/authorize`,
    // The sandbox's default app credentials (crm-app/sandbox/sandbox.ts).
    HUBSPOT_CLIENT_ID: 'sandbox-client-id',
    HUBSPOT_CLIENT_SECRET: 'sandbox-client-secret',
    CLOSER_DEV_TOKENS: '1',
    SYNC_CONCURRENCY: '8',
    SYNC_LEASE_MS: '5000',
    EXTENSION_RATE_PER_MINUTE: '100000',
  };
  let backend: Backend = await startBackend(port, env);
  try {
    const install = await fetch(`${backend.url}/oauth/install`);
    if (!install.ok) throw new Error(`install failed: ${install.status} ${await install.text()}`);
    const token = (
      (await (
        await fetch(`${backend.url}/v1/dev/tokens`, {
          method: 'POST',
          body: JSON.stringify({ portalId: PORTAL, userId: 'bench' }),
        })
      ).json()) as { token: string }
    ).token;
    if (chaos) await inspect('faults', { method: 'POST', body: JSON.stringify({ errorRate: 0.05 }) });
    const baseline429 = (await stats()).statusCounts['429'] ?? 0;

    const started = performance.now();
    const label = (i: number) => `L${i % 7}-${i}`;
    // Enqueue in chunks; a chunk that fails (the backend was killed) is simply sent again: its keys make it idempotent.
    const enqueue = (async () => {
      for (let from = 0; from < RECORDS; from += CHUNK) {
        const items = [];
        for (let i = from; i < Math.min(RECORDS, from + CHUNK); i += 1) {
          // Full personas (every field, as the extension sends them): the bench measures realistic payloads.
          items.push(personaItem(`bench-${i}`, `c${i}@bench.test`, fullPersona({ label: label(i), confidence: 0.5 })));
        }
        for (let attempt = 0; ; attempt += 1) {
          try {
            const response = await fetch(`${backend.url}/v1/personas:batchUpsert`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ items }),
            });
            if (response.status === 202) break;
            throw new Error(`enqueue answered ${response.status}`);
          } catch (error) {
            if (attempt > 600) throw error;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      }
    })();

    void enqueue.then(() => log(`enqueued ${RECORDS} in ${((performance.now() - started) / 1000).toFixed(1)} s`));
    const deadline = Date.now() + ((RECORDS / CEILING) * 2 + 120) * 1000;
    let killed = false;
    let arrived = 0;
    const missing = (values: Record<string, string | null>) => {
      let lost = 0;
      for (let i = 0; i < RECORDS; i += 1) if (values[`c${i}@bench.test`] !== label(i)) lost += 1;
      return lost;
    };
    for (;;) {
      if (Date.now() > deadline) {
        log(`timed out with ${arrived}/${RECORDS} contacts`);
        break;
      }
      arrived = (await stats()).contacts;
      // The run is over once every contact exists and carries its label (the full check only runs from then on).
      if (arrived >= RECORDS && missing(await labels()) === 0) break;
      if (chaos && !killed && arrived >= RECORDS * 0.4) {
        killed = true;
        log(`kill -9 backend at ${arrived} contacts`);
        await backend.kill9();
        backend = await startBackend(port, env);
        log('backend restarted');
      }
      await new Promise((r) => setTimeout(r, 250));
      if (Math.random() < 0.05) log(`${arrived} contacts at ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    await enqueue;
    const seconds = (performance.now() - started) / 1000;

    const lost = missing(await labels());
    const final = await stats();
    const dup = final.duplicates;
    const recordsPerS = RECORDS / seconds;
    const result = {
      records_per_s: Math.round(recordsPerS),
      ceiling_records_per_s: CEILING,
      ratio: Number((recordsPerS / CEILING).toFixed(3)),
      escaped_429: (final.statusCounts['429'] ?? 0) - baseline429,
      lost,
      duplicates: dup.contacts + dup.engagements,
      records: RECORDS,
      ...(RECORDS !== 100_000 ? { note: `shrunk run: BENCH_SYNC_RECORDS=${RECORDS} (full run is 100000)` } : {}),
      mode: chaos ? 'chaos: 5% injected 5xx + kill -9 of the backend midway' : 'normal',
      injected_5xx: final.statusCounts['502'] ?? 0,
      database: database.kind,
    };
    return {
      figures: result,
      targets: {
        [`escaped 429s ${result.escaped_429} = 0`]: result.escaped_429 === 0,
        [`lost ${lost} = 0`]: lost === 0,
        [`duplicates ${result.duplicates} = 0`]: result.duplicates === 0,
        // A chaos run measures correctness only: its throughput includes a backend restart.
        [`throughput ratio ${result.ratio} >= 0.9 of the ceiling`]: chaos || result.ratio >= 0.9,
      },
    };
  } finally {
    await backend.stop().catch(() => undefined);
    await sandbox.stop();
    await database.dispose();
  }
}

runBench('sync', main);
