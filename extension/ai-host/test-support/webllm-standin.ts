import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { WebWorkerMLCEngineHandler } from '@mlc-ai/web-llm';

/**
 * A stand-in for web-llm's worker, for Node tests: web-llm's own `WebWorkerMLCEngineHandler` and its own client
 * (`CreateWebWorkerMLCEngine`, used unchanged by the engine under test) talk through a fake Worker, and only the
 * GPU-bound `MLCEngine` inside the handler is replaced. Its errors are web-llm's own, read from the installed
 * library's source, so an upgrade that renames or rewords them breaks these tests rather than the product.
 */

const source = readFileSync(createRequire(import.meta.url).resolve('@mlc-ai/web-llm'), 'utf8');

function errorText(className: string): string {
  const m = source.match(
    new RegExp(`class ${className} extends Error \\{\\s*constructor\\([^)]*\\) \\{\\s*super\\(([^;]+)\\);`),
  );
  if (!m?.[1]) throw new Error(`web-llm no longer defines ${className} as these tests expect`);
  return m[1];
}

/** web-llm's DeviceLostError, thrown by `MLCEngine.reload()` when the device is lost while loading. */
export function webLlmDeviceLostError(): Error {
  const err = new Error(JSON.parse(errorText('DeviceLostError')) as string);
  err.name = 'DeviceLostError';
  return err;
}

/** web-llm's ModelNotLoadedError, thrown by a request after the engine unloaded itself on a lost device. */
export function webLlmModelNotLoadedError(requestName: string): Error {
  const template = errorText('ModelNotLoadedError');
  // The message is built from template literals joined with "+"; evaluate only those pieces.
  const text = [...template.matchAll(/`([^`]*)`/g)].map((p) => (p[1] ?? '').replace('${requestName}', requestName));
  const err = new Error(text.join(''));
  err.name = 'ModelNotLoadedError';
  return err;
}

export interface StandInBehaviour {
  /** What reload() does after reporting progress: load, lose the device, or never finish (a long download). */
  reload: 'ok' | 'device_lost' | 'hang';
  /** The reply, one chunk per word. */
  reply: string;
  /** Lose the device after this many chunks of the next generation (web-llm then unloads itself). */
  loseDeviceAfter?: number;
  /** Each chunk waits for this promise factory (lets a test hold a generation mid-stream). */
  pace?: () => Promise<void>;
}

/** The part of `MLCEngine` the handler calls, behaving as web-llm 0.2.86's `MLCEngine` does. */
class StandInMLCEngine {
  loaded: string[] = [];
  reloads: string[] = [];
  interrupts = 0;
  private interruptSignal = false;
  private progress?: (r: { progress: number; timeElapsed: number; text: string }) => void;
  constructor(private readonly behaviour: StandInBehaviour) {}
  setInitProgressCallback(cb: typeof this.progress) {
    this.progress = cb;
  }
  async reload(modelId: string[]) {
    this.reloads.push(modelId.join(','));
    this.progress?.({ progress: 0.25, timeElapsed: 0, text: 'Fetching param cache[1/4]' });
    if (this.behaviour.reload === 'hang') await new Promise(() => undefined);
    if (this.behaviour.reload === 'device_lost') throw webLlmDeviceLostError();
    this.loaded = modelId;
    this.progress?.({ progress: 1, timeElapsed: 0, text: 'Finish loading on stand-in' });
  }
  appConfig: unknown = null;
  setAppConfig(config: unknown) {
    this.appConfig = config;
  }
  setLogLevel() {}
  async interruptGenerate() {
    this.interrupts += 1;
    this.interruptSignal = true;
  }
  async unload() {
    this.loaded = [];
  }
  async chatCompletion(request: { stream?: boolean }) {
    if (this.loaded.length === 0) throw webLlmModelNotLoadedError('ChatCompletionRequest');
    if (!request.stream) throw new Error('the stand-in streams only');
    this.interruptSignal = false;
    const words = this.behaviour.reply.split(/(?<= )/);
    const self = { behaviour: this.behaviour, unload: () => this.unload(), interrupted: () => this.interruptSignal };
    return (async function* () {
      for (let i = 0; i < words.length; i++) {
        if (self.behaviour.loseDeviceAfter !== undefined && i === self.behaviour.loseDeviceAfter) {
          self.behaviour.loseDeviceAfter = undefined;
          await self.unload();
          throw new Error('GPUBuffer used in submit while destroyed');
        }
        await self.behaviour.pace?.();
        if (self.interrupted()) break;
        yield { choices: [{ index: 0, delta: { content: words[i] }, finish_reason: null }] };
      }
      yield { choices: [{ index: 0, delta: {}, finish_reason: self.interrupted() ? 'abort' : 'stop' }] };
    })();
  }
}

/** A fake Worker running web-llm's real handler in-process; terminate() drops every message, as a real one does. */
export function webLlmStandIn(behaviour: StandInBehaviour, opts: { failToStart?: boolean } = {}) {
  const engines: StandInMLCEngine[] = [];
  const workers: Array<{ terminated: boolean }> = [];
  const createWorker = (): Worker => {
    const events = new EventTarget();
    const state = { terminated: false };
    workers.push(state);
    const handler = new WebWorkerMLCEngineHandler();
    const engine = new StandInMLCEngine(behaviour);
    engines.push(engine);
    (handler as unknown as { engine: StandInMLCEngine }).engine = engine;
    const worker = {
      onmessage: null as ((e: MessageEvent) => void) | null,
      postMessage(msg: unknown) {
        const copy = structuredClone(msg);
        setTimeout(() => !state.terminated && !opts.failToStart && handler.onmessage(copy as MessageEvent), 0);
      },
      terminate() {
        state.terminated = true;
      },
      addEventListener: events.addEventListener.bind(events),
      removeEventListener: events.removeEventListener.bind(events),
      dispatchEvent: events.dispatchEvent.bind(events),
    };
    handler.postMessage = (msg: unknown) => {
      const copy = structuredClone(msg);
      setTimeout(() => !state.terminated && worker.onmessage?.(copy as MessageEvent), 0);
    };
    engine.setInitProgressCallback((report) =>
      handler.postMessage({ kind: 'initProgressCallback', uuid: '', content: report }),
    );
    // A script that cannot be fetched or parsed: the Worker fires "error" and never answers.
    if (opts.failToStart) setTimeout(() => events.dispatchEvent(new Event('error')), 0);
    return worker as unknown as Worker;
  };
  return { createWorker, engines, workers };
}
