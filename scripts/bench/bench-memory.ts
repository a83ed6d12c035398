/**
 * `npm run bench:memory` (partial): the built extension's renderer processes' RSS, read from /proc/<pid>/status
 * (VmRSS) of Chromium's processes started with `--extension-process` (the AI host's offscreen document and the
 * panels' extension pages), after analysing a 20-message thread without a language model, and with ten Gmail tabs
 * on different threads. The idle and panel-closed states and the idle release of models are not implemented yet, so
 * it always exits 1. Prints one JSON line. Run `npm run build` first.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { extensionIdOf, launchChromiumWithExtension, routeFixtures } from '../lib/chromium';
import { buildGmailThreadFixture } from '../make-gmail-thread-fixture';

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
      return page;
    }
    await page.waitForTimeout(20);
  }
}

async function main() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'closer-bench-memory-'));
  const context = await launchChromiumWithExtension({ userDataDir, headless: true, extraArgs: ['--disable-gpu'] });
  try {
    await routeFixtures(context);
    await context.route(/^https:\/\/mail\.google\.com\/mail\/u\/0\/fixture\/thread-20-/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: THREAD_20 }),
    );
    const id = await extensionIdOf(context);
    await openThread(context, id, 't0');
    await new Promise((r) => setTimeout(r, 2_000));
    const one = extensionProcesses();
    for (let i = 1; i < 10; i++) await openThread(context, id, `t${i}`);
    await new Promise((r) => setTimeout(r, 2_000));
    const ten = extensionProcesses();
    const sum = (ps: Array<{ rss_mb: number }>) => Math.round(ps.reduce((a, p) => a + p.rss_mb, 0) * 10) / 10;
    const result = {
      one_tab: { total_rss_mb: sum(one), processes: one },
      ten_tabs: { total_rss_mb: sum(ten), processes: ten.length, growth: Number((sum(ten) / sum(one) - 1).toFixed(3)) },
      idle_10_min: null,
      panel_closed: null,
      target: { rss_mb: TARGET_MB, ten_tabs_growth: TEN_TABS_MAX_GROWTH },
    };
    console.log(JSON.stringify(result));
    process.exitCode = 1;
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
});
