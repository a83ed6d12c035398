import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  ARTIFACTS_DIR,
  evaluateInContentScript,
  launchWithExtension,
  panelFrame,
  useEngine,
  type ExtensionSession,
  callFromExtensionPage,
} from './harness';

const PROTOCOL = 'closer/1';
declare const chrome: {
  storage: { local: { set(v: object): Promise<void>; remove(k: string[]): Promise<void> } };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};

/** Sends one request from an extension page (the panel frame or the options page). */
const call = callFromExtensionPage;

describe('LLM engine selection without WebGPU', () => {
  let s: ExtensionSession;
  beforeAll(async () => (s = await launchWithExtension()));
  afterAll(async () => s?.close());

  it('selects no generator, says why, and turns generation off while the panel keeps working', async () => {
    const options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
    const summary = options.getByTestId('device-summary');
    await expect.poll(() => summary.getAttribute('data-engine'), { timeout: 20_000 }).toBe('none');
    const reasons = await options.getByTestId('device-reasons').textContent();
    expect(reasons).toContain('WebGPU is not available');
    expect(reasons).toContain('No generator can run here');
    // web-llm's real module loaded in the AI host under the extension's CSP: its own catalogue is listed.
    const catalogue = (await call(options, 'host.catalogue', {})) as { ok: boolean; result: { entries: unknown[] } };
    expect(catalogue.ok).toBe(true);
    expect(catalogue.result.entries.length).toBeGreaterThan(40);
    await options.screenshot({ path: join(ARTIFACTS_DIR, 'options-models-no-webgpu.png'), fullPage: true });

    const page = await s.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox');
    const frame = await panelFrame(page, s.extensionId);
    await expect.poll(() => frame.getByTestId('generation-off').textContent(), { timeout: 20_000 }).toContain('WebGPU');
    await frame.getByTestId('ask-input').fill('Draft a reply');
    expect(await frame.getByTestId('ask-submit').isDisabled()).toBe(true);
    expect(await frame.getByTestId('host-status').getAttribute('data-state')).toBe('ready');
  });

  it('keeps test hooks away from content scripts', async () => {
    const page = await s.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox');
    await panelFrame(page, s.extensionId);
    const res = (await evaluateInContentScript(
      page,
      s.extensionId,
      `chrome.runtime.sendMessage({ protocol: '${PROTOCOL}', kind: 'request', id: 'x', method: 'host.testScript', params: { rules: [], faults: [] } })`,
    )) as { ok: boolean; error: { code: string } };
    expect(res).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});

describe('LLM engine selection on a software WebGPU adapter', () => {
  it('sees the SwiftShader adapter, refuses it for a language model, and runs web-llm up to the download', async () => {
    const s = await launchWithExtension({ webgpu: true });
    try {
      const options = await s.context.newPage();
      await options.goto(`chrome-extension://${s.extensionId}/options.html`);
      const caps = (await call(options, 'host.capabilities', {})) as {
        ok: boolean;
        result: {
          device: { webgpu: boolean; adapter?: { isFallbackAdapter: boolean } };
          choice: { engine: string; reasons: Array<{ code: string }> };
        };
      };
      expect(caps.ok).toBe(true);
      expect(caps.result.device.webgpu).toBe(true);
      expect(caps.result.device.adapter?.isFallbackAdapter).toBe(true);
      expect(caps.result.choice.engine).toBe('none');
      expect(caps.result.choice.reasons.map((r) => r.code)).toContain('software_adapter');
      await expect
        .poll(() => options.getByTestId('device-reasons').textContent(), { timeout: 20_000 })
        .toContain('software');
      await options.screenshot({ path: join(ARTIFACTS_DIR, 'options-models-software-webgpu.png'), fullPage: true });

      // Forcing web-llm anyway runs its real engine creation in the host's worker until the weights download,
      // which cannot succeed offline: the error must come back as a clear engine_error, and the host keeps serving.
      const load = (await options.evaluate(
        ([proto]) =>
          new Promise<unknown>((resolve) => {
            const port = (
              chrome.runtime as unknown as {
                connect(o: object): {
                  postMessage(m: unknown): void;
                  onMessage: { addListener(f: (m: unknown) => void): void };
                };
              }
            ).connect({ name: 'closer/stream' });
            port.onMessage.addListener((m) => {
              const msg = m as { kind: string };
              if (msg.kind !== 'stream.chunk') resolve(m);
            });
            port.postMessage({
              protocol: proto,
              kind: 'stream.start',
              id: 'load-1',
              method: 'host.loadModel',
              params: { expect: { engine: 'webllm', model: 'SmolLM2-360M-Instruct-q4f32_1-MLC' } },
              credits: 64,
            });
          }),
        [PROTOCOL] as const,
      )) as { kind: string; error?: { code: string; message: string } };
      expect(load.kind).toBe('stream.error');
      expect(load.error?.code).toBe('engine_error');
      expect(load.error?.message).toMatch(/Could not load webllm SmolLM2-360M-Instruct-q4f32_1-MLC/);
      const status = await call(options, 'host.status', {});
      expect(status.ok).toBe(true);
    } finally {
      await s.close();
    }
  });
});

describe('LLM through the real host with the test engine', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launchWithExtension();
    await useEngine(s, { engine: 'test', model: 'test-1', tokenDelayMs: 5 });
  });
  afterAll(async () => s?.close());

  it('streams a draft, reports an injected device loss clearly, and recovers on retry', async () => {
    const page = await s.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox');
    const frame = await panelFrame(page, s.extensionId);
    const reply = 'Hi Jane, thanks for the note. Tuesday at 10 works for a call.';
    expect((await call(frame, 'host.testScript', { rules: [{ match: 'Jane', reply }], faults: [] })).ok).toBe(true);
    await frame.getByTestId('ask-input').fill('Reply to Jane');
    await frame.getByTestId('ask-submit').click();
    await expect.poll(() => frame.getByTestId('answer').getAttribute('data-state')).toBe('done');
    expect(await frame.getByTestId('answer').textContent()).toBe(reply);

    await call(frame, 'host.testScript', {
      rules: [{ match: 'Jane', reply }],
      faults: [{ kind: 'device_lost', afterTokens: 4 }],
    });
    await frame.getByTestId('ask-submit').click();
    await expect.poll(() => frame.getByTestId('answer-error').textContent()).toContain('GPU device was lost');
    // What arrived before the loss stays on screen.
    expect(await frame.getByTestId('answer').textContent()).toBe('Hi Jane, ');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'panel-device-lost.png') });
    await frame.getByTestId('answer-error').getByRole('button').click();
    await expect.poll(() => frame.getByTestId('answer').getAttribute('data-state')).toBe('done');
    expect(await frame.getByTestId('answer').textContent()).toBe(reply);
    const status = (await call(frame, 'host.status', {})) as { result: { lastFailure: { kind: string } | null } };
    expect(status.result.lastFailure?.kind).toBe('device_lost');
  });
});
