/**
 * `npm run bench:enrich`: bulk enrichment of 500 contacts through the real queue in the built extension, with the
 * test engine as the model. Halfway through, the browser is closed abruptly and reopened on the same profile: the
 * worker's start-up must resume the queue by itself. Prints one JSON line (throughput, total, duplicates, missing,
 * restarts); exits non-zero when any contact was enriched twice or not at all.
 *
 * The test engine's script lives in the AI host's memory, so it is gone after the restart until set again: jobs the
 * resumed queue ran before that fail (reported as `failedWhileUnscripted`) and are retried, as a user would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT, extensionIdOf, launchChromiumWithExtension } from '../../extension/e2e/chromium';
import { personaDraft } from '../../shared/common/llm/structured/persona-fixtures';
import { runBench, type BenchResult } from './runner';

const CONTACTS = 500;
const PORTAL = '12345';
const REPLY = JSON.stringify(
  personaDraft({
    role: { value: 'Head of Sales', confidence: 0.8, source: 'crm' },
    seniority: { value: 'director', confidence: 0.7, source: 'crm' },
    companyContext: { value: 'Mid-size logistics company', confidence: 0.6, source: 'crm' },
    goals: [{ value: 'Shorter sales cycle', confidence: 0.5, source: 'inferred' }],
    preferredChannel: { value: 'email', confidence: 0.6, source: 'thread' },
    buyingStage: { value: 'consideration', confidence: 0.5, source: 'crm' },
    segment: { value: 'mid-market logistics', confidence: 0.6, source: 'crm' },
  }),
);

declare const chrome: {
  storage: { local: { set(v: object): Promise<void> } };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};

type Status = { total: number; done: number; failed: number; left: number; paused: boolean };

const call = async (page: Page, method: string, params: unknown) => {
  const res = (await page.evaluate(
    ([m, p]) =>
      chrome.runtime.sendMessage({
        protocol: 'closer/1',
        kind: 'request',
        id: `b${Math.random()}`,
        method: m,
        params: p,
      }),
    [method, params] as const,
  )) as { ok: boolean; result?: unknown; error?: { message: string } };
  if (!res.ok) throw new Error(`${method}: ${res.error?.message}`);
  return res.result;
};

async function open(userDataDir: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await launchChromiumWithExtension({ userDataDir, headless: true, extraArgs: ['--disable-gpu'] });
  const id = await extensionIdOf(context);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  return { context, page };
}

const script = (page: Page) =>
  call(page, 'host.testScript', { rules: [{ match: 'sales persona', reply: REPLY }], faults: [] });

async function waitUntil(page: Page, done: (s: Status) => boolean, timeoutMs: number): Promise<Status> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = (await call(page, 'enrich.status', {})) as Status;
    if (done(s)) return s;
    if (Date.now() > deadline) throw new Error(`enrichment stalled: ${JSON.stringify(s)}`);
    await page.waitForTimeout(100);
  }
}

/** Per contact, how many times enrichment completed (the host writes one event per completed job). */
async function completions(page: Page): Promise<Map<string, number>> {
  const keys = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('closer');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const events = await new Promise<Array<{ type: string; contactId?: string }>>((resolve, reject) => {
      const req = db.transaction('events').objectStore('events').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return events.filter((e) => e.type === 'persona.enriched').map((e) => e.contactId ?? '');
  });
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

async function main(): Promise<BenchResult> {
  if (process.env.BENCH_SKIP_BUILD !== '1')
    execSync('npx wxt build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const userDataDir = mkdtempSync(join(tmpdir(), 'closer-bench-enrich-'));
  let context: BrowserContext | null = null;
  try {
    let session = await open(userDataDir);
    context = session.context;
    await session.page.evaluate(() =>
      chrome.storage.local.set({
        settings: {
          panelCollapsed: false,
          engine: { engine: 'test', model: 'bench-enrich' },
          companionUrl: 'http://127.0.0.1:9',
        },
        settings$: { v: 2 },
      }),
    );
    await script(session.page);
    const contacts = Array.from({ length: CONTACTS }, (_, i) => ({
      contactId: String(100_000 + i),
      email: `bench${i}@example.com`,
      name: `Bench Contact ${i}`,
      properties: { jobtitle: i % 3 ? 'Sales Director' : 'VP Marketing', company: `Company ${i % 40}` },
    }));

    const t0 = Date.now();
    const queued = (await call(session.page, 'enrich.queue', { portalId: PORTAL, contacts })) as { queued: number };
    if (queued.queued !== CONTACTS) throw new Error(`queued ${queued.queued} of ${CONTACTS}`);
    const half = await waitUntil(session.page, (s) => s.done >= CONTACTS / 2, 600_000);
    // Abrupt: whatever job is in flight is cut off with the browser.
    await context.close();
    context = null;
    const closedAt = Date.now();

    session = await open(userDataDir);
    context = session.context;
    const reopenedMs = Date.now() - closedAt;
    await script(session.page);
    const unscripted = (await call(session.page, 'enrich.status', {})) as Status;
    if (unscripted.failed > 0) await call(session.page, 'enrich.retryFailed', {});
    const final = await waitUntil(session.page, (s) => s.left === 0 && s.failed === 0 && s.done >= CONTACTS, 600_000);
    const totalMs = Date.now() - t0;

    const counts = await completions(session.page);
    let duplicates = 0;
    let missing = 0;
    for (const c of contacts) {
      const n = counts.get(`hs:${PORTAL}:${c.contactId}`) ?? 0;
      if (n === 0) missing += 1;
      if (n > 1) duplicates += n - 1;
    }
    const workMs = totalMs - reopenedMs;
    const result = {
      bench: 'enrich',
      total: CONTACTS,
      done: final.done,
      duplicates,
      missing,
      restarts: 1,
      doneAtRestart: half.done,
      failedWhileUnscripted: unscripted.failed,
      seconds: Math.round(totalMs / 100) / 10,
      browserRestartSeconds: Math.round(reopenedMs / 100) / 10,
      contactsPerSecond: Math.round((CONTACTS / (workMs / 1000)) * 10) / 10,
    };
    return {
      figures: result,
      targets: {
        [`duplicates ${duplicates} = 0`]: !(duplicates > 0),
        [`missing ${missing} = 0`]: !(missing > 0),
        [`done ${final.done} = ${CONTACTS}`]: final.done === CONTACTS,
      },
    };
  } finally {
    await context?.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

runBench('enrich', main);
