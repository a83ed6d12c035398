import { Components, METAFILE_EXTENSION } from '@hubspot/project-parsing-lib/constants';
import { parseProjectConfig } from '@hubspot/project-parsing-lib/projects';
import { translate } from '@hubspot/project-parsing-lib/translate';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  AppConfigSchema,
  CONFIG_SCHEMAS,
  HsMetaSchema,
  HsProjectSchema,
  LocalJsonSchema,
  type AppConfig,
} from './hsmeta-schemas';

export interface ProjectProblem {
  /** Path relative to the project directory. */
  file: string;
  message: string;
}

export interface FoundComponent {
  uid: string;
  type: string;
  file: string;
}

export interface ProjectCheckReport {
  problems: ProjectProblem[];
  components: FoundComponent[];
}

interface ComponentInfo {
  dir: string;
  parentComponent?: string;
  singularComponent?: boolean;
}
const COMPONENTS = Components as Record<string, ComponentInfo>;

/** Folder of a component type relative to srcDir: `app`, `app/cards`, `theme`… */
function componentFolder(info: ComponentInfo): string {
  return info.parentComponent ? `${info.parentComponent}/${info.dir}` : info.dir;
}
const COMPONENT_FOLDERS = new Set(Object.values(COMPONENTS).map(componentFolder));

/**
 * Checks a HubSpot project folder offline: `hsproject.json`, every `-hsmeta.json` (JSON, required fields, folder,
 * unique uid, entry files), `local.json`, and finally that `@hubspot/project-parsing-lib` translates the project and
 * sees the same components we do. Never throws for a broken project: every finding is a problem in the report.
 */
export async function checkHubSpotProject(projectDir: string): Promise<ProjectCheckReport> {
  const problems: ProjectProblem[] = [];
  const components: FoundComponent[] = [];
  const rel = (file: string) => path.relative(projectDir, file) || '.';
  const report = (file: string, message: string) => problems.push({ file: rel(file), message });

  // ==== hsproject.json ====
  const projectFile = path.join(projectDir, 'hsproject.json');
  const project = readJson(projectFile, report);
  if (project === undefined) return { problems, components };
  const projectConfig = validate(HsProjectSchema, project, projectFile, report);
  try {
    parseProjectConfig(projectDir);
  } catch (error) {
    report(projectFile, `rejected by project-parsing-lib: ${message(error)}`);
  }
  if (!projectConfig) return { problems, components };
  const srcDir = path.join(projectDir, projectConfig.srcDir);
  if (!existsSync(srcDir)) {
    report(projectFile, `srcDir "${projectConfig.srcDir}" does not exist`);
    return { problems, components };
  }

  // ==== every -hsmeta.json ====
  let appConfig: AppConfig | undefined;
  const uidFiles = new Map<string, string[]>();
  for (const file of walk(srcDir)) {
    const name = path.basename(file);
    if (!name.endsWith(METAFILE_EXTENSION)) {
      if (/hsmeta\.json$/i.test(name)) {
        report(
          file,
          `looks like a component config but does not end in "${METAFILE_EXTENSION}", so HubSpot ignores it`,
        );
      }
      continue;
    }
    const folder = path.relative(srcDir, path.dirname(file)).split(path.sep).join('/');
    const raw = readJson(file, report);
    if (raw === undefined) continue;
    const meta = validate(HsMetaSchema, raw, file, report);
    if (!meta) continue;

    const info = COMPONENTS[meta.type];
    if (!info) {
      report(file, `unknown component type "${meta.type}"`);
      continue;
    }
    const expectedFolder = componentFolder(info);
    if (folder !== expectedFolder) {
      // Inside a component folder but deeper down, e.g. app/cards/extra/: HubSpot's parser skips such files.
      const nested = !COMPONENT_FOLDERS.has(folder) && [...COMPONENT_FOLDERS].some((f) => folder.startsWith(`${f}/`));
      report(
        file,
        nested
          ? `nested component folder ${projectConfig.srcDir}/${folder}/: a "${meta.type}" config must sit directly in ${projectConfig.srcDir}/${expectedFolder}/`
          : `a "${meta.type}" config belongs in ${projectConfig.srcDir}/${expectedFolder}/, not ${projectConfig.srcDir}/${folder}/`,
      );
    }

    const configSchema = CONFIG_SCHEMAS[meta.type];
    if (!configSchema) {
      report(file, `no config schema for type "${meta.type}" in hsmeta-schemas.ts: add one before using this type`);
    } else {
      const config = validate(configSchema, meta.config, file, report, 'config');
      if (config && meta.type === 'app') appConfig = AppConfigSchema.parse(meta.config);
      if (config && (meta.type === 'card' || meta.type === 'settings')) {
        const entry = (config as { entrypoint: string }).entrypoint;
        if (!existsSync(path.join(srcDir, entry))) report(file, `config.entrypoint ${entry} does not exist`);
      }
    }

    components.push({ uid: meta.uid, type: meta.type, file: rel(file) });
    uidFiles.set(meta.uid, [...(uidFiles.get(meta.uid) ?? []), rel(file)]);
  }

  // ==== project-wide rules ====
  for (const [uid, files] of uidFiles) {
    if (files.length > 1) problems.push({ file: files.join(', '), message: `duplicate uid "${uid}"` });
  }
  const counts = new Map<string, number>();
  for (const component of components) counts.set(component.type, (counts.get(component.type) ?? 0) + 1);
  if ((counts.get('app') ?? 0) !== 1) {
    report(srcDir, `expected exactly one "app" component, found ${counts.get('app') ?? 0}`);
  }
  for (const [type, count] of counts) {
    if (type !== 'app' && COMPONENTS[type]?.singularComponent && count > 1) {
      report(srcDir, `at most one "${type}" component is allowed, found ${count}`);
    }
  }

  // ==== local.json (hs project dev proxy) ====
  const localJson = path.join(srcDir, 'app', 'local.json');
  if (existsSync(localJson)) {
    const local = validate(LocalJsonSchema, readJson(localJson, report), localJson, report);
    for (const origin of Object.keys(local?.proxy ?? {})) {
      if (appConfig && !appConfig.permittedUrls.fetch.includes(origin)) {
        report(localJson, `proxies ${origin}, which is not in the app's permittedUrls.fetch`);
      }
    }
  }

  // ==== what HubSpot's own parser makes of it ====
  try {
    const { intermediateRepresentation, skippedHsMetaFiles } = await translate(
      { projectSourceDir: srcDir, platformVersion: projectConfig.platformVersion },
      { skipValidation: true },
    );
    for (const skipped of skippedHsMetaFiles) {
      report(path.join(srcDir, skipped), 'skipped by project-parsing-lib (not in a component folder)');
    }
    const parsedUids = Object.keys(intermediateRepresentation.intermediateNodesIndexedByUid).sort();
    const ourUids = [...uidFiles.keys()].sort();
    if (problems.length === 0 && parsedUids.join() !== ourUids.join()) {
      report(
        srcDir,
        `project-parsing-lib found components [${parsedUids.join(', ')}], this check found [${ourUids.join(', ')}]`,
      );
    }
  } catch (error) {
    report(srcDir, `project-parsing-lib could not translate the project: ${message(error)}`);
  }

  return { problems, components };
}

function readJson(file: string, report: (file: string, message: string) => void): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    report(file, `cannot be read: ${message(error)}`);
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    report(file, `invalid JSON: ${message(error)}`);
    return undefined;
  }
}

function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  file: string,
  report: (file: string, message: string) => void,
  prefix?: string,
): z.output<S> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const where = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    report(file, where ? `${where}: ${issue.message}` : issue.message);
  }
  return undefined;
}

/** Every file under `dir`, skipping node_modules (the card's own dependencies) as HubSpot's parser does. */
function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
