/**
 * The rules `npm run check:store` applies to a store package before it is uploaded: each returns the problems it
 * finds, in words a reviewer can act on. The Chrome Web Store refuses remotely hosted code ("Blue Argon"), MV2
 * manifests, permissions it cannot see a use for, and broken locales; we add our own rules against `eval` in our
 * code and model libraries that are not the pinned, packaged ones.
 */
import { z } from 'zod';
import { PACKAGED_LIBS_DIR, packagedIndexSchema, sha256, type ModelLibLock } from './model-libs';

export type RuleId = 'mv3' | 'justification' | 'remote-code' | 'eval' | 'locale' | 'model-libs';

export interface Problem {
  rule: RuleId;
  file?: string;
  message: string;
}

/** A package as a map from its paths (forward slashes, no leading slash) to their bytes. */
export type PackageFiles = ReadonlyMap<string, Uint8Array>;

/** One written reason per permission or host pattern, in each listing language. */
export const justificationsSchema = z.record(
  z.string(),
  z.object({ en: z.string().min(40), zh_CN: z.string().min(10) }),
);
export type Justifications = z.infer<typeof justificationsSchema>;

export interface CheckContext {
  /** `version` from package.json: the package must carry exactly it. */
  version: string;
  justifications: Justifications;
  lock: ModelLibLock;
  /** Our own source files (path → text), for the `eval` rule: libraries' internals are not ours to rewrite. */
  sources: ReadonlyMap<string, string>;
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

type Manifest = Record<string, unknown> & {
  manifest_version?: unknown;
  background?: Record<string, unknown>;
  content_scripts?: { matches?: string[]; js?: string[]; css?: string[] }[];
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: unknown;
  web_accessible_resources?: unknown[];
  icons?: Record<string, string>;
  default_locale?: string;
};

function readManifest(files: PackageFiles): Manifest | null {
  const bytes = files.get('manifest.json');
  if (!bytes) return null;
  try {
    return JSON.parse(text(bytes)) as Manifest;
  } catch {
    return null;
  }
}

/** Every file the manifest names, so a missing one is caught here rather than by Chrome at install. */
function referencedFiles(m: Manifest): string[] {
  const refs: unknown[] = [
    m.background?.service_worker,
    (m.options_ui as { page?: unknown } | undefined)?.page,
    m.options_page,
    (m.side_panel as { default_path?: unknown } | undefined)?.default_path,
    (m.action as { default_popup?: unknown } | undefined)?.default_popup,
    ...Object.values(m.icons ?? {}),
    ...(m.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
  ];
  return refs.filter((r): r is string => typeof r === 'string').map((r) => r.replace(/^\//, ''));
}

/** Directive sources a store package may allow for its own pages: its own files and WebAssembly compilation. */
const ALLOWED_SCRIPT_SOURCES = new Set(["'self'", "'wasm-unsafe-eval'"]);

export function checkMv3(files: PackageFiles, version: string): Problem[] {
  const problems: Problem[] = [];
  const add = (message: string, file = 'manifest.json') => problems.push({ rule: 'mv3', file, message });
  const m = readManifest(files);
  if (!m) return [{ rule: 'mv3', file: 'manifest.json', message: 'manifest.json is missing or is not JSON' }];
  if (m.manifest_version !== 3) add(`manifest_version is ${String(m.manifest_version)}, the store accepts only 3`);
  if ('key' in m) add('the manifest has a "key": the store assigns the id, a store package must not carry one');
  if (m.version !== version) add(`version is ${String(m.version)}, package.json says ${version}`);
  if (m.background && ('scripts' in m.background || 'page' in m.background || 'persistent' in m.background))
    add('background uses MV2 "scripts"/"page"/"persistent": MV3 needs a service_worker');
  if (m.background && typeof m.background.service_worker !== 'string') add('background has no service_worker');
  for (const key of ['browser_action', 'page_action']) if (key in m) add(`"${key}" is MV2: MV3 has "action"`);
  const csp = m.content_security_policy;
  if (typeof csp === 'string') add('content_security_policy is an MV2 string: MV3 needs { extension_pages }');
  else if (csp && typeof csp === 'object') {
    for (const [where, policy] of Object.entries(csp as Record<string, unknown>)) {
      if (where === 'sandbox') continue;
      for (const directive of String(policy).split(';')) {
        const [name, ...sources] = directive.trim().split(/\s+/);
        if (name !== 'script-src' && name !== 'object-src' && name !== 'worker-src') continue;
        for (const s of sources)
          if (!ALLOWED_SCRIPT_SOURCES.has(s) && s !== "'none'")
            add(`content_security_policy.${where} ${name} allows ${s}: MV3 allows only 'self' and 'wasm-unsafe-eval'`);
      }
    }
  }
  for (const war of m.web_accessible_resources ?? [])
    if (typeof war !== 'object' || war === null || !Array.isArray((war as { resources?: unknown }).resources))
      add('web_accessible_resources must be objects with "resources" and "matches" in MV3');
  if (!m.icons?.['128']) add('no 128×128 icon: the store needs one');
  for (const ref of referencedFiles(m)) if (!files.has(ref)) add(`the manifest names ${ref}, which is not packaged`);
  return problems;
}

/** API permissions and host patterns (declared or through content scripts), each of which the store asks about. */
export function requestedPermissions(m: Manifest): string[] {
  const all = [
    ...(m.permissions ?? []),
    ...(m.optional_permissions ?? []),
    ...(m.host_permissions ?? []),
    ...(m.optional_host_permissions ?? []),
    ...(m.content_scripts ?? []).flatMap((c) => c.matches ?? []),
  ];
  return [...new Set(all)];
}

export function checkJustifications(files: PackageFiles, justifications: Justifications): Problem[] {
  const m = readManifest(files);
  if (!m) return [];
  return requestedPermissions(m)
    .filter((p) => !Object.hasOwn(justifications, p))
    .map((p) => ({
      rule: 'justification' as const,
      file: 'store/permissions.json',
      message: `"${p}" is requested without a written justification (en and zh_CN) in store/permissions.json`,
    }));
}

/**
 * Code fetched at run time: a script, module, worker, stylesheet or WebAssembly file named by a remote URL, and
 * web-llm's model-library host. Data (model weights, API calls) may be remote; code may not.
 */
const REMOTE_CODE: { pattern: RegExp; what: string }[] = [
  { pattern: /<script[^>]+src\s*=\s*["']?(?:https?:)?\/\//i, what: 'a <script> from another origin' },
  {
    pattern:
      /<link[^>]+href\s*=\s*["']?(?:https?:)?\/\/[^>]*stylesheet|<link[^>]+stylesheet[^>]*href\s*=\s*["']?(?:https?:)?\/\//i,
    what: 'a stylesheet from another origin',
  },
  { pattern: /importScripts\s*\(\s*["'`](?:https?:)?\/\//, what: 'importScripts of a remote URL' },
  { pattern: /\bimport\s*\(\s*["'`](?:https?:)?\/\//, what: 'a dynamic import of a remote URL' },
  { pattern: /\bfrom\s*["'`]https?:\/\//, what: 'a static import of a remote URL' },
  { pattern: /new\s+(?:Shared)?Worker\s*\(\s*["'`](?:https?:)?\/\//, what: 'a worker started from a remote URL' },
  { pattern: /["'`]https?:\/\/[^"'`\s]+\.(?:m?js|wasm)(?:[?#][^"'`\s]*)?["'`]/, what: 'a remote .js/.wasm URL' },
  { pattern: /binary-mlc-llm-libs/, what: "web-llm's remote model-library host" },
  { pattern: /@import\s+(?:url\()?\s*["']?https?:\/\//, what: 'a CSS @import of a remote URL' },
];
const SCANNED = /\.(?:m?js|html|css|json)$/;

export function checkRemoteCode(files: PackageFiles): Problem[] {
  const problems: Problem[] = [];
  for (const [path, bytes] of files) {
    if (!SCANNED.test(path)) continue;
    const body = text(bytes);
    for (const { pattern, what } of REMOTE_CODE) {
      const hit = body.match(pattern);
      if (hit) {
        const at = hit.index ?? 0;
        problems.push({
          rule: 'remote-code',
          file: path,
          message: `${what}: …${body.slice(Math.max(0, at - 40), at + 80).replace(/\s+/g, ' ')}…`,
        });
      }
    }
  }
  return problems;
}

/** `eval`, `new Function` and string timers in our sources (comments removed first, so a comment may name them). */
const EVAL: RegExp[] = [
  /(?<![\w.$])eval\s*\(/,
  /\bnew\s+Function\s*\(/,
  /(?<![\w.$])Function\s*\(\s*["'`]/,
  /\bset(?:Timeout|Interval)\s*\(\s*["'`]/,
];

export function checkEval(sources: ReadonlyMap<string, string>): Problem[] {
  const problems: Problem[] = [];
  for (const [path, source] of sources) {
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
    const hit = EVAL.map((pattern) => code.match(pattern)).find((m) => m !== null);
    if (hit) problems.push({ rule: 'eval', file: path, message: `"${hit[0]}" in our code: code built from strings` });
  }
  return problems;
}

export function checkLocales(files: PackageFiles): Problem[] {
  const m = readManifest(files);
  if (!m) return [];
  const problems: Problem[] = [];
  const add = (message: string, file?: string) => problems.push({ rule: 'locale', file, message });
  const locales = new Map<string, Record<string, { message?: unknown }>>();
  for (const [path, bytes] of files) {
    const hit = path.match(/^_locales\/([^/]+)\/messages\.json$/);
    if (!hit?.[1]) continue;
    try {
      locales.set(hit[1], JSON.parse(text(bytes)) as Record<string, { message?: unknown }>);
    } catch {
      add('messages.json is not JSON', path);
    }
  }
  const fallback = m.default_locale ? locales.get(m.default_locale) : undefined;
  if (!m.default_locale || !fallback) {
    add(`default_locale ${String(m.default_locale)} has no _locales/<locale>/messages.json`, 'manifest.json');
    return problems;
  }
  const keys = new Set(Object.keys(fallback).map((k) => k.toLowerCase()));
  for (const name of JSON.stringify(m).matchAll(/__MSG_(\w+)__/g))
    if (!keys.has((name[1] ?? '').toLowerCase())) add(`the manifest uses __MSG_${name[1]}__, which no message defines`);
  for (const [locale, messages] of locales) {
    const have = new Set(Object.keys(messages).map((k) => k.toLowerCase()));
    for (const key of keys) if (!have.has(key)) add(`message "${key}" is missing`, `_locales/${locale}/messages.json`);
    for (const [key, value] of Object.entries(messages))
      if (typeof value?.message !== 'string' || value.message.trim() === '')
        add(`message "${key}" is empty`, `_locales/${locale}/messages.json`);
  }
  return problems;
}

/**
 * Every packaged model library is pinned and intact, and every pinned one is packaged: a library missing from the
 * package would make web-llm look for it elsewhere, and an unpinned one is code nobody reviewed.
 */
export function checkModelLibs(files: PackageFiles, lock: ModelLibLock): Problem[] {
  const problems: Problem[] = [];
  const add = (message: string, file?: string) => problems.push({ rule: 'model-libs', file, message });
  const indexPath = `${PACKAGED_LIBS_DIR}/index.json`;
  const indexBytes = files.get(indexPath);
  const parsed = indexBytes ? packagedIndexSchema.safeParse(JSON.parse(text(indexBytes))) : null;
  if (indexBytes && !parsed?.success) add('the packaged model-library index is malformed', indexPath);
  const index = parsed?.success ? parsed.data.libs : [];
  if (!indexBytes && lock.libs.length > 0) add('no model-library index: run `npm run vendor:model-libs`', indexPath);
  const pinned = new Map(lock.libs.map((l) => [l.file, l]));
  for (const lib of lock.libs) {
    const path = `${PACKAGED_LIBS_DIR}/${lib.file}`;
    const bytes = files.get(path);
    if (!bytes) add(`the library of ${lib.modelId} is missing from the package`, path);
    else if (sha256(bytes) !== lib.sha256) add(`the library of ${lib.modelId} does not match its pinned SHA-256`, path);
    if (indexBytes && !index.some((e) => e.file === lib.file && e.sha256 === lib.sha256 && e.modelId === lib.modelId))
      add(`the index does not list ${lib.modelId} as pinned`, indexPath);
  }
  for (const entry of index)
    if (!pinned.has(entry.file)) add(`${entry.file} is listed but not pinned in store/model-libs.lock.json`, indexPath);
  for (const path of files.keys())
    if (
      path.endsWith('.wasm') &&
      path.startsWith(`${PACKAGED_LIBS_DIR}/`) &&
      !pinned.has(path.slice(PACKAGED_LIBS_DIR.length + 1))
    )
      add('a model library that is not pinned is packaged', path);
  return problems;
}

export function checkStorePackage(files: PackageFiles, ctx: CheckContext): Problem[] {
  return [
    ...checkMv3(files, ctx.version),
    ...checkJustifications(files, ctx.justifications),
    ...checkRemoteCode(files),
    ...checkEval(ctx.sources),
    ...checkLocales(files),
    ...checkModelLibs(files, ctx.lock),
  ];
}
