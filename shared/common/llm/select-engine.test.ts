import { describe, expect, it } from 'vitest';
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { buildCatalogue } from './catalogue';
import { chooseEngine, recommendModel, smallerModels, whyNot } from './select-engine';
import { deviceTier, type DeviceReport } from './device';

// web-llm's own prebuilt list, as the AI host reads it at run time.
const catalogue = buildCatalogue(prebuiltAppConfig.model_list);
const GB = 1024 ** 3;
const device = (over: Partial<DeviceReport>): DeviceReport => ({
  webgpu: true,
  adapter: { vendor: 'acme', architecture: '', description: 'Acme', isFallbackAdapter: false },
  shaderF16: true,
  maxBufferSize: GB,
  maxStorageBufferBindingSize: GB,
  deviceMemoryGB: 8,
  promptApi: 'absent',
  ...over,
});

describe('model catalogue', () => {
  it('keeps chat models only, with sizes and f16 needs', () => {
    expect(catalogue.length).toBeGreaterThan(40);
    expect(catalogue.every((e) => !/embed|bge|snowflake|vision/i.test(e.id))).toBe(true);
    const qwen = catalogue.find((e) => e.id === 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC');
    expect(qwen).toMatchObject({ paramsB: 0.5, quantization: 'q4f16_1', needsShaderF16: true, contextWindow: 4096 });
    // 0.5 B weights at 4.5 bits ≈ 281 MB, plus 5%.
    expect(qwen?.downloadMBEstimate).toBe(295);
    expect(catalogue.find((e) => e.id === 'Llama-3.2-1B-Instruct-q4f32_1-MLC')?.needsShaderF16).toBe(false);
  });
});

describe('engine choice at run time', () => {
  it('refuses a software adapter (SwiftShader) and says why', () => {
    const d = device({
      adapter: { vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader', isFallbackAdapter: true },
    });
    expect(deviceTier(d).tier).toBe('none');
    const choice = chooseEngine(d, catalogue);
    expect(choice.engine).toBe('none');
    expect(choice.reasons).toContainEqual({ code: 'software_adapter', adapter: 'SwiftShader' });
    expect(choice.reasons).toContainEqual({ code: 'no_generator' });
  });

  it('falls back to the Prompt API when WebGPU is missing but the built-in model is there', () => {
    const choice = chooseEngine(
      device({ webgpu: false, adapter: undefined, webgpuProblem: 'no_adapter', promptApi: 'available' }),
      catalogue,
    );
    expect(choice).toMatchObject({ engine: 'prompt-api', model: 'chrome-built-in' });
  });

  it('recommends a 0.5B model with f16 weights for a small GPU, and f32 weights without shader-f16', () => {
    expect(recommendModel(catalogue, device({}))?.id).toBe('Qwen2.5-0.5B-Instruct-q4f16_1-MLC');
    expect(recommendModel(catalogue, device({ shaderF16: false }))?.id).toBe('Qwen2.5-0.5B-Instruct-q4f32_1-MLC');
  });

  it('recommends a 3B model for a large GPU', () => {
    const big = device({ maxStorageBufferBindingSize: 4 * GB, maxBufferSize: 4 * GB, deviceMemoryGB: 16 });
    expect(recommendModel(catalogue, big)?.id).toBe('Llama-3.2-3B-Instruct-q4f16_1-MLC');
  });

  it('explains why a model cannot run', () => {
    const f16 = catalogue.find((e) => e.id === 'Llama-3.2-1B-Instruct-q4f16_1-MLC');
    if (!f16) throw new Error('catalogue lacks Llama-3.2-1B q4f16');
    expect(whyNot(f16, device({ shaderF16: false }))).toEqual({ code: 'model_needs_f16', model: f16.id });
    const eightB = catalogue.find((e) => e.id === 'Llama-3.1-8B-Instruct-q4f16_1-MLC');
    if (!eightB) throw new Error('catalogue lacks Llama-3.1-8B');
    expect(whyNot(eightB, device({}))).toMatchObject({ code: 'model_vram_high', tier: 'small' });
  });

  it('honours a preferred model that fits and notes one that does not', () => {
    const d = device({});
    expect(chooseEngine(d, catalogue, 'SmolLM2-360M-Instruct-q4f16_1-MLC').model).toBe(
      'SmolLM2-360M-Instruct-q4f16_1-MLC',
    );
    const c = chooseEngine(d, catalogue, 'Llama-3.1-8B-Instruct-q4f16_1-MLC');
    expect(c.model).toBe('Qwen2.5-0.5B-Instruct-q4f16_1-MLC');
    expect(c.reasons.some((r) => r.code === 'model_vram_high')).toBe(true);
  });

  it('lists smaller models that fit, largest first, for recovery from out-of-memory', () => {
    const smaller = smallerModels(catalogue, device({}), 'Llama-3.2-1B-Instruct-q4f16_1-MLC');
    expect(smaller.length).toBeGreaterThan(0);
    const vrams = smaller.map((e) => e.vramMB ?? 0);
    expect([...vrams].sort((a, b) => b - a)).toEqual(vrams);
    expect(vrams.every((v) => v < 879.04)).toBe(true);
  });
});

describe('every requirement web-llm states', () => {
  it('puts 2 GB-class adapters (2^31 - 4 bytes per buffer) in the large tier', () => {
    expect(deviceTier(device({ maxStorageBufferBindingSize: 2 ** 31 - 4, deviceMemoryGB: 8 })).tier).toBe('large');
    expect(deviceTier(device({ maxStorageBufferBindingSize: GB })).tier).toBe('small');
  });

  it('filters out adapters below the limits web-llm requests for its device', () => {
    const few = deviceTier(device({ maxStorageBuffersPerShaderStage: 8, maxComputeWorkgroupStorageSize: 32768 }));
    expect(few.tier).toBe('none');
    expect(few.reasons[0]).toMatchObject({ code: 'gpu_limits', limit: 'maxStorageBuffersPerShaderStage', needed: 10 });
    const tiny = deviceTier(device({ maxStorageBuffersPerShaderStage: 10, maxComputeWorkgroupStorageSize: 16384 }));
    expect(tiny.reasons[0]).toMatchObject({ code: 'gpu_limits', limit: 'maxComputeWorkgroupStorageSize' });
    expect(
      deviceTier(device({ maxStorageBuffersPerShaderStage: 10, maxComputeWorkgroupStorageSize: 32768 })).tier,
    ).toBe('small');
  });

  it('never picks or falls back to a 1k-context variant, and offers only low-resource models on a small GPU', () => {
    const small = device({});
    const short = catalogue.find((e) => e.contextWindow !== null && e.contextWindow < 2048 && (e.vramMB ?? 0) < 3000);
    expect(short).toBeDefined();
    if (short)
      expect(whyNot(short, device({ maxStorageBufferBindingSize: 2 ** 31, deviceMemoryGB: 16 }))?.code).toBe(
        'model_context_short',
      );
    const notLow = catalogue.find((e) => !e.lowResource && (e.vramMB ?? 0) < 1500 && !e.needsShaderF16);
    if (notLow) expect(whyNot(notLow, small)?.code).toBe('model_not_low_resource');
    for (const e of smallerModels(catalogue, small, 'Llama-3.2-3B-Instruct-q4f16_1-MLC')) {
      expect(e.contextWindow === null || e.contextWindow >= 2048).toBe(true);
      expect(e.lowResource).toBe(true);
    }
  });
});
