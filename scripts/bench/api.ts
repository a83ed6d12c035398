/**
 * bench:api — the extension-facing API of a backend child process under open-loop load from this process, on
 * loopback: 200 requests/s for 30 s (BENCH_API_SECONDS, BENCH_API_RPS) after 5 s of unmeasured warm-up at that rate
 * (BENCH_API_WARMUP_SECONDS), a mix of persona upserts, campaign events,
 * campaign results, contact summaries, team priors and variant priors over 20 tokens. The sync worker runs against a sandbox meanwhile, as in
 * production; backend and sandbox are each their own process. By default the backend runs as shipped: PGlite in a
 * data directory on disk (a temporary one); BENCH_DATABASE_URL selects PostgreSQL. Prints one JSON line.
 */
import http from 'node:http';
import { freePort, startBackend, startSandboxProcess } from './crm/backend-process';
import { prepareBenchDatabase } from './crm/bench-database';
import { runBench, type BenchResult } from './runner';

const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 30);
const RPS = Number(process.env.BENCH_API_RPS ?? 200);
const TOKENS = 20;
const PORTAL = 101;
const TARGET_P99_MS = 50;
const WARMUP_SECONDS = Number(process.env.BENCH_API_WARMUP_SECONDS ?? 5);

async function main(): Promise<BenchResult> {
  // The sandbox runs in its own process: in this one it would stall the event loop that times the responses.
  const sandbox = await startSandboxProcess({ SANDBOX_PORTAL: String(PORTAL) });
  const port = await freePort();
  // PostgreSQL in a fresh schema (no earlier run's state), or PGlite in a fresh temporary data directory. Only
  // BENCH_DATABASE_URL selects PostgreSQL here ('' keeps the helper from falling back to TEST_DATABASE_URL).
  const database = await prepareBenchDatabase(process.env.BENCH_DATABASE_URL ?? '');
  const backend = await startBackend(port, {
    ...database.env,
    HUBSPOT_API_URL: sandbox.url,
    HUBSPOT_AUTHORIZE_URL: `${sandbox.url}/oauth/authorize`,
    // The sandbox's default app credentials (crm-app/sandbox/sandbox.ts).
    HUBSPOT_CLIENT_ID: 'sandbox-client-id',
    HUBSPOT_CLIENT_SECRET: 'sandbox-client-secret',
    CLOSER_DEV_TOKENS: '1',
    EXTENSION_RATE_PER_MINUTE: '100000',
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  try {
    if (!(await fetch(`${backend.url}/oauth/install`)).ok) throw new Error('install failed');
    const tokens: string[] = [];
    for (let i = 0; i < TOKENS; i += 1) {
      const response = await fetch(`${backend.url}/v1/dev/tokens`, {
        method: 'POST',
        body: JSON.stringify({ portalId: PORTAL, userId: `u${i}` }),
      });
      tokens.push(((await response.json()) as { token: string }).token);
    }
    let sequence = 0;
    const nextRequest = (): { method: string; path: string; body?: string; token: string } => {
      sequence += 1;
      const n = sequence;
      const token = tokens[n % TOKENS] ?? '';
      const email = `u${n % 2000}@api.bench`;
      const kind = n % 20;
      if (kind < 5) {
        const items = Array.from({ length: 10 }, (_, i) => ({
          idempotencyKey: `api-${n}-${i}`,
          email: `u${(n * 10 + i) % 2000}@api.bench`,
          persona: {
            label: `L${i % 5}`,
            confidence: 0.7,
            origin: 'llm',
            fields: { role: { value: 'CTO', confidence: 0.8, source: 'thread' } },
            approvedAt: new Date().toISOString(),
          },
        }));
        return { method: 'POST', path: '/v1/personas:batchUpsert', body: JSON.stringify({ items }), token };
      }
      if (kind < 7) {
        const event = {
          idempotencyKey: `ev-${n}`,
          email,
          channel: 'note',
          body: 'Opened',
          occurredAt: new Date().toISOString(),
        };
        return { method: 'POST', path: '/v1/campaign-events', body: JSON.stringify({ events: [event] }), token };
      }
      if (kind === 7) {
        const outcomes = ['sent', 'replied', 'positive_reply', 'meeting'] as const;
        const item = {
          idempotencyKey: `res-${n}`,
          campaignId: `c${n % 3}`,
          campaignName: 'Bench campaign',
          variantId: `v${n % 4}`,
          variantName: 'Bench variant',
          channel: 'email',
          segment: `s${n % 2}`,
          email,
          outcome: outcomes[n % outcomes.length],
          sentiment: 'positive',
          occurredAt: new Date().toISOString(),
        };
        return { method: 'POST', path: '/v1/campaign-results', body: JSON.stringify({ items: [item] }), token };
      }
      if (kind === 8) return { method: 'GET', path: `/v1/team/variant-priors?campaignId=c${n % 3}`, token };
      if (kind < 10) return { method: 'GET', path: '/v1/team/priors', token };
      return { method: 'GET', path: `/v1/contacts/${encodeURIComponent(email)}/summary`, token };
    };

    const latencies: number[] = [];
    // Per endpoint too (to stderr), so a slow tail can be traced to the route that makes it.
    const byRoute = new Map<string, number[]>();
    const slowAt: number[] = [];
    let t0 = performance.now();
    let errors = 0;
    // What each error was (route and status, or the socket error), so a failed run says why.
    const errorKinds = new Map<string, number>();
    const countError = (kind: string) => errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
    const send = () =>
      new Promise<void>((resolve) => {
        const r = nextRequest();
        const started = performance.now();
        const req = http.request(
          `${backend.url}${r.path}`,
          {
            method: r.method,
            agent,
            headers: { authorization: `Bearer ${r.token}`, 'content-type': 'application/json' },
            timeout: 10_000,
          },
          (res) => {
            res.resume();
            res.on('end', () => {
              const ms = performance.now() - started;
              latencies.push(ms);
              const route = `${r.method} ${r.path.replace(/\/v1\/contacts\/[^/]+\//, '/v1/contacts/:email/').split('?')[0]}`;
              // Appended in place: copying the array per response made this process's own GC pauses show up as API latency.
              const forRoute = byRoute.get(route);
              if (forRoute) forRoute.push(ms);
              else byRoute.set(route, [ms]);
              if (ms > 50) slowAt.push(Math.round((started - t0) / 1000));
              // 404: a summary for a contact not written yet is a valid answer, not an error.
              if (res.statusCode === undefined || (res.statusCode >= 300 && res.statusCode !== 404)) {
                errors += 1;
                countError(`${route} → ${res.statusCode ?? 'no status'}`);
              }
              resolve();
            });
          },
        );
        req.on('error', (error: NodeJS.ErrnoException) => {
          errors += 1;
          countError(`${r.method} ${r.path.split('?')[0]} → ${error.code ?? error.message}`);
          resolve();
        });
        req.on('timeout', () => req.destroy());
        req.end(r.body);
      });

    // Open loop: requests leave on schedule whether or not earlier ones have returned (no coordinated omission).
    const runOpenLoop = async (seconds: number) => {
      const total = seconds * RPS;
      const inFlight: Promise<void>[] = [];
      const begun = performance.now();
      let sent = 0;
      while (sent < total) {
        const due = Math.min(total, Math.floor(((performance.now() - begun) / 1000) * RPS) + 1);
        while (sent < due) {
          inFlight.push(send());
          sent += 1;
        }
        await new Promise((r) => setTimeout(r, 2));
      }
      await Promise.all(inFlight);
    };
    // Warm-up at the same rate, not measured: a long-running server has compiled its code paths, filled its pool and
    // planned its queries; the first seconds of a fresh process measure start-up, not the API (nearly every request
    // over 50 ms in an unwarmed run was sent in its first two seconds).
    await runOpenLoop(WARMUP_SECONDS);
    latencies.length = 0;
    byRoute.clear();
    slowAt.length = 0;
    errors = 0;
    errorKinds.clear();
    const total = SECONDS * RPS;
    const started = performance.now();
    t0 = started;
    await runOpenLoop(SECONDS);
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      Number((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0).toFixed(2));
    const result = {
      rps: Number((total / elapsed).toFixed(1)),
      p50_ms: pct(0.5),
      p99_ms: pct(0.99),
      errors,
      requests: total,
      seconds: SECONDS,
      warmup_s: WARMUP_SECONDS,
      database: database.kind,
    };
    for (const [route, values] of byRoute) {
      values.sort((a, b) => a - b);
      const at = (p: number) => (values[Math.min(values.length - 1, Math.floor(p * values.length))] ?? 0).toFixed(1);
      process.stderr.write(`[bench:api] ${route}: n=${values.length} p50=${at(0.5)} ms p99=${at(0.99)} ms\n`);
    }
    process.stderr.write(
      `[bench:api] slow (>50 ms) requests by second sent: ${JSON.stringify(Object.fromEntries(slowAt.reduce((m, s) => m.set(s, (m.get(s) ?? 0) + 1), new Map<number, number>())))}\n`,
    );
    if (errorKinds.size > 0)
      process.stderr.write(`[bench:api] errors: ${JSON.stringify(Object.fromEntries(errorKinds))}\n`);
    // What the sync worker did meanwhile: HubSpot answers by status, so a run shows whether 429s escaped the limiter.
    const stats = (await (await fetch(`${sandbox.url}/__sandbox/stats?portalId=${PORTAL}`)).json()) as Record<
      string,
      unknown
    >;
    const { contacts, notes, statusCounts, duplicates } = stats;
    process.stderr.write(`[bench:api] sandbox: ${JSON.stringify({ contacts, notes, statusCounts, duplicates })}\n`);
    return {
      figures: result,
      targets: {
        [`p99 ${result.p99_ms} ms <= ${TARGET_P99_MS} ms`]: result.p99_ms <= TARGET_P99_MS,
        [`errors ${errors} = 0`]: errors === 0,
      },
    };
  } finally {
    agent.destroy();
    await backend.stop();
    await sandbox.stop();
    await database.dispose();
  }
}

runBench('api', main);
