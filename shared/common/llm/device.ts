/** What the AI host found out about this device (filled in by the host, which can see WebGPU). */
export interface DeviceReport {
  webgpu: boolean;
  /** Why WebGPU is unusable, when it is. */
  webgpuProblem?: 'no_navigator_gpu' | 'no_adapter' | 'request_failed';
  adapter?: {
    vendor: string;
    architecture: string;
    description: string;
    /** A software adapter (SwiftShader): technically WebGPU, far too slow for a language model. */
    isFallbackAdapter: boolean;
  };
  shaderF16: boolean;
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
  /** Limits web-llm requests when it creates its device (absent in reports from older hosts: not checked). */
  maxStorageBuffersPerShaderStage?: number;
  maxComputeWorkgroupStorageSize?: number;
  /** navigator.deviceMemory (GB, rounded down by the browser), when exposed. */
  deviceMemoryGB: number | null;
  promptApi: 'available' | 'downloadable' | 'downloading' | 'unavailable' | 'absent';
}

export type DeviceTier = 'none' | 'small' | 'large';

/** Reasons are codes with parameters, so each UI language can word them. */
export type Reason =
  | { code: 'no_webgpu'; detail: string }
  | { code: 'software_adapter'; adapter: string }
  | { code: 'no_shader_f16' }
  | { code: 'gpu_limits'; limit: string; needed: number; actual: number }
  | { code: 'small_gpu'; maxStorageBufferMB: number }
  | { code: 'large_gpu'; maxStorageBufferMB: number }
  | { code: 'prompt_api'; availability: DeviceReport['promptApi'] }
  | { code: 'no_generator' }
  | { code: 'model_needs_f16'; model: string }
  | { code: 'model_buffer_too_big'; model: string; neededMB: number; limitMB: number }
  | { code: 'model_vram_high'; model: string; vramMB: number; tier: DeviceTier }
  | { code: 'model_not_low_resource'; model: string }
  | { code: 'model_context_short'; model: string; contextWindow: number; needed: number };

/**
 * What web-llm 0.2.86 requests from the adapter when it creates its device (`detectGPUDevice`: 10 storage buffers
 * per shader stage, 32 KB of workgroup storage). An adapter below either cannot load any model.
 */
export const WEBLLM_REQUIRED_LIMITS = {
  maxStorageBuffersPerShaderStage: 10,
  maxComputeWorkgroupStorageSize: 32 << 10,
} as const;

/**
 * The large tier starts at 2 GB per buffer. Adapters of that class report 2^31 - 4 (the largest multiple of 4
 * below 2^31), so the threshold sits a little under it.
 */
export const LARGE_TIER_BUFFER_BYTES = 2_000 * 1024 * 1024;

const MB = 1024 * 1024;

/** Sorts a device into a tier by what WebGPU lets one buffer hold (the browser does not expose VRAM). */
export function deviceTier(device: DeviceReport): { tier: DeviceTier; reasons: Reason[] } {
  if (!device.webgpu || !device.adapter)
    return { tier: 'none', reasons: [{ code: 'no_webgpu', detail: device.webgpuProblem ?? 'no_adapter' }] };
  if (device.adapter.isFallbackAdapter)
    return {
      tier: 'none',
      reasons: [{ code: 'software_adapter', adapter: device.adapter.description || device.adapter.vendor }],
    };
  for (const limit of Object.keys(WEBLLM_REQUIRED_LIMITS) as Array<keyof typeof WEBLLM_REQUIRED_LIMITS>) {
    const actual = device[limit];
    if (actual !== undefined && actual < WEBLLM_REQUIRED_LIMITS[limit])
      return { tier: 'none', reasons: [{ code: 'gpu_limits', limit, needed: WEBLLM_REQUIRED_LIMITS[limit], actual }] };
  }
  const maxStorageBufferMB = Math.round(device.maxStorageBufferBindingSize / MB);
  const big = device.maxStorageBufferBindingSize >= LARGE_TIER_BUFFER_BYTES && (device.deviceMemoryGB ?? 8) >= 8;
  return big
    ? { tier: 'large', reasons: [{ code: 'large_gpu', maxStorageBufferMB }] }
    : { tier: 'small', reasons: [{ code: 'small_gpu', maxStorageBufferMB }] };
}
