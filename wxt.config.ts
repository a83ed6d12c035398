import { defineConfig } from 'wxt';
import { DEV_PUBLIC_KEY } from './extension/dev-key';
import { storeBuildPlugin } from './scripts/store/store-build-plugin';

/** `npm run package` sets this: the Web Store build (no key, packaged model libraries only, own output folder). */
const STORE_BUILD = process.env.CLOSER_STORE_BUILD === '1';

/**
 * WXT build configuration. The layout is fixed by the product: sources under `extension/`, static files (icons,
 * shipped model files) under `public/`.
 */
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'public',
  modulesDir: 'extension/wxt-modules',
  // The store build has its own folder, so packaging never replaces the unpacked build the E2E tests load.
  outDir: STORE_BUILD ? '.output/store' : '.output',
  // Explicit imports only: code must read the same in tests, in Node and in the bundle.
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  vite: () => ({ plugins: [storeBuildPlugin(STORE_BUILD)] }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // A stable id for unpacked builds (see extension/dev-key.ts); the Web Store assigns its own.
    ...(STORE_BUILD ? {} : { key: DEV_PUBLIC_KEY }),
    // Minimal permissions: storage for settings, offscreen for the AI host, sidePanel for the side panel, alarms so
    // the sync outbox and bulk enrichment resume after Chrome stops the service worker. Content scripts declare
    // their own host matches; no broad host permission is requested (the companion backend answers with CORS for
    // this extension's origin).
    permissions: ['storage', 'unlimitedStorage', 'offscreen', 'sidePanel', 'alarms'],
    // WebAssembly (tfjs-wasm, web-llm) needs 'wasm-unsafe-eval'; nothing looser is allowed.
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
    // The panel is an extension page framed into Gmail and HubSpot (see README, "Why an iframe panel").
    web_accessible_resources: [
      {
        resources: ['panel.html'],
        matches: ['https://mail.google.com/*', 'https://app.hubspot.com/*'],
      },
    ],
    action: { default_title: '__MSG_extName__' },
  },
});
