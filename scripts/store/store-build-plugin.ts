import type { WxtViteConfig } from 'wxt';

/** A Vite plugin of the Vite that WXT bundles (the root package's Vite is another major version). */
type WxtVitePlugin = Extract<NonNullable<WxtViteConfig['plugins']>[number], { name: string }>;

/** web-llm's default host for model libraries (WebAssembly code), a GitHub branch. */
export const WEBLLM_REMOTE_LIB_PREFIX =
  'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/';
/** Where a model whose library was not packaged would point: inside the package, so it fails instead of fetching. */
export const NOT_PACKAGED_PREFIX = '/model-libs/not-packaged/';

/**
 * Tells the extension code whether this is the store build (`import.meta.env.CLOSER_STORE_BUILD`) and, in the
 * store build, rewrites web-llm's default library host to a path inside the package. Our app config already names
 * packaged files only; this removes the fallback, so no code path (web-llm's own defaults included) can fetch a
 * library from the network. check:store then finds no trace of the remote host.
 */
export function storeBuildPlugin(storeBuild: boolean): WxtVitePlugin {
  return {
    name: 'closer-store-build',
    config: () => ({ define: { 'import.meta.env.CLOSER_STORE_BUILD': JSON.stringify(storeBuild) } }),
    transform(code: string, id: string) {
      if (!storeBuild || !id.includes('@mlc-ai/web-llm') || !code.includes(WEBLLM_REMOTE_LIB_PREFIX)) return null;
      return { code: code.split(WEBLLM_REMOTE_LIB_PREFIX).join(NOT_PACKAGED_PREFIX), map: null };
    },
  };
}
