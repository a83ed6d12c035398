/**
 * A passive record of the outbox while an E2E waits on it: the backend requests the browser made, the service
 * worker's running status (CDP), and every second the `chrome.alarms` alarms and the outbox rows as an extension page
 * reads them. Nothing here messages the worker, so the record does not wake it (which would hide a stall). Written to
 * artifacts/ as JSON lines, one file per run: the evidence behind the outbox-stall fix (issue 17).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR, type ExtensionSession } from './harness';

type Row = [key: string, status: string, attempts: number, dueInMs: number | null];

export async function traceOutbox(s: ExtensionSession, page: Page, backendUrl: string) {
  const t0 = Date.now();
  const lines: string[] = [];
  const log = (what: string, data?: unknown) => lines.push(JSON.stringify({ t: Date.now() - t0, what, data }));
  const path = (url: string) => (url.startsWith(backendUrl) ? url.slice(backendUrl.length) : null);
  s.context.on('request', (r) => path(r.url()) && log('request', path(r.url())));
  s.context.on('requestfailed', (r) => path(r.url()) && log('requestfailed', path(r.url())));
  s.context.on('response', (r) => path(r.url()) && log('response', [r.status(), path(r.url())]));
  const cdp = await s.context.newCDPSession(page);
  cdp.on('ServiceWorker.workerVersionUpdated', (e) =>
    log(
      'worker',
      e.versions.map((v) => v.runningStatus),
    ),
  );
  await cdp.send('ServiceWorker.enable');
  let on = true;
  const sampling = (async () => {
    while (on) {
      const state = await page
        .evaluate(async () => {
          const c = (globalThis as unknown as { chrome: { alarms: { getAll(): Promise<unknown[]> } } }).chrome;
          const alarms = (await c.alarms.getAll()) as { name: string; scheduledTime: number }[];
          const rows = await new Promise<Row[]>((resolve, reject) => {
            const open = indexedDB.open('closer');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const req = db.transaction('outbox').objectStore('outbox').getAll();
              req.onsuccess = () => {
                db.close();
                resolve(
                  (req.result as { idempotencyKey: string; status: string; attempts: number; nextAttemptAt?: number }[])
                    .filter((r) => r.status !== 'sent')
                    .map((r) => [
                      r.idempotencyKey,
                      r.status,
                      r.attempts,
                      r.nextAttemptAt ? r.nextAttemptAt - Date.now() : null,
                    ]),
                );
              };
            };
          });
          return { alarms: alarms.map((a) => [a.name, a.scheduledTime - Date.now()]), unsent: rows };
        })
        .catch((err: unknown) => String(err));
      log('state', state);
      await new Promise((r) => setTimeout(r, 1_000));
    }
  })();
  return {
    log,
    async stop(name: string): Promise<void> {
      on = false;
      await sampling;
      await cdp.detach().catch(() => undefined);
      writeFileSync(join(ARTIFACTS_DIR, `${name}-${t0}.jsonl`), lines.join('\n') + '\n');
    },
  };
}
