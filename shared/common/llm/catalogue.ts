/**
 * The model catalogue shown in the model manager, derived from web-llm's own prebuilt model list (passed in, so this
 * module stays free of the 6 MB library). Sizes not in the list are estimated and marked as such.
 */

/** The fields of web-llm's `ModelRecord` we read. */
export interface ModelRecordLike {
  model_id: string;
  model?: string;
  model_lib?: string;
  vram_required_MB?: number;
  low_resource_required?: boolean;
  buffer_size_required_bytes?: number;
  required_features?: string[];
  model_type?: number;
  overrides?: { context_window_size?: number };
}

export interface CatalogueEntry {
  id: string;
  family: string;
  /** Parameters in billions, from the id (e.g. "0.5B", "360M"); null when the id does not say. */
  paramsB: number | null;
  quantization: string;
  needsShaderF16: boolean;
  vramMB: number | null;
  lowResource: boolean;
  contextWindow: number | null;
  /** Estimated download size: parameters × bits per weight, plus 5% for tokenizer and config. */
  downloadMBEstimate: number | null;
  bufferBytesRequired: number | null;
}

/** web-llm's model types: 0 = LLM, 1 = embedding, 2 = vision-language. */
const LLM_MODEL_TYPE = 0;
const CHAT_HINT = /instruct|chat|-it-|-it$|hermes|qwen3|smollm2|deepseek-r1|phi-3|tinyllama.*chat|gemma.*-it/i;

function paramsFromId(id: string): number | null {
  const m = id.match(/(\d+(?:\.\d+)?)\s*([BM])(?![a-z])/i);
  if (!m?.[1] || !m[2]) return null;
  const n = Number(m[1]);
  return m[2].toUpperCase() === 'M' ? n / 1000 : n;
}

function bitsPerWeight(quantization: string): number | null {
  const m = quantization.match(/^q(\d)f(16|32)/);
  if (!m?.[1] || !m[2]) return null;
  const q = Number(m[1]);
  // q0 means unquantised: the weights are stored as f16 or f32.
  return q === 0 ? Number(m[2]) : q + 0.5;
}

/** Keeps chat/instruct language models and describes each one. */
export function buildCatalogue(records: readonly ModelRecordLike[]): CatalogueEntry[] {
  return records
    .filter((r) => (r.model_type ?? LLM_MODEL_TYPE) === LLM_MODEL_TYPE && CHAT_HINT.test(r.model_id))
    .map((r) => {
      const quantization = r.model_id.match(/-(q\d+f\d+(?:_\d+)?)/)?.[1] ?? 'unknown';
      const paramsB = paramsFromId(r.model_id);
      const bits = bitsPerWeight(quantization);
      return {
        id: r.model_id,
        family: r.model_id.split('-')[0] ?? r.model_id,
        paramsB,
        quantization,
        needsShaderF16: /f16/.test(quantization) || (r.required_features ?? []).includes('shader-f16'),
        vramMB: r.vram_required_MB ?? null,
        lowResource: r.low_resource_required ?? false,
        contextWindow: r.overrides?.context_window_size ?? null,
        downloadMBEstimate:
          paramsB !== null && bits !== null ? Math.round(((paramsB * 1e9 * bits) / 8 / 1e6) * 1.05) : null,
        bufferBytesRequired: r.buffer_size_required_bytes ?? null,
      };
    });
}
