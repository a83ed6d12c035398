/** Runs the sandbox as its own process: `tsx crm-app/sandbox/main.ts`; prints `{"url":...}` once listening. */
import { startSandbox } from './sandbox';

const sandbox = await startSandbox({
  port: Number(process.env.SANDBOX_PORT ?? 0),
  portals: [
    {
      id: Number(process.env.SANDBOX_PORTAL ?? 101),
      tier: process.env.SANDBOX_TIER === 'enterprise' ? 'enterprise' : 'free',
    },
  ],
  ...(process.env.SANDBOX_SEARCH_PER_SECOND ? { searchPerSecond: Number(process.env.SANDBOX_SEARCH_PER_SECOND) } : {}),
  rateLimit: {
    max: Number(process.env.SANDBOX_RATE_MAX ?? 110),
    windowMs: Number(process.env.SANDBOX_RATE_WINDOW_MS ?? 10_000),
  },
});
process.stdout.write(`${JSON.stringify({ url: sandbox.url })}\n`);
const stop = () => void sandbox.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
