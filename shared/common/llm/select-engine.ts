import type { CatalogueEntry } from './catalogue';
import { deviceTier, type DeviceReport, type DeviceTier, type Reason } from './device';

export type GeneratorKind = 'webllm' | 'prompt-api' | 'none';

export interface EngineChoice {
  engine: GeneratorKind;
  model: string | null;
  tier: DeviceTier;
  reasons: Reason[];
}

/** Recommended model families per tier, best first (small: fits ~1 GB buffers; large: 3B class). */
export const RECOMMENDED_FAMILIES: Record<Exclude<DeviceTier, 'none'>, string[]> = {
  small: ['Qwen2.5-0.5B-Instruct', 'Llama-3.2-1B-Instruct', 'Qwen2.5-1.5B-Instruct'],
  large: ['Llama-3.2-3B-Instruct', 'Qwen2.5-3B-Instruct', 'Phi-3.5-mini-instruct', 'Llama-3.2-1B-Instruct'],
};

const MB = 1024 * 1024;
/**
 * The shortest context a model may have to be chosen or fallen back to: a drafting prompt with a thread excerpt,
 * persona and instructions takes about 1,500 tokens plus the reply (web-llm's "-1k" variants hold only 1,024).
 */
export const MIN_CONTEXT_TOKENS = 2_048;
/** Rough VRAM a tier can give one model; above it a model may load but leave the tab starved. */
const TIER_VRAM_BUDGET_MB: Record<DeviceTier, number> = { none: 0, small: 1_600, large: 4_000 };

/** Null when `entry` can run on `device`, otherwise the reason it cannot. */
export function whyNot(entry: CatalogueEntry, device: DeviceReport): Reason | null {
  const { tier } = deviceTier(device);
  if (tier === 'none') return deviceTier(device).reasons[0] ?? { code: 'no_generator' };
  if (entry.needsShaderF16 && !device.shaderF16) return { code: 'model_needs_f16', model: entry.id };
  if (entry.bufferBytesRequired !== null && entry.bufferBytesRequired > device.maxStorageBufferBindingSize)
    return {
      code: 'model_buffer_too_big',
      model: entry.id,
      neededMB: Math.round(entry.bufferBytesRequired / MB),
      limitMB: Math.round(device.maxStorageBufferBindingSize / MB),
    };
  if (entry.vramMB !== null && entry.vramMB > TIER_VRAM_BUDGET_MB[tier])
    return { code: 'model_vram_high', model: entry.id, vramMB: Math.round(entry.vramMB), tier };
  // web-llm marks the models that run on low-resource devices; on a small GPU nothing else is offered.
  if (tier === 'small' && !entry.lowResource) return { code: 'model_not_low_resource', model: entry.id };
  if (entry.contextWindow !== null && entry.contextWindow < MIN_CONTEXT_TOKENS)
    return {
      code: 'model_context_short',
      model: entry.id,
      contextWindow: entry.contextWindow,
      needed: MIN_CONTEXT_TOKENS,
    };
  return null;
}

/** The recommended model for this device: the first recommended family that fits, f16 weights when supported. */
export function recommendModel(catalogue: readonly CatalogueEntry[], device: DeviceReport): CatalogueEntry | null {
  const { tier } = deviceTier(device);
  if (tier === 'none') return null;
  const quantOrder = device.shaderF16 ? ['q4f16_1', 'q4f32_1'] : ['q4f32_1'];
  for (const family of RECOMMENDED_FAMILIES[tier]) {
    for (const quant of quantOrder) {
      const entry = catalogue.find((e) => e.id === `${family}-${quant}-MLC`);
      if (entry && !whyNot(entry, device)) return entry;
    }
  }
  return null;
}

/** Models that fit and need less VRAM than `current`, largest first: where to go after running out of memory. */
export function smallerModels(
  catalogue: readonly CatalogueEntry[],
  device: DeviceReport,
  current: string,
): CatalogueEntry[] {
  const cur = catalogue.find((e) => e.id === current);
  const limit = cur?.vramMB ?? Infinity;
  return catalogue
    .filter((e) => e.id !== current && (e.vramMB ?? Infinity) < limit && !whyNot(e, device))
    .sort((a, b) => (b.vramMB ?? 0) - (a.vramMB ?? 0));
}

/**
 * Picks the generator at run time, in order: web-llm on a real WebGPU adapter → Chrome's built-in Prompt API →
 * none (every non-generative feature keeps working; generation buttons say why they are off).
 */
export function chooseEngine(
  device: DeviceReport,
  catalogue: readonly CatalogueEntry[],
  preferredModel?: string | null,
): EngineChoice {
  const { tier, reasons } = deviceTier(device);
  if (tier !== 'none') {
    const preferred = preferredModel ? catalogue.find((e) => e.id === preferredModel) : undefined;
    const preferredProblem = preferred ? whyNot(preferred, device) : null;
    if (preferred && !preferredProblem) return { engine: 'webllm', model: preferred.id, tier, reasons };
    const recommended = recommendModel(catalogue, device);
    if (recommended)
      return {
        engine: 'webllm',
        model: recommended.id,
        tier,
        reasons: preferredProblem ? [...reasons, preferredProblem] : reasons,
      };
  }
  if (device.promptApi === 'available' || device.promptApi === 'downloadable' || device.promptApi === 'downloading')
    return {
      engine: 'prompt-api',
      model: 'chrome-built-in',
      tier,
      reasons: [...reasons, { code: 'prompt_api', availability: device.promptApi }],
    };
  return {
    engine: 'none',
    model: null,
    tier,
    reasons: [...reasons, { code: 'prompt_api', availability: device.promptApi }, { code: 'no_generator' }],
  };
}
