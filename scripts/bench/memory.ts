/**
 * `npm run bench:memory`: the built extension's renderer RSS, read from /proc/<pid>/status (VmRSS) of Chromium's
 * processes started with `--extension-process` (one process holds the AI host's offscreen document and every panel),
 * in four states, without a language model:
 * 1. after analysing a 20-message thread (models loaded);
 * 2. with ten Gmail tabs open on different threads (growth over one tab);
 * 3. after ten idle minutes: the AI host's idle clock is moved forward through the DevTools protocol (its idle release
 *    checks every 15 s), then a garbage collection is forced in the host so released memory is not merely unreclaimed;
 *    and the time a new thread then takes to be analysed (models reloaded on demand), beside the warm time;
 * 4. after the panels are closed (all Gmail tabs closed; collapsing a panel keeps its frame).
 * Prints one JSON line; exits 1 when state 1 is over 120 MB or ten tabs add over 15% (2 when the run fails). Run
 * `npm run build` first.
 * The machine is shared: figures vary from run to run.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  extensionIdOf,
  launchChromiumWithExtension,
  routeFixtures,
  sendToHiddenTarget,
} from '../../extension/e2e/chromium';
import { buildGmailThreadFixture } from '../dev/make-gmail-thread-fixture';
import { runBench, type BenchResult } from './runner';

const TARGET_MB = 120;
const TEN_TABS_MAX_GROWTH = 0.15;
const THREAD_20 = buildGmailThreadFixture(20);

/** Every process whose command line marks it as an extension renderer, with its RSS in MB. */
function extensionProcesses(): Array<{ pid: number; rss_mb: number }> {
  const out = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (!cmdline.includes('--extension-process') || !cmdline.includes('--type=renderer')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${name}/status`, 'utf8'))?.[1];
      if (rss) out.push({ pid: Number(name), rss_mb: Math.round(Number(rss) / 102.4) / 10 });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return out;
}

async function openThread(context: BrowserContext, id: string, thread: string) {
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(`https://mail.google.com/mail/u/0/fixture/thread-20-${thread}#inbox/${thread}`);
  for (;;) {
    const frame = page.frames().find((x) => x.url().startsWith(`chrome-extension://${id}/panel.html`));
    if (frame) {
      await frame.waitForFunction(
        () => document.querySelectorAll('[data-testid="sentiment"]').length >= 15,
        undefined,
        {
          timeout: 120_000,
          polling: 50,
        },
      );
      return { page, ms: Date.now() - t0 };
    }
    await page.waitForTimeout(20);
  }
}

async function main(): Promise<BenchResult> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'closer-bench-memory-'));
  const context = await launchChromiumWithExtension({ userDataDir, headless: true, extraArgs: ['--disable-gpu'] });
  try {
    await routeFixtures(context);
    await context.route(/^https:\/\/mail\.google\.com\/mail\/u\/0\/fixture\/thread-20-/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: THREAD_20 }),
    );
    const id = await extensionIdOf(context);
    const settle = () => new Promise((r) => setTimeout(r, 2_000));
    const host = (commands: Array<{ method: string; params?: Record<string, unknown> }>) =>
      sendToHiddenTarget(context, pages[0] ?? context.pages()[0]!, '/offscreen.html', commands);
    /** The AI host document's JS heap in use, MB: where the analysis models live. */
    const hostHeap = async () => {
      const [usage] = (await host([{ method: 'Runtime.getHeapUsage' }])) as Array<{ usedSize: number }>;
      return Math.round((usage?.usedSize ?? 0) / 104_857.6) / 10;
    };
    const sum = (ps: Array<{ rss_mb: number }>) => Math.round(ps.reduce((a, p) => a + p.rss_mb, 0) * 10) / 10;
    const pages: Page[] = [];
    pages.push((await openThread(context, id, 't0')).page);
    await settle();
    const one = extensionProcesses();
    const heapOne = await hostHeap();
    for (let i = 1; i < 10; i++) pages.push((await openThread(context, id, `t${i}`)).page);
    await settle();
    const ten = extensionProcesses();
    const warm = await openThread(context, id, 'warm');
    pages.push(warm.page);

    // Ten idle minutes on the host's idle clock, then one release check (every 15 s) and a collection.
    const heapBeforeIdle = await hostHeap();
    await host([{ method: 'Runtime.evaluate', params: { expression: '__closerIdleClock.skewMs += 600000' } }]);
    await new Promise((r) => setTimeout(r, 16_000));
    await host([{ method: 'HeapProfiler.enable' }, { method: 'HeapProfiler.collectGarbage' }]);
    await settle();
    const idle = extensionProcesses();
    const heapIdle = await hostHeap();
    const reload = await openThread(context, id, 'after-idle');
    pages.push(reload.page);

    const keep = await context.newPage();
    for (const p of pages) await p.close();
    pages.splice(0, pages.length, keep);
    await host([{ method: 'HeapProfiler.enable' }, { method: 'HeapProfiler.collectGarbage' }]);
    await settle();
    const closed = extensionProcesses();

    const growth = sum(ten) / sum(one) - 1;
    const result = {
      one_tab: { rss_mb: sum(one), processes: one.length, host_js_heap_mb: heapOne },
      ten_tabs: { rss_mb: sum(ten), processes: ten.length, growth: Number(growth.toFixed(3)) },
      idle_10_min: {
        rss_mb: sum(idle),
        host_js_heap_mb: { before: heapBeforeIdle, after: heapIdle },
        reload_analysed_ms: reload.ms,
        warm_analysed_ms: warm.ms,
      },
      panels_closed: { rss_mb: sum(closed), processes: closed.length },
      target: { rss_mb: TARGET_MB, ten_tabs_growth: TEN_TABS_MAX_GROWTH },
    };
    return {
      figures: result,
      targets: {
        [`one tab ${sum(one)} MB <= ${TARGET_MB} MB`]: !(sum(one) > TARGET_MB),
        [`ten tabs growth ${growth.toFixed(3)} <= ${TEN_TABS_MAX_GROWTH}`]: !(growth > TEN_TABS_MAX_GROWTH),
      },
    };
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

runBench('memory', main);
