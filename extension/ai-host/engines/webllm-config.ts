import type { AppConfig, ModelRecord } from '@mlc-ai/web-llm';

/**
 * web-llm's prebuilt model list, optionally re-pointed at a team's own model host: weights at
 * `${base}/${model_id}/` and compiled libraries at `${base}/libs/<file>`.
 */
export async function loadAppConfig(modelBaseUrl?: string): Promise<AppConfig> {
  const { prebuiltAppConfig } = await import('@mlc-ai/web-llm');
  if (!modelBaseUrl) return prebuiltAppConfig;
  const base = modelBaseUrl.replace(/\/+$/, '');
  return {
    ...prebuiltAppConfig,
    model_list: prebuiltAppConfig.model_list.map((r: ModelRecord): ModelRecord => ({
      ...r,
      model: `${base}/${r.model_id}/`,
      model_lib: `${base}/libs/${r.model_lib.split('/').pop() ?? r.model_lib}`,
    })),
  };
}
