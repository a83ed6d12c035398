import type { DeviceReport } from '../../shared/common/llm/device';

/** The slice of the WebGPU and Prompt API surfaces we read (their types are not in TypeScript's DOM lib). */
interface GpuAdapterLike {
  features: { has(name: string): boolean };
  limits: {
    maxBufferSize: number;
    maxStorageBufferBindingSize: number;
    maxStorageBuffersPerShaderStage?: number;
    maxComputeWorkgroupStorageSize?: number;
  };
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}
interface NavigatorLike {
  gpu?: { requestAdapter(options?: { powerPreference?: string }): Promise<GpuAdapterLike | null> };
  deviceMemory?: number;
}
interface LanguageModelStatic {
  availability(options?: object): Promise<string>;
}

/** Reads what this device offers a language model. Runs in the AI host (an extension page with WebGPU access). */
export async function detectDevice(
  nav: NavigatorLike = navigator as unknown as NavigatorLike,
  scope: { LanguageModel?: LanguageModelStatic } = globalThis as { LanguageModel?: LanguageModelStatic },
): Promise<DeviceReport> {
  const report: DeviceReport = {
    webgpu: false,
    shaderF16: false,
    maxBufferSize: 0,
    maxStorageBufferBindingSize: 0,
    deviceMemoryGB: typeof nav.deviceMemory === 'number' ? nav.deviceMemory : null,
    promptApi: 'absent',
  };
  if (!nav.gpu) report.webgpuProblem = 'no_navigator_gpu';
  else {
    try {
      const adapter = await nav.gpu.requestAdapter({ powerPreference: 'high-performance' });
      if (!adapter) report.webgpuProblem = 'no_adapter';
      else {
        report.webgpu = true;
        report.adapter = {
          vendor: adapter.info?.vendor ?? '',
          architecture: adapter.info?.architecture ?? '',
          description: adapter.info?.description ?? '',
          isFallbackAdapter: Boolean(adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter),
        };
        report.shaderF16 = adapter.features.has('shader-f16');
        report.maxBufferSize = adapter.limits.maxBufferSize;
        report.maxStorageBufferBindingSize = adapter.limits.maxStorageBufferBindingSize;
        report.maxStorageBuffersPerShaderStage = adapter.limits.maxStorageBuffersPerShaderStage;
        report.maxComputeWorkgroupStorageSize = adapter.limits.maxComputeWorkgroupStorageSize;
      }
    } catch {
      report.webgpuProblem = 'request_failed';
    }
  }
  if (scope.LanguageModel) {
    try {
      const a = await scope.LanguageModel.availability();
      report.promptApi = a === 'available' || a === 'downloadable' || a === 'downloading' ? a : 'unavailable';
    } catch {
      report.promptApi = 'unavailable';
    }
  }
  return report;
}
