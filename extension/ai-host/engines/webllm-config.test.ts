import { describe, expect, it } from 'vitest';
import type { AppConfig } from '@mlc-ai/web-llm';
import { buildAppConfig } from './webllm-config';

const REMOTE = 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base';
const prebuilt = {
  model_list: [
    {
      model_id: 'Small-MLC',
      model: 'https://huggingface.co/mlc-ai/Small-MLC',
      model_lib: `${REMOTE}/Small-webgpu.wasm`,
    },
    { model_id: 'Big-MLC', model: 'https://huggingface.co/mlc-ai/Big-MLC', model_lib: `${REMOTE}/Big-webgpu.wasm` },
  ],
} as AppConfig;
const libUrl = (f: string) => `chrome-extension://abc/model-libs/${f}`;
const packaged = [{ modelId: 'Small-MLC', file: 'Small-webgpu.wasm' }];

describe('buildAppConfig', () => {
  it('store build: offers only packaged models, each loading its library from the package', () => {
    const config = buildAppConfig(prebuilt, { packaged, storeBuild: true, libUrl });
    expect(config.model_list.map((r) => [r.model_id, r.model_lib, r.model])).toEqual([
      ['Small-MLC', 'chrome-extension://abc/model-libs/Small-webgpu.wasm', 'https://huggingface.co/mlc-ai/Small-MLC'],
    ]);
  });

  it('store build: a team model host moves the weights, never the library', () => {
    const config = buildAppConfig(prebuilt, {
      packaged,
      storeBuild: true,
      libUrl,
      modelBaseUrl: 'https://models.team.test/',
    });
    expect(config.model_list).toHaveLength(1);
    expect(config.model_list[0]?.model).toBe('https://models.team.test/Small-MLC/resolve/main/');
    expect(config.model_list[0]?.model_lib).toBe('chrome-extension://abc/model-libs/Small-webgpu.wasm');
  });

  it('store build with nothing packaged offers no web-llm model rather than a remote library', () => {
    expect(buildAppConfig(prebuilt, { packaged: [], storeBuild: true, libUrl }).model_list).toEqual([]);
  });

  it('development build keeps the other models and their remote libraries', () => {
    const config = buildAppConfig(prebuilt, { packaged, storeBuild: false, libUrl });
    expect(config.model_list.map((r) => r.model_lib)).toEqual([
      'chrome-extension://abc/model-libs/Small-webgpu.wasm',
      `${REMOTE}/Big-webgpu.wasm`,
    ]);
  });
});
