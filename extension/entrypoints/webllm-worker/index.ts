import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

// Built as /webllm-worker.js and started by the AI host with `new Worker(...)`. web-llm is imported inside main():
// WXT imports entrypoints in Node at build time, where web-llm cannot load.
export default defineUnlistedScript(async () => {
  const { startWebLlmWorker } = await import('../../ai-host/engines/webllm-worker-main');
  startWebLlmWorker();
});
