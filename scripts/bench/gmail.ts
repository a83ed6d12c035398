/**
 * `npm run bench:gmail`: the built extension on Gmail thread fixtures. Prints one JSON line:
 * - `cold_20`: right after the browser starts, the first open of a 20-message thread → the first message shown with
 *   its sentiment and intent (`first_analysed_ms`), and where the AI host spent that time (`phases_ms`, the
 *   user-timing measures of extension/ai-host: sentiment module import, model and vocabulary fetch and parse,
 *   model build, first inference). Target 3 s.
 * - `warm_20`: a second tab on another 20-message thread, models loaded: ms from opening it to the first analysed
 *   message in the panel (`first_analysed_ms`, target 1 s, issue 14), and to 15 of 20 (as the 200-message figure
 *   counts 150).
 * - the 200-message thread: panel ready time (navigation → the panel lists every message), analysis time (→ intent
 *   and sentiment shown for them), the extension's main-thread time per Gmail mutation burst (its own user-timing
 *   entries), and the longest such task.
 * Exits non-zero when a task of ours on Gmail's main thread takes over 50 ms, or the cold or warm figure misses its
 * target. The machine is shared: figures vary from run to run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import {
  ROOT,
  extensionIdOf,
  launchChromiumWithExtension,
  routeFixtures,
  sendToHiddenTarget,
} from '../../extension/e2e/chromium';
import { buildGmailThreadFixture } from '../dev/make-gmail-thread-fixture';
import { runBench, type BenchResult } from './runner';

const LONG_TASK_MS = 50;
const BURSTS = 20;
const COLD_TARGET_MS = 3_000;
const WARM_TARGET_MS = 1_000;
const THREAD_20 = buildGmailThreadFixture(20);

async function panelFrame(page: Page, id: string): Promise<Frame> {
  for (;;) {
    const f = page.frames().find((x) => x.url().startsWith(`chrome-extension://${id}/panel.html`));
    if (f) return f;
    await page.waitForTimeout(20);
  }
}

/** Opens a 20-message thread in a new tab; ms to the first analysed message, and to 15 of the 20. */
async function open20(context: BrowserContext, id: string, thread: string) {
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(`https://mail.google.com/mail/u/0/fixture/thread-20-${thread}#inbox/${thread}`);
  const frame = await panelFrame(page, id);
  // Analysed = shown with its sentiment (intent is shown only on the other side's messages, from the same answer).
  const analysed = (n: number) =>
    frame.waitForFunction((k) => document.querySelectorAll('[data-testid="sentiment"]').length >= k, n, {
      timeout: 60_000,
      polling: 10,
    });
  await analysed(1);
  const first = Date.now() - t0;
  // As for the 200-message thread, three quarters of the messages (a quoted-only message may have no sentence).
  await analysed(15);
  return { page, first_analysed_ms: first, all_analysed_ms: Date.now() - t0 };
}

/** The AI host's user-timing measures (`closer:*`), read from the offscreen document over the DevTools protocol. */
async function hostMeasures(context: BrowserContext, page: Page): Promise<Record<string, number>> {
  const expression =
    "JSON.stringify(performance.getEntriesByType('measure').filter((e) => e.name.startsWith('closer:')).map((e) => [e.name, e.duration]))";
  const [result] = (await sendToHiddenTarget(context, page, '/offscreen.html', [
    { method: 'Runtime.evaluate', params: { expression, returnByValue: true } },
  ])) as Array<{ result?: { value?: string } }>;
  const entries = JSON.parse(result?.result?.value ?? '[]') as Array<[string, number]>;
  const sums: Record<string, number> = {};
  // The first occurrence of each measure is the cold start's.
  for (const [name, ms] of entries) {
    const key = name.replace(/^closer:/, '');
    if (!(key in sums)) sums[key] = Math.round(ms);
  }
  return sums;
}

async function main(): Promise<BenchResult> {
  execSync('npx wxt build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const userDataDir = mkdtempSync(join(tmpdir(), 'closer-bench-gmail-'));
  const context = await launchChromiumWithExtension({ userDataDir, headless: true, extraArgs: ['--disable-gpu'] });
  try {
    await routeFixtures(context);
    // Registered after the fixtures' route, so it is tried first (Playwright runs the latest matching route first).
    await context.route(/^https:\/\/mail\.google\.com\/mail\/u\/0\/fixture\/thread-20-/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: THREAD_20 }),
    );
    const id = await extensionIdOf(context);
    const cold = await open20(context, id, 'cold');
    const phases = await hostMeasures(context, cold.page).catch((err: unknown) => ({
      error: err instanceof Error ? err.message : String(err),
    }));
    const warm = await open20(context, id, 'warm');
    await cold.page.close();
    await warm.page.close();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({
        type: 'longtask',
        buffered: true,
      });
    });
    const t0 = Date.now();
    await page.goto('https://mail.google.com/mail/u/0/fixture/thread-200#inbox/bench');
    const frame = await (async () => {
      for (;;) {
        const f = page.frames().find((x) => x.url().startsWith(`chrome-extension://${id}/panel.html`));
        if (f) return f;
        await page.waitForTimeout(20);
      }
    })();
    await frame.waitForFunction(() => document.querySelectorAll('[data-testid="message"]').length >= 200, undefined, {
      timeout: 60_000,
      polling: 20,
    });
    const panelReadyMs = Date.now() - t0;
    await frame.waitForFunction(
      () =>
        document.querySelectorAll('[data-testid="sentiment"]').length >= 150 &&
        document.querySelectorAll('[data-testid="intent"]').length >= 100,
      undefined,
      { timeout: 120_000, polling: 50 },
    );
    const analysisMs = Date.now() - t0;

    // Gmail-like mutation bursts in the main region: rows re-rendered, tooltips added and removed.
    await page.evaluate(() => performance.clearMeasures('closer:read-page'));
    await page.evaluate(async (bursts) => {
      const main = document.querySelector('[role="main"]') as HTMLElement;
      for (let b = 0; b < bursts; b++) {
        const box = document.createElement('div');
        for (let i = 0; i < 60; i++) {
          const row = document.createElement('div');
          row.textContent = `burst ${b} row ${i}`;
          box.append(row);
        }
        main.append(box);
        await new Promise((r) => setTimeout(r, 20));
        box.remove();
        await new Promise((r) => setTimeout(r, 400));
      }
    }, BURSTS);
    await page.waitForTimeout(600);
    const stats = await page.evaluate(() => {
      const ours = performance.getEntriesByName('closer:read-page').map((e) => e.duration);
      return { ours, longTasks: (window as unknown as { __longTasks: number[] }).__longTasks };
    });
    const sum = stats.ours.reduce((a, b) => a + b, 0);
    const result = {
      cold_20: { first_analysed_ms: cold.first_analysed_ms, all_analysed_ms: cold.all_analysed_ms, phases_ms: phases },
      warm_20: { first_analysed_ms: warm.first_analysed_ms, all_analysed_ms: warm.all_analysed_ms },
      target_ms: { cold_first: COLD_TARGET_MS, warm_first: WARM_TARGET_MS },
      messages: 200,
      panel_ready_ms: panelReadyMs,
      analysis_ms: analysisMs,
      bursts: BURSTS,
      extension_reads: stats.ours.length,
      extension_ms_per_burst: Math.round((sum / BURSTS) * 100) / 100,
      extension_max_task_ms: Math.round(Math.max(0, ...stats.ours) * 100) / 100,
      page_long_tasks: stats.longTasks.length,
    };
    return {
      figures: result,
      targets: {
        [`longest read of the page ${result.extension_max_task_ms} ms <= ${LONG_TASK_MS} ms`]: !(
          result.extension_max_task_ms > LONG_TASK_MS
        ),
        [`20-message thread, cold first analysis ${cold.first_analysed_ms} ms <= ${COLD_TARGET_MS} ms`]: !(
          cold.first_analysed_ms > COLD_TARGET_MS
        ),
        [`20-message thread, warm first analysis ${warm.first_analysed_ms} ms <= ${WARM_TARGET_MS} ms`]: !(
          warm.first_analysed_ms > WARM_TARGET_MS
        ),
      },
    };
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

runBench('gmail', main);
