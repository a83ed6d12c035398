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
  | { code: 'small_gpu'; maxStorageBufferMB: number }
  | { code: 'large_gpu'; maxStorageBufferMB: number }
  | { code: 'prompt_api'; availability: DeviceReport['promptApi'] }
  | { code: 'no_generator' }
  | { code: 'model_needs_f16'; model: string }
  | { code: 'model_buffer_too_big'; model: string; neededMB: number; limitMB: number }
  | { code: 'model_vram_high'; model: string; vramMB: number; tier: DeviceTier };

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
  const maxStorageBufferMB = Math.round(device.maxStorageBufferBindingSize / MB);
  const big = device.maxStorageBufferBindingSize >= 2 * 1024 * MB - 1 && (device.deviceMemoryGB ?? 8) >= 8;
  return big
    ? { tier: 'large', reasons: [{ code: 'large_gpu', maxStorageBufferMB }] }
    : { tier: 'small', reasons: [{ code: 'small_gpu', maxStorageBufferMB }] };
}
