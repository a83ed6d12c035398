/**
 * `npm run build:hubspot-project`: the HubSpot project as it is uploaded. The sources name a placeholder backend
 * (`https://api.closer.example`, proxied to the local server by `local.json` during `hs project dev`); one setting,
 * `CLOSER_PUBLIC_ORIGIN`, names the real one. This copies the project to `.output/hubspot-project/`, puts the
 * public origin into `permittedUrls`, the OAuth redirect URL, the support links and the card and settings
 * configuration, and fails if any placeholder domain (`*.example`) is left in what would ship.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkHubSpotProject } from './check-project';

/** The backend origin the sources use until upload time. */
export const PLACEHOLDER_ORIGIN = 'https://api.closer.example';
/** Any name under the reserved `.example` domain (RFC 2606): never a real deployment. */
const PLACEHOLDER_DOMAIN = /\b[\w.-]+\.example\b/i;
const TEXT_FILE = /\.(?:json|tsx?|jsx?|md)$/;
/** Not shipped: dependencies, tests and the local development proxy. */
const SKIPPED = (name: string) =>
  name === 'node_modules' || name === 'local.json' || /\.test\.tsx?$/.test(name) || name === 'test-utils';

/** Checks the setting: an https origin without path, and not a placeholder or a loopback name. */
export function parsePublicOrigin(value: string | undefined): string {
  if (!value) throw new Error('CLOSER_PUBLIC_ORIGIN is not set: name the backend, e.g. https://api.yourcompany.com');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`CLOSER_PUBLIC_ORIGIN ${value} is not a URL`);
  }
  if (url.protocol !== 'https:') throw new Error(`CLOSER_PUBLIC_ORIGIN must be https (HubSpot fetches only https)`);
  if (url.origin !== value.replace(/\/$/, '')) throw new Error(`CLOSER_PUBLIC_ORIGIN must be an origin, not ${value}`);
  if (PLACEHOLDER_DOMAIN.test(url.hostname) || /^(localhost|127\.|\[::1\])/.test(url.hostname))
    throw new Error(`CLOSER_PUBLIC_ORIGIN ${value} is a placeholder or local name`);
  return url.origin;
}

/** Support contact derived from the origin (`api.acme.com` → `support@acme.com`) unless given. */
function supportEmail(origin: string, explicit?: string): string {
  if (explicit) return explicit;
  return `support@${new URL(origin).hostname.replace(/^api\./, '')}`;
}

function textFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) textFiles(p, out);
    else if (TEXT_FILE.test(entry.name)) out.push(p);
  }
  return out;
}

export interface UploadBuildResult {
  outDir: string;
  problems: string[];
}

export async function buildUploadProject(opts: {
  projectDir: string;
  outDir: string;
  publicOrigin: string | undefined;
  supportEmail?: string;
}): Promise<UploadBuildResult> {
  const origin = parsePublicOrigin(opts.publicOrigin);
  rmSync(opts.outDir, { recursive: true, force: true });
  mkdirSync(opts.outDir, { recursive: true });
  // Only what HubSpot builds: the project file and srcDir (not the backend, the sandbox or their tests).
  cpSync(join(opts.projectDir, 'hsproject.json'), join(opts.outDir, 'hsproject.json'));
  cpSync(join(opts.projectDir, 'src'), join(opts.outDir, 'src'), {
    recursive: true,
    filter: (src) => !SKIPPED(src.split(/[\\/]/).pop() ?? ''),
  });
  const appMetaPath = join(opts.outDir, 'src/app/app-hsmeta.json');
  const appMeta = JSON.parse(readFileSync(appMetaPath, 'utf8')) as {
    config: {
      auth: { redirectUrls: string[] };
      permittedUrls: { fetch: string[] };
      support?: Record<string, string>;
    };
  };
  appMeta.config.auth.redirectUrls = [`${origin}/oauth/callback`];
  appMeta.config.permittedUrls.fetch = [origin];
  appMeta.config.support = {
    supportEmail: supportEmail(origin, opts.supportEmail),
    documentationUrl: `${origin}/docs`,
    supportUrl: `${origin}/support`,
  };
  writeFileSync(appMetaPath, `${JSON.stringify(appMeta, null, 2)}\n`);
  const problems: string[] = [];
  for (const file of textFiles(opts.outDir)) {
    const body = readFileSync(file, 'utf8');
    const replaced = body.split(PLACEHOLDER_ORIGIN).join(origin);
    if (replaced !== body) writeFileSync(file, replaced);
    const left = replaced.match(PLACEHOLDER_DOMAIN);
    if (left) problems.push(`${relative(opts.outDir, file)}: placeholder domain ${left[0]} is still there`);
  }
  const report = await checkHubSpotProject(opts.outDir);
  problems.push(...report.problems.map((p) => `${p.file}: ${p.message}`));
  return { outDir: opts.outDir, problems };
}

async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, '../../..');
  const result = await buildUploadProject({
    projectDir: join(root, 'crm-app'),
    outDir: join(root, '.output/hubspot-project'),
    publicOrigin: process.env.CLOSER_PUBLIC_ORIGIN,
    supportEmail: process.env.CLOSER_SUPPORT_EMAIL,
  });
  for (const p of result.problems) console.error(`✗ ${p}`);
  if (result.problems.length > 0) process.exit(1);
  const size = statSync(join(result.outDir, 'src/app/app-hsmeta.json')).size;
  console.log(`build:hubspot-project: ${result.outDir} is ready to upload (app-hsmeta.json ${size} B)`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
