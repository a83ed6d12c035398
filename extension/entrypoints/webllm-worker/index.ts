import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

// Built as /webllm-worker.js and started by the AI host with `new Worker(...)`. web-llm is imported inside main():
// WXT imports entrypoints in Node at build time, where web-llm cannot load.
export default defineUnlistedScript(async () => {
  // web-llm downloads weights from here: record each download in the privacy ledger before it can start.
  const { recordModelDownloads } = await import('../../companion/fetch-recorder');
  recordModelDownloads('webllm-worker');
  const { startWebLlmWorker } = await import('../../ai-host/engines/webllm-worker-main');
  startWebLlmWorker();
});
