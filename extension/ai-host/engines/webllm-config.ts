import type { AppConfig, ModelRecord } from '@mlc-ai/web-llm';

/**
 * web-llm's prebuilt model list, optionally re-pointed at a team's own model host laid out like Hugging Face (a
 * mirror of huggingface.co/mlc-ai): weights and config at `${base}/${model_id}/resolve/main/<file>`, compiled
 * libraries at `${base}/libs/<file>.wasm`. web-llm appends `resolve/main/` to any model URL that lacks a
 * `/resolve/<rev>/` part, so the URL is given in full here: what is fetched is what this comment says.
 */
export async function loadAppConfig(modelBaseUrl?: string): Promise<AppConfig> {
  const { prebuiltAppConfig } = await import('@mlc-ai/web-llm');
  if (!modelBaseUrl) return prebuiltAppConfig;
  const base = modelBaseUrl.replace(/\/+$/, '');
  return {
    ...prebuiltAppConfig,
    model_list: prebuiltAppConfig.model_list.map((r: ModelRecord): ModelRecord => ({
      ...r,
      model: `${base}/${r.model_id}/resolve/main/`,
      model_lib: `${base}/libs/${r.model_lib.split('/').pop() ?? r.model_lib}`,
    })),
  };
}
