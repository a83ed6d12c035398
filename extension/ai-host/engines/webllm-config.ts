import { browser } from 'wxt/browser';
import type { AppConfig, ModelRecord } from '@mlc-ai/web-llm';

/** A model library packaged with the extension (`model-libs/index.json`, written by `npm run vendor:model-libs`). */
export interface PackagedLib {
  modelId: string;
  file: string;
}

export interface AppConfigOptions {
  /**
   * A team's own model host laid out like Hugging Face (a mirror of huggingface.co/mlc-ai): weights and config at
   * `${base}/${model_id}/resolve/main/<file>`, and, outside the store build, libraries at `${base}/libs/<file>`.
   * web-llm appends `resolve/main/` to a model URL lacking a `/resolve/<rev>/` part, so the URL is given in full.
   */
  modelBaseUrl?: string;
  packaged: readonly PackagedLib[];
  /**
   * The Web Store build runs no code from outside the package: it offers only models whose library is packaged,
   * whatever the model host says. Weights are data and still download.
   */
  storeBuild: boolean;
  /** The packaged file's URL inside the extension. */
  libUrl: (file: string) => string;
}

/** web-llm's prebuilt model list, pointed at packaged libraries and, optionally, a team's own model host. */
export function buildAppConfig(prebuilt: AppConfig, opts: AppConfigOptions): AppConfig {
  const base = opts.modelBaseUrl?.replace(/\/+$/, '');
  const packaged = new Map(opts.packaged.map((l) => [l.modelId, l.file]));
  const records = opts.storeBuild ? prebuilt.model_list.filter((r) => packaged.has(r.model_id)) : prebuilt.model_list;
  return {
    ...prebuilt,
    model_list: records.map((r: ModelRecord): ModelRecord => {
      const file = packaged.get(r.model_id);
      const remoteLib = base ? `${base}/libs/${r.model_lib.split('/').pop() ?? r.model_lib}` : r.model_lib;
      return {
        ...r,
        model: base ? `${base}/${r.model_id}/resolve/main/` : r.model,
        model_lib: file ? opts.libUrl(file) : remoteLib,
      };
    }),
  };
}

/** The packaged libraries' index; none when the build has no `model-libs/` folder (a development build). */
async function loadPackagedLibs(): Promise<PackagedLib[]> {
  const res = await fetch(browser.runtime.getURL('/model-libs/index.json' as '/')).catch(() => null);
  if (!res?.ok) return [];
  const body = (await res.json().catch(() => null)) as { libs?: PackagedLib[] } | null;
  return Array.isArray(body?.libs)
    ? body.libs.filter((l) => typeof l.modelId === 'string' && typeof l.file === 'string')
    : [];
}

export async function loadAppConfig(modelBaseUrl?: string): Promise<AppConfig> {
  const { prebuiltAppConfig } = await import('@mlc-ai/web-llm');
  return buildAppConfig(prebuiltAppConfig, {
    modelBaseUrl,
    packaged: await loadPackagedLibs(),
    storeBuild: import.meta.env.CLOSER_STORE_BUILD === true,
    libUrl: (file) => browser.runtime.getURL(`/model-libs/${file}` as '/'),
  });
}
