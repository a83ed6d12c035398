import { i18n } from '#i18n';
import type { Reason } from '../../shared/common/llm/device';

/** Words a host-reported reason in the UI language. */
export function reasonText(r: Reason): string {
  switch (r.code) {
    case 'no_webgpu':
      return i18n.t('models.reason.noWebgpu', [r.detail]);
    case 'software_adapter':
      return i18n.t('models.reason.softwareAdapter', [r.adapter]);
    case 'no_shader_f16':
      return i18n.t('models.reason.noShaderF16');
    case 'gpu_limits':
      return i18n.t('models.reason.gpuLimits', [r.limit, String(r.needed), String(r.actual)]);
    case 'small_gpu':
      return i18n.t('models.reason.smallGpu', [String(r.maxStorageBufferMB)]);
    case 'large_gpu':
      return i18n.t('models.reason.largeGpu', [String(r.maxStorageBufferMB)]);
    case 'prompt_api':
      return i18n.t('models.reason.promptApi', [r.availability]);
    case 'no_generator':
      return i18n.t('models.reason.noGenerator');
    case 'model_needs_f16':
      return i18n.t('models.reason.modelNeedsF16');
    case 'model_buffer_too_big':
      return i18n.t('models.reason.bufferTooBig', [String(r.neededMB), String(r.limitMB)]);
    case 'model_vram_high':
      return i18n.t('models.reason.vramHigh', [String(r.vramMB)]);
    case 'model_not_low_resource':
      return i18n.t('models.reason.notLowResource');
    case 'model_context_short':
      return i18n.t('models.reason.contextShort', [String(r.contextWindow), String(r.needed)]);
  }
}
