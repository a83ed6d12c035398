import { z } from 'zod';

/**
 * What the caller expects the AI host to have loaded. Every host request carries it, so a host that was restarted
 * (or a service worker that forgot everything) reloads lazily instead of failing. `auto` lets the host choose at
 * run time: web-llm on WebGPU, else Chrome's Prompt API, else no generator.
 */
export const ExpectationSchema = z.object({
  engine: z.enum(['auto', 'echo', 'test', 'webllm', 'prompt-api']),
  /** A model id; for `auto`, the preferred model (empty: the recommended one). */
  model: z.string().max(200),
  /** Echo and test engines: delay between tokens, to look like a real model in tests and benchmarks. */
  tokenDelayMs: z.number().int().min(0).max(5_000).optional(),
  /** A team's own model host (web-llm): base URL for weights and libraries. */
  modelBaseUrl: z.string().url().max(500).optional(),
});
export type Expectation = z.infer<typeof ExpectationSchema>;
