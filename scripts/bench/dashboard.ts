/**
 * `npm run bench:dashboard`: the built extension's campaign dashboard on 10,000 events in IndexedDB. Seeds the
 * events (5 campaigns × 4 variants, 4 segments, 3 reps; sends and their outcomes), then opens the side panel's
 * dashboard tab several times and measures click → every table rendered. Prints one JSON line with the median and
 * exits non-zero above 200 ms. `--no-build` reuses `.output/chrome-mv3`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import { ROOT, extensionIdOf, launchChromiumWithExtension } from '../../extension/e2e/chromium';
import { runBench, type BenchResult } from './runner';

const EVENTS = 10_000;
const RUNS = 7;
const TARGET_MS = 200;

// Code passed to `evaluate` runs in the side panel page, where `chrome` exists.
declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };

async function main(): Promise<BenchResult> {
  if (!process.argv.includes('--no-build'))
    execSync('npx wxt build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const userDataDir = mkdtempSync(join(tmpdir(), 'closer-bench-dashboard-'));
  const context = await launchChromiumWithExtension({ userDataDir, headless: true, extraArgs: ['--disable-gpu'] });
  try {
    const id = await extensionIdOf(context);
    const page = await context.newPage();
    // tsx keeps function names with a `__name` helper that does not exist inside the page.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.goto(`chrome-extension://${id}/sidepanel.html`);
    const seeded = await page.evaluate(async (total) => {
      const call = (method: string, params: unknown) =>
        chrome.runtime.sendMessage({ protocol: 'closer/1', kind: 'request', id: crypto.randomUUID(), method, params });
      // The worker creates the database at its current version; only then may this page open it.
      for (let c = 0; c < 5; c++) {
        const res = (await call('campaign.save', {
          campaign: { id: `c${c}`, name: `Campaign ${c}`, goal: 'positive_reply', targetSegments: [{ id: 'default' }] },
          variants: [0, 1, 2, 3].map((v) => ({
            id: `v${v}`,
            campaignId: `c${c}`,
            name: `Variant ${'ABCD'[v]}`,
            kind: 'prompt',
            ref: 'reply-draft',
            version: 1,
            tone: 'friendly',
            channel: 'email',
          })),
        })) as { ok: boolean };
        if (!res.ok) throw new Error('campaign.save failed');
      }
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('closer');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      // A deterministic generator, so every run measures the same data.
      let seed = 42;
      const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
      const outcomes = ['replied', 'positive_reply', 'meeting', 'not_interested', 'out_of_office', 'bounce'];
      const tx = db.transaction('events', 'readwrite');
      const store = tx.objectStore('events');
      const start = Date.UTC(2026, 8, 1);
      let n = 0;
      for (let t = 0; n < total; t++) {
        const at = start + Math.floor(rand() * 80 * 86_400_000);
        const base = {
          campaignId: `c${t % 5}`,
          variantId: `v${Math.floor(rand() * 4)}`,
          contactId: `contact${t}@example.com`,
          threadId: `bench-${t}`,
        };
        const detail = {
          segment: ['technical_buyer', 'finance', 'executive', 'default'][t % 4],
          rep: `rep${t % 3}@example.com`,
        };
        store.put({ id: `s${t}`, type: 'sent', at, ...base, detail });
        n++;
        if (n < total && rand() < 0.7) {
          const type = outcomes[Math.floor(rand() * outcomes.length)] ?? 'replied';
          const sentiment = ['positive', 'neutral', 'negative'][Math.floor(rand() * 3)];
          store.put({
            id: `o${t}`,
            type,
            at: at + Math.floor(rand() * 5 * 86_400_000),
            ...base,
            detail: { ...detail, sentiment, messageId: `m${t}` },
          });
          n++;
        }
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return n;
    }, EVENTS);

    const timings: number[] = [];
    let firstRenderMs = NaN;
    const workerMs: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      await page.getByTestId('tab-assistant').click();
      const ms = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const ready = () =>
              document.querySelector('[data-testid="dashboard"][data-state="ready"] [data-testid="breakdown-rep"]');
            const t0 = performance.now();
            const obs = new MutationObserver(() => {
              if (!ready()) return;
              obs.disconnect();
              // The frame that shows the tables: wait for it to be painted.
              requestAnimationFrame(() => resolve(performance.now() - t0));
            });
            obs.observe(document.body, { childList: true, subtree: true, attributes: true });
            (document.querySelector('[data-testid="tab-dashboard"]') as HTMLElement).click();
          }),
      );
      const computed = await page.getByTestId('dashboard-computed').textContent();
      // Run 0 loads the tab's code and builds the events' digest (see campaign-digest.ts): reported, not in the median.
      if (run === 0) firstRenderMs = ms;
      else {
        timings.push(ms);
        workerMs.push(Number(/(\d+) ms/.exec(computed ?? '')?.[1] ?? NaN));
      }
    }
    const sorted = [...timings].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? Infinity;
    const rows = await page.getByTestId('stats-row').count();
    const result = {
      events: seeded,
      runs: RUNS,
      first_render_ms: Math.round(firstRenderMs),
      render_ms_median: Math.round(median * 10) / 10,
      render_ms_max: Math.round((sorted[sorted.length - 1] ?? Infinity) * 10) / 10,
      worker_aggregate_ms_median: [...workerMs].sort((a, b) => a - b)[Math.floor(workerMs.length / 2)],
      table_rows: rows,
      target_ms: TARGET_MS,
    };
    return {
      figures: result,
      targets: { [`median render ${result.render_ms_median} ms <= ${TARGET_MS} ms`]: median <= TARGET_MS },
    };
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

runBench('dashboard', main);
