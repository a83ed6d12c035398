import { WebWorkerMLCEngineHandler } from '@mlc-ai/web-llm';

/**
 * web-llm's own worker handler: the model runs in this worker, off the AI host's main thread, so the host keeps
 * answering status requests and small-model work while a long generation runs.
 */
export function startWebLlmWorker(): void {
  const handler = new WebWorkerMLCEngineHandler();
  self.onmessage = (event: MessageEvent) => handler.onmessage(event);
}
